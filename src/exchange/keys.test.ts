import { describe, expect, it } from "vitest";
import { fromBase64url } from "./canonical.ts";
import { fingerprint, generateNodeKeyPair, keyId, keyPairFromSeed, signBytes, verifyBytes } from "./keys.ts";

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ""), "hex");

// RFC 8032 §7.1, TEST 1 and TEST 2 (SECRET KEY, PUBLIC KEY, MESSAGE, SIGNATURE), copied from the RFC.
const VECTORS = [
  {
    name: "TEST 1",
    secret: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
    public: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    message: "",
    signature:
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
  },
  {
    name: "TEST 2",
    secret: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
    public: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
    message: "72",
    signature:
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
  },
];

describe("Ed25519 through node:crypto (RFC 8032 §7.1)", () => {
  for (const v of VECTORS)
    it(`${v.name}: derives the public key, signs and verifies as the RFC prints`, () => {
      const pair = keyPairFromSeed(hex(v.secret));
      expect(fromBase64url(pair.publicKey).toString("hex")).toBe(v.public);
      const sig = signBytes(pair.privateKeyPem, hex(v.message));
      expect(fromBase64url(sig).toString("hex")).toBe(v.signature);
      const rfcSig = hex(v.signature).toString("base64url");
      expect(verifyBytes(pair.publicKey, hex(v.message), rfcSig)).toBe(true);
      // One flipped bit in the message or the signature: refused.
      expect(verifyBytes(pair.publicKey, Buffer.from([1]), rfcSig)).toBe(false);
      const bad = hex(v.signature);
      bad[0] = (bad[0] ?? 0) ^ 1;
      expect(verifyBytes(pair.publicKey, hex(v.message), bad.toString("base64url"))).toBe(false);
    });

  it("fingerprint: SHA-256 of the raw public key, grouped hex (TEST 1)", () => {
    // printf d75a…511a | xxd -r -p | sha256sum → 21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9
    const pk = hex(VECTORS[0]?.public ?? "").toString("base64url");
    expect(fingerprint(pk)).toBe(
      "21fe 31df a154 a261 626b f854 046f d227 1b7b ed4b 6abe 45aa 5887 7ef4 7f97 21b9",
    );
    expect(keyId(pk)).toBe("ed25519-21fe31dfa154a261");
  });

  it("refuses malformed keys and signatures without throwing", () => {
    const pair = generateNodeKeyPair();
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const sig = signBytes(pair.privateKeyPem, Buffer.from("x"));
    expect(verifyBytes(pair.publicKey, Buffer.from("x"), sig)).toBe(true);
    expect(verifyBytes("short", Buffer.from("x"), sig)).toBe(false);
    expect(verifyBytes(pair.publicKey, Buffer.from("x"), "AAAA")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  csrfTokenFor,
  hashPassword,
  newApiKey,
  newSessionToken,
  parseApiKey,
  safeEqual,
  scryptKey,
  secretMatches,
  sha256Hex,
  verifyPassword,
} from "./secrets.ts";

// RFC 7914 §12, third test vector: P = "password", S = "NaCl", N = 1024, r = 8, p = 16, dkLen = 64.
const RFC7914_HEX =
  "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640";

describe("scrypt", () => {
  it("matches RFC 7914 §12 through our wrapper", async () => {
    const key = await scryptKey("password", Buffer.from("NaCl"), { N: 1024, r: 8, p: 16, keyBytes: 64 });
    expect(key.toString("hex")).toBe(RFC7914_HEX);
    const encoded = `scrypt$1024$8$16$${Buffer.from("NaCl").toString("base64url")}$${Buffer.from(RFC7914_HEX, "hex").toString("base64url")}`;
    expect(await verifyPassword("password", encoded)).toBe(true);
    expect(await verifyPassword("Password", encoded)).toBe(false);
  });
  it("hashes with the OWASP parameters (N = 2^17, r = 8, p = 1, 16-byte salt, 64-byte key) and verifies", async () => {
    const h = await hashPassword("correct horse battery staple");
    const [alg, N, r, p, salt, key] = h.split("$");
    expect([alg, N, r, p]).toEqual(["scrypt", "131072", "8", "1"]);
    expect(Buffer.from(salt!, "base64url")).toHaveLength(16);
    expect(Buffer.from(key!, "base64url")).toHaveLength(64);
    expect(await verifyPassword("correct horse battery staple", h)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", h)).toBe(false);
    expect(await hashPassword("x")).not.toBe(await hashPassword("x")); // salted
  }, 20_000);
  it("refuses malformed or absurd hashes without throwing", async () => {
    expect(await verifyPassword("x", "bcrypt$...")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1073741824$8$1$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1024$8$1$AAAA$AAAA")).toBe(false);
  });
});

describe("keys and tokens", () => {
  it("SHA-256 matches FIPS 180-2 B.1", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
  it("makes spx_<id>_<secret> keys whose stored hash is of the secret only", () => {
    const k = newApiKey();
    expect(k.token).toMatch(/^spx_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseApiKey(k.token)!;
    expect(parsed.id).toBe(k.id);
    expect(Buffer.from(parsed.secret, "base64url")).toHaveLength(32);
    expect(k.secretHash).toBe(sha256Hex(parsed.secret));
    expect(secretMatches(parsed.secret, k.secretHash)).toBe(true);
    expect(secretMatches(`${parsed.secret.slice(0, -1)}A`, k.secretHash)).toBe(parsed.secret.endsWith("A"));
    expect(parseApiKey("spx_zz_abc")).toBeUndefined();
    expect(newApiKey().token).not.toBe(k.token);
  });
  it("session tokens are 32 random bytes, stored hashed; CSRF derives from the token", () => {
    const s = newSessionToken();
    expect(Buffer.from(s.token, "base64url")).toHaveLength(32);
    expect(s.tokenHash).toBe(sha256Hex(s.token));
    expect(csrfTokenFor(s.token)).toBe(csrfTokenFor(s.token));
    expect(csrfTokenFor(s.token)).not.toBe(csrfTokenFor(newSessionToken().token));
    expect(safeEqual("a", "a")).toBe(true);
    expect(safeEqual("a", "ab")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { LA, NGO, T0 } from "./fixtures/nodes.ts";
import { currentKey, endorseKey, keyLookup, signNodeDocument, verifyNodeDocument } from "./identity.ts";
import { fingerprint, keyPairFromSeed } from "./keys.ts";

const LATER = "2027-01-01T00:00:00.000Z";

function rotated() {
  const next = keyPairFromSeed(Buffer.alloc(32, 9));
  const newKey = endorseKey("USLAX", next.publicKey, LATER, LA.signer);
  const until = "2027-02-01T00:00:00.000Z";
  const doc = signNodeDocument(
    {
      port: "USLAX",
      name: LA.document.name,
      endpoint: LA.document.endpoint,
      keys: [{ ...LA.key, until }, newKey],
      issuedAt: LATER,
    },
    { port: "USLAX", kid: newKey.kid, privateKeyPem: next.privateKeyPem },
  );
  return { doc, newKey, until };
}

describe("node documents", () => {
  it("verify with the fingerprint given out of band, and never carry a private key", () => {
    const fp = fingerprint(LA.key.publicKey);
    const r = verifyNodeDocument(JSON.parse(JSON.stringify(LA.document)), {
      fingerprint: fp.replace(/ /g, ":"),
    });
    expect(r).toMatchObject({ ok: true, fingerprint: fp });
    expect(JSON.stringify(LA.document)).not.toMatch(/PRIVATE|pkcs8/i);
    expect(verifyNodeDocument(LA.document, { fingerprint: fingerprint(NGO.key.publicKey) })).toMatchObject({
      ok: false,
      reason: "fingerprint_mismatch",
    });
  });

  it("refuse a tampered document, an unlisted key, a malformed one", () => {
    expect(verifyNodeDocument({ ...LA.document, endpoint: "http://evil.example/" })).toMatchObject({
      ok: false,
      reason: "signature_invalid",
    });
    expect(verifyNodeDocument({ ...LA.document, kid: NGO.key.kid })).toMatchObject({
      ok: false,
      reason: "unknown_key",
    });
    expect(verifyNodeDocument({ ...LA.document, port: "nowhere" })).toMatchObject({
      ok: false,
      reason: "malformed",
    });
    // A key signed by NGO slipped in as LA's: its id does not match… and it is not endorsed.
    const forged = signNodeDocument(
      {
        port: "USLAX",
        name: LA.document.name,
        endpoint: LA.document.endpoint,
        keys: [NGO.key],
        issuedAt: T0,
      },
      { ...NGO.signer, port: "USLAX" },
    );
    expect(verifyNodeDocument(forged, { trusted: LA.document })).toMatchObject({
      ok: false,
      reason: "untrusted_key",
    });
  });

  it("rotation: the new key endorsed by the old, both listed, the old verifies until its until", () => {
    const { doc, newKey, until } = rotated();
    expect(verifyNodeDocument(doc, { trusted: LA.document })).toMatchObject({ ok: true });
    expect(currentKey(doc.keys, LATER)?.kid).toBe(newKey.kid);
    const keys = keyLookup([doc]);
    expect(keys("USLAX", LA.key.kid, "2027-01-15T00:00:00.000Z")).toBe(LA.key.publicKey);
    expect(keys("USLAX", LA.key.kid, until)).toBeUndefined();
    expect(keys("USLAX", newKey.kid, "2026-12-15T00:00:00.000Z")).toBeUndefined(); // before its from
    // An endorsement that does not match the key: refused.
    const other = keyPairFromSeed(Buffer.alloc(32, 10));
    const swapped = { ...newKey, publicKey: other.publicKey };
    const bad = signNodeDocument(
      {
        port: "USLAX",
        name: LA.document.name,
        endpoint: LA.document.endpoint,
        keys: [LA.key, swapped],
        issuedAt: LATER,
      },
      LA.signer,
    );
    expect(verifyNodeDocument(bad)).toMatchObject({ ok: false, reason: "malformed" }); // kid ≠ its key's id
    // A new key endorsed by a signature over another statement (here: NGO's key endorsing it): refused.
    const foreign = endorseKey("USLAX", newKey.publicKey, LATER, NGO.signer);
    const unendorsed = signNodeDocument(
      {
        port: "USLAX",
        name: LA.document.name,
        endpoint: LA.document.endpoint,
        keys: [
          LA.key,
          { ...foreign, endorsedBy: { kid: LA.key.kid, signature: foreign.endorsedBy?.signature ?? "" } },
        ],
        issuedAt: LATER,
      },
      LA.signer,
    );
    expect(verifyNodeDocument(unendorsed)).toMatchObject({ ok: false, reason: "endorsement_invalid" });
  });
});

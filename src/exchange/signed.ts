/**
 * One envelope for everything a node signs (node documents, negotiation messages, packages,
 * receipts): the body plus `kid` (which key) and `signature` (Ed25519 over the canonical JSON of the
 * body with its `kid`, RFC 8785). The hash that chains one signed thing to the next covers the
 * signature too, so a chain cannot be re-signed without the link changing.
 */
import { canonicalHash, canonicalJson } from "./canonical.ts";
import { signBytes, verifyBytes } from "./keys.ts";

export interface Signer {
  port: string;
  kid: string;
  /** PKCS#8 PEM, read from the store for the moment of signing. */
  privateKeyPem: string;
}

export type Signed<T> = T & { kid: string; signature: string };

/** Strip `signature`, keep `kid`: the bytes the signature covers. */
export function signingBytes(value: object): Buffer {
  const { signature: _omit, ...body } = value as { signature?: string };
  return Buffer.from(canonicalJson(body), "utf8");
}

export function signWith<T extends object>(body: T, signer: Signer): Signed<T> {
  const withKid = { ...body, kid: signer.kid };
  return { ...withKid, signature: signBytes(signer.privateKeyPem, signingBytes(withKid)) };
}

export function verifySigned(value: { kid: string; signature: string }, publicKey: string): boolean {
  return verifyBytes(publicKey, signingBytes(value), value.signature);
}

/** The link to a signed thing: SHA-256 of its canonical JSON, signature included (base64url). */
export function signedHash(value: { signature: string }): string {
  return canonicalHash(value);
}

/** True when a detached `signature` by `kid` is over `statement` as signWith would have signed it. */
export function verifyBytesFor(
  publicKey: string,
  statement: object,
  kid: string,
  signature: string,
): boolean {
  return verifyBytes(publicKey, Buffer.from(canonicalJson({ ...statement, kid }), "utf8"), signature);
}

/**
 * Ed25519 (RFC 8032) through node:crypto: key pairs, raw 32-byte public keys, signatures and
 * fingerprints. Private keys live as PKCS#8 PEM text, only in the store; nothing here puts one in a
 * document.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { DomainError } from "../core/errors.ts";
import { base64url, fromBase64url } from "./canonical.ts";

/** DER prefixes of an Ed25519 key (RFC 8410 §7: OID 1.3.101.112), before the 32 raw bytes. */
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export interface NodeKeyPair {
  /** PKCS#8 PEM: stays in the store. */
  privateKeyPem: string;
  /** The raw 32-byte public key, base64url. */
  publicKey: string;
}

export function generateNodeKeyPair(): NodeKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicKey: rawPublicKey(publicKey),
  };
}

/** A key pair from a 32-byte RFC 8032 secret key (the seed) — how the RFC's test vectors are loaded. */
export function keyPairFromSeed(seed: Uint8Array): NodeKeyPair {
  if (seed.length !== 32) throw new DomainError("validation", "an Ed25519 secret key is 32 bytes");
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  return {
    privateKeyPem: key.export({ format: "pem", type: "pkcs8" }).toString(),
    publicKey: rawPublicKey(createPublicKey(key)),
  };
}

function rawPublicKey(key: KeyObject): string {
  const der = key.export({ format: "der", type: "spki" });
  return base64url(der.subarray(der.length - 32));
}

function publicKeyObject(publicKey: string): KeyObject | undefined {
  const raw = fromBase64url(publicKey);
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: "der", type: "spki" });
  } catch {
    return undefined;
  }
}

/** The Ed25519 signature (64 bytes, base64url) of the bytes. Deterministic (RFC 8032 §5.1.6). */
export function signBytes(privateKeyPem: string, bytes: Uint8Array): string {
  return base64url(sign(null, bytes, createPrivateKey(privateKeyPem)));
}

/** True when the signature is the key's over the bytes; false for any malformed key or signature. */
export function verifyBytes(publicKey: string, bytes: Uint8Array, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  const sig = fromBase64url(signature);
  if (key === undefined || sig.length !== 64) return false;
  try {
    return verify(null, bytes, key, sig);
  } catch {
    return false;
  }
}

/**
 * SHA-256 of the raw 32-byte public key, hex in groups of four for reading aloud or comparing on paper
 * (out-of-band check). Example: RFC 8032 TEST 1's public key d75a9801…511a has fingerprint
 * "21fe 31df a154 a261 …" (SHA-256 of those 32 bytes; the test computes it independently).
 */
export function fingerprint(publicKey: string): string {
  const hex = createHash("sha256").update(fromBase64url(publicKey)).digest("hex");
  return hex.match(/.{4}/g)?.join(" ") ?? hex;
}

/** A fingerprint typed by a person: spaces, colons and case ignored. */
export function normalizeFingerprint(text: string): string {
  const hex = text.replace(/[\s:]/g, "").toLowerCase();
  return hex.match(/.{1,4}/g)?.join(" ") ?? hex;
}

/** Key id: "ed25519-" and the first 16 hex digits of the fingerprint. */
export function keyId(publicKey: string): string {
  return `ed25519-${fingerprint(publicKey).replace(/ /g, "").slice(0, 16)}`;
}

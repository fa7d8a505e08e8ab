/**
 * Secrets of the access capability: API keys, session tokens, CSRF tokens and password hashes, all
 * from node:crypto. What is stored is never the secret itself: a SHA-256 of a key's or session's
 * random part (256 bits of entropy: no slow hash needed), and an scrypt hash of a password.
 *
 * Why scrypt and not argon2id: both are recommended by the OWASP Password Storage Cheat Sheet;
 * scrypt ships in Node's node:crypto, so no native dependency has to be installed or built on a
 * port's machines (argon2id needs @node-rs/argon2's prebuilt binaries).
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/** API key text: `spx_<keyid>_<secret>` — key id 16 hex digits, secret 32 random bytes base64url. */
export interface NewApiKey {
  id: string;
  /** The whole key, shown once to its holder and never stored. */
  token: string;
  /** What is stored: SHA-256 of the secret, hex. */
  secretHash: string;
}

const KEY_PATTERN = /^spx_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): NewApiKey {
  const id = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { id, token: `spx_${id}_${secret}`, secretHash: sha256Hex(secret) };
}

/** Splits a presented key into its id and secret; undefined when it is not shaped like one. */
export function parseApiKey(token: string): { id: string; secret: string } | undefined {
  const m = KEY_PATTERN.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : undefined;
}

/** Whether a presented secret matches a stored SHA-256 (constant time). */
export function secretMatches(secret: string, storedHashHex: string): boolean {
  const a = Buffer.from(sha256Hex(secret), "hex");
  const b = Buffer.from(storedHashHex, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * SHA-256, hex. Example (FIPS 180-2 appendix B.1): sha256Hex("abc") =
 * "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".
 */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A session token (32 random bytes, base64url) and what is stored of it. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: sha256Hex(token) };
}

/**
 * The CSRF token of a session: derived from the session token (which only the browser holding the
 * HttpOnly cookie has), so nothing more is stored and another site cannot compute it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash("sha256").update(`sisterports-csrf\0${sessionToken}`).digest("base64url");
}

/** Constant-time comparison of two texts (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A one-time password for a new account: 18 random bytes, base64url (24 characters, 144 bits). */
export function newOneTimePassword(): string {
  return randomBytes(18).toString("base64url");
}

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  saltBytes: number;
  keyBytes: number;
}

/**
 * OWASP Password Storage Cheat Sheet (scrypt section): "a minimum CPU/memory cost parameter of
 * (2^17), a minimum block size of 8 (1024 bytes), and a parallelization parameter of 1".
 * Memory: 128 × N × r = 128 MiB per hash. Salt 16 bytes, key 64 bytes.
 */
export const PASSWORD_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1, saltBytes: 16, keyBytes: 64 };

/** scrypt through node:crypto, with room for the memory the parameters need (Node's default is 32 MiB). */
export function scryptKey(
  password: string | Buffer,
  salt: Buffer,
  params: Pick<ScryptParams, "N" | "r" | "p" | "keyBytes">,
): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password, salt, params.keyBytes, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/**
 * Hashes a password: `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the parameters can
 * be raised later while old hashes still verify.
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = PASSWORD_SCRYPT,
): Promise<string> {
  const salt = randomBytes(params.saltBytes);
  const key = await scryptKey(password, salt, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join(
    "$",
  );
}

/**
 * Checks a password against an encoded hash (constant-time compare). False for a malformed hash.
 * Example (RFC 7914 §12): P = "password", S = "NaCl", N = 1024, r = 8, p = 16, dkLen = 64 gives
 * fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640,
 * so `scrypt$1024$8$16$TmFDbA$<that key in base64url>` verifies "password".
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || N > 2 ** 20 || r > 32 || p > 64) return false;
  const salt = Buffer.from(parts[4]!, "base64url");
  const expected = Buffer.from(parts[5]!, "base64url");
  if (expected.length < 16) return false;
  const key = await scryptKey(password, salt, { N, r, p, keyBytes: expected.length });
  return timingSafeEqual(key, expected);
}

/**
 * A hash that never matches, verified when a user name is unknown so that the answer takes as long
 * as for a known name (no user-name probing by timing).
 */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(newOneTimePassword());
  await verifyPassword(password, await dummyHash);
  return false;
}

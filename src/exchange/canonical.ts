/**
 * Canonical JSON for signing and hashing: RFC 8785 (JSON Canonicalization Scheme, JCS). Object keys
 * sorted by their UTF-16 code units, no whitespace, strings escaped as ECMAScript's JSON.stringify
 * does, numbers as ECMAScript prints them (RFC 8785 §3.2.2.3 adopts exactly that serialisation).
 * Both nodes sign and hash these bytes, so a document re-serialised by the other side (any key order,
 * any whitespace) still verifies.
 */
import { createHash } from "node:crypto";
import { DomainError } from "../core/errors.ts";

/**
 * Example: canonicalJson({ b: [1, 4.50, 1e30], a: "€" }) → `{"a":"€","b":[1,4.5,1e+30]}`.
 * `undefined` members are left out (as JSON.stringify does); NaN and ±Infinity are refused (RFC 8785
 * §3.2.2.3: not representable in JSON).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value))
        throw new DomainError("validation", `canonical JSON: ${value} is not a JSON number`);
      return JSON.stringify(value); // -0 → "0", 1e30 → "1e+30": ECMAScript Number::toString
    case "string":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value))
        return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
      const record = value as Record<string, unknown>;
      // Array.prototype.sort without a comparator orders by UTF-16 code units (RFC 8785 §3.2.3).
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
    }
    default:
      throw new DomainError("validation", `canonical JSON: a ${typeof value} cannot be serialised`);
  }
}

/** Base64url without padding (RFC 4648 §5), the encoding of keys, signatures and hashes here. */
export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

export function fromBase64url(text: string): Buffer {
  return Buffer.from(text, "base64url");
}

/**
 * SHA-256 of the canonical JSON, base64url. Example: canonicalHash({}) is SHA-256 of "{}" =
 * 44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a (hex) →
 * "RBNvo1WzZ4oRRq0W9-hknpT7T8If536DEMBg9hyq_4o".
 */
export function canonicalHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("base64url");
}

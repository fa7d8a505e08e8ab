/**
 * Deterministic ids for records whose input carries none. Apart from ids.ts because it needs
 * node:crypto, and the portal bundles ids.ts for its container check digits.
 */
import { createHash } from "node:crypto";

/**
 * A deterministic UUID (RFC 9562 version 5 layout: SHA-1 of a name, version and variant bits set)
 * for records whose input carries no id, so that ingesting the same input twice yields the same
 * ids. `parts` are joined with U+001F (unit separator), which no field of ours contains.
 * Example: stableUuid("gate", "uslax-terminal-yti", "TRK1", "1767225600") is the same on every run
 * and differs from stableUuid("gate", "uslax-terminal-yti", "TRK1", "1767225601").
 */
export function stableUuid(...parts: readonly string[]): string {
  const h = createHash("sha1")
    .update(`sisterports\u001f${parts.join("\u001f")}`)
    .digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

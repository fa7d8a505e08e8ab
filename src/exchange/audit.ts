/**
 * The exchange audit log: every exchange event (node set up, peer added, negotiation message sent,
 * received or refused, package sent, received or refused, receipt, retention deletion) as an entry
 * chained to the previous one by hash — so an entry removed or edited afterwards shows, and either
 * side can show what it did and when (issue 15: "logged on both sides", "proves it in the audit log").
 */
import { canonicalHash } from "./canonical.ts";

export const AUDIT_ACTIONS = [
  "node.init",
  "node.rotate",
  "peer.add",
  "peer.update",
  "negotiation.sent",
  "negotiation.received",
  "negotiation.refused",
  "package.sent",
  "package.received",
  "package.refused",
  "receipt.sent",
  "receipt.received",
  "pull.served",
  "pull.refused",
  "retention.deleted",
  // Added with the HTTP engine (engine.ts, routes.ts): delivery of a step or a notice to the peer
  // ("failed": the peer could not be reached), the API key set for a peer, a request refused
  // because the HTTP key belongs to another peer than the signed body's sender.
  "negotiation.delivered",
  "notice.sent",
  "notice.received",
  "peer.key",
  "request.refused",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryInput {
  at: string;
  action: AuditAction;
  peer?: string;
  agreementId?: string;
  /** "failed": this node could not reach the peer (network, HTTP 5xx) after its retries. */
  outcome: "ok" | "refused" | "failed";
  reason?: string;
  detail?: Record<string, unknown>;
}

export interface AuditEntry extends AuditEntryInput {
  seq: number;
  prevHash: string | null;
  hash: string;
}

/** The hash of an entry: SHA-256 of the canonical JSON of the entry with its seq and prevHash. */
export function auditHash(entry: Omit<AuditEntry, "hash">): string {
  return canonicalHash(entry);
}

/**
 * Checks a run of audit entries (in seq order, from the first): each links to the one before and
 * its hash covers its content. Returns the seq of the first bad entry, or undefined when intact.
 * Example: three entries appended by the store verify; change entry 2's reason and it returns 2.
 */
export function firstBrokenAuditEntry(entries: readonly AuditEntry[]): number | undefined {
  let prev: string | null = null;
  for (const e of entries) {
    const { hash, ...rest } = e;
    if (e.prevHash !== prev || auditHash(rest) !== hash) return e.seq;
    prev = hash;
  }
  return undefined;
}

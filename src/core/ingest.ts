/**
 * Counts every ingest reports. They balance: read = accepted + rejected + duplicates, where
 * "duplicates" are records already stored (or repeated within the input) — so ingesting the same
 * input twice gives accepted 0 the second time.
 */
export interface IngestCounts {
  read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  rejectedByReason: Record<string, number>;
}

export function emptyIngestCounts(): IngestCounts {
  return { read: 0, accepted: 0, rejected: 0, duplicates: 0, rejectedByReason: {} };
}

/** Adds `c` into `total` (for totals over files or feeds). */
export function addIngestCounts(total: IngestCounts, c: IngestCounts): IngestCounts {
  total.read += c.read;
  total.accepted += c.accepted;
  total.rejected += c.rejected;
  total.duplicates += c.duplicates;
  for (const [reason, n] of Object.entries(c.rejectedByReason)) {
    total.rejectedByReason[reason] = (total.rejectedByReason[reason] ?? 0) + n;
  }
  return total;
}

/** "read 10, accepted 7, rejected 2 (bad_checksum 2), duplicates 1". */
export function formatIngestCounts(c: IngestCounts): string {
  const reasons = Object.entries(c.rejectedByReason)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${reason} ${n}`);
  const byReason = reasons.length > 0 ? ` (${reasons.join(", ")})` : "";
  return `read ${c.read}, accepted ${c.accepted}, rejected ${c.rejected}${byReason}, duplicates ${c.duplicates}`;
}

/**
 * The instant of an AIS ETA, which is broadcast as "MM-DD HH:mm" UTC without a year: the year that
 * puts it nearest the report it came with. Example: ("01-02 06:00", 2026-12-30T10:00Z) → 2027-01-02T06:00Z.
 */
export function etaInstant(eta: string, reportedAt: Date): Date | null {
  const m = /^(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(eta);
  if (!m) return null;
  const [month, day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const year = reportedAt.getUTCFullYear();
  let best: Date | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const d = new Date(Date.UTC(y, month - 1, day, hour, minute));
    if (
      !best ||
      Math.abs(d.getTime() - reportedAt.getTime()) < Math.abs(best.getTime() - reportedAt.getTime())
    )
      best = d;
  }
  return best;
}

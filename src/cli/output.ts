/** Writing results for people (tables) or machines (--json). */

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain aligned text table; widths count East Asian wide characters as two columns. */
export function printTable(headers: string[], rows: (string | number | null)[][]): void {
  const width = (s: string) => {
    let w = 0;
    for (const ch of s)
      w +=
        /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
          ch,
        )
          ? 2
          : 1;
    return w;
  };
  const cells = rows.map((r) => r.map((c) => (c === null ? "" : String(c))));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ""))));
  const line = (r: string[]) =>
    r
      .map((c, i) => c + " ".repeat((widths[i] ?? 0) - width(c)))
      .join("  ")
      .trimEnd();
  process.stdout.write(`${line(headers)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const r of cells) process.stdout.write(`${line(r)}\n`);
}

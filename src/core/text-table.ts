/** Writing results for people (aligned text tables) or machines (--json), for every command. */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a string takes in a terminal: East Asian wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export interface TableOptions {
  /** Right-align every column but the first (tables of figures). */
  readonly numeric?: boolean;
}

/**
 * A plain aligned table with a rule under the headers, ending in a newline.
 * Example: formatTable(["a", "b"], [["x", "10"]]) → "a  b\n-  --\nx  10\n".
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  options: TableOptions = {},
): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? "" : String(c))));
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ""))),
  );
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => {
        const pad = " ".repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c)));
        return options.numeric && i > 0 ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd();
  return `${[line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n")}\n`;
}

export function printTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): void {
  process.stdout.write(formatTable(headers, rows));
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

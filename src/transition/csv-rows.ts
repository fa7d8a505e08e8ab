/**
 * What the fleet CSV parsers share: header-keyed rows of a user file (messy input: a bad row is
 * rejected with file, line, field and reason; nothing throws per row), and field readers.
 */
import { splitCsvLine } from "../core/csv.ts";
import type { TransitionReject } from "./wire.ts";

export interface CsvRow {
  line: number;
  get(column: string): string;
}

export interface CsvRows {
  rows: CsvRow[];
  /** Rejects of the file itself (header) and of unreadable lines. */
  rejects: TransitionReject[];
  /** Data lines read (not the header, not blank lines). */
  read: number;
}

/**
 * Splits a CSV text into header-keyed rows. Columns are matched case-insensitively; a required
 * column missing from the header rejects the whole file (line 1). A line whose cell count differs
 * from the header's is rejected (field "line").
 * Example: csvRows("a,b\n1,2\n", "f.csv", ["a"]) → one row with get("b") = "2".
 */
export function csvRows(text: string, file: string, required: readonly string[]): CsvRows {
  const lines = text.split(/\r?\n/);
  const cells: string[] = [];
  const out: CsvRows = { rows: [], rejects: [], read: 0 };
  const header = (lines[0] ?? "").replace(/^\uFEFF/, "");
  const n = splitCsvLine(header, cells);
  const columns = cells.slice(0, Math.max(0, n)).map((h) => h.trim().toLowerCase());
  const index = new Map(columns.map((c, i) => [c, i]));
  const missing = required.filter((c) => !index.has(c));
  if (n < 0 || missing.length > 0) {
    for (let i = 1; i < lines.length; i++) if ((lines[i] ?? "").trim() !== "") out.read++;
    out.rejects.push({
      file,
      line: 1,
      field: missing[0] ?? "header",
      reason: `header lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
    });
    return out;
  }
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (text.trim() === "") continue;
    out.read++;
    const m = splitCsvLine(text, cells);
    if (m !== columns.length) {
      out.rejects.push({
        file,
        line: i + 1,
        field: "line",
        reason: m < 0 ? "unterminated quoted field" : `${m} cells where the header has ${columns.length}`,
      });
      continue;
    }
    const row = cells.slice(0, m).map((c) => c.trim());
    out.rows.push({ line: i + 1, get: (c) => row[index.get(c) ?? -1] ?? "" });
  }
  return out;
}

/** Collects one row's rejects; `ok` is false once any field failed. */
export class RowCheck {
  readonly rejects: TransitionReject[] = [];
  constructor(
    readonly file: string,
    readonly line: number,
  ) {}
  get ok(): boolean {
    return this.rejects.length === 0;
  }
  fail(field: string, reason: string): void {
    this.rejects.push({ file: this.file, line: this.line, field, reason });
  }
  /** A number ≥ 0 (or ≥ min), or null when blank and optional. */
  number(row: CsvRow, column: string, opts: { required?: boolean; min?: number; integer?: boolean } = {}) {
    const text = row.get(column);
    if (text === "") {
      if (opts.required) this.fail(column, "missing");
      return null;
    }
    const v = Number(text);
    if (!Number.isFinite(v)) {
      this.fail(column, `"${text}" is not a number`);
      return null;
    }
    if (opts.integer && !Number.isInteger(v)) {
      this.fail(column, `"${text}" is not a whole number`);
      return null;
    }
    const min = opts.min ?? 0;
    if (v < min) {
      this.fail(column, `${v} is below ${min}`);
      return null;
    }
    return v;
  }
  text(row: CsvRow, column: string, required = false): string | null {
    const t = row.get(column);
    if (t === "") {
      if (required) this.fail(column, "missing");
      return null;
    }
    return t;
  }
}

/** Lower case with words joined by "_": " Fuel-Cell " → "fuel_cell". */
export function token(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, "_");
}

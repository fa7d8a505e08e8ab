/**
 * What the fleet CSV parsers share: header-keyed rows of a user file (messy input: a bad row is
 * rejected with file, line, field and reason; nothing throws per row), and field readers.
 */
import { type CsvRecord, userCsv } from "../core/csv.ts";
import type { TransitionReject } from "./wire.ts";

export type CsvRow = CsvRecord;

export interface CsvRows {
  rows: CsvRow[];
  /** Rejects of the file itself (header) and of unreadable lines. */
  rejects: TransitionReject[];
  /** Data lines read (not the header, not blank lines). */
  read: number;
}

/**
 * Splits a CSV text into header-keyed rows (core/csv `userCsv`). A required column missing from
 * the header rejects the whole file (line 1); a line whose cell count differs from the header's is
 * rejected (field "line").
 * Example: csvRows("a,b\n1,2\n", "f.csv", ["a"]) → one row with get("b") = "2".
 */
export function csvRows(text: string, file: string, required: readonly string[]): CsvRows {
  const csv = userCsv(text, required);
  const { missing } = csv;
  const rejects: TransitionReject[] =
    missing.length > 0
      ? [
          {
            file,
            line: 1,
            field: missing[0] ?? "header",
            reason: `header lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
          },
        ]
      : csv.bad.map((b) => ({ file, line: b.line, field: "line", reason: b.reason }));
  return { rows: csv.records, rejects, read: csv.lines };
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

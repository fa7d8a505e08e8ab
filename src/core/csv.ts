/**
 * CSV, read and written the same way by every importer: one line split into fields (RFC 4180
 * quoting), one field written, and the header-keyed tables shipped in data/reference/ (a malformed
 * one throws naming the file, line and column — it ships with us, so that is a bug, not bad input).
 * Pure: lines and tables come in as text.
 */
import { DomainError } from "./errors.ts";

/**
 * Splits one CSV line into `out` (RFC 4180 quoting: `"a,b"` and `""` inside quotes). Returns the
 * number of fields, or -1 for an unterminated or misplaced quote.
 *
 * Example: `splitCsvLine('1,"A, B",""""', out)` returns 3 with out = ["1", "A, B", "\""].
 */
export function splitCsvLine(line: string, out: string[]): number {
  let n = 0;
  const len = line.length;
  if (line.indexOf('"') < 0) {
    // Fast path: no quoting anywhere on the line.
    let start = 0;
    for (;;) {
      const comma = line.indexOf(",", start);
      if (comma < 0) {
        out[n++] = line.slice(start, len);
        return n;
      }
      out[n++] = line.slice(start, comma);
      start = comma + 1;
    }
  }
  let i = 0;
  for (;;) {
    if (i < len && line.charCodeAt(i) === 34) {
      let s = "";
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return -1;
        s += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          s += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out[n++] = s;
      if (i === len) return n;
      if (line.charCodeAt(i) !== 44) return -1;
      i++;
    } else {
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? len : comma;
      const field = line.slice(i, end);
      if (field.indexOf('"') >= 0) return -1;
      out[n++] = field;
      if (comma < 0) return n;
      i = comma + 1;
    }
  }
}

/** RFC 4180 field. Example: csvCell('a,"b"') → '"a,""b"""'; csvCell(null) → "". */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One data line of a user's header-keyed CSV. */
export interface CsvRecord {
  /** 1-based line in the file (header = 1). */
  line: number;
  /** The cell of a column (header names matched in lower case, cells trimmed); "" when absent. */
  get(column: string): string;
}

/** A user's CSV split into header-keyed records; what each capability rejects is its own wording. */
export interface UserCsv {
  /** Required columns the header lacks (then no record is read). */
  missing: string[];
  records: CsvRecord[];
  /** Lines that are not records: an unterminated quote, or (with exact cells) a wrong cell count. */
  bad: { line: number; reason: string }[];
  /** Data lines: every non-blank line after the header. */
  lines: number;
}

/**
 * Header-keyed records of a user file (messy input: nothing throws; the caller words each bad line
 * in its own reject). Columns match case-insensitively; blank lines are skipped. With
 * `exactCells` (the default) a line whose cell count differs from the header's is bad; without it,
 * missing cells read as "".
 *
 * Example: userCsv("A,b\n1,2\n\n3\n", ["a"]) → records [{ line 2, get("a") = "1" }], bad
 * [{ line 4, reason: "1 cells where the header has 2" }], lines 2.
 */
export function userCsv(text: string, required: readonly string[], exactCells = true): UserCsv {
  const lines = text.split(/\r?\n/);
  const cells: string[] = [];
  const n = splitCsvLine((lines[0] ?? "").replace(/^\uFEFF/, ""), cells);
  const header = new Map(cells.slice(0, Math.max(n, 0)).map((h, i) => [h.trim().toLowerCase(), i]));
  const out: UserCsv = { missing: required.filter((c) => !header.has(c)), records: [], bad: [], lines: 0 };
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (text.trim() === "") continue;
    out.lines++;
    if (out.missing.length > 0) continue;
    const m = splitCsvLine(text, cells);
    if (m < 0 || (exactCells && m !== header.size)) {
      out.bad.push({
        line: i + 1,
        reason: m < 0 ? "unterminated quoted field" : `${m} cells where the header has ${header.size}`,
      });
      continue;
    }
    const row = cells.slice(0, m).map((c) => c.trim());
    out.records.push({ line: i + 1, get: (column) => row[header.get(column) ?? -1] ?? "" });
  }
  return out;
}

export interface ReferenceRecord {
  /** 1-based line in the file (header = 1). */
  line: number;
  get(column: string): string;
}

/** Header-keyed rows of a reference table; throws on a malformed table (it ships with us). */
export function referenceRecords(text: string, file: string): ReferenceRecord[] {
  return referenceTable(text, file).records;
}

/** The header's columns and the rows of a reference table. */
export function referenceTable(
  text: string,
  file: string,
): { columns: string[]; records: ReferenceRecord[] } {
  const lines = text.split(/\r?\n/);
  const cells: string[] = [];
  const headerLine = lines[0];
  if (headerLine === undefined || headerLine.trim() === "") throw new Error(`${file}: empty table`);
  const n = splitCsvLine(headerLine.replace(/^\uFEFF/, ""), cells);
  const columns = cells.slice(0, n).map((h) => h.trim());
  const header = new Map(columns.map((h, i) => [h, i]));
  const records: ReferenceRecord[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const m = splitCsvLine(line, cells);
    if (m !== header.size) {
      const reason = m < 0 ? "unterminated quoted field" : `${m} cells where the header has ${header.size}`;
      throw new DomainError("internal", `${file}: line ${i + 1}: ${reason}`, [{ file, line: i + 1, reason }]);
    }
    const row = cells.slice(0, m).map((c) => c.trim());
    records.push({
      line: i + 1,
      get(column: string): string {
        const j = header.get(column);
        if (j === undefined) throw new Error(`${file}: no column ${column}`);
        return row[j] ?? "";
      },
    });
  }
  return { columns, records };
}

/** A number from a reference table; throws with file, line and column when it is not one. */
export function referenceNumber(r: ReferenceRecord, column: string, file: string): number {
  const text = r.get(column);
  const v = text === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(v)) throw new Error(`${file}: line ${r.line}: ${column} "${text}" is not a number`);
  return v;
}

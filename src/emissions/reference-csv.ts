/**
 * Reading the reference tables shipped in data/reference/emissions/ (every calculator reads its
 * tables through here): header-keyed rows, numbers checked. A malformed table throws naming the
 * file, line and column — it ships with us, so that is a bug, not bad input. Pure.
 */
import { splitCsvLine } from "../ais/index.ts";
import { DomainError } from "../core/errors.ts";

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

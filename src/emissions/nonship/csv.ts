/**
 * CSV reading for the non-ship activity files (messy: every bad row becomes a reject naming file, line, field and
 * reason, and the rest goes through). Pure: lines come in as text.
 *
 * Activity files: one header row (names case-insensitive; spaces, "-" and "." count as "_"; a few
 * synonyms per column), then one record per line. Blank lines and lines starting with "#" are
 * skipped and not counted. A record's key fields say what it describes; a second line with the same
 * key counts as a duplicate when identical and is rejected when it differs.
 */
import { splitCsvLine } from "../../core/csv.ts";
import type { FieldIssue } from "../../core/errors.ts";
import type { ActivityKind, ActivityReject } from "./model.ts";

// ---------------------------------------------------------------------------------------------
// Activity files

export interface ColumnSpec {
  key: string;
  /** Accepted header names (normalised with normalizeHeader). The first is the canonical one. */
  names: readonly string[];
  /** The header must have this column. */
  required?: boolean;
}

/** Example: normalizeHeader(" Rated HP ") → "rated_hp"; normalizeHeader("Fuel (L)") → "fuel_l". */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** A problem with one column of a row (core's FieldIssue with the column always named). */
type ColumnIssue = Required<Pick<FieldIssue, "field" | "reason">>;

export interface NumberRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** Strictly greater than `min`. */
  aboveMin?: boolean;
  integer?: boolean;
}

/** Field access for one row; problems are collected, never thrown. */
export class RowReader {
  readonly issues: ColumnIssue[] = [];

  constructor(
    private readonly cells: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly names: ReadonlyMap<string, string>,
  ) {}

  /** The header name of a column as the file wrote it (for messages). */
  name(key: string): string {
    return this.names.get(key) ?? key;
  }

  raw(key: string): string {
    const i = this.index.get(key);
    return i === undefined ? "" : (this.cells[i] ?? "").trim();
  }

  has(key: string): boolean {
    return this.raw(key) !== "";
  }

  fail(key: string, reason: string): void {
    this.issues.push({ field: this.name(key), reason });
  }

  text(key: string, required = false): string | null {
    const v = this.raw(key);
    if (v === "") {
      if (required) this.fail(key, "missing value");
      return null;
    }
    return v;
  }

  number(key: string, rule: NumberRule = {}): number | null {
    const v = this.raw(key);
    if (v === "") {
      if (rule.required) this.fail(key, "missing value");
      return null;
    }
    const n = Number(v.replace(/_/g, ""));
    if (!Number.isFinite(n)) {
      this.fail(key, `"${v}" is not a number`);
      return null;
    }
    if (rule.integer && !Number.isInteger(n)) {
      this.fail(key, `${v} is not a whole number`);
      return null;
    }
    if (rule.min !== undefined && (rule.aboveMin ? n <= rule.min : n < rule.min)) {
      this.fail(key, `${v} must be ${rule.aboveMin ? "greater than" : "at least"} ${rule.min}`);
      return null;
    }
    if (rule.max !== undefined && n > rule.max) {
      this.fail(key, `${v} must be at most ${rule.max}`);
      return null;
    }
    return n;
  }

  /** A value looked up in a vocabulary; `hint` lists what is accepted. */
  oneOf<T>(key: string, lookup: (text: string) => T | undefined, hint: string, required = true): T | null {
    const v = this.raw(key);
    if (v === "") {
      if (required) this.fail(key, "missing value");
      return null;
    }
    const out = lookup(v);
    if (out === undefined) {
      this.fail(key, `"${v}" is not one of ${hint}`);
      return null;
    }
    return out;
  }
}

export interface KindSpec<T> {
  kind: ActivityKind;
  columns: readonly ColumnSpec[];
  /** The record of a row, or null when the row has issues (they are in `row.issues`). */
  read(row: RowReader): T | null;
  /** What the record describes (port and kind are added by the store). */
  key(record: T): string;
  /** The key fields in words, for the message on a conflicting duplicate. */
  keyDescription: string;
}

export interface ParsedRecord<T> {
  key: string;
  record: T;
  line: number;
}

export interface ActivityParseCounts {
  /** Data rows read (blank and "#" lines are not counted). */
  read: number;
  /** Distinct good records. */
  accepted: number;
  rejected: number;
  /** Rows repeating an earlier row of the same file exactly. */
  duplicates: number;
}

export interface ActivityParseResult<T> {
  kind: ActivityKind;
  file: string;
  records: ParsedRecord<T>[];
  rejects: ActivityReject[];
  counts: ActivityParseCounts;
  /** Header names that are not columns of this kind (kept out, reported). */
  ignoredColumns: string[];
}

const MAX_TEXT = 500;

/** Streaming parser of one activity file: `pushLine` each line (1-based numbers), then `finish`. */
export class ActivityCsvParser<T> {
  private index: Map<string, number> | null = null;
  private names = new Map<string, string>();
  private headerIssues: ColumnIssue[] = [];
  private ignored: string[] = [];
  private width = 0;
  private readonly cells: string[] = [];
  private readonly seen = new Map<string, { line: number; json: string }>();
  private readonly records: ParsedRecord<T>[] = [];
  private readonly rejects: ActivityReject[] = [];
  private readonly counts: ActivityParseCounts = { read: 0, accepted: 0, rejected: 0, duplicates: 0 };

  constructor(
    private readonly spec: KindSpec<T>,
    private readonly file: string,
  ) {}

  pushLine(text: string, line: number): void {
    const t = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (t.trim() === "" || t.trimStart().startsWith("#")) return;
    if (this.index === null) {
      this.readHeader(t);
      return;
    }
    this.counts.read++;
    const reject = (field: string, reason: string) =>
      this.rejects.push({ file: this.file, line, field, reason, text: t.slice(0, MAX_TEXT) });
    if (this.headerIssues.length > 0) {
      for (const i of this.headerIssues) reject(i.field, i.reason);
      this.counts.rejected++;
      return;
    }
    const n = splitCsvLine(t, this.cells);
    if (n < 0) {
      reject("line", "unbalanced quotes");
      this.counts.rejected++;
      return;
    }
    if (n > this.width && this.cells.slice(this.width, n).some((c) => c.trim() !== "")) {
      reject("line", `${n} cells, but the header has ${this.width}`);
      this.counts.rejected++;
      return;
    }
    for (let i = n; i < this.width; i++) this.cells[i] = "";
    const row = new RowReader(this.cells.slice(0, this.width), this.index, this.names);
    const record = this.spec.read(row);
    if (record === null || row.issues.length > 0) {
      for (const i of row.issues) reject(i.field, i.reason);
      if (row.issues.length === 0) reject("line", "not a valid record");
      this.counts.rejected++;
      return;
    }
    const key = this.spec.key(record);
    const json = JSON.stringify(record);
    const before = this.seen.get(key);
    if (before !== undefined) {
      if (before.json === json) {
        this.counts.duplicates++;
      } else {
        reject(
          this.spec.keyDescription,
          `same ${this.spec.keyDescription} as line ${before.line} but different values`,
        );
        this.counts.rejected++;
      }
      return;
    }
    this.seen.set(key, { line, json });
    this.records.push({ key, record, line });
    this.counts.accepted++;
  }

  private readHeader(text: string): void {
    const n = splitCsvLine(text, this.cells);
    const header = n < 0 ? [] : this.cells.slice(0, n).map((c) => c.trim());
    this.width = header.length;
    this.index = new Map();
    const byName = new Map<string, ColumnSpec>();
    for (const c of this.spec.columns) {
      for (const name of c.names) byName.set(name, c);
      this.names.set(c.key, c.names[0]!);
    }
    header.forEach((h, i) => {
      const spec = byName.get(normalizeHeader(h));
      if (spec === undefined) {
        if (h !== "") this.ignored.push(h);
        return;
      }
      if (this.index!.has(spec.key)) {
        this.headerIssues.push({ field: h, reason: `column ${spec.names[0]} appears twice in the header` });
        return;
      }
      this.index!.set(spec.key, i);
      this.names.set(spec.key, h);
    });
    for (const c of this.spec.columns) {
      if (c.required && !this.index.has(c.key))
        this.headerIssues.push({
          field: c.names[0]!,
          reason: `the header has no ${c.names[0]} column (accepted names: ${c.names.join(", ")})`,
        });
    }
  }

  finish(): ActivityParseResult<T> {
    return {
      kind: this.spec.kind,
      file: this.file,
      records: this.records,
      rejects: this.rejects,
      counts: { ...this.counts },
      ignoredColumns: this.ignored,
    };
  }
}

/** Parses a whole text (for tests, demo data and small files). */
export function parseActivityText<T>(spec: KindSpec<T>, text: string, file: string): ActivityParseResult<T> {
  const parser = new ActivityCsvParser(spec, file);
  const lines = text.split("\n");
  lines.forEach((l, i) => {
    parser.pushLine(l, i + 1);
  });
  return parser.finish();
}

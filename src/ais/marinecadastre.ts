/**
 * NOAA MarineCadastre AIS daily CSV files (USCG NAIS broadcast points), in both published layouts:
 *
 * - legacy (2015–2023 zips `AIS_YYYY_MM_DD.csv`), 17 columns, latitude before longitude:
 *   `MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass`
 *   with `BaseDateTime` like `2022-06-20T00:00:04` (UTC, per the NOAA InPort data dictionary) and
 *   "not available" written as sentinels (Heading 511.0, SOG 102.3, COG 360.0, IMO blank or
 *   `IMO0000000`).
 * - "csv2" (Zstandard `ais-YYYY-MM-DD.csv.zst` under noaaocm.blob.core.windows.net/ais/csv2/, the
 *   2025 files and re-exports of earlier years), snake_case, longitude before latitude:
 *   `mmsi,base_date_time,longitude,latitude,sog,cog,heading,vessel_name,imo,call_sign,vessel_type,status,length,width,draft,cargo,transceiver`
 *   with `base_date_time` like `2025-01-01 00:00:00` and blanks where the old files had sentinels.
 *   Header and time format as found in public research notes and several public repositories'
 *   test fixtures for these files (code search, 2026-11); both time separators are accepted here.
 *
 * The parser is a streaming, per-line state machine: the first non-empty line is the header; each
 * later line gives a row or one reject `{ line, reason, text }` (never a throw). The hot path scans
 * characters once (no regex, no split): this reads 10–50 million rows a year per port.
 */
import { splitCsvLine } from "../core/csv.ts";
import { SECONDS_PER_DAY } from "../core/time.ts";

/** Stable reject reasons; ingest counts and stores rejects by these names. */
export type MarineCadastreRejectReason =
  | "unknown_csv_header"
  | "bad_csv_columns"
  | "bad_csv_quote"
  | "bad_mmsi"
  | "bad_time"
  | "bad_position"
  | "bad_motion"
  | "bad_static";

export const MARINECADASTRE_REJECT_REASONS: readonly MarineCadastreRejectReason[] = [
  "unknown_csv_header",
  "bad_csv_columns",
  "bad_csv_quote",
  "bad_mmsi",
  "bad_time",
  "bad_position",
  "bad_motion",
  "bad_static",
];

export interface MarineCadastreReject {
  line: number;
  reason: MarineCadastreRejectReason;
  text: string;
}

/** One broadcast point; "not available" (sentinel or blank) is null. */
export interface MarineCadastreRow {
  mmsi: number;
  /** Unix epoch seconds (UTC). */
  timeS: number;
  latDeg: number | null;
  lonDeg: number | null;
  sogKnots: number | null;
  cogDeg: number | null;
  headingDeg: number | null;
  vesselName: string | null;
  imo: number | null;
  callsign: string | null;
  /** AIS ship and cargo type code (NAIS VesselType). */
  vesselType: number | null;
  navStatus: number | null;
  lengthM: number | null;
  widthM: number | null;
  draughtM: number | null;
  cargo: number | null;
  transceiverClass: "A" | "B" | null;
}

export type MarineCadastreLayout = "legacy" | "csv2";

/** The 17-column (legacy) header; `formatMarineCadastreRow` writes rows in this layout. */
export const MARINECADASTRE_HEADER =
  "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass";

/** The snake_case "csv2" header of the 2025 files (longitude before latitude). */
export const MARINECADASTRE_CSV2_HEADER =
  "mmsi,base_date_time,longitude,latitude,sog,cog,heading,vessel_name,imo,call_sign,vessel_type,status,length,width,draft,cargo,transceiver";

const N_COLUMNS = 17;

/** Which layout a header line announces, or null. Trailing CR, BOM and spaces are ignored. */
export function detectMarineCadastreLayout(headerLine: string): MarineCadastreLayout | null {
  let h = headerLine.trim();
  if (h.charCodeAt(0) === 0xfeff) h = h.slice(1);
  if (h === MARINECADASTRE_HEADER) return "legacy";
  if (h === MARINECADASTRE_CSV2_HEADER) return "csv2";
  return null;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(at + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD HH:MM:SS` (optional fraction and `Z`) as UTC.
 * Returns epoch seconds (fraction dropped), or NaN.
 *
 * Example: `parseMarineCadastreTime("2024-01-01T00:00:03")` → 1704067203.
 */
export function parseMarineCadastreTime(s: string): number {
  return parseTimeAt(s, 0, s.length);
}

function parseTimeAt(s: string, a: number, b: number): number {
  if (b - a < 19) return Number.NaN;
  if (
    s.charCodeAt(a + 4) !== 45 ||
    s.charCodeAt(a + 7) !== 45 ||
    s.charCodeAt(a + 13) !== 58 ||
    s.charCodeAt(a + 16) !== 58
  )
    return Number.NaN;
  const sep = s.charCodeAt(a + 10);
  if (sep !== 84 && sep !== 32) return Number.NaN;
  const y = digits(s, a, 4);
  const mo = digits(s, a + 5, 2);
  const d = digits(s, a + 8, 2);
  const h = digits(s, a + 11, 2);
  const mi = digits(s, a + 14, 2);
  const se = digits(s, a + 17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59)
    return Number.NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && !leap ? 28 : (DAYS_IN_MONTH[mo - 1] ?? 0))) return Number.NaN;
  // Allowed tails: ".fff", "Z", ".fffZ".
  for (let k = a + 19; k < b; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || (k === a + 19 && c === 46) || (k === b - 1 && c === 90))) return Number.NaN;
  }
  return daysFromCivil(y, mo, d) * SECONDS_PER_DAY + h * 3600 + mi * 60 + se;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal (`-12.345`) read in place from s[a, b): null when blank, NaN when malformed.
 * Mantissa ÷ 10^k is correctly rounded, so the value equals Number() of the same text.
 */
function numAt(s: string, a: number, b: number): number | null {
  if (a === b) return null;
  let i = a;
  let neg = false;
  if (s.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  let mant = 0;
  let nd = 0;
  let frac = 0;
  let dot = false;
  for (; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      nd++;
      if (dot) frac++;
    } else if (c === 46 && !dot) dot = true;
    else return num(s.slice(a, b));
  }
  if (nd === 0) return Number.NaN;
  if (nd > 15) return num(s.slice(a, b));
  const v = frac === 0 ? mant : mant / POW10[frac]!;
  return neg ? -v : v;
}

// Number fields: NaN = malformed, null = blank.
function num(s: string): number | null {
  if (s.length === 0) return null;
  const c = s.charCodeAt(0);
  // Number() accepts " ", "0x1f", "Infinity": require a plain decimal start.
  if (!((c >= 48 && c <= 57) || c === 45 || c === 46)) return Number.NaN;
  const v = Number(s);
  return Number.isFinite(v) ? v : Number.NaN;
}

function text(s: string): string | null {
  const t = s.trim();
  return t.length === 0 ? null : t;
}

function parseImo(s: string): number | null {
  let i = 0;
  if (s.length >= 3 && s.charCodeAt(0) === 73 && s.charCodeAt(1) === 77 && s.charCodeAt(2) === 79) i = 3;
  if (s.length - i !== 7) return null;
  const v = digits(s, i, 7);
  return v <= 0 ? null : v;
}

/** Streaming MarineCadastre CSV parser; one instance per input file. */
export class MarineCadastreParser {
  /** Layout from the header; null before the header or when it was not recognised. */
  layout: MarineCadastreLayout | null = null;
  private sawHeader = false;
  private latCol = 2;
  private lonCol = 3;
  private readonly fields: string[] = new Array<string>(N_COLUMNS + 4).fill("");
  private readonly starts = new Int32Array(N_COLUMNS);
  private readonly ends = new Int32Array(N_COLUMNS);
  readonly stats = { lines: 0, blankLines: 0, rows: 0, rejected: 0 };

  constructor(private readonly onReject: (r: MarineCadastreReject) => void) {}

  /**
   * Feeds one line (without or with its trailing `\r`). Returns the row, or null for the header,
   * a blank line or a rejected line (reported through onReject).
   *
   * Example: after the legacy header, the line
   * `538009563,2022-06-20T00:00:04,29.23668,-116.63519,20.4,149.9,152.0,DEL MONTE PRIDE,IMO9869693,V7A4893,70,0,192,30,7.6,70,A`
   * gives `{ mmsi: 538009563, timeS: 1655683204, latDeg: 29.23668, lonDeg: -116.63519, sogKnots: 20.4, … imo: 9869693 }`.
   */
  push(line: string, lineNo: number): MarineCadastreRow | null {
    this.stats.lines++;
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (line.length === 0 || line.trim().length === 0) {
      this.stats.blankLines++;
      return null;
    }
    if (!this.sawHeader) {
      this.sawHeader = true;
      this.layout = detectMarineCadastreLayout(line);
      if (this.layout === null) return this.reject(lineNo, "unknown_csv_header", line);
      this.latCol = this.layout === "legacy" ? 2 : 3;
      this.lonCol = this.layout === "legacy" ? 3 : 2;
      return null;
    }
    if (this.layout === null) return this.reject(lineNo, "unknown_csv_header", line);
    // Field bounds in `src`: the line itself, or (quoted lines) its unquoted fields joined by \u0001.
    const st = this.starts;
    const en = this.ends;
    let src = line;
    if (line.indexOf('"') < 0) {
      let start = 0;
      let k = 0;
      for (;;) {
        const comma = line.indexOf(",", start);
        if (k === N_COLUMNS - 1) {
          if (comma >= 0) return this.reject(lineNo, "bad_csv_columns", line);
          st[k] = start;
          en[k] = line.length;
          break;
        }
        if (comma < 0) return this.reject(lineNo, "bad_csv_columns", line);
        st[k] = start;
        en[k] = comma;
        k++;
        start = comma + 1;
      }
    } else {
      const f = this.fields;
      const n = splitCsvLine(line, f);
      if (n < 0) return this.reject(lineNo, "bad_csv_quote", line);
      if (n !== N_COLUMNS) return this.reject(lineNo, "bad_csv_columns", line);
      let at = 0;
      for (let k = 0; k < N_COLUMNS; k++) {
        st[k] = at;
        at += f[k]!.length;
        en[k] = at;
        at++;
      }
      src = f.slice(0, N_COLUMNS).join("\u0001");
    }

    const mmsiLen = en[0]! - st[0]!;
    const mmsi = mmsiLen >= 1 && mmsiLen <= 9 ? digits(src, st[0]!, mmsiLen) : -1;
    if (mmsi <= 0) return this.reject(lineNo, "bad_mmsi", line);
    const timeS = parseTimeAt(src, st[1]!, en[1]!);
    if (Number.isNaN(timeS)) return this.reject(lineNo, "bad_time", line);

    const la = this.latCol;
    const lo = this.lonCol;
    let latDeg = numAt(src, st[la]!, en[la]!);
    let lonDeg = numAt(src, st[lo]!, en[lo]!);
    if (latDeg !== null && (Number.isNaN(latDeg) || latDeg < -90 || latDeg > 91))
      return this.reject(lineNo, "bad_position", line);
    if (lonDeg !== null && (Number.isNaN(lonDeg) || lonDeg < -180 || lonDeg > 181))
      return this.reject(lineNo, "bad_position", line);
    if (latDeg !== null && latDeg > 90) latDeg = null;
    if (lonDeg !== null && lonDeg > 180) lonDeg = null;

    let sogKnots = numAt(src, st[4]!, en[4]!);
    let cogDeg = numAt(src, st[5]!, en[5]!);
    let headingDeg = numAt(src, st[6]!, en[6]!);
    if (Number.isNaN(sogKnots) || Number.isNaN(cogDeg) || Number.isNaN(headingDeg))
      return this.reject(lineNo, "bad_motion", line);
    // Sentinels: SOG 102.3 (and the negative values some rows carry), COG 360 and negative, heading 511.
    if (sogKnots !== null && (sogKnots < 0 || sogKnots >= 102.25)) sogKnots = null;
    if (cogDeg !== null && (cogDeg < 0 || cogDeg >= 360)) cogDeg = null;
    if (headingDeg !== null && (headingDeg < 0 || headingDeg >= 360)) headingDeg = null;

    const vesselType = numAt(src, st[10]!, en[10]!);
    const navStatus = numAt(src, st[11]!, en[11]!);
    const lengthM = numAt(src, st[12]!, en[12]!);
    const widthM = numAt(src, st[13]!, en[13]!);
    const draughtM = numAt(src, st[14]!, en[14]!);
    const cargo = numAt(src, st[15]!, en[15]!);
    if (
      Number.isNaN(vesselType) ||
      Number.isNaN(navStatus) ||
      Number.isNaN(lengthM) ||
      Number.isNaN(widthM) ||
      Number.isNaN(draughtM) ||
      Number.isNaN(cargo)
    )
      return this.reject(lineNo, "bad_static", line);
    const clsLen = en[16]! - st[16]!;
    const cls0 = clsLen === 1 ? src.charCodeAt(st[16]!) : 0;
    const transceiverClass = cls0 === 65 ? "A" : cls0 === 66 ? "B" : null;
    if (transceiverClass === null && src.slice(st[16]!, en[16]!).trim().length > 0)
      return this.reject(lineNo, "bad_static", line);

    this.stats.rows++;
    return {
      mmsi,
      timeS,
      latDeg,
      lonDeg,
      sogKnots,
      cogDeg,
      headingDeg,
      vesselName: text(src.slice(st[7]!, en[7]!)),
      imo: parseImo(src.slice(st[8]!, en[8]!)),
      callsign: text(src.slice(st[9]!, en[9]!)),
      vesselType: vesselType === 0 ? null : vesselType,
      // 15 = "undefined (default)" in M.1371; kept as sent, only blanks are null.
      navStatus,
      lengthM: lengthM === 0 ? null : lengthM,
      widthM: widthM === 0 ? null : widthM,
      draughtM: draughtM === 0 ? null : draughtM,
      cargo,
      transceiverClass,
    };
  }

  private reject(line: number, reason: MarineCadastreRejectReason, text: string): null {
    this.stats.rejected++;
    this.onReject({ line, reason, text });
    return null;
  }
}

// Writer ---------------------------------------------------------------------------------------

let cachedDay = Number.NaN;
let cachedDayPrefix = "";

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `YYYY-MM-DDTHH:MM:SS` (UTC) of epoch seconds, the legacy BaseDateTime format.
 *
 * Example: `formatMarineCadastreTime(1704067203)` → `"2024-01-01T00:00:03"`.
 */
export function formatMarineCadastreTime(timeS: number): string {
  const t = Math.floor(timeS);
  const day = Math.floor(t / SECONDS_PER_DAY);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 11);
  }
  const s = t - day * SECONDS_PER_DAY;
  return `${cachedDayPrefix}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

function csvText(s: string | null): string {
  if (s === null) return "";
  if (s.indexOf(",") < 0 && s.indexOf('"') < 0) return s;
  return `"${s.replaceAll('"', '""')}"`;
}

function opt(v: number | null, decimals: number): string {
  return v === null ? "" : v.toFixed(decimals);
}

/**
 * One data line in the legacy 17-column layout (`MARINECADASTRE_HEADER`), with the legacy
 * sentinels for "not available" motion (SOG 102.3, COG 360.0, heading 511.0, lat 91, lon 181).
 *
 * Example: `{ mmsi: 538009563, timeS: 1655683204, latDeg: 29.23668, lonDeg: -116.63519, sogKnots: 20.4,
 * cogDeg: 149.9, headingDeg: 152, vesselName: "DEL MONTE PRIDE", imo: 9869693, callsign: "V7A4893",
 * vesselType: 70, navStatus: 0, lengthM: 192, widthM: 30, draughtM: 7.6, cargo: 70, transceiverClass: "A" }`
 * → `538009563,2022-06-20T00:00:04,29.23668,-116.63519,20.4,149.9,152.0,DEL MONTE PRIDE,IMO9869693,V7A4893,70,0,192,30,7.6,70,A`.
 */
export function formatMarineCadastreRow(row: MarineCadastreRow): string {
  return (
    `${row.mmsi},${formatMarineCadastreTime(row.timeS)},` +
    `${row.latDeg === null ? "91.00000" : row.latDeg.toFixed(5)},` +
    `${row.lonDeg === null ? "181.00000" : row.lonDeg.toFixed(5)},` +
    `${row.sogKnots === null ? "102.3" : row.sogKnots.toFixed(1)},` +
    `${row.cogDeg === null ? "360.0" : row.cogDeg.toFixed(1)},` +
    `${row.headingDeg === null ? "511.0" : row.headingDeg.toFixed(1)},` +
    `${csvText(row.vesselName)},` +
    `${row.imo === null ? "" : `IMO${String(row.imo).padStart(7, "0")}`},` +
    `${csvText(row.callsign)},` +
    `${opt(row.vesselType, 0)},${opt(row.navStatus, 0)},` +
    `${opt(row.lengthM, 0)},${opt(row.widthM, 0)},${opt(row.draughtM, 1)},` +
    `${opt(row.cargo, 0)},${row.transceiverClass ?? ""}`
  );
}

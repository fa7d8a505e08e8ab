/**
 * Typical-year solar input for the solar-hydrogen station model (issue 13). Pure: text in, hourly
 * typed arrays out, with per-line rejects (file, line, field, reason) and counts that add up
 * (read = accepted + rejected + duplicates, src/core/ingest.ts).
 *
 * Three inputs are accepted:
 * - an NREL TMY3 CSV: line 1 = station metadata (USAF id, name, state, UTC offset h, latitude,
 *   longitude, elevation m), line 2 = column names, then 8,760 hourly rows stamped with the hour
 *   *ending* in local standard time (NREL, "User's Manual for TMY3 Data Sets", NREL/TP-581-43156);
 * - a user CSV `hour_utc,ghi_w_m2` (optionally `temp_air_c`): hour_utc is either the hour of the
 *   year (0 … 8759, hour starting at 00:00 UTC on 1 January) or an ISO 8601 instant;
 * - a user CSV `timestamp,pv_kw_per_kwp`: AC output per kWp already modelled elsewhere (PVWatts,
 *   SAM, …); the PV model is then skipped.
 *
 * The year is indexed by hour of the year in the site's *standard* time (index 0 = 1 January
 * 00:00–01:00 local standard time), the convention of TMY3 itself; user CSVs in UTC are shifted by
 * the site's standard UTC offset. No typical-year file ships for Nagoya (none was found: see
 * data/reference/README.md) — the user must supply one; nothing is invented.
 */
import { splitCsvLine } from "../core/csv.ts";
import type { FieldIssue } from "../core/errors.ts";
import { emptyIngestCounts, type IngestCounts } from "../core/ingest.ts";

export const HOURS_PER_YEAR = 8760;

/** Cumulative days before each month in a non-leap year (TMY years have 365 days). */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Where the sun is seen from; the TMY3 header gives it, for user CSVs the port registry does. */
export interface SolarSite {
  name: string;
  latitudeDeg: number;
  /** East positive (Los Angeles −118.4). */
  longitudeDeg: number;
  elevationM: number;
  /** Standard-time offset from UTC in hours (Los Angeles −8, Nagoya +9), daylight saving ignored. */
  utcOffsetH: number;
}

export type SolarInputKind = "tmy3" | "ghi_csv" | "pv_csv";

/** One typical year, hour by hour (index = hour of the year in the site's standard time). */
export interface SolarYear {
  kind: SolarInputKind;
  file: string;
  site: SolarSite;
  /** Global horizontal irradiance, W/m² (mean over the hour = Wh/m² in the hour). */
  ghiWm2?: Float64Array;
  /** Direct normal irradiance, W/m² (TMY3 only). */
  dniWm2?: Float64Array;
  /** Diffuse horizontal irradiance, W/m² (TMY3 only). */
  dhiWm2?: Float64Array;
  /** Dry-bulb air temperature, °C (TMY3, or a user CSV's optional temp_air_c). */
  tempAirC?: Float64Array;
  /** Extraterrestrial normal irradiance, W/m², as the TMY3 file states it (used by tests only). */
  etrnWm2?: Float64Array;
  /** AC output per kWp, kW (= kWh in the hour), when the user supplied it directly. */
  pvKwPerKwp?: Float64Array;
}

export interface ParsedSolarYear {
  /** Undefined when the file could not give a complete year (see issues). */
  year?: SolarYear;
  counts: IngestCounts;
  issues: FieldIssue[];
}

function reject(counts: IngestCounts, issues: FieldIssue[], issue: FieldIssue & { code: string }): void {
  counts.rejected++;
  counts.rejectedByReason[issue.code] = (counts.rejectedByReason[issue.code] ?? 0) + 1;
  const { code: _code, ...rest } = issue;
  issues.push(rest);
}

/**
 * The first `count` fields of a CSV line into `out` (fewer if the line has fewer); a line with a
 * quote goes through the full RFC 4180 splitter. Returns the number of fields, -1 on bad quoting.
 */
function splitLeadingFields(line: string, count: number, out: string[]): number {
  if (line.indexOf('"') >= 0) return splitCsvLine(line, out);
  let start = 0;
  for (let n = 0; n < count; n++) {
    const comma = line.indexOf(",", start);
    if (comma < 0) {
      out[n] = line.slice(start);
      return n + 1;
    }
    out[n] = line.slice(start, comma);
    start = comma + 1;
  }
  return count;
}

/** Hours missing from a year; one file-level issue, as a year with holes cannot be modelled. */
function missingHoursIssue(seen: Uint8Array, file: string): FieldIssue | undefined {
  let missing = 0;
  let first = -1;
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    if (seen[i] === 0) {
      missing++;
      if (first < 0) first = i;
    }
  }
  if (missing === 0) return undefined;
  return {
    file,
    reason: `${missing} of ${HOURS_PER_YEAR} hours missing (first: hour ${first} of the year); a complete typical year is needed`,
  };
}

const num = (s: string | undefined): number => (s === undefined || s.trim() === "" ? Number.NaN : Number(s));

/**
 * Parses an NREL TMY3 CSV. Rows are checked one by one: date and hour (1–24, hour ending), GHI,
 * DNI and DHI within 0 … 1,500 W/m², dry bulb within −60 … 60 °C; a bad row is rejected naming its
 * line and field, a repeated hour counts as a duplicate, and a year with missing hours gives no
 * `year` (one issue says how many). Feb 29 rows are rejected (TMY years have 365 days).
 *
 * Example: the Los Angeles file (722950) gives 8,760 accepted rows, site latitude 33.933,
 * longitude −118.4, UTC offset −8, and annual GHI Σ = 1,824.6 kWh/m² (the figure in the shared
 * reference README, computed there independently of this parser).
 */
export function parseTmy3(text: string, file: string): ParsedSolarYear {
  const counts = emptyIngestCounts();
  const issues: FieldIssue[] = [];
  const lines = text.split(/\r?\n/);
  const cells: string[] = [];
  const meta = lines[0] ?? "";
  const m = splitCsvLine(meta.replace(/^\uFEFF/, ""), cells);
  const site: SolarSite = {
    name: (cells[1] ?? "").trim(),
    utcOffsetH: num(cells[3]),
    latitudeDeg: num(cells[4]),
    longitudeDeg: num(cells[5]),
    elevationM: num(cells[6]),
  };
  const metaBad =
    m < 7 ||
    !Number.isFinite(site.utcOffsetH) ||
    Math.abs(site.utcOffsetH) > 14 ||
    !(Math.abs(site.latitudeDeg) <= 90) ||
    !(Math.abs(site.longitudeDeg) <= 180);
  if (metaBad) {
    issues.push({
      file,
      line: 1,
      field: "station metadata",
      reason: "line 1 must be `id,name,state,utc_offset_h,latitude,longitude,elevation_m` (TMY3)",
    });
    return { counts, issues };
  }
  if (!Number.isFinite(site.elevationM)) site.elevationM = 0;
  const n = splitCsvLine(lines[1] ?? "", cells);
  const header = new Map(cells.slice(0, Math.max(n, 0)).map((h, i) => [h.trim(), i]));
  const col = (name: string) => header.get(name);
  const iDate = col("Date (MM/DD/YYYY)");
  const iTime = col("Time (HH:MM)");
  const iGhi = col("GHI (W/m^2)");
  const iDni = col("DNI (W/m^2)");
  const iDhi = col("DHI (W/m^2)");
  const iTemp = col("Dry-bulb (C)");
  const iEtrn = col("ETRN (W/m^2)");
  const needed = { "Date (MM/DD/YYYY)": iDate, "Time (HH:MM)": iTime, "GHI (W/m^2)": iGhi };
  const missingCols = Object.entries(needed)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missingCols.length > 0) {
    issues.push({
      file,
      line: 2,
      field: "header",
      reason: `TMY3 columns missing: ${missingCols.join(", ")}`,
    });
    return { counts, issues };
  }
  const ghi = new Float64Array(HOURS_PER_YEAR);
  const dni = new Float64Array(HOURS_PER_YEAR);
  const dhi = new Float64Array(HOURS_PER_YEAR);
  const temp = new Float64Array(HOURS_PER_YEAR);
  const etrn = new Float64Array(HOURS_PER_YEAR);
  const seen = new Uint8Array(HOURS_PER_YEAR);
  const values: Array<[string, number | undefined, number, number, Float64Array]> = [
    ["GHI (W/m^2)", iGhi, 0, 1500, ghi],
    ["DNI (W/m^2)", iDni, 0, 1500, dni],
    ["DHI (W/m^2)", iDhi, 0, 1500, dhi],
    ["Dry-bulb (C)", iTemp, -60, 60, temp],
    ["ETRN (W/m^2)", iEtrn, 0, 1500, etrn],
  ];
  // Only the columns up to the last one used are split (a TMY3 row has 71): the year parses in a
  // few milliseconds, which the whole `ze solar-h2` process feels.
  const lastCol = Math.max(iDate!, iTime!, ...values.map((v) => v[1] ?? 0));
  const parsed: number[] = [];
  for (let li = 2; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.length === 0 || line.trim() === "") continue;
    counts.read++;
    const lineNo = li + 1;
    const k = splitLeadingFields(line, lastCol + 1, cells);
    if (k < 0) {
      reject(counts, issues, { code: "bad_csv", file, line: lineNo, reason: "unterminated quoted field" });
      continue;
    }
    const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec((cells[iDate!] ?? "").trim());
    const month = date ? Number(date[1]) : 0;
    const day = date ? Number(date[2]) : 0;
    if (!date || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) {
      reject(counts, issues, {
        code: "bad_date",
        file,
        line: lineNo,
        field: "Date (MM/DD/YYYY)",
        reason: `"${cells[iDate!] ?? ""}" is not a date MM/DD/YYYY of a 365-day year`,
      });
      continue;
    }
    const time = /^(\d{1,2}):00$/.exec((cells[iTime!] ?? "").trim());
    const hourEnding = time ? Number(time[1]) : 0;
    if (!time || hourEnding < 1 || hourEnding > 24) {
      reject(counts, issues, {
        code: "bad_time",
        file,
        line: lineNo,
        field: "Time (HH:MM)",
        reason: `"${cells[iTime!] ?? ""}" is not an hour ending 01:00 … 24:00`,
      });
      continue;
    }
    const idx = (DAYS_BEFORE_MONTH[month - 1]! + day - 1) * 24 + hourEnding - 1;
    let bad = false;
    parsed.length = 0;
    for (const [field, i, lo, hi] of values) {
      if (i === undefined) {
        parsed.push(Number.NaN);
        continue;
      }
      const v = num(cells[i]);
      if (!(v >= lo && v <= hi)) {
        reject(counts, issues, {
          code: "out_of_range",
          file,
          line: lineNo,
          field,
          reason: `"${cells[i] ?? ""}" is not a number within ${lo} … ${hi}`,
        });
        bad = true;
        break;
      }
      parsed.push(v);
    }
    if (bad) continue;
    if (seen[idx] === 1) {
      counts.duplicates++;
      continue;
    }
    seen[idx] = 1;
    counts.accepted++;
    for (let j = 0; j < values.length; j++) values[j]![4][idx] = parsed[j]!;
  }
  const hole = missingHoursIssue(seen, file);
  if (hole) {
    issues.push(hole);
    return { counts, issues };
  }
  const year: SolarYear = { kind: "tmy3", file, site, ghiWm2: ghi };
  if (iDni !== undefined) year.dniWm2 = dni;
  if (iDhi !== undefined) year.dhiWm2 = dhi;
  if (iTemp !== undefined) year.tempAirC = temp;
  if (iEtrn !== undefined) year.etrnWm2 = etrn;
  return { year, counts, issues };
}

/** Hour of the year (hour starting, UTC) from an integer 0…8759 or an ISO instant; undefined if neither. */
function utcHourOfYear(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{1,4}$/.test(t)) {
    const h = Number(t);
    return h < HOURS_PER_YEAR ? h : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(t)) return undefined;
  const ms = Date.parse(t);
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const h = Math.floor((ms - start) / 3_600_000);
  // Leap years: 29 February is skipped so the year keeps 8,760 hours (rejected, not shifted).
  const leap =
    d.getUTCFullYear() % 4 === 0 && (d.getUTCFullYear() % 100 !== 0 || d.getUTCFullYear() % 400 === 0);
  if (leap) {
    if (h >= 59 * 24 && h < 60 * 24) return undefined;
    if (h >= 60 * 24) return h - 24;
  }
  return h < HOURS_PER_YEAR ? h : undefined;
}

/**
 * Parses a user solar CSV: header `hour_utc,ghi_w_m2[,temp_air_c]` or `timestamp,pv_kw_per_kwp`
 * (extra columns are ignored). Each row's time (hour of year 0…8759 or ISO instant, UTC) is moved
 * to the site's standard time, so the year lines up with the demand profile's local hours. Bad
 * rows are rejected with line and field; the first of two rows for one hour wins (the second is a
 * duplicate); a year with holes gives no `year`.
 *
 * Example: at Los Angeles (UTC−8) the row `hour_utc=20, ghi_w_m2=500` lands on index 12 (noon
 * local standard time on 1 January); at Nagoya (UTC+9) `hour_utc=3` lands on index 12.
 */
export function parseSolarCsv(text: string, file: string, site: SolarSite): ParsedSolarYear {
  const counts = emptyIngestCounts();
  const issues: FieldIssue[] = [];
  const lines = text.split(/\r?\n/);
  const cells: string[] = [];
  const n = splitCsvLine((lines[0] ?? "").replace(/^\uFEFF/, ""), cells);
  const header = new Map(cells.slice(0, Math.max(n, 0)).map((h, i) => [h.trim().toLowerCase(), i]));
  const iHour = header.get("hour_utc");
  const iTs = header.get("timestamp");
  const iGhi = header.get("ghi_w_m2");
  const iPv = header.get("pv_kw_per_kwp");
  const iTemp = header.get("temp_air_c");
  const isGhi = iGhi !== undefined && (iHour ?? iTs) !== undefined;
  const isPv = !isGhi && iPv !== undefined && (iTs ?? iHour) !== undefined;
  if (!isGhi && !isPv) {
    issues.push({
      file,
      line: 1,
      field: "header",
      reason: "expected columns hour_utc,ghi_w_m2[,temp_air_c] or timestamp,pv_kw_per_kwp",
    });
    return { counts, issues };
  }
  const iTime = (isGhi ? (iHour ?? iTs) : (iTs ?? iHour))!;
  const timeField = iTime === iHour ? "hour_utc" : "timestamp";
  const iValue = (isGhi ? iGhi : iPv)!;
  const valueField = isGhi ? "ghi_w_m2" : "pv_kw_per_kwp";
  const maxValue = isGhi ? 1500 : 1.5;
  const values = new Float64Array(HOURS_PER_YEAR);
  const temp = iTemp !== undefined && isGhi ? new Float64Array(HOURS_PER_YEAR) : undefined;
  const seen = new Uint8Array(HOURS_PER_YEAR);
  const offset = Math.round(site.utcOffsetH);
  for (let li = 1; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.trim() === "") continue;
    counts.read++;
    const lineNo = li + 1;
    if (splitCsvLine(line, cells) < 0) {
      reject(counts, issues, { code: "bad_csv", file, line: lineNo, reason: "unterminated quoted field" });
      continue;
    }
    const h = utcHourOfYear(cells[iTime] ?? "");
    if (h === undefined) {
      reject(counts, issues, {
        code: "bad_time",
        file,
        line: lineNo,
        field: timeField,
        reason: `"${cells[iTime] ?? ""}" is neither an hour of the year 0…8759 nor an ISO instant (29 February is not part of a typical year)`,
      });
      continue;
    }
    const v = num(cells[iValue]);
    if (!(v >= 0 && v <= maxValue)) {
      reject(counts, issues, {
        code: "out_of_range",
        file,
        line: lineNo,
        field: valueField,
        reason: `"${cells[iValue] ?? ""}" is not a number within 0 … ${maxValue}`,
      });
      continue;
    }
    let t = Number.NaN;
    if (temp !== undefined) {
      t = num(cells[iTemp!]);
      if (!(t >= -60 && t <= 60)) {
        reject(counts, issues, {
          code: "out_of_range",
          file,
          line: lineNo,
          field: "temp_air_c",
          reason: `"${cells[iTemp!] ?? ""}" is not a temperature within −60 … 60 °C`,
        });
        continue;
      }
    }
    const idx = (((h + offset) % HOURS_PER_YEAR) + HOURS_PER_YEAR) % HOURS_PER_YEAR;
    if (seen[idx] === 1) {
      counts.duplicates++;
      continue;
    }
    seen[idx] = 1;
    counts.accepted++;
    values[idx] = v;
    if (temp !== undefined) temp[idx] = t;
  }
  const hole = missingHoursIssue(seen, file);
  if (hole) {
    issues.push(hole);
    return { counts, issues };
  }
  const year: SolarYear = isGhi
    ? { kind: "ghi_csv", file, site, ghiWm2: values }
    : { kind: "pv_csv", file, site, pvKwPerKwp: values };
  if (temp !== undefined) year.tempAirC = temp;
  return { year, counts, issues };
}

/** Sum of an hourly W/m² series in kWh/m² (each hour's mean W/m² is Wh/m² in that hour). */
export function annualKwhPerM2(seriesWm2: Float64Array): number {
  let s = 0;
  for (let i = 0; i < seriesWm2.length; i++) s += seriesWm2[i]!;
  return s / 1000;
}

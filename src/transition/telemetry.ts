/**
 * Telemetry CSV (pure): one row per unit and reporting period.
 *
 *   port,unit_id,period_start,period_end,operating_h,moves,miles,charged_kwh,h2_kg,diesel_l,downtime_h,downtime_reason
 *   USLAX,UTR-H2-01,2026-03-01,2026-03-02,14.5,112,,,9.8,,2,fuel cell fault
 *
 * Times: a date (midnight in the port's zone) or a date-time with an offset. Required: port,
 * unit_id, period_start, period_end, operating_h. Blank downtime is 0 h; other blanks are "not
 * metered" (null). Per record: the unit must be in the registry, start < end, the period at most
 * 366 days, every quantity ≥ 0 and plausible (`TELEMETRY_BOUNDS`); each failure is a reject naming
 * file, line, field and reason. The natural key is port + unit + period start; re-ingesting the
 * same row changes nothing (fleet-ingest.ts counts it as a duplicate).
 */
import { parseUnLocode } from "../core/ids.ts";
import { textOf } from "../core/json-text.ts";
import { dateOrInstantS, isCalendarDate, isInstant, SECONDS_PER_DAY } from "../core/time.ts";
import { type CsvRow, csvRows, RowCheck } from "./csv-rows.ts";
import type { Equipment, Telemetry, TransitionReject } from "./wire.ts";

export const TELEMETRY_CSV_COLUMNS = [
  "port",
  "unit_id",
  "period_start",
  "period_end",
  "operating_h",
  "moves",
  "miles",
  "charged_kwh",
  "h2_kg",
  "diesel_l",
  "downtime_h",
  "downtime_reason",
] as const;
const REQUIRED = ["port", "unit_id", "period_start", "period_end", "operating_h"];

/**
 * Plausibility limits (our choice; each says why). They catch unit mix-ups (kWh given as Wh, g for
 * kg, a day's hours for a month), not marginal values.
 *
 * - Hydrogen: a unit cannot use more than its rated power allows at a poor efficiency. At rated
 *   power P kW and a conversion efficiency of 30 % (below any fuel-cell system at rated load —
 *   the transition NOTES §4 uses 50 % for fuel-cell systems — and below a hydrogen engine's
 *   ~35–40 % at full load), kg H2/h = P / (0.30 × LHV). For the Hyster top pick (2 × 45 kW, NOTES
 *   §3) that is 90 / (0.30 × 33.33) = 9.0 kg/h. Without a rated power, the largest hydrogen unit
 *   of the pilots is used: the Kenworth T680 FCEV's 310 kW motor (NOTES §3) → 31.0 kg/h. Because
 *   fills are not consumption (a tank may be filled after a short shift), the limit applies to
 *   the kg dispensed per operating hour with one hour's allowance: kg ≤ (h + 1) × limit.
 * - Diesel: 0.30 L per rated kWh — NONROAD's diesel BSFC is about 0.37 lb/hp-hr (≈ 0.22 kg/kWh,
 *   0.27 L/kWh at 0.84 kg/L) at full load, so a whole period at rated power stays below it.
 * - Moves: 100 per operating hour (a ship-to-shore crane's gross rate is 25–40 moves/h).
 * - Miles: 75 per operating hour (a truck averaging above the 70 mph freeway limit is a unit error).
 */
export const TELEMETRY_BOUNDS = {
  fuelCellMinEfficiency: 0.3,
  defaultH2RatedKw: 310,
  dieselLPerRatedKwh: 0.3,
  movesPerH: 100,
  milesPerH: 75,
  maxPeriodDays: 366,
} as const;

export interface ParsedTelemetry {
  records: { telemetry: Telemetry; line: number }[];
  rejects: TransitionReject[];
  read: number;
  rejectedRows: number;
  duplicateRows: number;
}

export interface TelemetryContext {
  /** The registry entry of a unit, or undefined when the unit is unknown. */
  unit(port: string, unitId: string): Equipment | undefined;
  /** The port's time zone (for dates given without a time), or undefined for an unknown port. */
  timeZone(port: string): string | undefined;
  /** Hydrogen lower heating value, kWh/kg (fuel_and_hydrogen_constants.csv). */
  h2LhvKwhPerKg: number;
}

/**
 * Largest plausible kg H2 per operating hour of a unit (see TELEMETRY_BOUNDS).
 * Example: 90 kW at LHV 33.33 → 90 / (0.30 × 33.33) = 9.0009 kg/h.
 */
export function maxH2KgPerH(ratedPowerKw: number | null, lhvKwhPerKg: number): number {
  const kw = ratedPowerKw ?? TELEMETRY_BOUNDS.defaultH2RatedKw;
  return kw / (TELEMETRY_BOUNDS.fuelCellMinEfficiency * lhvKwhPerKg);
}

/** Parses a telemetry CSV against the registry (`ctx.unit`). */
export function parseTelemetryCsv(text: string, file: string, ctx: TelemetryContext): ParsedTelemetry {
  const { rows, rejects, read } = csvRows(text, file, REQUIRED);
  return parseTelemetryRows(rows, file, ctx, { rejects, read });
}

/** The JSON field of each CSV column (POST bodies use camelCase). */
const JSON_FIELD: Record<(typeof TELEMETRY_CSV_COLUMNS)[number], string> = {
  port: "port",
  unit_id: "unitId",
  period_start: "periodStart",
  period_end: "periodEnd",
  operating_h: "operatingH",
  moves: "moves",
  miles: "miles",
  charged_kwh: "chargedKwh",
  h2_kg: "h2Kg",
  diesel_l: "dieselL",
  downtime_h: "downtimeH",
  downtime_reason: "downtimeReason",
};

/**
 * Telemetry posted as JSON objects (camelCase fields of the CSV columns; the port is the path's),
 * checked exactly as CSV rows; a reject's `line` is the record's 1-based position in the batch and
 * its `field` the JSON field name. Example: [{ unitId: "TH-01", periodStart: "2026-03-01",
 * periodEnd: "2026-03-02", operatingH: 10 }] at JPNGO → one record.
 */
export function parseTelemetryJson(
  records: readonly Record<string, unknown>[],
  port: string,
  source: string,
  ctx: TelemetryContext,
): ParsedTelemetry {
  const rows = records.map((r, i) => ({
    line: i + 1,
    get(column: string): string {
      if (column === "port") return port;
      const v = r[JSON_FIELD[column as keyof typeof JSON_FIELD] ?? column];
      return v === undefined || v === null ? "" : textOf(v).trim();
    },
  }));
  const parsed = parseTelemetryRows(rows, source, ctx, { rejects: [], read: records.length });
  for (const r of parsed.rejects) r.field = JSON_FIELD[r.field as keyof typeof JSON_FIELD] ?? r.field;
  return parsed;
}

function parseTelemetryRows(
  rows: readonly CsvRow[],
  file: string,
  ctx: TelemetryContext,
  start: { rejects: TransitionReject[]; read: number },
): ParsedTelemetry {
  const { rejects, read } = start;
  const out: ParsedTelemetry = {
    records: [],
    rejects,
    read,
    rejectedRows: read - rows.length,
    duplicateRows: 0,
  };
  const seen = new Map<string, string>();
  const B = TELEMETRY_BOUNDS;
  for (const row of rows) {
    const c = new RowCheck(file, row.line);
    const portText = c.text(row, "port", true);
    let port = "";
    let zone: string | undefined;
    if (portText !== null) {
      const p = parseUnLocode(portText);
      if (!p.ok) c.fail("port", p.reason);
      else {
        port = p.value;
        zone = ctx.timeZone(port);
        if (zone === undefined) c.fail("port", `unknown port ${port}`);
      }
    }
    const unitId = c.text(row, "unit_id", true);
    const unit = unitId !== null && zone !== undefined ? ctx.unit(port, unitId) : undefined;
    if (unitId !== null && zone !== undefined && unit === undefined)
      c.fail("unit_id", `unit ${unitId} is not in the ${port} equipment registry`);
    const time = (column: string): number | null => {
      const t = c.text(row, column, true);
      if (t === null || zone === undefined) return null;
      if (!isCalendarDate(t) && !isInstant(t)) {
        c.fail(column, `"${t}" is neither a date (2026-03-01) nor a date-time with an offset`);
        return null;
      }
      return dateOrInstantS(t, zone);
    };
    const startS = time("period_start");
    const endS = time("period_end");
    let periodH = 0;
    if (startS !== null && endS !== null) {
      if (!(startS < endS)) c.fail("period_end", "must be after period_start");
      else if (endS - startS > B.maxPeriodDays * SECONDS_PER_DAY)
        c.fail("period_end", `period longer than ${B.maxPeriodDays} days`);
      else periodH = (endS - startS) / 3600;
    }
    const operatingH = c.number(row, "operating_h", { required: true });
    const moves = c.number(row, "moves");
    const miles = c.number(row, "miles");
    const chargedKwh = c.number(row, "charged_kwh");
    const h2Kg = c.number(row, "h2_kg");
    const dieselL = c.number(row, "diesel_l");
    const downtimeH = c.number(row, "downtime_h") ?? 0;
    const downtimeReason = c.text(row, "downtime_reason");
    if (periodH > 0 && operatingH !== null) {
      const eps = 1e-9;
      if (operatingH > periodH + eps)
        c.fail("operating_h", `${operatingH} h is more than the period's ${periodH.toFixed(2)} h`);
      else if (downtimeH > periodH + eps)
        c.fail("downtime_h", `${downtimeH} h is more than the period's ${periodH.toFixed(2)} h`);
      else if (operatingH + downtimeH > periodH + eps)
        c.fail(
          "downtime_h",
          `operating ${operatingH} h + downtime ${downtimeH} h exceed the period's ${periodH.toFixed(2)} h`,
        );
      if (moves !== null && moves > operatingH * B.movesPerH)
        c.fail("moves", `${moves} moves in ${operatingH} h is above ${B.movesPerH} per hour`);
      if (miles !== null && miles > operatingH * B.milesPerH)
        c.fail("miles", `${miles} mi in ${operatingH} h is above ${B.milesPerH} mi per hour`);
      if (h2Kg !== null && unit !== undefined) {
        const limit = maxH2KgPerH(unit.ratedPowerKw, ctx.h2LhvKwhPerKg);
        if (h2Kg > (operatingH + 1) * limit)
          c.fail(
            "h2_kg",
            `${h2Kg} kg for ${operatingH} h is above ${limit.toFixed(1)} kg/h (rated power at 30 % efficiency, plus one hour)`,
          );
      }
      if (
        dieselL !== null &&
        unit?.ratedPowerKw != null &&
        dieselL > operatingH * unit.ratedPowerKw * B.dieselLPerRatedKwh
      )
        c.fail(
          "diesel_l",
          `${dieselL} L for ${operatingH} h is above ${B.dieselLPerRatedKwh} L per rated kWh of a ${unit.ratedPowerKw} kW unit`,
        );
    }
    if (downtimeH > 0 && downtimeReason === null) c.fail("downtime_reason", "missing where downtime_h > 0");
    if (!c.ok || unitId === null || startS === null || endS === null || operatingH === null) {
      out.rejects.push(...c.rejects);
      out.rejectedRows++;
      continue;
    }
    const telemetry: Telemetry = {
      port,
      unitId: unit?.unitId ?? unitId,
      periodStartS: startS,
      periodEndS: endS,
      operatingH,
      moves,
      miles,
      chargedKwh,
      h2Kg,
      dieselL,
      downtimeH,
      downtimeReason,
    };
    const key = `${port}|${telemetry.unitId}|${startS}`;
    const json = JSON.stringify(telemetry);
    const before = seen.get(key);
    if (before !== undefined) {
      if (before === json) out.duplicateRows++;
      else {
        out.rejects.push({
          file,
          line: row.line,
          field: "period_start",
          reason: `unit ${unitId} has another row for this period start earlier in the file`,
        });
        out.rejectedRows++;
      }
      continue;
    }
    seen.set(key, json);
    out.records.push({ telemetry, line: row.line });
  }
  return out;
}

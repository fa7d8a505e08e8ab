/**
 * Rail activity CSV — what railroads report to a port: fuel dispensed, or locomotive hours, per
 * month, service and tier, one row per month, service, tier (and optional locomotive group):
 *
 * | column (synonyms) | unit | required | notes |
 * |---|---|---|---|
 * | year | year | yes | |
 * | month | 1–12 | yes | |
 * | service (duty, locomotive_service) | — | yes | line-haul or switch |
 * | tier (engine_tier) | — | yes | Uncontrolled, Tier 0, 0+, 1, 1+, 2, 2+, 3, 4 (EPA locomotive tiers) |
 * | locomotive_id (locomotive, group, id) | — | no | locomotive or group; rows with different ids are separate sources |
 * | terminal (terminal_id, rail_yard) | — | no | terminal feature id (on-dock rail) |
 * | fuel_gal (gallons, diesel_gal) or fuel_l (litres, diesel_l) | US gal / L | either fuel … | fuel-based method |
 * | hours (locomotive_hours, engine_hours) | h | … or hours | locomotive-hours in the month (duty-cycle method) |
 * | rated_hp (hp) or rated_kw (kw) | hp / kW | with hours | rated power of each locomotive |
 *
 * Key: year + month + service + tier + locomotive_id + terminal.
 */
import { csvCell } from "../../core/csv.ts";
import type { ColumnSpec, KindSpec } from "./csv.ts";
import { readPeriod, readPower } from "./input-che.ts";
import type { RailRecord } from "./model.ts";
import { RAIL_TIERS, railService, railTier } from "./vocab.ts";

const COLUMNS: ColumnSpec[] = [
  { key: "year", names: ["year", "calendar_year"], required: true },
  { key: "month", names: ["month"], required: true },
  { key: "service", names: ["service", "duty", "locomotive_service"], required: true },
  { key: "tier", names: ["tier", "engine_tier"], required: true },
  { key: "locomotiveId", names: ["locomotive_id", "locomotive", "group", "id"] },
  { key: "terminal", names: ["terminal", "terminal_id", "rail_yard"] },
  { key: "fuelGal", names: ["fuel_gal", "gallons", "diesel_gal", "fuel_gallons"] },
  { key: "fuelL", names: ["fuel_l", "litres", "liters", "diesel_l", "fuel_litres"] },
  { key: "hours", names: ["hours", "locomotive_hours", "engine_hours"] },
  { key: "ratedHp", names: ["rated_hp", "hp"] },
  { key: "ratedKw", names: ["rated_kw", "kw"] },
];

export function railSpec(options: { terminals?: ReadonlySet<string> } = {}): KindSpec<RailRecord> {
  return {
    kind: "rail",
    columns: COLUMNS,
    keyDescription: "year, month, service, tier, locomotive_id and terminal",
    key: (r) => `${r.year}|${r.month}|${r.service}|${r.tier}|${r.locomotiveId ?? ""}|${r.terminal ?? ""}`,
    read(row) {
      const period = readPeriod(row);
      if (period !== null && period.month === null && !row.issues.some((i) => i.field === row.name("month")))
        row.fail("month", "missing value");
      const service = row.oneOf("service", railService, "line-haul, switch");
      const tier = row.oneOf("tier", railTier, RAIL_TIERS.join(", "));
      const terminal = row.text("terminal");
      if (terminal !== null && options.terminals && !options.terminals.has(terminal))
        row.fail("terminal", `unknown terminal "${terminal}" (known: ${[...options.terminals].join(", ")})`);
      const fuelGal = row.number("fuelGal", { min: 0, max: 10_000_000 });
      const fuelL = row.number("fuelL", { min: 0, max: 40_000_000 });
      if (fuelGal !== null && fuelL !== null) row.fail("fuelL", "give fuel in gallons or litres, not both");
      const hours = row.number("hours", { min: 0, max: 1_000_000 });
      const hasFuel = fuelGal !== null || fuelL !== null || row.has("fuelGal") || row.has("fuelL");
      const hasHours = hours !== null || row.has("hours");
      if (hasFuel && hasHours)
        row.fail("hours", "give fuel or hours, not both (fuel-based or duty-cycle method)");
      if (!hasFuel && !hasHours)
        row.fail("fuelGal", "give fuel (fuel_gal or fuel_l) or hours with rated power");
      const power = readPower(row, "ratedHp", "ratedKw", hasHours && !hasFuel);
      if (
        row.issues.length > 0 ||
        period === null ||
        period.month === null ||
        service === null ||
        tier === null
      )
        return null;
      return {
        year: period.year,
        month: period.month,
        service,
        tier,
        locomotiveId: row.text("locomotiveId"),
        terminal,
        fuelGal,
        fuelL,
        hours,
        ratedHp: power.hp,
        ratedKw: power.kw,
      };
    },
  };
}

export const RAIL_CSV_HEADER =
  "year,month,service,tier,locomotive_id,terminal,fuel_gal,fuel_l,hours,rated_hp,rated_kw";

/** CSV text of rail records in the format railSpec reads (round trip). */
export function railCsv(records: readonly RailRecord[]): string {
  const rows = records.map((r) =>
    [
      r.year,
      r.month,
      r.service,
      r.tier,
      r.locomotiveId,
      r.terminal,
      r.fuelGal,
      r.fuelL,
      r.hours,
      r.ratedHp,
      r.ratedKw,
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[RAIL_CSV_HEADER, ...rows].join("\n")}\n`;
}

/**
 * Drayage activity CSV — gate-transaction counts per terminal and month, split by truck group as
 * the port's drayage truck registry gives it, one row per terminal, month and group:
 *
 * | column (synonyms) | unit | required | notes |
 * |---|---|---|---|
 * | terminal (terminal_id, facility) | — | yes | terminal feature id of data/ports/<port>.geojson |
 * | year | year | yes | |
 * | month | 1–12 | yes | |
 * | powertrain (fuel, fuel_type) | — | yes | diesel, natural gas, battery-electric, fuel cell |
 * | model_year_group (my_group, model_years) | — | no | e.g. "2010-2013", "MY2021+", "pre-2007": matched against factor keys |
 * | gate_visits (visits, truck_visits, transactions) | visits | yes | truck visits (one in, one out) |
 * | one_way_mi (distance_mi, one_way_miles) or one_way_km (distance_km) | mi / km | yes | one-way distance inside the inventory boundary (road + on terminal) |
 * | idle_min_per_visit (idle_min, idle_minutes) | min | yes | idling per visit: gate queue + in terminal |
 * | starts_per_visit (starts) | starts | no | engine starts per visit inside the boundary; empty = none counted |
 * | kwh_per_mi (energy_kwh_per_mi) | kWh/mi | no | battery-electric trucks: energy per mile … |
 * | h2_kg_per_mi (hydrogen_kg_per_mi) | kg/mi | no | fuel-cell trucks: hydrogen per mile … |
 * | energy_source | — | with either | … and where that figure comes from |
 * | hydrogen_pathway (h2_pathway) | — | no | hydrogen production pathway (e.g. grey-smr) |
 *
 * Vehicle miles = visits × 2 × one-way distance (in and out); idle hours = visits × idle minutes
 * ÷ 60; starts = visits × starts per visit. Key: terminal + year + month + powertrain + model-year group.
 */
import { csvCell } from "../../core/csv.ts";
import type { ColumnSpec, KindSpec } from "./csv.ts";
import { readPeriod } from "./input-che.ts";
import type { DrayageRecord } from "./model.ts";
import { DRAYAGE_POWERTRAIN_LABELS, drayagePowertrain, normalizeModelYearGroup } from "./vocab.ts";

const COLUMNS: ColumnSpec[] = [
  { key: "terminal", names: ["terminal", "terminal_id", "facility"], required: true },
  { key: "year", names: ["year", "calendar_year"], required: true },
  { key: "month", names: ["month"], required: true },
  { key: "powertrain", names: ["powertrain", "fuel", "fuel_type"], required: true },
  { key: "modelYearGroup", names: ["model_year_group", "my_group", "model_years", "model_year"] },
  { key: "gateVisits", names: ["gate_visits", "visits", "truck_visits", "transactions"], required: true },
  { key: "oneWayMi", names: ["one_way_mi", "distance_mi", "one_way_miles"] },
  { key: "oneWayKm", names: ["one_way_km", "distance_km"] },
  { key: "idleMin", names: ["idle_min_per_visit", "idle_min", "idle_minutes"], required: true },
  { key: "starts", names: ["starts_per_visit", "starts"] },
  { key: "kwhPerMi", names: ["kwh_per_mi", "energy_kwh_per_mi"] },
  { key: "h2KgPerMi", names: ["h2_kg_per_mi", "hydrogen_kg_per_mi"] },
  { key: "energySource", names: ["energy_source"] },
  { key: "hydrogenPathway", names: ["hydrogen_pathway", "h2_pathway"] },
];

export function drayageSpec(options: { terminals?: ReadonlySet<string> } = {}): KindSpec<DrayageRecord> {
  return {
    kind: "drayage",
    columns: COLUMNS,
    keyDescription: "terminal, year, month, powertrain and model_year_group",
    key: (r) => `${r.terminal}|${r.year}|${r.month}|${r.powertrain}|${r.modelYearGroup ?? ""}`,
    read(row) {
      const terminal = row.text("terminal", true);
      if (terminal !== null && options.terminals && !options.terminals.has(terminal))
        row.fail("terminal", `unknown terminal "${terminal}" (known: ${[...options.terminals].join(", ")})`);
      const period = readPeriod(row);
      if (period !== null && period.month === null && !row.issues.some((i) => i.field === row.name("month")))
        row.fail("month", "missing value");
      const powertrain = row.oneOf(
        "powertrain",
        drayagePowertrain,
        "diesel, natural gas, battery-electric, fuel cell",
      );
      const gateVisits = row.number("gateVisits", { required: true, integer: true, min: 0, max: 10_000_000 });
      const oneWayMi = row.number("oneWayMi", { min: 0, max: 500 });
      const oneWayKm = row.number("oneWayKm", { min: 0, max: 800 });
      if (oneWayMi !== null && oneWayKm !== null)
        row.fail("oneWayKm", "give one_way_mi or one_way_km, not both");
      if (oneWayMi === null && oneWayKm === null && !row.has("oneWayMi") && !row.has("oneWayKm"))
        row.fail("oneWayMi", "missing one-way distance (one_way_mi or one_way_km)");
      const idleMinPerVisit = row.number("idleMin", { required: true, min: 0, max: 24 * 60 });
      const startsPerVisit = row.number("starts", { min: 0, max: 20 });
      const kwhPerMi = row.number("kwhPerMi", { min: 0, aboveMin: true, max: 20 });
      const h2KgPerMi = row.number("h2KgPerMi", { min: 0, aboveMin: true, max: 2 });
      const energySource = row.text("energySource");
      if (kwhPerMi !== null && powertrain !== null && powertrain !== "battery_electric")
        row.fail("kwhPerMi", "kWh per mile is read for battery-electric trucks only");
      if (h2KgPerMi !== null && powertrain !== null && powertrain !== "fuel_cell")
        row.fail("h2KgPerMi", "hydrogen per mile is read for fuel-cell trucks only");
      if ((kwhPerMi !== null || h2KgPerMi !== null) && energySource === null)
        row.fail("energySource", "an energy-per-mile figure needs its source");
      if (row.issues.length > 0 || terminal === null || period === null || period.month === null) return null;
      if (powertrain === null || gateVisits === null || idleMinPerVisit === null) return null;
      return {
        terminal,
        year: period.year,
        month: period.month,
        powertrain,
        modelYearGroup: normalizeModelYearGroup(row.raw("modelYearGroup")),
        gateVisits,
        oneWayMi,
        oneWayKm,
        idleMinPerVisit,
        startsPerVisit,
        kwhPerMi,
        h2KgPerMi,
        energySource,
        hydrogenPathway: row.text("hydrogenPathway"),
      };
    },
  };
}

export const DRAYAGE_CSV_HEADER =
  "terminal,year,month,powertrain,model_year_group,gate_visits,one_way_mi,one_way_km,idle_min_per_visit,starts_per_visit,kwh_per_mi,h2_kg_per_mi,energy_source,hydrogen_pathway";

/** CSV text of drayage records in the format drayageSpec reads (round trip). */
export function drayageCsv(records: readonly DrayageRecord[]): string {
  const rows = records.map((r) =>
    [
      r.terminal,
      r.year,
      r.month,
      DRAYAGE_POWERTRAIN_LABELS[r.powertrain],
      r.modelYearGroup,
      r.gateVisits,
      r.oneWayMi,
      r.oneWayKm,
      r.idleMinPerVisit,
      r.startsPerVisit,
      r.kwhPerMi,
      r.h2KgPerMi,
      r.energySource,
      r.hydrogenPathway,
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[DRAYAGE_CSV_HEADER, ...rows].join("\n")}\n`;
}

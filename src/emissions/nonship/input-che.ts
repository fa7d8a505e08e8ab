/**
 * Cargo-handling equipment (CHE) activity CSV — the unit list with hour-meter readings (or
 * telemetry) that terminal operators report, one row per unit and period:
 *
 * | column (synonyms) | unit | required | notes |
 * |---|---|---|---|
 * | unit_id (unit, equipment_id, asset_id, asset, id) | — | yes | the operator's unit number |
 * | terminal (terminal_id, facility, site) | — | no | terminal feature id of data/ports/<port>.geojson |
 * | equipment_type (equipment, type, che_type) | — | yes | yard tractor, RTG, top handler, side handler, straddle carrier, forklift, reach stacker, STS crane, empty container handler, … |
 * | powertrain (fuel, fuel_type, power_source, drive) | — | yes | diesel, diesel-electric hybrid, LPG, CNG, battery-electric, hydrogen fuel cell |
 * | rated_hp (hp, horsepower, engine_hp, bhp) or rated_kw (kw, engine_kw, power_kw, motor_kw) | hp / kW | combustion: yes | one of the two |
 * | model_year (my, engine_model_year, engine_year) | year | diesel, hybrid: yes | engine model year: NONROAD tech type |
 * | year (calendar_year, inventory_year) | year | yes | |
 * | month | 1–12 | no | empty = the row covers the whole year |
 * | hours (operating_hours, hours_used, annual_hours, monthly_hours, engine_hours) | h | combustion: yes | at most the hours of the period |
 * | energy_kwh (kwh, electricity_kwh, charged_kwh) | kWh | — | metered electricity (battery-electric, plug-in hybrid) |
 * | hydrogen_kg (h2_kg, kg_h2) | kg | — | metered hydrogen (fuel cell) |
 * | fuel_l (fuel_litres, diesel_l, litres) or fuel_gal (fuel_gallons, diesel_gal, gallons) | L / US gal | no | metered diesel: CO2 from fuel instead of BSFC |
 * | cumulative_hours (hour_meter_start, cumulative_hours_start) | h | no | hour meter at 1 January; default (year − model year) × NONROAD annual hours |
 * | load_factor (lf) | fraction | no | override of NONROAD's load factor … |
 * | load_factor_source (lf_source) | — | with load_factor | … and where it comes from |
 * | hydrogen_pathway (h2_pathway, pathway) | — | no | hydrogen production pathway (e.g. grey-smr, green) |
 *
 * Key: unit_id + year + month. A battery-electric or fuel-cell row needs hours or its metered
 * energy; a combustion row needs hours and rated power.
 */
import { csvCell } from "../../core/csv.ts";
import type { ColumnSpec, KindSpec, RowReader } from "./csv.ts";
import type { CHE_POWERTRAINS, ChePowertrain, CheRecord } from "./model.ts";
import { daysInMonth, daysInYear } from "./units.ts";
import { CHE_EQUIPMENT_TYPES, cheEquipmentType, chePowertrain } from "./vocab.ts";

const COLUMNS: ColumnSpec[] = [
  { key: "unitId", names: ["unit_id", "unit", "equipment_id", "asset_id", "asset", "id"], required: true },
  { key: "terminal", names: ["terminal", "terminal_id", "facility", "site"] },
  { key: "equipmentType", names: ["equipment_type", "equipment", "type", "che_type"], required: true },
  { key: "powertrain", names: ["powertrain", "fuel", "fuel_type", "power_source", "drive"], required: true },
  { key: "ratedHp", names: ["rated_hp", "hp", "horsepower", "engine_hp", "bhp"] },
  { key: "ratedKw", names: ["rated_kw", "kw", "engine_kw", "power_kw", "motor_kw"] },
  { key: "modelYear", names: ["model_year", "my", "engine_model_year", "engine_year"] },
  { key: "year", names: ["year", "calendar_year", "inventory_year"], required: true },
  { key: "month", names: ["month"] },
  {
    key: "hours",
    names: ["hours", "operating_hours", "hours_used", "annual_hours", "monthly_hours", "engine_hours"],
  },
  { key: "energyKwh", names: ["energy_kwh", "kwh", "electricity_kwh", "charged_kwh"] },
  { key: "hydrogenKg", names: ["hydrogen_kg", "h2_kg", "kg_h2"] },
  { key: "fuelL", names: ["fuel_l", "fuel_litres", "fuel_liters", "diesel_l", "litres", "liters"] },
  { key: "fuelGal", names: ["fuel_gal", "fuel_gallons", "diesel_gal", "gallons"] },
  {
    key: "cumulativeHours",
    names: ["cumulative_hours", "cumulative_hours_start", "hour_meter_start", "hour_meter"],
  },
  { key: "loadFactor", names: ["load_factor", "lf"] },
  { key: "loadFactorSource", names: ["load_factor_source", "lf_source"] },
  { key: "hydrogenPathway", names: ["hydrogen_pathway", "h2_pathway", "pathway"] },
];

const COMBUSTION: readonly ChePowertrain[] = ["diesel", "hybrid", "lpg", "cng"];

/** Reads year and month, and the hours that period has (a limit for hour counts). */
export function readPeriod(row: RowReader): { year: number; month: number | null; periodH: number } | null {
  const year = row.number("year", { required: true, integer: true, min: 1990, max: 2100 });
  const month = row.number("month", { integer: true, min: 1, max: 12 });
  if (year === null) return null;
  const periodH = (month === null ? daysInYear(year) : daysInMonth(year, month)) * 24;
  return { year, month, periodH };
}

/** Reads rated power given as hp or kW (not both). */
export function readPower(
  row: RowReader,
  hpKey: string,
  kwKey: string,
  required: boolean,
): { hp: number | null; kw: number | null } {
  const hp = row.number(hpKey, { min: 0, aboveMin: true, max: 10_000 });
  const kw = row.number(kwKey, { min: 0, aboveMin: true, max: 7_500 });
  if (hp !== null && kw !== null) row.fail(kwKey, `give ${row.name(hpKey)} or ${row.name(kwKey)}, not both`);
  if (required && hp === null && kw === null && !row.has(hpKey) && !row.has(kwKey))
    row.fail(hpKey, `missing rated power (${row.name(hpKey)} or ${row.name(kwKey)})`);
  return { hp, kw };
}

const EQUIPMENT_HINT = CHE_EQUIPMENT_TYPES.slice(0, 9)
  .map((t) => t.label)
  .join(", ");

export function cheSpec(options: { terminals?: ReadonlySet<string> } = {}): KindSpec<CheRecord> {
  return {
    kind: "che",
    columns: COLUMNS,
    keyDescription: "unit_id, year and month",
    key: (r) => `${r.unitId}|${r.year}|${r.month ?? "year"}`,
    read(row) {
      const unitId = row.text("unitId", true);
      const terminal = row.text("terminal");
      if (terminal !== null && options.terminals && !options.terminals.has(terminal))
        row.fail("terminal", `unknown terminal "${terminal}" (known: ${[...options.terminals].join(", ")})`);
      const type = row.oneOf("equipmentType", cheEquipmentType, EQUIPMENT_HINT);
      const powertrain = row.oneOf(
        "powertrain",
        chePowertrain,
        "diesel, diesel-electric hybrid, LPG, CNG, battery-electric, hydrogen fuel cell",
      );
      const period = readPeriod(row);
      const combustion = powertrain !== null && COMBUSTION.includes(powertrain);
      const power = readPower(row, "ratedHp", "ratedKw", combustion);
      const needsModelYear = powertrain === "diesel" || powertrain === "hybrid";
      const modelYear = row.number("modelYear", {
        required: needsModelYear,
        integer: true,
        min: 1950,
        max: (period?.year ?? 2100) + 1,
      });
      const hours = row.number("hours", { required: combustion, min: 0, max: period?.periodH });
      const energyKwh = row.number("energyKwh", { min: 0 });
      const hydrogenKg = row.number("hydrogenKg", { min: 0 });
      const fuelL = row.number("fuelL", { min: 0 });
      const fuelGal = row.number("fuelGal", { min: 0 });
      if (fuelL !== null && fuelGal !== null) row.fail("fuelGal", "give fuel in litres or gallons, not both");
      if (
        (fuelL !== null || fuelGal !== null) &&
        powertrain !== null &&
        !["diesel", "hybrid"].includes(powertrain)
      )
        row.fail(
          fuelL !== null ? "fuelL" : "fuelGal",
          "metered diesel is read for diesel and hybrid units only",
        );
      if (energyKwh !== null && powertrain !== null && !["battery_electric", "hybrid"].includes(powertrain))
        row.fail("energyKwh", "electricity is read for battery-electric and hybrid units only");
      if (hydrogenKg !== null && powertrain !== null && powertrain !== "fuel_cell")
        row.fail("hydrogenKg", "hydrogen is read for fuel-cell units only");
      if (powertrain === "battery_electric" && hours === null && energyKwh === null && !row.has("hours"))
        row.fail("hours", "a battery-electric unit needs hours or energy_kwh");
      if (powertrain === "fuel_cell" && hours === null && hydrogenKg === null && !row.has("hours"))
        row.fail("hours", "a fuel-cell unit needs hours or hydrogen_kg");
      const cumulativeHoursStart = row.number("cumulativeHours", { min: 0, max: 1_000_000 });
      const loadFactor = row.number("loadFactor", { min: 0, aboveMin: true, max: 1 });
      const loadFactorSource = row.text("loadFactorSource");
      if (loadFactor !== null && loadFactorSource === null)
        row.fail("loadFactorSource", "a load-factor override needs its source");
      if (row.issues.length > 0 || unitId === null || type === null || powertrain === null || period === null)
        return null;
      return {
        unitId,
        terminal,
        equipmentType: type.id,
        powertrain,
        ratedHp: power.hp,
        ratedKw: power.kw,
        modelYear,
        year: period.year,
        month: period.month,
        hours,
        energyKwh,
        hydrogenKg,
        fuelL,
        fuelGal,
        cumulativeHoursStart,
        loadFactor,
        loadFactorSource,
        hydrogenPathway: row.text("hydrogenPathway"),
      };
    },
  };
}

export const CHE_CSV_HEADER =
  "unit_id,terminal,equipment_type,powertrain,rated_hp,rated_kw,model_year,year,month,hours,energy_kwh,hydrogen_kg,fuel_l,fuel_gal,cumulative_hours,load_factor,load_factor_source,hydrogen_pathway";

const POWERTRAIN_TEXT: Record<(typeof CHE_POWERTRAINS)[number], string> = {
  diesel: "diesel",
  hybrid: "diesel-electric hybrid",
  lpg: "LPG",
  cng: "CNG",
  battery_electric: "battery-electric",
  fuel_cell: "hydrogen fuel cell",
};

/** CSV text of CHE records in the format cheSpec reads (round trip). */
export function cheCsv(records: readonly CheRecord[]): string {
  const rows = records.map((r) =>
    [
      r.unitId,
      r.terminal,
      CHE_EQUIPMENT_TYPES.find((t) => t.id === r.equipmentType)?.label ?? r.equipmentType,
      POWERTRAIN_TEXT[r.powertrain],
      r.ratedHp,
      r.ratedKw,
      r.modelYear,
      r.year,
      r.month,
      r.hours,
      r.energyKwh,
      r.hydrogenKg,
      r.fuelL,
      r.fuelGal,
      r.cumulativeHoursStart,
      r.loadFactor,
      r.loadFactorSource,
      r.hydrogenPathway,
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[CHE_CSV_HEADER, ...rows].join("\n")}\n`;
}

/**
 * User emission factors CSV — the factors no shared reference gives a source for (harbour-craft
 * factors by tier and kW band, drayage running / idle / start rates from EMFAC or MOVES runs, CHE
 * burning LPG or CNG), each with its source. One row per class, pollutant and process:
 *
 * | column (synonyms) | required | notes |
 * |---|---|---|
 * | category | yes | che, harbor craft, drayage (rail factors come from locomotive_emission_factors.csv) |
 * | key (class) | yes | the class the factor applies to (grammar below) |
 * | pollutant | yes | NOx, PM10, PM2.5, DPM, SO2 (SOx), CO, HC (THC), CO2, CH4, N2O |
 * | value | yes | ≥ 0 |
 * | unit | yes | drayage: g/mi (or g/km) running, g/h idle, g/start; harbour craft: g/kWh or g/bhp-hr; CHE: g/bhp-hr, g/kWh or g/h |
 * | source (reference) | yes | where the number comes from (model run, report table, …) |
 *
 * Keys: drayage — powertrain then optional model-year group ("diesel MY2010-2013", "natural gas");
 * harbour craft — any of vessel type ("assist tug", "tug" = any tug), engine use, "tier X",
 * "kW A-B" (one engine's rated kW, min < kW ≤ max), "MY A-B" ("tug propulsion tier 2 kW 600-1000");
 * CHE — optional equipment type then powertrain ("forklift LPG"). The most specific key that
 * matches an activity row wins, pollutant by pollutant.
 * Row key: category + key + pollutant + process (drayage: running, idle, start).
 */

import { csvCell } from "../../core/csv.ts";
import { POLLUTANT_LABELS } from "../model.ts";
import type { ColumnSpec, KindSpec } from "./csv.ts";
import type { UserFactorRecord } from "./model.ts";
import {
  drayageProcess,
  factorPollutant,
  normalizeWords,
  parseCheKey,
  parseDrayageKey,
  parseHarborCraftKey,
  squash,
  UNITS_BY_CATEGORY,
  userFactorCategory,
  userFactorUnit,
} from "./vocab.ts";

const COLUMNS: ColumnSpec[] = [
  { key: "category", names: ["category", "source_category"], required: true },
  { key: "key", names: ["key", "class", "factor_key"], required: true },
  { key: "pollutant", names: ["pollutant", "species"], required: true },
  { key: "value", names: ["value", "factor", "emission_factor"], required: true },
  { key: "unit", names: ["unit", "units"], required: true },
  { key: "source", names: ["source", "reference", "source_id"], required: true },
];

/** The process a factor row stands for: drayage running / idle / start, else the engine. */
export function factorProcess(f: Pick<UserFactorRecord, "category" | "unit">): string {
  return f.category === "drayage" ? (drayageProcess(f.unit) ?? "engine") : "engine";
}

export function factorsSpec(): KindSpec<UserFactorRecord> {
  return {
    kind: "factors",
    columns: COLUMNS,
    keyDescription: "category, key, pollutant and process",
    key: (f) => `${f.category}|${f.key}|${f.pollutant}|${factorProcess(f)}`,
    read(row) {
      const isRail = squash(row.raw("category")) === "rail";
      if (isRail)
        row.fail(
          "category",
          "rail factors come from locomotive_emission_factors.csv; user factors are read for che, harbor craft and drayage",
        );
      const category = isRail
        ? null
        : row.oneOf("category", userFactorCategory, "che, harbor craft, drayage");
      const keyText = row.text("key", true);
      if (category !== null && keyText !== null) {
        const parsed =
          category === "drayage"
            ? parseDrayageKey(keyText)
            : category === "harbor_craft"
              ? parseHarborCraftKey(keyText)
              : parseCheKey(keyText);
        if (!parsed.ok) row.fail("key", parsed.error);
      }
      const pollutant = row.oneOf(
        "pollutant",
        factorPollutant,
        "NOx, PM10, PM2.5, DPM, SO2, CO, HC, CO2, CH4, N2O (CO2e is computed)",
      );
      const value = row.number("value", { required: true, min: 0 });
      const unit = row.oneOf("unit", userFactorUnit, "g/mi, g/km, g/h, g/start, g/kWh, g/bhp-hr");
      if (category !== null && unit !== null && !UNITS_BY_CATEGORY[category].includes(unit))
        row.fail(
          "unit",
          `${unit} is not a unit for ${category} (use ${UNITS_BY_CATEGORY[category].join(", ")})`,
        );
      const source = row.text("source", true);
      if (row.issues.length > 0 || category === null || keyText === null || pollutant === null) return null;
      if (value === null || unit === null || source === null) return null;
      return { category, key: normalizeWords(keyText), pollutant, value, unit, source };
    },
  };
}

export const FACTORS_CSV_HEADER = "category,key,pollutant,value,unit,source";

/** CSV text of user factors in the format factorsSpec reads (round trip). */
export function factorsCsv(records: readonly UserFactorRecord[]): string {
  const rows = records.map((f) =>
    [f.category, f.key, POLLUTANT_LABELS[f.pollutant], f.value, f.unit, f.source].map(csvCell).join(","),
  );
  return `${[FACTORS_CSV_HEADER, ...rows].join("\n")}\n`;
}

/**
 * Harbour-craft activity CSV — the vessel and engine list with engine hours that tug, pilot, ferry
 * and work-boat operators keep, one row per engine group (same use, size and tier) and period:
 *
 * | column (synonyms) | unit | required | notes |
 * |---|---|---|---|
 * | vessel_id (vessel, imo, mmsi, id) | — | yes | stable id (IMO, MMSI or the operator's) |
 * | vessel_name (name) | — | no | |
 * | vessel_type (type) | — | yes | assist tug, escort tug, pilot boat, ferry, crew boat, work boat |
 * | engine_use (use, engine) | — | yes | propulsion (main) or auxiliary (generator) |
 * | engine_id | — | no | engine group id within the vessel (default: the engine use) |
 * | engine_count (engines, count) | — | no | engines in the group, default 1 |
 * | engine_kw (kw, rated_kw) or engine_hp (hp, rated_hp) | kW / hp | yes | rated power of each engine |
 * | model_year (my, engine_model_year) | year | no | |
 * | tier (engine_tier) | — | no | EPA tier (0–4) or IMO tier ("IMO II"); matched against factor keys |
 * | year | year | yes | |
 * | month | 1–12 | no | empty = the row covers the whole year |
 * | hours (engine_hours, operating_hours) | h | yes | hours of each engine in the period |
 *
 * Key: vessel_id + engine_id + year + month.
 */
import { csvCell } from "../../core/csv.ts";
import type { ColumnSpec, KindSpec } from "./csv.ts";
import { readPeriod, readPower } from "./input-che.ts";
import type { HarborCraftRecord } from "./model.ts";
import { engineUse, HARBOR_CRAFT_LABELS, harborCraftType, normalizeTier } from "./vocab.ts";

const COLUMNS: ColumnSpec[] = [
  { key: "vesselId", names: ["vessel_id", "vessel", "imo", "mmsi", "id"], required: true },
  { key: "vesselName", names: ["vessel_name", "name"] },
  { key: "vesselType", names: ["vessel_type", "type"], required: true },
  { key: "engineUse", names: ["engine_use", "use", "engine"], required: true },
  { key: "engineId", names: ["engine_id", "engine_group"] },
  { key: "engineCount", names: ["engine_count", "engines", "count"] },
  { key: "engineKw", names: ["engine_kw", "kw", "rated_kw"] },
  { key: "engineHp", names: ["engine_hp", "hp", "rated_hp"] },
  { key: "modelYear", names: ["model_year", "my", "engine_model_year"] },
  { key: "tier", names: ["tier", "engine_tier"] },
  { key: "year", names: ["year", "calendar_year"], required: true },
  { key: "month", names: ["month"] },
  { key: "hours", names: ["hours", "engine_hours", "operating_hours"], required: true },
];

export function harborCraftSpec(): KindSpec<HarborCraftRecord> {
  return {
    kind: "harbor-craft",
    columns: COLUMNS,
    keyDescription: "vessel_id, engine_id, year and month",
    key: (r) => `${r.vesselId}|${r.engineId}|${r.year}|${r.month ?? "year"}`,
    read(row) {
      const vesselId = row.text("vesselId", true);
      const vesselType = row.oneOf(
        "vesselType",
        harborCraftType,
        "assist tug, escort tug, pilot boat, ferry, crew boat, work boat",
      );
      const use = row.oneOf("engineUse", engineUse, "propulsion, auxiliary");
      const engineCount = row.number("engineCount", { integer: true, min: 1, max: 20 }) ?? 1;
      const power = readPower(row, "engineHp", "engineKw", true);
      const period = readPeriod(row);
      const modelYear = row.number("modelYear", {
        integer: true,
        min: 1900,
        max: (period?.year ?? 2100) + 1,
      });
      const hours = row.number("hours", { required: true, min: 0, max: period?.periodH });
      if (row.issues.length > 0 || vesselId === null || vesselType === null || use === null) return null;
      if (period === null || hours === null) return null;
      return {
        vesselId,
        vesselName: row.text("vesselName"),
        vesselType,
        engineUse: use,
        engineId: row.text("engineId") ?? use,
        engineCount,
        engineKw: power.kw,
        engineHp: power.hp,
        modelYear,
        tier: normalizeTier(row.raw("tier")),
        year: period.year,
        month: period.month,
        hours,
      };
    },
  };
}

export const HARBOR_CRAFT_CSV_HEADER =
  "vessel_id,vessel_name,vessel_type,engine_use,engine_id,engine_count,engine_kw,engine_hp,model_year,tier,year,month,hours";

/** Writes a tier token back so that it reads the same: "2" → "Tier 2", "imoii" → "IMO II". */
export function tierText(tier: string | null): string | null {
  if (tier === null) return null;
  if (tier.startsWith("imo")) return `IMO ${tier.slice(3).toUpperCase()}`;
  return `Tier ${tier}`;
}

/** CSV text of harbour-craft records in the format harborCraftSpec reads (round trip). */
export function harborCraftCsv(records: readonly HarborCraftRecord[]): string {
  const rows = records.map((r) =>
    [
      r.vesselId,
      r.vesselName,
      HARBOR_CRAFT_LABELS[r.vesselType],
      r.engineUse,
      r.engineId,
      r.engineCount,
      r.engineKw,
      r.engineHp,
      r.modelYear,
      tierText(r.tier),
      r.year,
      r.month,
      r.hours,
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[HARBOR_CRAFT_CSV_HEADER, ...rows].join("\n")}\n`;
}

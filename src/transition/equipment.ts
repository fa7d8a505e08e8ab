/**
 * The equipment registry's CSV import (pure): one row per unit, keyed by port + unit id.
 *
 *   port,unit_id,category,powertrain,model_year,rated_power_kw,engine_tier,owner,status,programme,replaces
 *   USLAX,UTR-H2-01,yard_tractor,fuel_cell,2019,,,"Toyota / Fenix Marine",pilot,Toyota UNO,YT-D-117
 *
 * Required: port, unit_id, category, powertrain, status. Categories and powertrains also accept the
 * usual words (UTR, terminal tractor, RTG crane, top pick, FCEV, BEV, …). A bad row is rejected
 * with file, line, field and reason; the rest go through. A unit id repeated in the file with a
 * different row is rejected (which one holds is unclear); repeated identically it counts as a
 * duplicate. Whether a row is new, changed or already stored is decided against the store
 * (fleet-ingest.ts).
 */
import { parseUnLocode } from "../core/ids.ts";
import { csvRows, RowCheck, token } from "./csv-rows.ts";
import {
  EQUIPMENT_CATEGORIES,
  EQUIPMENT_STATUSES,
  type Equipment,
  type EquipmentCategory,
  type EquipmentStatus,
  POWERTRAINS,
  type Powertrain,
  type TransitionReject,
} from "./wire.ts";

export const EQUIPMENT_CSV_COLUMNS = [
  "port",
  "unit_id",
  "category",
  "powertrain",
  "model_year",
  "rated_power_kw",
  "engine_tier",
  "owner",
  "status",
  "programme",
  "replaces",
] as const;
const REQUIRED = ["port", "unit_id", "category", "powertrain", "status"];

/** Words seen in port equipment lists → category (compared after `token`). */
const CATEGORY_ALIASES: Record<string, EquipmentCategory> = {
  utr: "yard_tractor",
  terminal_tractor: "yard_tractor",
  yard_truck: "yard_tractor",
  yard_hostler: "yard_tractor",
  hostler: "yard_tractor",
  rtg_crane: "rtg",
  rubber_tired_gantry: "rtg",
  rubber_tyred_gantry: "rtg",
  transtainer: "rtg",
  sts: "sts_crane",
  ship_to_shore_crane: "sts_crane",
  quay_crane: "sts_crane",
  top_pick: "top_handler",
  top_loader: "top_handler",
  side_pick: "side_handler",
  straddle: "straddle_carrier",
  shuttle_carrier: "straddle_carrier",
  lift_truck: "forklift",
  fork_lift: "forklift",
  truck: "drayage_truck",
  drayage: "drayage_truck",
  class_8_truck: "drayage_truck",
  harbour_craft: "harbor_craft",
  tug: "harbor_craft",
  switcher: "locomotive",
};

const POWERTRAIN_ALIASES: Record<string, Powertrain> = {
  battery_electric: "battery",
  bev: "battery",
  electric: "battery",
  fcev: "fuel_cell",
  fcet: "fuel_cell",
  hydrogen_fuel_cell: "fuel_cell",
  h2_fuel_cell: "fuel_cell",
  h2_ice: "hydrogen_ice",
  hydrogen_combustion: "hydrogen_ice",
  diesel_electric_hybrid: "hybrid",
  natural_gas: "lng",
  rd: "renewable_diesel",
  r99: "renewable_diesel",
  hvo: "renewable_diesel",
};

const STATUS_ALIASES: Record<string, EquipmentStatus> = {
  in_service: "in_service",
  active: "in_service",
  operating: "in_service",
  demo: "pilot",
  demonstration: "pilot",
  planned: "planned",
  ordered: "planned",
  retired: "retired",
  scrapped: "retired",
};

function vocab<T extends string>(
  text: string,
  canonical: readonly T[],
  aliases: Record<string, T>,
): T | undefined {
  const t = token(text);
  return (canonical as readonly string[]).includes(t) ? (t as T) : aliases[t];
}

export interface ParsedEquipment {
  records: { equipment: Equipment; line: number }[];
  rejects: TransitionReject[];
  read: number;
  /** Rows rejected (a row with two bad fields is one row, two rejects). */
  rejectedRows: number;
  /** Rows repeating an earlier identical row of the same file. */
  duplicateRows: number;
}

const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9._\-/ ]{0,63}$/;

/**
 * Parses an equipment CSV. Example: the header above and the UTR row give one record
 * { port "USLAX", unitId "UTR-H2-01", category "yard_tractor", powertrain "fuel_cell",
 *   status "pilot", replaces "YT-D-117", ratedPowerKw null }.
 */
export function parseEquipmentCsv(text: string, file: string, thisYear = 2100): ParsedEquipment {
  const { rows, rejects, read } = csvRows(text, file, REQUIRED);
  const out: ParsedEquipment = {
    records: [],
    rejects,
    read,
    rejectedRows: read - rows.length,
    duplicateRows: 0,
  };
  const seen = new Map<string, string>();
  for (const row of rows) {
    const c = new RowCheck(file, row.line);
    const portText = c.text(row, "port", true);
    let port = "";
    if (portText !== null) {
      const p = parseUnLocode(portText);
      if (p.ok) port = p.value;
      else c.fail("port", p.reason);
    }
    const unitId = c.text(row, "unit_id", true);
    if (unitId !== null && !UNIT_ID.test(unitId))
      c.fail("unit_id", "1-64 letters, digits, space or . _ - / starting with a letter or digit");
    const categoryText = c.text(row, "category", true);
    const category =
      categoryText === null ? undefined : vocab(categoryText, EQUIPMENT_CATEGORIES, CATEGORY_ALIASES);
    if (categoryText !== null && category === undefined)
      c.fail("category", `unknown category "${categoryText}" (${EQUIPMENT_CATEGORIES.join(", ")})`);
    const powertrainText = c.text(row, "powertrain", true);
    const powertrain =
      powertrainText === null ? undefined : vocab(powertrainText, POWERTRAINS, POWERTRAIN_ALIASES);
    if (powertrainText !== null && powertrain === undefined)
      c.fail("powertrain", `unknown powertrain "${powertrainText}" (${POWERTRAINS.join(", ")})`);
    const statusText = c.text(row, "status", true);
    const status = statusText === null ? undefined : vocab(statusText, EQUIPMENT_STATUSES, STATUS_ALIASES);
    if (statusText !== null && status === undefined)
      c.fail("status", `unknown status "${statusText}" (${EQUIPMENT_STATUSES.join(", ")})`);
    const modelYear = c.number(row, "model_year", { integer: true, min: 1950 });
    if (modelYear !== null && modelYear > thisYear + 2)
      c.fail("model_year", `${modelYear} is more than two years ahead`);
    const ratedPowerKw = c.number(row, "rated_power_kw");
    if (ratedPowerKw === 0) c.fail("rated_power_kw", "must be above 0 when given");
    if (ratedPowerKw !== null && ratedPowerKw > 20_000)
      c.fail("rated_power_kw", `${ratedPowerKw} kW is above 20,000 kW (no port unit is that large)`);
    const replaces = c.text(row, "replaces");
    if (replaces !== null && replaces === unitId) c.fail("replaces", "a unit cannot replace itself");
    if (!c.ok || unitId === null || category === undefined || powertrain === undefined || !status) {
      out.rejects.push(...c.rejects);
      out.rejectedRows++;
      continue;
    }
    const equipment: Equipment = {
      port,
      unitId,
      category,
      powertrain,
      modelYear,
      ratedPowerKw,
      engineTier: c.text(row, "engine_tier"),
      owner: c.text(row, "owner"),
      status,
      programme: c.text(row, "programme"),
      replaces,
    };
    const key = `${port}|${unitId}`;
    const json = JSON.stringify(equipment);
    const before = seen.get(key);
    if (before !== undefined) {
      if (before === json) {
        out.duplicateRows++;
        continue;
      }
      out.rejects.push({
        file,
        line: row.line,
        field: "unit_id",
        reason: `unit ${unitId} appears earlier in the file with different values`,
      });
      out.rejectedRows++;
      continue;
    }
    seen.set(key, json);
    out.records.push({ equipment, line: row.line });
  }
  return out;
}

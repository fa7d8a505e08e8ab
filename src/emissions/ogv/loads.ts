/**
 * Default auxiliary-engine and boiler loads (kW) by ship type, size bin and mode (METHOD.md §1.4):
 * the Third IMO GHG Study table (EPA 2022 Table E.1 via ShipEF) or Starcrest's POLA 2016 table, and
 * the choice of a table row for a vessel. Pure.
 */
import { z } from "zod";
import { DomainError } from "../../core/errors.ts";
import {
  AUX_LOAD_METHODS,
  type AuxLoadMethod,
  EPA_MODES,
  type EpaMode,
  key,
  type LoadRow,
  type OgvTables,
  type SizeUnits,
} from "./types.ts";

export interface AuxBoilerLoad {
  auxKw: number;
  boilerKw: number;
  source: string;
}

/**
 * Auxiliary and boiler load of a load-table row in a mode.
 * Example: ("imo3", "container.ship.8000", "Berth") → { auxKw: 970, boilerKw: 450 }.
 */
export function auxBoilerLoads(
  tables: OgvTables,
  method: AuxLoadMethod,
  subType: string,
  mode: EpaMode,
): AuxBoilerLoad {
  const table = tables.loads[method];
  const row = table.bySubType.get(subType);
  if (!row) throw new DomainError("validation", `subType: "${subType}" is not a sub_type of ${table.file}`);
  return { auxKw: row.auxKw[mode], boilerKw: row.boilerKw[mode], source: `${row.source} (${mode})` };
}

/** The vessel fields the row choice reads (VesselParticulars has them all). */
export interface LoadVessel {
  shipType: string | null;
  subType: string | null;
  dwt: number | null;
  teu: number | null;
  grossTonnage: number | null;
}

export interface LoadRowChoice {
  method: AuxLoadMethod;
  /** Ship type and sub_type of the load table. */
  shipType: string;
  subType: string;
  /** How the row was chosen, for the trace. */
  source: string;
  /** True when a fallback row was used (unknown ship type or size). */
  fallback: boolean;
}

const SIZE_FIELD: Record<SizeUnits, keyof LoadVessel | null> = {
  Deadweight: "dwt",
  TEU: "teu",
  Gross_Tonnage: "grossTonnage",
  // Vessel particulars hold no passenger count.
  Number_of_Passengers: null,
};

/** Size metric names of ogv_size_classes.csv against the load tables' size_units. */
const CLASS_METRIC: Record<string, SizeUnits> = { TEU: "TEU", DWT: "Deadweight", GT: "Gross_Tonnage" };

/** The bin holding `size`: sizeMin < size ≤ sizeMax, the first bin also holding 0. */
function binOf(rows: LoadRow[], size: number): LoadRow | undefined {
  return rows.find((r, i) => size <= r.sizeMax && (size > r.sizeMin || i === 0));
}

/**
 * The load-table row for a vessel: its Table C.3 ship type mapped by ogv_load_ship_type_map.csv,
 * then the bin of its size in the table's own size units (DWT, TEU or GT). When the size is
 * unknown, the size class of its C.3 sub-type (ogv_size_classes.csv) gives a representative size;
 * failing that the map's fallback row; an unmapped ship type takes the map's catch-all row (*).
 * Example: Container Ship, 8,000 TEU, imo3 → container.ship.8000 (5000 < 8000 ≤ 8000 TEU);
 * starcrest2016 → container.ship.7000.
 */
export function loadsSubType(tables: OgvTables, method: AuxLoadMethod, vessel: LoadVessel): LoadRowChoice {
  const table = tables.loads[method];
  const mapped =
    vessel.shipType === null ? undefined : tables.loadShipTypes.get(key(method, vessel.shipType));
  const map = mapped ?? tables.loadShipTypes.get(key(method, "*"));
  // parseOgvTables checks the catch-all rows exist.
  if (!map) throw new Error(`ogv_load_ship_type_map.csv: no catch-all row for ${method}`);
  const typeNote = mapped
    ? `${map.source} → ${map.loadShipType} (${map.confidence})`
    : `ship type ${vessel.shipType === null ? "unknown" : `"${vessel.shipType}" not mapped`}: ${map.source} → ${map.loadShipType} (${map.confidence}: ${map.reasoning})`;
  const rows = table.byShipType.get(map.loadShipType) ?? [];
  const first = rows[0];
  if (!first) throw new Error(`${table.file}: no rows for ${map.loadShipType}`);
  const choose = (row: LoadRow, how: string, fallback: boolean): LoadRowChoice => ({
    method,
    shipType: row.shipType,
    subType: row.subType,
    source: `${typeNote}; ${how} → ${row.source}`,
    fallback: fallback || !mapped,
  });
  if (rows.length === 1) return choose(first, "single row", false);

  const units = first.sizeUnits;
  const field = SIZE_FIELD[units];
  const size = field === null ? null : (vessel[field] as number | null);
  if (size !== null && size >= 0) {
    const row = binOf(rows, size);
    if (row) return choose(row, `${field} ${size} in (${row.sizeMin}, ${row.sizeMax}] ${units}`, false);
  }
  if (vessel.shipType !== null && vessel.subType !== null) {
    const cls = tables.sizeClasses.get(key(vessel.shipType, vessel.subType));
    if (cls && CLASS_METRIC[cls.metric] === units && cls.max !== null && cls.min !== null) {
      // The class's upper bound, or its lower bound for the open top class.
      const representative = Number.isFinite(cls.max) ? cls.max : cls.min;
      const row = binOf(rows, representative);
      if (row)
        return choose(
          row,
          `size unknown; sub-type "${vessel.subType}" (ogv_size_classes.csv) taken as ${representative} ${units}`,
          true,
        );
    }
  }
  const fallback = table.bySubType.get(map.fallbackSubType);
  if (!fallback) throw new Error(`${table.file}: no ${map.fallbackSubType}`);
  return choose(fallback, `${units} unknown: fallback row (${map.reasoning})`, true);
}

// ---------------------------------------------------------------------------------------------
// `emissions loads` query

export const LoadsQuerySchema = z.strictObject({
  method: z.enum(AUX_LOAD_METHODS),
  subType: z.string().min(1),
  mode: z.enum(EPA_MODES),
});
export type LoadsQuery = z.infer<typeof LoadsQuerySchema>;

/**
 * Answers one `emissions loads` query.
 * Example: { method: "starcrest2016", subType: "container.ship.11000", mode: "Maneuvering" } →
 * { auxKw: 3500, boilerKw: 575 }.
 */
export function answerLoadsQuery(tables: OgvTables, q: LoadsQuery): { auxKw: number; boilerKw: number } {
  const { auxKw, boilerKw } = auxBoilerLoads(tables, q.method, q.subType, q.mode);
  return { auxKw, boilerKw };
}

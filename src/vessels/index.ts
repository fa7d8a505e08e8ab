/**
 * Vessels capability: the vessel registry. Other capabilities import from here.
 *
 * - Particulars (`VesselParticulars`) imported from a CSV (`readParticularsFile`, `parseParticularsCsv`)
 *   or estimated from AIS type and size (`particularsFromAis`), with EPA's default engine table
 *   (`loadDefaultEngineTable`, shipped in data/reference/emissions/) filling what is unknown.
 * - The registry as people see it: every AIS static broadcast merged per MMSI (`mergeVesselStatics`)
 *   and the vessels on a map (`vesselsOnMap`), coloured by `shipTypeGroup`.
 * - The `vessels` commands live in `./cli.ts` (it imports commander, so it is not re-exported).
 */
export {
  type DefaultEngineTable,
  deriveEngineType,
  ENGINE_TYPES,
  type EngineType,
  parseParticularsCsv,
  particularsFromAis,
  SERVICE_TO_MAX_SPEED,
  type VesselParticulars,
} from "./particulars.ts";
export { loadDefaultEngineTable, readParticularsFile } from "./particulars-io.ts";
export {
  mergeVesselStatics,
  type ShipTypeGroup,
  shipTypeGroup,
  type VesselOnMap,
  type VesselRecord,
  vesselsOnMap,
} from "./registry.ts";
export type { VesselPosition, VesselStaticReport, VesselStore } from "./store.ts";

/**
 * Ocean-going-vessel (OGV) emissions calculator: the US EPA method as EPA's Marine Emissions Tools
 * implement it (ShipEF, ShipPowerModel), with the Fourth IMO GHG Study path for CO2, CH4 and N2O
 * (METHOD.md §1, §3). Other capabilities import from here.
 *
 * - `loadOgvTables()` once, then `computeCallEmissions(tables, activity, options?, { trace? })` per
 *   call (`computeCallEmissionsBulk` without trace steps). `DEFAULT_OGV_OPTIONS` says why each default.
 * - Building blocks: `factorSet` / `factorsAtLoad` (EPA factors), `lowLoadMultipliers` (LLAF),
 *   `loadFactorFromSpeed` (propeller and Admiralty laws), `auxBoilerLoads` / `loadsSubType`,
 *   `imo4GhgSet` / `imo4GhgAtLoad`, `assignTier`, `defaultFuel`.
 * - One answer per query for the `emissions factors|power|loads` commands: `answerFactorsQuery`,
 *   `answerPowerQuery`, `answerLoadsQuery`, with their zod schemas.
 * - The commands themselves live in `./cli.ts` (it imports commander, so it is not re-exported).
 */
export {
  type CallActivity,
  CallActivitySchema,
  type CallDefaultedField,
  type CallEmissions,
  type CallSegment,
  computeCallEmissions,
  computeCallEmissionsBulk,
  DEFAULT_OGV_OPTIONS,
  EPA_MODE_OF_SEGMENT,
  OGV_METHODS,
  OGV_WARNING_CODES,
  type OgvMethod,
  type OgvOptions,
  OgvOptionsSchema,
  type OgvVessel,
  type OgvWarning,
  type OgvWarningCode,
  parseCallActivity,
  SEGMENT_MODES,
  type SegmentEmissions,
  type SegmentMode,
} from "./call.ts";
export {
  answerFactorsQuery,
  assignTier,
  DEFAULT_LNG_ENGINE,
  defaultFuel,
  emptyEfRecord,
  type FactorSet,
  type FactorsAnswer,
  type FactorsQuery,
  FactorsQuerySchema,
  factorSet,
  factorsAtLoad,
  loadBsfcMultiplier,
  PM25_PER_PM10,
  SCR_THRESHOLD_LF,
} from "./factors.ts";
export { type Imo4GhgSet, imo4GhgAtLoad, imo4GhgSet } from "./imo4.ts";
export {
  LLAF_METHODS,
  type LlafMethod,
  llafApplies,
  llafEquation,
  llafSo2Equation,
  lowLoadMultipliers,
} from "./llaf.ts";
export {
  answerLoadsQuery,
  auxBoilerLoads,
  type LoadRowChoice,
  type LoadsQuery,
  LoadsQuerySchema,
  loadsSubType,
} from "./loads.ts";
export { OGV_WARNING_CATALOGS, ogvWarningText } from "./messages.ts";
export {
  answerPowerQuery,
  LF_MAX,
  LF_MIN,
  loadFactorFromSpeed,
  maxSpeedKn,
  POWER_LAWS,
  type PowerAnswer,
  type PowerLaw,
  type PowerQuery,
  PowerQuerySchema,
  REF_SPEED_TYPES,
  type RefSpeedType,
} from "./power.ts";
export { OGV_TABLE_FILES, parseOgvTables } from "./tables.ts";
export { loadOgvTables } from "./tables-io.ts";
export * from "./types.ts";

/**
 * Emissions: the activity-based inventory of every source category (EPA port inventory guidance,
 * IMO Fourth GHG Study), its reports and progress against each port's targets.
 *
 * - Service (over the storage interfaces in store.ts and nonship/store.ts, with the reference
 *   tables passed in `EmissionsServiceDeps.tables`): computeInventory, storedInventoryReport,
 *   progressReport, callEmissions, nonshipSourceTrace, startInventoryRefresher.
 * - The calculators: ogv/ (one call's emissions, EPA + IMO) and nonship/ (CHE, harbour craft,
 *   drayage, rail) — each with its own index.ts.
 * - Wire shapes (wire.ts: the zod schemas are the one definition) and the HTTP routes (routes.ts).
 */

// For the transition capability's pilot scorecards (issue 13): the diesel counterfactual and the
// zero-emission unit go through the same non-ship engine, factors and constants as the inventory.
export {
  dieselConstants,
  type EnergyTables,
  HYDROGEN_PATHWAY_ALIASES,
  hydrogenIntensity,
} from "./energy.ts";
export {
  type OgvFuelLocation,
  type PortEmissionSettings,
  type ReportingYear,
  reportingYear,
  reportingYearOfMonth,
} from "./inventory.ts";
export * from "./model.ts";
export {
  type ChePowertrain,
  type CheRecord,
  computeNonshipLines,
  emptyActivity,
  loadNonshipTables,
  type NonshipResult,
  type NonshipTables,
  portGridFactor,
  type RegistryUnit,
} from "./nonship/index.ts";
export { gallonsToLitres, KW_PER_BHP, litresToGallons } from "./nonship/units.ts";
export { type EmissionsTables, loadEmissionsTables } from "./reference-tables.ts";
export { type EmissionRouteDeps, emissionRoutes } from "./routes.ts";
export {
  callEmissions,
  computeInventory,
  defaultInventoryOptions,
  type EmissionsServiceDeps,
  type InventoryOptions,
  type InventoryProgress,
  type InventoryReport,
  loadCallActivity,
  nonshipSourceTrace,
  type ProgressReport,
  progressReport,
  reportingYearAt,
  startInventoryRefresher,
  storedInventoryReport,
} from "./service.ts";
export type { EmissionStore, SourceTotal, StoredInventory } from "./store.ts";
export type { Baseline, EmissionTarget, InventoryWarning, ShareProgress, ShareTarget } from "./wire.ts";

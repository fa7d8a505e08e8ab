/**
 * Transition (issue 13): equipment fleet, zero-emission pilots, hydrogen supply, scenarios and
 * targets. This index exports the fleet half, then the hydrogen-supply half (below):
 *
 * - Wire shapes (wire.ts: equipment, telemetry, scorecard — zod schemas are the one definition).
 * - Pure parsers with per-record rejects: `parseEquipmentCsv`, `parseTelemetryCsv`.
 * - Pure scorecards: `computeScorecard` (diesel counterfactual through the inventory's engine).
 * - Storage interface `TransitionStore` (src/store/transition/ implements it); ingest and
 *   scorecard services over it: `ingestEquipment`, `ingestTelemetry`, `fleetScorecards`.
 * - Tables: `loadTransitionTables`, `loadScorecardTables` (data/reference/transition/).
 * - HTTP routes `fleetRoutes(deps)` (routes.ts); the CLI's `registerFleetCommands` is in cli.ts
 *   (it imports commander, so the CLI imports that file directly).
 */
export { EQUIPMENT_CSV_COLUMNS, type ParsedEquipment, parseEquipmentCsv } from "./equipment.ts";
export {
  type FleetIngestCounts,
  type FleetIngestResult,
  ingestEquipment,
  ingestTelemetry,
} from "./fleet-ingest.ts";
export { simulateFueller, unitsDemandProfile } from "./fueller.ts";
export { parseHourlyDemandCsv } from "./hydrogen-demand.ts";
export { solarH2Report } from "./hydrogen-report.ts";
export { hydrogenRoutes } from "./hydrogen-routes.ts";
export { dailyDemandProfile, levelisedCost, runSolarH2Station } from "./hydrogen-station.ts";
export type { HydrogenTables } from "./hydrogen-tables.ts";
export { loadHydrogenTables, loadShippedSolarYear } from "./hydrogen-tables-io.ts";
// The hydrogen-supply half: typical-year solar input, PV, the solar-hydrogen station year, the mobile
// fueller, regional demand against supply, and their routes.
export { fuellerResultSchema, solarH2ReportSchema } from "./hydrogen-wire.ts";
export { registryUnitsForInventory } from "./inventory-registry.ts";
export {
  linesFromEstimates,
  type PortHydrogenSeries,
  parseYearlyLinesCsv,
  regionalBalance,
} from "./regional-demand.ts";
export { type FleetRouteDeps, fleetRoutes, MAX_TELEMETRY_PER_POST } from "./routes.ts";
// Rollout scenarios to 2050 and the gap to CAAP / CNP targets (scenario*.ts, targets-gap.ts); the
// CLI's `ze scenario …` / `ze targets` are registered by registerFleetCommands (scenario-cli.ts),
// the routes are part of fleetRoutes (scenario-routes.ts).
export {
  apportion,
  cohortsFromProgress,
  hydrogenSeries,
  runScenario,
  SCENARIO_METHOD_VERSION,
  type ScenarioContext,
  type ScenarioRun,
  type ScenarioTablesIn,
  typeParams,
} from "./scenario.ts";
export { comparePorts, compareScenarios } from "./scenario-compare.ts";
export { type ScenarioRouteDeps, scenarioRoutes } from "./scenario-routes.ts";
export {
  comparePortsStored,
  compareStored,
  computeScenario,
  parseScenario,
  regionalHydrogen,
  regionalSides,
  type ScenarioServiceDeps,
  saveScenario,
  storedScenario,
} from "./scenario-service.ts";
export type { ScenarioStore, ScenarioSummaryRow, StoredScenarioRow } from "./scenario-store.ts";
export { loadScenarioTables, scenarioTablesFrom } from "./scenario-tables-io.ts";
export * from "./scenario-wire.ts";
export {
  computeScorecard,
  type FuelPrice,
  SCORECARD_PATHWAYS,
  type ScorecardInput,
  type ScorecardTablesIn,
  tablePrices,
} from "./scorecard.ts";
export {
  fleetScorecards,
  type PortScorecardSummary,
  type ScorecardQuery,
  scoredUnit,
  summarizeScorecards,
} from "./service.ts";
export { pvYear } from "./solar-pv.ts";
export type {
  EquipmentQuery,
  TelemetryQuery,
  TransitionIngestRun,
  TransitionStore,
  WriteOutcome,
} from "./store.ts";
export { type PilotProject, parseTransitionTables, type TransitionTables } from "./tables.ts";
export {
  loadScorecardTables,
  loadTransitionTables,
  type ScorecardTables,
  TRANSITION_REFERENCE_DIR,
} from "./tables-io.ts";
export { portTargets, targetsGap } from "./targets-gap.ts";
export {
  maxH2KgPerH,
  type ParsedTelemetry,
  parseTelemetryCsv,
  parseTelemetryJson,
  TELEMETRY_BOUNDS,
  TELEMETRY_CSV_COLUMNS,
} from "./telemetry.ts";
export { type ParsedSolarYear, parseSolarCsv, parseTmy3, type SolarSite, type SolarYear } from "./tmy.ts";
export * from "./wire.ts";

/**
 * Demo world: deterministic AIS traffic of both sister ports with the ground truth of every call.
 *
 * - `generateDemoWorld(options, registry)` → `{ vessels, truth, messages() }` (pure, lazy messages).
 * - `generateDemoActivity({ seed, port, year })` → a year of non-ship activity (CHE, harbour craft,
 *   drayage, rail) and the demo's illustrative user factors (pure).
 * - `runEvaluation` / `compareWithTruth`: call detection measured against that truth (`calls evaluate`).
 * - `generateDemoOperations({ seed, port, truth, asOf, scale })` → container, gate and rail flows of
 *   the world's container calls (observed before asOf, announced for 3 weeks after), empty-receiving
 *   rules, and the truth for the import-forecast backtest (pure).
 * - `demoBaselines`: the demo ports' invented baselines, labelled DEMO WORLD ONLY.
 * - Writers (I/O) in `./writers.ts`; the `demo` command in `./cli.ts` (imports commander).
 */
export {
  activityInMonths,
  DEMO_ACTIVITY_TERMINALS,
  DEMO_FACTOR_SOURCE,
  type DemoActivityOptions,
  demoActivityFiles,
  demoActivityForWindow,
  generateDemoActivity,
} from "./activity.ts";
export { DEMO_NAGOYA_CHANGE_PCT, demoBaselines, latestPolaChanges, POLA_PROGRESS_FILE } from "./baselines.ts";
export {
  compareWithTruth,
  type EvaluationDetail,
  type EvaluationResult,
  type OpenCallsDatabase,
  runEvaluation,
} from "./evaluate-calls.ts";
export { CALLING_TYPES, type DemoShipType, type DemoVessel, imoCheckDigit } from "./fleet.ts";
export {
  type DemoCallOperationsTruth,
  type DemoImportTruth,
  type DemoOperations,
  type DemoOperationsOptions,
  demoUuid,
  generateDemoOperations,
} from "./operations.ts";
export { PORT_FLOW_FIGURES, type PortFlowFigures, TEU_PER_BOX } from "./operations-figures.ts";
export { hash32, Rng } from "./prng.ts";
export { DEMO_ROUTES, type PortRoutes } from "./sea-lanes.ts";
export {
  type DemoCallTruth,
  type DemoHarbourCraftTruth,
  type DemoHardCase,
  type DemoMessage,
  type DemoPort,
  type DemoPortTruth,
  type DemoWorld,
  type DemoWorldOptions,
  generateDemoWorld,
} from "./world.ts";

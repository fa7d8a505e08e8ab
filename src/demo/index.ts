/**
 * Demo world: deterministic AIS traffic of both sister ports with the ground truth of every call.
 *
 * - `generateDemoWorld(options, registry)` → `{ vessels, truth, messages() }` (pure, lazy messages).
 * - `generateDemoActivity({ seed, port, year })` → a year of non-ship activity (CHE, harbour craft,
 *   drayage, rail) and the demo's illustrative user factors (pure).
 * - `runEvaluation` / `compareWithTruth`: call detection measured against that truth (`calls evaluate`).
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

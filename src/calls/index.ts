/**
 * Calls capability: port calls and operating modes from AIS tracks. Other capabilities import from here.
 *
 * - Pure: `compileCallGeography(portEntry, extraFeatures)`, `classifyTrack` / `analyseTrack(mmsi,
 *   track, geo, options, callCandidate)` → mode segments and detected calls; `toPortCallRecord`,
 *   `isCallCandidate`, `toDcsaTimestamps` (DCSA Port Call JIT 2.0.0), `anchorageQueue`,
 *   `speedCompliance`, `compareWithTruth`.
 * - Storage: the `CallStore` interface (implemented in src/store/calls-store.ts).
 * - Service: `updateCalls(deps)` (only changed vessel-days), `detectCallsInRange`,
 *   `startCallUpdater(deps, { intervalS })` for `ais listen` / `serve`.
 * - HTTP: `callRoutes(deps)`; CLI: `registerCallsCommands` in ./cli.ts (imports commander, not re-exported).
 * - Every result carries `CALLS_METHODOLOGY_VERSION` and the options used.
 */
export {
  anchorageQueue,
  type ComplianceGroupBy,
  type ComplianceRow,
  type QueuePoint,
  speedCompliance,
} from "./aggregate.ts";
export {
  type CallVessel,
  callId,
  isCallCandidate,
  isoUtc,
  type PortCallRecord,
  resolveAisEta,
  type StoredSegment,
  toPortCallRecord,
} from "./calls.ts";
export { type DcsaPortCallView, dcsaUuid, toDcsaTimestamps } from "./dcsa.ts";
export {
  compareWithTruth,
  type EvaluationDetail,
  type EvaluationResult,
  type OpenCallsDatabase,
  runEvaluation,
} from "./evaluate.ts";
export { type CallGeography, compileCallGeography, type GeoFeatureLike } from "./geography.ts";
export * from "./model.ts";
export { type CallRouteDeps, callRoutes } from "./routes.ts";
export { analyseTrack, classifyTrack, type TrackAnalysis, type TrackInput } from "./segment.ts";
export {
  type CallRunSummary,
  type CallServiceDeps,
  CONTEXT_DAYS,
  detectCallsInRange,
  recomputeVesselDays,
  startCallUpdater,
  updateCalls,
} from "./service.ts";
export type { CallQuery, CallStore, VesselDayState } from "./store.ts";

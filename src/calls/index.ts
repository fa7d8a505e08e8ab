/**
 * Calls capability: port calls and operating modes from AIS tracks. Other capabilities import from here.
 *
 * - Pure: `compileCallGeography(portEntry, extraFeatures)`, `classifyTrack` / `analyseTrack(mmsi,
 *   track, geo, options, callCandidate)` → mode segments and detected calls; `toPortCallRecord`,
 *   `isCallCandidate`, `toDcsaTimestamps` (DCSA Port Call JIT 2.0.0), `anchorageQueue`,
 *   `speedCompliance`, `compareWithTruth`.
 * - Storage: the `CallStore` interface (implemented in src/store/calls/store.ts).
 * - Service: `updateCalls(deps)` (only changed vessel-days), `detectCallsInRange`,
 *   `startCallUpdater(deps, { intervalS })` for `ais listen` / `serve`.
 * - HTTP: `callRoutes(deps)`; CLI: `registerCallsCommands` in ./cli.ts (imports commander, not re-exported).
 * - Every result carries `CALLS_METHODOLOGY_VERSION` and the options used.
 *
 * Methodology (calls-1.1.0; defaults in model.ts `DEFAULT_CALL_OPTIONS`; docs/calls.md):
 * - Modes: METHOD.md §1.3 (EPA-420-B-22-011): anchorage polygon and ≤ 3 kn → at anchor; berth
 *   polygon (+ 30 m for the antenna offset) and ≤ 1 kn → at berth; else by the `modeRule`:
 *   `epa` = load factor (v / vmax)³ ≤ 0.20 → manoeuvring (vmax 21 kn when unknown, so ≤ 12.3 kn),
 *   above → transit (`reduced_speed_zone` inside a speed zone); `operational` (default) =
 *   manoeuvring inside the port area, precautionary / inner approach and pilot areas or ≤ 5 kn,
 *   `reduced_speed_zone` inside a speed zone, else transit. Stopped (≤ 1 kn) elsewhere → at anchor
 *   (EPA's rule 5), with no anchorage id.
 * - Quay rule (1.1.0): a stop outside every strip and anchorage — ≤ 1 kn for ≥ 30 min, 90 % of its
 *   positions within 60 m of their median — within 200 m of a container terminal (its area or
 *   strips; 300 m when most reports say status 5; 1000 m for a terminal of confidence C) is at
 *   berth at that terminal's nearest berth; `berthDistanceM` records how far from the strip.
 * - Neighbour ports: berths and terminals of another port in the same file (Long Beach, USLGB, in
 *   San Pedro Bay) give calls with `port` = that port and `neighbourOf` = the detecting port,
 *   stored under their own port (never counted as the detecting port's calls).
 * - Robustness: same-second duplicates dropped; jumps implying > 60 kn over > 1 km dropped (a bad
 *   fix or a second ship on the MMSI) unless only jumps arrive for 20 min; missing SOG from
 *   positions; single SOG spikes by a median of three; gaps ≤ 30 min interpolated; longer gaps
 *   bridged when stopped in the same berth/anchorage (or within 500 m) on both sides, otherwise an
 *   `unknown` segment; runs ≤ 10 min between two runs of the same mode and zone absorbed (jitter),
 *   except a move of > 500 m between stops (re-anchoring); berth stays < 30 min are not calls
 *   (unless still alongside at the last report); a visit ends after 6 h outside the region.
 * - Calls: only vessels that can call (`isCallCandidate`: not AIS types 30–59 — tugs, pilots,
 *   harbour craft —, class B only when cargo/tanker/passenger); missing static data → candidate.
 * - Speed zones: every feature with `speed_limit_kn`. Los Angeles: VSR 20 nm and 40 nm of Point
 *   Fermin, 12 kn (Port of Los Angeles, 2009/2019). Nagoya: no port speed rule was found; the only
 *   zone is the MTSA Irago Suido Traffic Route with 12 kn, marked UNCONFIRMED in data/ports (MTSA
 *   Enforcement Regulation Art. 4 table not read; route rectangle approximate, confidence C).
 *   Compliance = share of the distance sailed inside the zone with the mean SOG of the two reports
 *   ≤ the limit.
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
  type PortCallRecord,
  resolveAisEta,
  type StoredSegment,
  toPortCallRecord,
} from "./calls.ts";
export { type DcsaPortCallView, dcsaUuid, toDcsaTimestamps } from "./dcsa.ts";
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
export type {
  AnchorageQueue,
  CallDetail,
  CallPage,
  CallSegment,
  DcsaPortCall,
  PortCall,
  SpeedCompliance,
} from "./wire.ts";

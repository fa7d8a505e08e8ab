/**
 * Port calls and operating-mode segments: the shapes every part of `calls/` shares.
 * Times are epoch seconds inside the computation and UTC ISO 8601 strings in stored/served records.
 */

/** Bumped whenever a rule or a default threshold changes; stored with every result. */
export const CALLS_METHODOLOGY_VERSION = "calls-1.1.0";

/** Operating modes (EPA port emissions inventory guidance, EPA-420-B-22-011, §3 / METHOD.md §1.3). */
export const OPERATING_MODES = [
  "unknown",
  "transit",
  "reduced_speed_zone",
  "manoeuvring",
  "at_anchor",
  "at_berth",
] as const;
export type OperatingMode = (typeof OPERATING_MODES)[number];

/** Mode codes used in typed arrays (index into OPERATING_MODES). */
export const MODE_UNKNOWN = 0;
export const MODE_TRANSIT = 1;
export const MODE_RSZ = 2;
export const MODE_MANOEUVRING = 3;
export const MODE_ANCHOR = 4;
export const MODE_BERTH = 5;

/**
 * How modes are assigned where EPA's rule and operational sense disagree.
 *
 * - `epa`: METHOD.md §1.3 as written: anchorage polygon and ≤ 3 kn → at anchor; berth polygon and
 *   ≤ 1 kn → at berth; > 1 kn and load factor (speed / max speed)³ ≤ 0.20 → manoeuvring; LF > 0.20 →
 *   transit (shown as `reduced_speed_zone` when inside a speed zone); anything else → at anchor.
 *   A ship at 12 kn inside the Los Angeles VSR zone (LF ≈ 0.18 at 21 kn max) is "manoeuvring".
 * - `operational`: manoeuvring only inside the port area, precautionary / inner approach area or
 *   pilot boarding area (or below `manoeuvringMaxKn` anywhere); inside a speed zone otherwise →
 *   reduced-speed zone; elsewhere transit. Anchor and berth rules are EPA's.
 */
export type ModeRule = "epa" | "operational";

export interface CallOptions {
  modeRule: ModeRule;
  /** EPA: at berth when inside a berth polygon at or below this speed. */
  berthMaxKn: number;
  /** EPA: at anchor when inside an anchorage polygon at or below this speed. */
  anchorMaxKn: number;
  /** A stopped position this close to a berth polygon still counts as inside (GPS antenna offset). */
  berthBufferM: number;
  /**
   * Quay rule: a ship stopped (≤ berthMaxKn) for at least `stationaryMinS`, whose positions stay
   * within `stationarySpreadM` of their median, inside a terminal's area or within this distance of
   * the terminal (its polygon or berth strips) is at berth there, even outside the drawn strips.
   */
  quayMaxDistanceM: number;
  /** The same when most of the stop's reports say navigational status 5 "moored" (support, not proof). */
  quayMaxDistanceMooredM: number;
  /** The same for a terminal whose geometry is confidence C (placed by estimate, error up to ~1 km). */
  quayMaxDistanceUncertainM: number;
  /** Quay rule: how long a stop must last. */
  stationaryMinS: number;
  /** Quay rule: the largest distance of a stop's reports from their median position. */
  stationarySpreadM: number;
  /** EPA load-factor limit of manoeuvring (0.20) and the max speed assumed when unknown. */
  manoeuvringMaxLoadFactor: number;
  defaultMaxSpeedKn: number;
  /** Operational rule: below this speed a moving ship is manoeuvring wherever it is. */
  manoeuvringMaxKn: number;
  /** Gaps up to this length are interpolated (the segment continues). */
  maxInterpolateGapS: number;
  /** Longer gaps are bridged only when the ship was stopped at the same place on both sides. */
  stationaryBridgeM: number;
  /** A jump implying more than this speed (over more than 1 km) is a bad position and dropped. */
  maxImpliedSpeedKn: number;
  /** After this long with only rejected jumps, the new position is accepted (the ship did move). */
  jumpResetS: number;
  /** Runs shorter than this between two runs of the same mode and zone are jitter and absorbed. */
  jitterMaxS: number;
  /** A berth stay shorter than this is not a call (tugs alongside, drifting past a quay). */
  minBerthStayS: number;
  /** Outside the port's region for longer than this ends a visit. */
  visitBreakS: number;
}

/** Defaults: see each field; recorded with every result. */
export const DEFAULT_CALL_OPTIONS: CallOptions = {
  modeRule: "operational",
  berthMaxKn: 1,
  anchorMaxKn: 3,
  berthBufferM: 30,
  // A moored ship's antenna lies at most about a beam (≤ 61 m on a 24,000 TEU ship) plus fenders
  // (~3 m) off the quay face, and drawn quay lines of confidence B/C are off by up to ~100 m: 200 m
  // covers both while staying under half the width of the narrowest container slips (West Basin,
  // Pier 300/400 slip ≥ 400 m), so a ship moored across a slip is nearer its own quay.
  quayMaxDistanceM: 200,
  // Status 5 is a ship's own word that it is moored, so a little more slack (300 m) — but not more:
  // real AIS from San Pedro Bay (2005) has a status-5 ship moored at a non-container berth 332 m
  // off Everport, and status 5 never makes a moving or anchored ship a berth call.
  quayMaxDistanceMooredM: 300,
  // Terminals placed by estimate (confidence C: all of Nagoya's, error up to ~1 km per
  // data/ports/README.md): a sustained stop within the stated error is taken as at that terminal.
  quayMaxDistanceUncertainM: 1000,
  // A container ship alongside works cargo for hours; 30 min (as minBerthStayS) rules out a ship
  // stopped for a tug or a lock-in while still allowing short car-carrier stays.
  stationaryMinS: 30 * 60,
  // Moored: a few metres of surge and GPS noise (the demo uses 2 m, real feeds ~5-20 m). At anchor a
  // ship swings round its anchor on a circle of ~150-400 m radius (scope of chain + ship length), so
  // 60 m separates the two when the stop lasts an hour or more.
  stationarySpreadM: 60,
  manoeuvringMaxLoadFactor: 0.2,
  defaultMaxSpeedKn: 21,
  manoeuvringMaxKn: 5,
  maxInterpolateGapS: 30 * 60,
  stationaryBridgeM: 500,
  maxImpliedSpeedKn: 60,
  jumpResetS: 20 * 60,
  jitterMaxS: 10 * 60,
  minBerthStayS: 30 * 60,
  visitBreakS: 6 * 3600,
};

export interface Methodology {
  version: string;
  options: CallOptions;
}

/** One operating-mode segment of a vessel's track. */
export interface ModeSegment {
  mmsi: number;
  mode: OperatingMode;
  /** Feature id of the berth, anchorage or speed zone the segment is in (null: none). */
  zone: string | null;
  startS: number;
  endS: number;
  durationH: number;
  distanceNm: number;
  meanSpeedKn: number;
  maxSpeedKn: number;
  reports: number;
}

export interface BerthStay {
  berth: string;
  terminal: string | null;
  berthLabel: string | null;
  /** UN/LOCODE of the port the berth belongs to (a neighbour such as USLGB in San Pedro Bay). */
  port: string;
  arrivalS: number;
  departureS: number;
  /**
   * Median distance, metres, of the stay's positions from the berth strip (0 = inside or within
   * `berthBufferM`): how far the drawn geometry is from where the ship really lay.
   */
  berthDistanceM: number;
}

export interface AnchorStay {
  anchorage: string | null;
  fromS: number;
  toS: number;
}

export interface SpeedZoneCompliance {
  zone: string;
  limitKn: number;
  /** Distance sailed inside the zone during the call and the part at or below the limit. */
  distanceNm: number;
  compliantDistanceNm: number;
  /** compliantDistanceNm / distanceNm (null when nothing was sailed inside). */
  compliantShare: number | null;
  maxSpeedKn: number;
  enteredS: number | null;
}

/** A port call computed from a track (times in epoch seconds). */
export interface DetectedCall {
  mmsi: number;
  /** The port of the call's berths: the geography's own port or a neighbour (e.g. USLGB). */
  port: string;
  /** The port whose geography (and AIS) detected the call, when `port` is a neighbour; else null. */
  neighbourOf: string | null;
  /** First and last report of the visit. */
  startS: number;
  endS: number;
  berths: BerthStay[];
  anchorages: AnchorStay[];
  crossed40nmS: number | null;
  crossed20nmS: number | null;
  enteredPortAreaS: number | null;
  leftPortAreaS: number | null;
  pilotBoardingS: number | null;
  speedZones: SpeedZoneCompliance[];
  /** False when the track starts at berth (arrival not seen) or ends at berth (departure not seen). */
  arrivalObserved: boolean;
  departureObserved: boolean;
  segments: ModeSegment[];
}

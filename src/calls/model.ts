/**
 * Port calls and operating-mode segments: the shapes every part of `calls/` shares.
 * Times are epoch seconds inside the computation and UTC ISO 8601 strings in stored/served records.
 */

/** Bumped whenever a rule or a default threshold changes; stored with every result. */
export const CALLS_METHODOLOGY_VERSION = "calls-1.0.0";

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
  arrivalS: number;
  departureS: number;
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
  port: string;
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

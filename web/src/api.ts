// Types and fetchers for the portal's API (see src/server/ for the server side).
import { currentLanguage } from "./i18n/index.ts";

export type Locode = string;

export interface LocalizedName {
  en: string;
  ja: string;
}

export interface PortSummary {
  locode: Locode;
  name: LocalizedName;
  country: string;
  timeZone: string;
  currency: string;
  sisterPort: Locode | null;
  center: [number, number];
  zoom: number;
  bbox: [number, number, number, number];
  terminalCount: number;
  berthCount: number;
}

export interface Berth {
  id: string;
  berth: string;
  name: LocalizedName;
  lengthM: number | null;
  depthM: number | null;
}

export interface Terminal {
  id: string;
  name: LocalizedName;
  operator: string | null;
  berthRange: string | null;
  berths: Berth[];
}

export interface FeatureProperties {
  id: string;
  kind: string;
  name_en: string | null;
  name_ja: string | null;
  source: string | null;
  confidence: string | null;
  speed_limit_kn?: number | null;
  terminal?: string | null;
  berth?: string | null;
  operator?: string | null;
  port?: string | null;
  [key: string]: unknown;
}

export interface PortFeature {
  type: "Feature";
  id?: string | number;
  geometry: { type: string; coordinates: unknown } | null;
  properties: FeatureProperties;
}

export interface PortFeatureCollection {
  type: "FeatureCollection";
  features: PortFeature[];
}

export interface PortDetail extends PortSummary {
  attribution: string[];
  terminals: Terminal[];
  geojson: PortFeatureCollection;
}

export interface Health {
  status: string;
  version: string;
  database: "sqlite" | "postgres";
}

/** RFC 9457 problem details as the server sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

/** One request: JSON asked for, problems worded in the portal's language (the API reads Accept-Language). */
async function requestJson<T>(path: string, init: { method?: string; signal?: AbortSignal }): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? "GET",
    headers: { accept: "application/json", "accept-language": currentLanguage() },
    signal: init.signal ?? null,
  });
  if (!res.ok) {
    let problem: Problem | null = null;
    try {
      problem = (await res.json()) as Problem;
    } catch {
      // Not problem+json (e.g. a proxy error page): keep the status only.
    }
    throw new ApiError(res.status, problem);
  }
  return (await res.json()) as T;
}

const getJson = <T>(path: string, signal?: AbortSignal): Promise<T> =>
  requestJson<T>(path, signal ? { signal } : {});

// One in-flight or settled request per path, so pages that share data fetch it once.
const cache = new Map<string, Promise<unknown>>();

function cached<T>(path: string): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = getJson<T>(path);
    cache.set(path, p);
    // A failed request may succeed later: do not keep the failure.
    p.catch(() => cache.delete(path));
  }
  return p;
}

export const api = {
  health: () => getJson<Health>("/api/health"),
  ports: () => cached<{ ports: PortSummary[] }>("/api/ports").then((r) => r.ports),
  port: (locode: Locode) => cached<PortDetail>(`/api/ports/${encodeURIComponent(locode)}`),
};

// ---- vessels (AIS) ----

/** ITU-R M.1371 ship-type groups as the server classifies them. */
export const SHIP_TYPE_GROUPS = [
  "cargo",
  "tanker",
  "passenger",
  "tug",
  "pilot",
  "fishing",
  "pleasure",
  "high_speed",
  "special",
  "other",
  "unknown",
] as const;
export type ShipTypeGroup = (typeof SHIP_TYPE_GROUPS)[number];

export interface VesselOnMap {
  mmsi: number;
  /** UTC instant of the report (ISO 8601). */
  time: string;
  latDeg: number;
  lonDeg: number;
  sogKnots: number | null;
  cogDeg: number | null;
  headingDeg: number | null;
  navStatus: number | null;
  name: string | null;
  imo: number | null;
  shipType: number | null;
  shipTypeGroup: ShipTypeGroup;
  aisClass: "A" | "B";
  lengthM: number | null;
}

export interface PortVessels {
  locode: Locode;
  /** Newest report in the port's area (UTC), null when there is none. */
  asOf: string | null;
  vessels: VesselOnMap[];
}

export interface VesselRecord {
  mmsi: number;
  imo: number | null;
  name: string | null;
  callsign: string | null;
  shipType: number | null;
  shipTypeGroup: ShipTypeGroup;
  aisClass: "A" | "B";
  lengthM: number | null;
  beamM: number | null;
  draughtM: number | null;
  destination: string | null;
  /** As broadcast: "MM-DD HH:mm" UTC, no year. */
  eta: string | null;
  firstSeen: string;
  lastSeen: string;
  staticReports: number;
  names: string[];
}

export interface VesselLatest {
  mmsi: number;
  time: string;
  latDeg: number;
  lonDeg: number;
  sogKnots: number | null;
  cogDeg: number | null;
  headingDeg: number | null;
  navStatus: number | null;
}

export interface VesselDetail {
  vessel: VesselRecord;
  latest: VesselLatest | null;
}

/** A track as columns of equal length; times in epoch seconds (UTC). */
export interface VesselTrack {
  mmsi: number;
  from: string;
  to: string;
  points: number;
  timeS: number[];
  lonDeg: number[];
  latDeg: number[];
  sogKnots: (number | null)[];
  cogDeg: (number | null)[];
  headingDeg: (number | null)[];
  navStatus: (number | null)[];
}

// Vessel data changes: fetched fresh each time (no cache), cancellable.
export const vesselApi = {
  inPort: (locode: Locode, signal?: AbortSignal) =>
    getJson<PortVessels>(`/api/ports/${encodeURIComponent(locode)}/vessels?maxAgeHours=24`, signal),
  vessel: (mmsi: number, signal?: AbortSignal) => getJson<VesselDetail>(`/api/vessels/${mmsi}`, signal),
  track: (mmsi: number, range: { from: Date; to: Date } | null, signal?: AbortSignal) => {
    const q = range
      ? `?${new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString() })}`
      : "";
    return getJson<VesselTrack>(`/api/vessels/${mmsi}/track${q}`, signal);
  },
};

// ---- port calls ----

export const CALL_MODES = [
  "transit",
  "reduced_speed_zone",
  "manoeuvring",
  "at_anchor",
  "at_berth",
  "unknown",
] as const;
export type CallMode = (typeof CALL_MODES)[number];

export interface CallBerthStay {
  berth: string;
  terminal: string | null;
  berthLabel: string | null;
  arrivalAt: string;
  departureAt: string;
  durationH: number;
}

export interface CallSpeedZone {
  zone: string;
  limitKn: number;
  distanceNm: number;
  compliantDistanceNm: number;
  /** 0–1 of the distance in the zone sailed at or below the limit; null when no distance. */
  compliantShare: number | null;
  maxSpeedKn: number;
  enteredAt: string | null;
}

/** One port call; every time a UTC instant (ISO 8601). */
export interface PortCall {
  id: string;
  port: Locode;
  mmsi: number;
  imo: number | null;
  vesselName: string | null;
  shipType: number | null;
  shipTypeGroup: ShipTypeGroup;
  aisClass: "A" | "B";
  callsign: string | null;
  lengthM: number | null;
  terminal: string | null;
  berth: string;
  berthLabel: string | null;
  startAt: string;
  endAt: string;
  crossed40nmAt: string | null;
  crossed20nmAt: string | null;
  enteredPortAreaAt: string | null;
  anchoredFrom: string | null;
  anchoredTo: string | null;
  anchorages: { anchorage: string | null; from: string; to: string; durationH: number }[];
  pilotBoardingAt: string | null;
  berthArrivalAt: string;
  berthDepartureAt: string;
  lastBerthDepartureAt: string;
  leftPortAreaAt: string | null;
  anchorageWaitH: number;
  timeAtBerthH: number;
  berthShifts: number;
  berths: CallBerthStay[];
  speedZones: CallSpeedZone[];
  arrivalObserved: boolean;
  departureObserved: boolean;
  destination: string | null;
  etaAt: string | null;
}

export interface CallPage {
  total: number;
  limit: number;
  offset: number;
  calls: PortCall[];
}

export interface CallSegment {
  mode: CallMode;
  zone: string | null;
  start: string;
  end: string;
  durationH: number;
  distanceNm: number;
  meanSpeedKn: number;
  maxSpeedKn: number;
  reports: number;
}

export interface DcsaPortCall {
  portCall: { portCallID: string; portVisitReference: string; UNLocationCode: string };
  portCallServices: {
    portCallServiceID: string;
    portCallServiceTypeCode: string;
    portCallServiceEventTypeCode: string;
    portCallPhaseTypeCode: string;
    facilityTypeCode: string;
    portCallServiceLocation: { locationName?: string; UNLocationCode: string };
  }[];
  timestamps: {
    timestampID: string;
    portCallServiceID: string;
    classifierCode: "ACT" | "EST";
    dateTime: string;
    remark?: string;
  }[];
}

export interface CallDetail {
  call: PortCall;
  segments: CallSegment[];
  dcsa: DcsaPortCall;
}

export interface AnchorageQueue {
  port: Locode;
  stepMinutes: number;
  points: { time: string; atAnchor: number }[];
}

export interface SpeedComplianceRow {
  key: string;
  name: string | null;
  zone: string;
  limitKn: number;
  calls: number;
  distanceNm: number;
  compliantDistanceNm: number;
  compliantShare: number | null;
}

export interface SpeedCompliance {
  port: Locode;
  groupBy: "vessel" | "shipType";
  rows: SpeedComplianceRow[];
}

export interface CallFilter {
  from?: Date | null;
  to?: Date | null;
  terminal?: string | null;
  shipTypeGroup?: string | null;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

const portPath = (locode: Locode) => `/api/ports/${encodeURIComponent(locode)}`;

// Calls change as AIS arrives: fetched fresh, cancellable.
export const callApi = {
  list: (locode: Locode, f: CallFilter & { limit?: number; offset?: number }, signal?: AbortSignal) =>
    getJson<CallPage>(
      `${portPath(locode)}/calls${query({
        from: f.from?.toISOString(),
        to: f.to?.toISOString(),
        terminal: f.terminal,
        shipTypeGroup: f.shipTypeGroup,
        limit: f.limit,
        offset: f.offset,
      })}`,
      signal,
    ),
  call: (id: string, signal?: AbortSignal) =>
    getJson<CallDetail>(`/api/calls/${encodeURIComponent(id)}`, signal),
  anchorageQueue: (locode: Locode, range: { from: Date; to: Date }, stepMinutes: number) =>
    getJson<AnchorageQueue>(
      `${portPath(locode)}/calls/anchorage-queue${query({
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        stepMinutes,
      })}`,
    ),
  speedCompliance: (locode: Locode, groupBy: "vessel" | "shipType", range: { from: Date; to: Date } | null) =>
    getJson<SpeedCompliance>(
      `${portPath(locode)}/calls/speed-compliance${query({
        groupBy,
        from: range?.from.toISOString(),
        to: range?.to.toISOString(),
      })}`,
    ),
};

// ---- emissions ----

/** Pollutants of the inventory, in the order tables show them (`so2` is SOx, shown as SO2). */
export const POLLUTANTS = [
  "nox",
  "pm10",
  "pm25",
  "dpm",
  "so2",
  "co",
  "hc",
  "co2",
  "ch4",
  "n2o",
  "co2e",
] as const;
export type Pollutant = (typeof POLLUTANTS)[number];
/** Metric tonnes (inventory) or grams (one call), by pollutant. */
export type PollutantValues = Record<Pollutant, number>;

export const SOURCE_CATEGORIES = ["ogv", "harbor_craft", "che", "drayage", "rail"] as const;
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];

export const EMISSION_SCOPES = ["tailpipe", "grid", "upstream"] as const;
export type EmissionScope = (typeof EMISSION_SCOPES)[number];

export interface InventoryListEntry {
  year: number;
  label: string;
  computedAt: string;
  methodVersion: string;
}

export interface InventoryList {
  port: Locode;
  currentYear: number;
  inventories: InventoryListEntry[];
}

export interface ScopeReport {
  total: PollutantValues;
  byCategory: {
    category: SourceCategory;
    sources: number;
    activity: { amount: number; unit: string }[];
    tonnes: PollutantValues;
  }[];
  /** One entry per month of the reporting year, in order. */
  byMonth: { year: number; month: number; tonnes: PollutantValues }[];
  byTerminal: { terminal: string | null; tonnes: PollutantValues }[];
}

export interface InventoryCoverage {
  calls?: number;
  estimatedVessels?: number;
  unaccountedH?: number;
  nonship?: unknown;
}

export interface InventoryMeta {
  options?: { gwp?: string; ogv?: Record<string, unknown>; wellToWheel?: boolean };
  settings?: Record<string, unknown>;
  tables?: { file: string; sha256: string }[];
  coverage?: InventoryCoverage;
  warnings?: string[];
  [key: string]: unknown;
}

/** A reporting year's inventory; every mass in metric tonnes. */
export interface InventoryReport {
  port: Locode;
  year: number;
  /** "2025" (calendar year) or "FY2025" (April–March). */
  label: string;
  timeZone: string;
  firstDay: string;
  lastDay: string;
  computedAt: string;
  methodVersion: string;
  unit: "t";
  shortTonsPerTonne: number;
  meta: InventoryMeta;
  lines: number;
  scopes: Record<EmissionScope, ScopeReport>;
}

export interface EmissionSource {
  category: SourceCategory;
  sourceId: string;
  label: string;
  terminal: string | null;
  activity: number;
  activityUnit: string;
  tonnes: PollutantValues;
}

export interface EmissionSourcePage {
  total: number;
  sources: EmissionSource[];
}

export interface EmissionBaseline {
  pollutant: Pollutant;
  year: number;
  tonnes: number;
  source: string;
  enteredAt?: string;
}

export interface EmissionTarget {
  program: string;
  pollutant: Pollutant;
  /** The program's own name: DPM, NOx, SOx, GHG. */
  programPollutant: string;
  baselineYear: number;
  targetYear: number;
  targetReductionPct: number;
  source: string;
}

export interface TargetProgressYear {
  year: number;
  label: string;
  tonnes: number;
  changePct: number;
  pathPct: number;
  /** changePct − pathPct: above zero behind the path, below it ahead. */
  gapPctPoints: number;
}

export interface TargetProgress {
  target: EmissionTarget;
  baseline: EmissionBaseline | null;
  targetTonnes: number | null;
  remainingTonnes: number | null;
  years: TargetProgressYear[];
}

export interface ShareProgress {
  target: { program: string; metric: string; targetYear: number; targetPct: number; source: string };
  years: { year: number; sharePct: number; basis: string }[];
}

export interface EmissionProgress {
  port: Locode;
  ghgBasis: "co2e" | "co2";
  ghgBasisSource: string;
  ghgScope: string;
  baselines: EmissionBaseline[];
  targets: TargetProgress[];
  shares: ShareProgress[];
  inventories: { year: number; label: string; computedAt: string }[];
}

export interface CallTraceStep {
  what: string;
  pollutant: Pollutant;
  activity: number;
  activityUnit: string;
  factor: number;
  factorUnit: string;
  adjustments: { name: string; value: number }[];
  grams: number;
  source: string;
}

export interface CallEmissionSegment {
  mode: CallMode;
  startAt: string;
  endAt: string;
  durationH: number;
  meanSpeedKn: number | null;
  distanceNm?: number | null;
  zone?: string | null;
  terminal?: string | null;
  /** EPA mode of the auxiliary / boiler load tables; null for unknown segments. */
  epaMode: string | null;
  loadFactor: number | null;
  propulsionKw: number | null;
  auxKw: number | null;
  boilerKw: number | null;
  /** Energy from the ship's own engines and boilers. */
  energyKwh: { main: number; aux: number; boiler: number };
  /** Auxiliary energy from shore power instead (not in `grams`). */
  gridKwh?: number;
  gridCo2eGrams?: number;
  /** Tailpipe grams by pollutant. */
  grams: PollutantValues;
  trace?: CallTraceStep[];
}

export interface CallEmissionsVessel {
  imo?: number | null;
  name?: string | null;
  shipType?: string | null;
  subType?: string | null;
  defaulted: { field: string; value: string | number | boolean; source: string }[];
  [key: string]: unknown;
}

type ByComponent<T> = { main: T; aux: T; boiler: T };

export interface CallEmissionsEngine {
  type: string;
  tier: number;
  tierSource: string;
  auxType?: string;
  auxTier?: number;
  auxTierSource?: string;
  fuel?: ByComponent<string>;
  fuelSource?: ByComponent<string>;
  sulfurPct?: ByComponent<number>;
  lngEngine?: string | null;
}

/** One call's computation; masses in grams. */
export interface CallEmissions {
  callId: string | null;
  port?: string;
  methodVersion: string;
  method?: string;
  options?: Record<string, unknown>;
  location?: string;
  locationSource?: string;
  vessel: CallEmissionsVessel;
  engine?: CallEmissionsEngine;
  propulsion?: {
    installedKw: number | null;
    refSpeedKn: number | null;
    refSpeedType: string | null;
    law: string;
    seaMarginPct: number;
  };
  loads?: { method: string; shipType: string; subType: string; source: string; fallback: boolean };
  segments: CallEmissionSegment[];
  totals: {
    tailpipe: PollutantValues;
    byComponent: ByComponent<PollutantValues>;
    grid?: { kwh: number; co2eGrams: number | null; kgCo2ePerKwh?: number | null; source?: string | null };
    energyKwh?: ByComponent<number>;
    unaccountedH?: number;
  };
  tables?: { file: string; sha256: string }[];
  warnings?: string[];
}

/** A source category other than ocean-going vessels (those are traced per call). */
export type NonshipCategory = Exclude<SourceCategory, "ogv">;

/** One month and scope of a non-ship source: its activity, grams and trace steps. */
export interface EmissionSourceTraceLine {
  scope: EmissionScope;
  year: number;
  month: number;
  terminal: string | null;
  label: string;
  activity: number;
  activityUnit: string;
  grams: PollutantValues;
  trace: CallTraceStep[];
}

/** One non-ship source's computation in a reporting year (getEmissionSourceTrace); masses in grams. */
export interface EmissionSourceTrace {
  port: Locode;
  year: number;
  /** "2025" (calendar year) or "FY2025" (April–March). */
  label: string;
  category: NonshipCategory;
  sourceId: string;
  lines: EmissionSourceTraceLine[];
}

const emissionsPath = (locode: Locode) => `${portPath(locode)}/emissions`;

const postJson = <T>(path: string): Promise<T> => requestJson<T>(path, { method: "POST" });

// Inventories change when recomputed: fetched fresh each time.
export const emissionApi = {
  inventories: (locode: Locode) => getJson<InventoryList>(`${emissionsPath(locode)}/inventories`),
  inventory: (locode: Locode, year: number | null) =>
    getJson<InventoryReport>(`${emissionsPath(locode)}/inventory${query({ year })}`),
  compute: (locode: Locode, year: number) =>
    postJson<InventoryReport>(`${emissionsPath(locode)}/inventory/compute${query({ year })}`),
  sources: (
    locode: Locode,
    q: {
      year: number;
      category?: SourceCategory | null;
      pollutant: Pollutant;
      limit: number;
      offset: number;
    },
    signal?: AbortSignal,
  ) => getJson<EmissionSourcePage>(`${emissionsPath(locode)}/sources${query(q)}`, signal),
  progress: (locode: Locode) => getJson<EmissionProgress>(`${emissionsPath(locode)}/progress`),
  exportUrl: (locode: Locode, year: number, format: "csv" | "json") =>
    `${emissionsPath(locode)}/inventory/export${query({ year, format })}`,
  call: (id: string, signal?: AbortSignal) =>
    getJson<CallEmissions>(`/api/calls/${encodeURIComponent(id)}/emissions`, signal),
  sourceTrace: (
    locode: Locode,
    category: NonshipCategory,
    sourceId: string,
    year: number,
    signal?: AbortSignal,
  ) =>
    getJson<EmissionSourceTrace>(
      `${emissionsPath(locode)}/sources/${category}/${encodeURIComponent(sourceId)}${query({ year })}`,
      signal,
    ),
};

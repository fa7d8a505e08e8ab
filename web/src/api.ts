// Fetchers for the portal's API. Every wire type comes from the server's zod schemas (`import type`
// from src/, erased by Vite), so a changed field fails `tsc` here; the portal adds only view types.

import type { z } from "zod";
import type { AuditPageWire, KeyWire, SessionReply, UserWire } from "../../src/access/wire.ts";
import type { PortVessels, VesselDetail, VesselOnMap, VesselTrack } from "../../src/ais/routes.ts";
import type { AnchorageQueue, CallDetail, CallPage, SpeedCompliance } from "../../src/calls/index.ts";
import type { Pollutant, SourceCategory } from "../../src/emissions/model.ts";
import type {
  CallEmissions,
  EmissionSourcePage,
  EmissionSourceTrace,
  InventoryList,
  InventoryReport,
  ProgressReport,
} from "../../src/emissions/wire.ts";
import type { DeliveryList, Subscription } from "../../src/operations/alerts-wire.ts";
import type {
  AvailabilityReply,
  ContainerTimeline,
  EmptyReturnBoardReply,
  ImportForecastReply,
  OperationsKpis,
  OperationsSummary,
  TruckVisitsReply,
} from "../../src/operations/wire.ts";
import type { PortDetail, PortSummary } from "../../src/ports/index.ts";
import type { Health } from "../../src/server/app.ts";
import type { Problem } from "../../src/server/problem.ts";
import type { fuellerQuery, solarH2Query } from "../../src/transition/hydrogen-routes.ts";
import type { FuellerResultWire, SolarH2ReportWire } from "../../src/transition/hydrogen-wire.ts";
import type {
  PortsCompare,
  RegionalHydrogen,
  ScenarioCompare,
  ScenarioInputIn,
  ScenarioResult,
  StoredScenario,
  scenarioListSchema,
  TargetsGapReply,
} from "../../src/transition/scenario-wire.ts";
import type {
  equipmentListSchema,
  fleetSummarySchema,
  scorecardsReplySchema,
} from "../../src/transition/wire.ts";
import { currentLanguage } from "./i18n/index.ts";

export type { PortVessels, VesselDetail, VesselOnMap, VesselTrack } from "../../src/ais/routes.ts";
export type {
  AnchorageQueue,
  CallDetail,
  CallPage,
  PortCall,
  SpeedCompliance,
} from "../../src/calls/index.ts";
export {
  OPERATING_MODES as CALL_MODES,
  type OperatingMode as CallMode,
} from "../../src/calls/model.ts";
export {
  EMISSION_SCOPES,
  POLLUTANTS,
  type Pollutant,
  type PollutantGrams as PollutantValues,
  SOURCE_CATEGORIES,
  type SourceCategory,
  type TraceStep as CallTraceStep,
} from "../../src/emissions/model.ts";
export type {
  CallEmissions,
  EmissionSourcePage,
  EmissionSourceTrace,
  InventoryList,
  InventoryReport,
  InventoryWarning,
  ProgressReport as EmissionProgress,
} from "../../src/emissions/wire.ts";
export type { Delivery, DeliveryList, Subscription } from "../../src/operations/alerts-wire.ts";
export type {
  AvailabilityReply,
  BoxAvailabilityReply,
  ContainerTimeline,
  EmptyReturnBoardReply,
  ImportForecastReply,
  OperationsKpis,
  OperationsSummary,
  TerminalKpis,
  TimelineEntry,
  TruckVisitsReply,
} from "../../src/operations/wire.ts";
export type { BilingualName, PortDetail, PortSummary } from "../../src/ports/index.ts";
export type { Problem } from "../../src/server/problem.ts";

export type Locode = string;
export type PortFeature = PortDetail["geojson"]["features"][number];
export type ShipTypeGroup = VesselOnMap["shipTypeGroup"];
export type CallSegment = CallDetail["segments"][number];
export type ScopeReport = InventoryReport["scopes"]["tailpipe"];
export type EmissionSource = EmissionSourcePage["sources"][number];
export type TargetProgress = ProgressReport["targets"][number];
export type ShareProgress = ProgressReport["shares"][number];
export type CallEmissionSegment = CallEmissions["segments"][number];
/** A source category other than ocean-going vessels (those are traced per call). */
export type NonshipCategory = Exclude<SourceCategory, "ogv">;
export type EmissionSourceTraceLine = EmissionSourceTrace["lines"][number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

/**
 * The CSRF token of this browser's session (GET /api/session): sent as x-csrf-token with every
 * change, as the server requires of cookie sessions (issue 14). Fetched before the first change.
 */
let csrfToken: Promise<string | null> | undefined;
function currentCsrfToken(): Promise<string | null> {
  csrfToken ??= fetch("/api/session", { headers: { accept: "application/json" } })
    .then((r) => (r.ok ? (r.json() as Promise<{ csrfToken: string | null }>) : { csrfToken: null }))
    .then((s) => s.csrfToken)
    .catch(() => null);
  return csrfToken;
}

/** One request: JSON asked for, problems worded in the portal's language (the API reads Accept-Language). */
export async function requestJson<T>(
  path: string,
  init: { method?: string; signal?: AbortSignal; body?: unknown },
): Promise<T> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = {
    accept: "application/json",
    "accept-language": currentLanguage(),
  };
  if (method !== "GET") {
    const token = await currentCsrfToken();
    if (token) headers["x-csrf-token"] = token;
  }
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(path, {
    method,
    headers,
    signal: init.signal ?? null,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
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
  progress: (locode: Locode) => getJson<ProgressReport>(`${emissionsPath(locode)}/progress`),
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

// ---- operations (containers, gates, terminals) ----

const operationsPath = (locode: Locode) => `${portPath(locode)}/operations`;

/** A range of local days in the port's zone: `from` inclusive, `to` exclusive ("2026-01-15"). */
export interface DayRange {
  from: string;
  to: string;
}

// Operations data changes as terminals report: fetched fresh, cancellable.
export const operationsApi = {
  summary: (locode: Locode, range: DayRange, signal?: AbortSignal) =>
    getJson<OperationsSummary>(`${operationsPath(locode)}/summary${query({ ...range })}`, signal),
  kpis: (
    locode: Locode,
    q: DayRange & { by: "day" | "hour"; terminal?: string | null },
    signal?: AbortSignal,
  ) => getJson<OperationsKpis>(`${operationsPath(locode)}/kpis${query({ ...q })}`, signal),
  /** Truck visits and turn times: a trucking company's own, a terminal operator's terminal's. */
  truckVisits: (locode: Locode, range: DayRange, signal?: AbortSignal) =>
    getJson<TruckVisitsReply>(`${operationsPath(locode)}/truck-visits${query({ ...range })}`, signal),
  container: (locode: Locode, ref: string, signal?: AbortSignal) =>
    getJson<ContainerTimeline>(`${operationsPath(locode)}/containers/${encodeURIComponent(ref)}`, signal),
  forecast: (locode: Locode, signal?: AbortSignal) =>
    getJson<ImportForecastReply>(`${operationsPath(locode)}/forecast`, signal),
  emptyReturns: (locode: Locode, signal?: AbortSignal) =>
    getJson<EmptyReturnBoardReply>(`${operationsPath(locode)}/empty-returns`, signal),
  alertSubscriptions: (locode: Locode, signal?: AbortSignal) =>
    getJson<{ port: string; subscriptions: Subscription[] }>(
      `${operationsPath(locode)}/alerts/subscriptions`,
      signal,
    ),
  /** Disables a subscription, or re-enables one (for alerts from now on; nothing old is resent). */
  setAlertSubscriptionEnabled: (locode: Locode, id: string, enabled: boolean) =>
    requestJson<Subscription>(`${operationsPath(locode)}/alerts/subscriptions/${encodeURIComponent(id)}`, {
      method: "PATCH",
      body: { enabled },
    }),
  alertDeliveries: (locode: Locode, id: string, limit: number, signal?: AbortSignal) =>
    getJson<DeliveryList>(
      `${operationsPath(locode)}/alerts/subscriptions/${encodeURIComponent(id)}/deliveries${query({ limit })}`,
      signal,
    ),
  availability: (locode: Locode, containers: readonly string[], signal?: AbortSignal) =>
    getJson<AvailabilityReply>(
      `${operationsPath(locode)}/availability${query({ containers: containers.join(",") })}`,
      signal,
    ),
};

// ---- transition (zero-emission fleet, pilots, hydrogen supply) ----

export type {
  Equipment,
  EquipmentCategory,
  EquipmentStatus,
  PathwayEmissions,
  Powertrain,
  Scorecard,
} from "../../src/transition/wire.ts";
export type FleetSummary = z.infer<typeof fleetSummarySchema>;
export type FleetMixRow = FleetSummary["fleetMix"][number];
export type ScorecardsReply = z.infer<typeof scorecardsReplySchema>;
export type EquipmentList = z.infer<typeof equipmentListSchema>;
export type SolarH2Report = SolarH2ReportWire;
export type FuellerResult = FuellerResultWire;
/** The station model's query (its schema's input): each value goes as text in the address. */
export type SolarH2Params = Partial<Record<keyof z.input<typeof solarH2Query>, string | number>>;
export type FuellerParams = Partial<Record<keyof z.input<typeof fuellerQuery>, string | number>>;

const transitionPath = (locode: Locode) => `${portPath(locode)}/transition`;

// Telemetry arrives daily and the models answer from their parameters: fetched fresh, cancellable.
export const transitionApi = {
  summary: (locode: Locode, signal?: AbortSignal) =>
    getJson<FleetSummary>(`${transitionPath(locode)}/summary`, signal),
  equipment: (locode: Locode, signal?: AbortSignal) =>
    getJson<EquipmentList>(`${transitionPath(locode)}/equipment`, signal),
  scorecards: (locode: Locode, signal?: AbortSignal) =>
    getJson<ScorecardsReply>(`${transitionPath(locode)}/scorecards`, signal),
  solarH2: (locode: Locode, params: SolarH2Params, signal?: AbortSignal) =>
    getJson<SolarH2Report>(`${transitionPath(locode)}/solar-h2${query(params)}`, signal),
  fueller: (locode: Locode, params: FuellerParams, signal?: AbortSignal) =>
    getJson<FuellerResult>(`${transitionPath(locode)}/fueller${query(params)}`, signal),
};

// ---- transition: rollout scenarios, gap to targets, comparisons (issue 13) ----

export type {
  EarlyRetirement,
  PortsCompare,
  ScenarioCompare,
  ScenarioInputIn,
  ScenarioPowertrain,
  ScenarioResult,
  ScenarioYear,
  StoredScenario,
  TargetGap,
  TargetsGapReply,
} from "../../src/transition/scenario-wire.ts";
export type ScenarioList = z.infer<typeof scenarioListSchema>;
export type ScenarioSummary = ScenarioList["scenarios"][number];

// Saved scenarios change only when an analyst saves one: fetched fresh, cancellable.
export const scenarioApi = {
  list: (locode: Locode, signal?: AbortSignal) =>
    getJson<ScenarioList>(`${transitionPath(locode)}/scenarios`, signal),
  get: (locode: Locode, name: string, signal?: AbortSignal) =>
    getJson<StoredScenario>(`${transitionPath(locode)}/scenarios/${encodeURIComponent(name)}`, signal),
  compare: (locode: Locode, a: string, b: string, signal?: AbortSignal) =>
    getJson<ScenarioCompare>(`${transitionPath(locode)}/scenarios/compare${query({ a, b })}`, signal),
  targetsGap: (locode: Locode, scenario: string, signal?: AbortSignal) =>
    getJson<TargetsGapReply>(`${transitionPath(locode)}/targets-gap${query({ scenario })}`, signal),
  /** Regional hydrogen demand (the scenarios' t/yr and the reference lines) against supply by year. */
  regional: (sides: readonly { port: Locode; scenario: string }[], signal?: AbortSignal) => {
    const q = new URLSearchParams();
    for (const s of sides) q.append("scenarios", `${s.port}:${s.scenario}`);
    return getJson<RegionalHydrogen>(`/api/transition/hydrogen-regional?${q.toString()}`, signal);
  },
  /** Computes a scenario without saving it (analyst, admin): the editor's preview. */
  run: (locode: Locode, doc: ScenarioInputIn) =>
    requestJson<{ result: ScenarioResult; targetsGap: TargetsGapReply }>(
      `${transitionPath(locode)}/scenarios/run`,
      {
        method: "POST",
        body: doc,
      },
    ),
  /** Computes and saves a scenario under its name (analyst, admin; the same name is replaced). */
  save: (locode: Locode, doc: ScenarioInputIn) =>
    requestJson<StoredScenario>(`${transitionPath(locode)}/scenarios`, { method: "POST", body: doc }),
  /** Two ports' saved scenarios per TEU; each side is "PORT:scenario name". */
  comparePorts: (
    a: { port: Locode; scenario: string },
    b: { port: Locode; scenario: string },
    signal?: AbortSignal,
  ) =>
    getJson<PortsCompare>(
      `/api/transition/compare-ports${query({ a: `${a.port}:${a.scenario}`, b: `${b.port}:${b.scenario}` })}`,
      signal,
    ),
};

// ---- session (issue 14) ----

export type {
  AuditEntryWire,
  AuditPageWire,
  KeyWire,
  SessionReply,
  UserWire,
} from "../../src/access/wire.ts";

/** The admin pages' calls (admin role only; the server refuses anyone else). */
/** Filters of the audit log (GET /api/admin/audit); empty ones are left out. */
export interface AuditQuery {
  before?: string;
  actor?: string;
  action?: string;
  outcome?: string;
  /** Entries at or after this instant (ISO 8601). */
  from?: string;
  /** Entries before this instant (ISO 8601, exclusive). */
  to?: string;
}

export const adminApi = {
  users: () => getJson<UserWire[]>("/api/admin/users"),
  addUser: (body: { name: string; role: string; ports?: string[]; owner?: string }) =>
    requestJson<{ user: UserWire; oneTimePassword: string }>("/api/admin/users", { method: "POST", body }),
  disableUser: (id: string) =>
    requestJson<UserWire>(`/api/admin/users/${encodeURIComponent(id)}/disable`, { method: "POST" }),
  keys: () => getJson<KeyWire[]>("/api/admin/keys"),
  createKey: (body: {
    name: string;
    role: string;
    ports?: string[];
    owner?: string;
    expiresInDays?: number;
  }) => requestJson<{ key: KeyWire; token: string }>("/api/admin/keys", { method: "POST", body }),
  revokeKey: (id: string) =>
    requestJson<KeyWire>(`/api/admin/keys/${encodeURIComponent(id)}`, { method: "DELETE" }),
  /** A page of the audit log, newest first; `before` is the previous page's nextCursor. */
  audit: (query: AuditQuery = {}) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
    const text = params.toString();
    return getJson<AuditPageWire>(`/api/admin/audit${text ? `?${text}` : ""}`);
  },
};

/** Sign-in, sign-out and "who am I": the cookie is HttpOnly, so the portal asks the server. */
export const sessionApi = {
  current: () => getJson<SessionReply>("/api/session"),
  async signIn(name: string, password: string): Promise<SessionReply> {
    const res = await fetch("/api/session", {
      method: "POST",
      headers: {
        accept: "application/json",
        "accept-language": currentLanguage(),
        "content-type": "application/json",
      },
      body: JSON.stringify({ name, password }),
    });
    if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => null)) as Problem | null);
    const reply = (await res.json()) as SessionReply;
    csrfToken = Promise.resolve(reply.csrfToken);
    return reply;
  },
  signOut: () => requestJson<{ signedOut: boolean }>("/api/session", { method: "DELETE" }),
};

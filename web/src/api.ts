// Types and fetchers for the portal's API (see src/server/ for the server side).

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

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: "application/json" }, signal: signal ?? null });
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

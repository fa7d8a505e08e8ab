/**
 * The port registry: data/ports/ports.json plus each port's GeoJSON, read once and validated.
 * The only file in src/geo/ that touches the disk.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DomainError, type FieldIssue } from "../core/errors.ts";
import { type BBox, type LonLat, pointInPolygon } from "./geometry.ts";
import {
  type BilingualName,
  type PortFeature,
  type PortGeography,
  parsePortGeography,
} from "./port-geography.ts";

export interface PortInfo {
  locode: string;
  name: BilingualName;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** IANA zone in which the port shows its times. */
  timeZone: string;
  /** ISO 4217. */
  currency: string;
  sisterPort: string;
  /** Map centre `[lon, lat]` and zoom that frame the terminals on a 1280×800 map. */
  center: LonLat;
  zoom: number;
  bbox: BBox;
  geographyFile: string;
  attribution: string[];
}

export interface PortEntry extends PortInfo, PortGeography {}

export interface PortRegistry {
  list(): PortInfo[];
  get(locode: string): PortEntry | undefined;
}

/** data/ports/ of this repository, resolved from this file (src/geo/ → ../../data/ports). */
export const DEFAULT_PORTS_DIR = fileURLToPath(new URL("../../data/ports/", import.meta.url));

function readJson(path: string, fileName: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new DomainError("unavailable", `cannot read ${fileName}`, [
      { file: fileName, reason: (err as Error).message },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new DomainError("validation", `${fileName} is not valid JSON`, [
      { file: fileName, reason: (err as Error).message },
    ]);
  }
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** A fresh array of exactly `n` finite numbers, or undefined. */
function numberTuple(v: unknown, n: number): number[] | undefined {
  if (!Array.isArray(v) || v.length !== n || !v.every(isFiniteNumber)) return undefined;
  return [...v];
}

function parsePortInfo(raw: unknown, index: number, issues: FieldIssue[]): PortInfo | undefined {
  const file = "ports.json";
  const at = `[${index}]`;
  const bad = (field: string, reason: string) => issues.push({ file, field: `${at}.${field}`, reason });
  if (typeof raw !== "object" || raw === null) {
    bad("", "not an object");
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const before = issues.length;
  const str = (field: string, re?: RegExp) => {
    const v = r[field];
    if (typeof v !== "string" || v.length === 0) bad(field, "missing or not a string");
    else if (re && !re.test(v)) bad(field, `unexpected value ${JSON.stringify(v)}`);
  };
  str("locode", /^[A-Z]{2}[A-Z2-9]{3}$/);
  str("country", /^[A-Z]{2}$/);
  str("timeZone");
  str("currency", /^[A-Z]{3}$/);
  str("sisterPort", /^[A-Z]{2}[A-Z2-9]{3}$/);
  str("geographyFile", /^[\w.-]+\.geojson$/);
  const name = r.name as Record<string, unknown> | undefined;
  if (typeof name?.en !== "string" || typeof name?.ja !== "string" || !name.en || !name.ja)
    bad("name", "needs non-empty en and ja");
  if (typeof r.timeZone === "string") {
    try {
      new Intl.DateTimeFormat("en", { timeZone: r.timeZone });
    } catch {
      bad("timeZone", `unknown IANA time zone ${r.timeZone}`);
    }
  }
  const center = numberTuple(r.center, 2);
  if (!center || Math.abs(center[0] as number) > 180 || Math.abs(center[1] as number) > 90)
    bad("center", "must be [lon, lat]");
  if (!isFiniteNumber(r.zoom) || r.zoom < 0 || r.zoom > 22) bad("zoom", "must be 0-22");
  const bbox = numberTuple(r.bbox, 4);
  if (!bbox || (bbox[0] as number) >= (bbox[2] as number) || (bbox[1] as number) >= (bbox[3] as number))
    bad("bbox", "must be [minLon, minLat, maxLon, maxLat]");
  if (!Array.isArray(r.attribution) || !r.attribution.every((a) => typeof a === "string"))
    bad("attribution", "must be an array of strings");
  if (issues.length > before || !center || !bbox) return undefined;
  const names = name as Record<string, string>;
  return {
    locode: r.locode as string,
    name: { en: names.en as string, ja: names.ja as string },
    country: r.country as string,
    timeZone: r.timeZone as string,
    currency: r.currency as string,
    sisterPort: r.sisterPort as string,
    center: center as LonLat,
    zoom: r.zoom as number,
    bbox: bbox as BBox,
    geographyFile: r.geographyFile as string,
    attribution: [...(r.attribution as string[])],
  };
}

/**
 * Read and validate the registry and every port's geography, once. Throws
 * `DomainError("validation")` listing every problem across all files.
 */
export function loadPortRegistry(dataDir: string = DEFAULT_PORTS_DIR): PortRegistry {
  const raw = readJson(join(dataDir, "ports.json"), "ports.json");
  const issues: FieldIssue[] = [];
  if (!Array.isArray(raw)) {
    throw new DomainError("validation", "ports.json must be an array", [
      { file: "ports.json", reason: "not an array" },
    ]);
  }
  const infos: PortInfo[] = [];
  raw.forEach((item, i) => {
    const info = parsePortInfo(item, i, issues);
    if (info) infos.push(info);
  });
  const entries = new Map<string, PortEntry>();
  for (const info of infos) {
    if (entries.has(info.locode)) {
      issues.push({ file: "ports.json", field: info.locode, reason: "duplicate locode" });
      continue;
    }
    try {
      const json = readJson(join(dataDir, info.geographyFile), info.geographyFile);
      const geo = parsePortGeography(json, info.geographyFile);
      const entry: PortEntry = { ...info, ...geo };
      // The map centre should fall on the port: catches swapped lon/lat in ports.json.
      const areas = geo.features.filter((f) => f.kind === "port_area");
      if (
        areas.length > 0 &&
        !areas.some((f) => f.geometry.type === "Polygon" && centreNear(info.center, f))
      ) {
        issues.push({
          file: "ports.json",
          field: `${info.locode}.center`,
          reason: "center is not within any port_area bbox",
        });
      }
      entries.set(info.locode, entry);
    } catch (err) {
      if (err instanceof DomainError) issues.push(...err.issues);
      else throw err;
    }
  }
  for (const info of infos) {
    if (!infos.some((o) => o.locode === info.sisterPort)) {
      issues.push({
        file: "ports.json",
        field: `${info.locode}.sisterPort`,
        reason: `sister port ${info.sisterPort} is not in the registry`,
      });
    }
  }
  if (issues.length > 0) {
    throw new DomainError("validation", `port registry: ${issues.length} problem(s)`, issues);
  }
  const list = infos.map((i) => ({ ...i }));
  return {
    list: () => list.map((i) => ({ ...i })),
    get: (locode: string) => entries.get(locode),
  };
}

function centreNear(center: LonLat, f: PortFeature): boolean {
  const [minX, minY, maxX, maxY] = f.bbox;
  if (f.geometry.type === "Polygon" && pointInPolygon(center, f.geometry.coordinates)) return true;
  return center[0] >= minX && center[0] <= maxX && center[1] >= minY && center[1] <= maxY;
}

/**
 * Typed port geography: parse and validate a port's GeoJSON FeatureCollection (data/ports/*.geojson)
 * into features later code can use directly. Pure: the caller supplies the parsed JSON.
 */
import { DomainError, type FieldIssue } from "../core/errors.ts";
import type { BilingualName } from "../core/language.ts";

export type { BilingualName };

import { type BBox, bboxOf, type LonLat, type PolygonCoords, validateRing } from "./geometry.ts";

export const PORT_FEATURE_KINDS = [
  "port_area",
  "anchorage",
  "precautionary_area",
  "traffic_lane",
  "speed_zone",
  "pilot_boarding",
  "entrance",
  "terminal",
  "berth",
  "approach_area",
  "channel",
  "reference_point",
  "reference_line",
  "breakwater",
] as const;
export type PortFeatureKind = (typeof PORT_FEATURE_KINDS)[number];

/** A = official coordinates; B = two sources agree or OpenStreetMap; C = approximate/estimated. */
export type Confidence = "A" | "B" | "C";

export type PortGeometry =
  | { type: "Point"; coordinates: LonLat }
  | { type: "LineString"; coordinates: LonLat[] }
  | { type: "Polygon"; coordinates: PolygonCoords }
  | { type: "MultiPolygon"; coordinates: PolygonCoords[] };

export interface PortFeature {
  id: string;
  kind: PortFeatureKind;
  name: BilingualName;
  geometry: PortGeometry;
  /** Bounding box of the geometry, for cheap pre-checks before point-in-polygon. */
  bbox: BBox;
  source: string;
  confidence: Confidence;
  /** Every property of the GeoJSON feature as read (including id, name_en, …). */
  properties: Readonly<Record<string, unknown>>;
}

/** A terminal: a polygon with the port it belongs to (UN/LOCODE), operator and berth range. */
export interface TerminalFeature extends PortFeature {
  kind: "terminal";
  port: string;
}

/** A berth: a polygon in the water along a quay, tied to its terminal. */
export interface BerthFeature extends PortFeature {
  kind: "berth";
  geometry: { type: "Polygon"; coordinates: PolygonCoords };
  terminal: string;
  berth: string;
  port: string;
  lengthM?: number;
  depthM?: number;
}

export interface PortGeography {
  features: PortFeature[];
  byId: ReadonlyMap<string, PortFeature>;
}

const LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;
const KIND_SET: ReadonlySet<string> = new Set(PORT_FEATURE_KINDS);
/** Kinds whose geometry must be an area: they are used for "is the ship inside?" tests. */
const AREA_KINDS: ReadonlySet<string> = new Set([
  "port_area",
  "precautionary_area",
  "speed_zone",
  "terminal",
  "berth",
  "approach_area",
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === "string" && v.trim().length > 0;
}

function checkPosition(p: unknown): string | undefined {
  if (!Array.isArray(p) || p.length < 2) return "position is not [lon, lat]";
  const [x, y] = p as unknown[];
  if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y))
    return "position has non-numeric or non-finite coordinates";
  if (x < -180 || x > 180 || y < -90 || y > 90) return `position [${x}, ${y}] is out of range`;
  return undefined;
}

function checkGeometry(g: unknown, push: (field: string, reason: string) => void): boolean {
  if (!isRecord(g)) {
    push("geometry", "missing or not an object");
    return false;
  }
  const before = { n: 0 };
  const report = (field: string, reason: string) => {
    before.n++;
    push(field, reason);
  };
  const c = g.coordinates;
  switch (g.type) {
    case "Point": {
      const r = checkPosition(c);
      if (r) report("geometry.coordinates", r);
      break;
    }
    case "LineString": {
      if (!Array.isArray(c) || c.length < 2) {
        report("geometry.coordinates", "a LineString needs at least 2 positions");
        break;
      }
      c.forEach((p, i) => {
        const r = checkPosition(p);
        if (r) report(`geometry.coordinates[${i}]`, r);
      });
      break;
    }
    case "Polygon":
      checkPolygon(c, "geometry.coordinates", report);
      break;
    case "MultiPolygon":
      if (!Array.isArray(c) || c.length === 0) {
        report("geometry.coordinates", "a MultiPolygon needs at least one polygon");
        break;
      }
      c.forEach((poly, i) => {
        checkPolygon(poly, `geometry.coordinates[${i}]`, report);
      });
      break;
    default:
      report("geometry.type", `unsupported geometry type ${JSON.stringify(g.type)}`);
  }
  return before.n === 0;
}

function checkPolygon(c: unknown, field: string, report: (f: string, r: string) => void): void {
  if (!Array.isArray(c) || c.length === 0) {
    report(field, "a Polygon needs at least one ring");
    return;
  }
  c.forEach((ring, i) => {
    for (const p of validateRing(ring)) report(`${field}[${i}]`, `${p.code}: ${p.message}`);
  });
}

/**
 * Validate a port GeoJSON FeatureCollection and return its typed features.
 *
 * Every problem in the file is collected (file, feature id, field, reason) and thrown at once as
 * `DomainError("validation", …, issues)`; nothing is returned from a file with any problem.
 */
export function parsePortGeography(json: unknown, fileName: string): PortGeography {
  const issues: FieldIssue[] = [];
  const fail = (field: string, reason: string) => issues.push({ file: fileName, field, reason });
  if (!isRecord(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features)) {
    fail("type", "not a GeoJSON FeatureCollection with a features array");
    throw new DomainError("validation", `${fileName}: invalid port geography`, issues);
  }
  const features: PortFeature[] = [];
  const seen = new Map<string, number>();
  const rawFeatures = json.features as unknown[];

  rawFeatures.forEach((raw, index) => {
    const propsRaw = isRecord(raw) && isRecord(raw.properties) ? raw.properties : undefined;
    const label = propsRaw && nonEmptyString(propsRaw.id) ? propsRaw.id : `#${index}`;
    const push = (field: string, reason: string) =>
      issues.push({ file: fileName, field: `${label}.${field}`, reason });
    if (!isRecord(raw) || raw.type !== "Feature") {
      push("type", "not a GeoJSON Feature");
      return;
    }
    if (!propsRaw) {
      push("properties", "missing or not an object");
      return;
    }
    const p = propsRaw;
    let ok = true;
    const need = (field: string, reason: string) => {
      ok = false;
      push(field, reason);
    };
    if (!nonEmptyString(p.id)) need("id", "missing or empty");
    else if (seen.has(p.id)) need("id", `duplicate id (also feature #${seen.get(p.id)})`);
    else seen.set(p.id, index);
    if (!nonEmptyString(p.name_en)) need("name_en", "missing or empty");
    if (!nonEmptyString(p.name_ja)) need("name_ja", "missing or empty");
    if (!nonEmptyString(p.source)) need("source", "missing or empty");
    if (p.confidence !== "A" && p.confidence !== "B" && p.confidence !== "C")
      need("confidence", `must be "A", "B" or "C", got ${JSON.stringify(p.confidence)}`);
    if (typeof p.kind !== "string" || !KIND_SET.has(p.kind))
      need("kind", `unknown kind ${JSON.stringify(p.kind)}`);
    if (!checkGeometry(raw.geometry, push)) ok = false;
    const geomType = isRecord(raw.geometry) ? raw.geometry.type : undefined;
    if (
      typeof p.kind === "string" &&
      AREA_KINDS.has(p.kind) &&
      geomType !== "Polygon" &&
      geomType !== "MultiPolygon"
    )
      need("geometry.type", `a ${p.kind} must be a Polygon or MultiPolygon, got ${geomType}`);
    if (p.port !== undefined && p.port !== null && !(typeof p.port === "string" && LOCODE.test(p.port)))
      need("port", `not a UN/LOCODE: ${JSON.stringify(p.port)}`);
    for (const numeric of ["length_m", "depth_m", "speed_limit_kn", "radius_nm", "radius_m"]) {
      const v = p[numeric];
      if (v !== undefined && v !== null && !(typeof v === "number" && Number.isFinite(v) && v > 0))
        need(numeric, `must be a positive number, got ${JSON.stringify(v)}`);
    }
    if (p.kind === "terminal" && !nonEmptyString(p.port)) need("port", "a terminal needs its port");
    if (p.kind === "speed_zone" && typeof p.speed_limit_kn !== "number")
      need("speed_limit_kn", "a speed zone needs its limit in knots");
    if (p.kind === "berth") {
      if (!nonEmptyString(p.terminal)) need("terminal", "a berth needs its terminal id");
      if (!nonEmptyString(p.berth)) need("berth", "a berth needs its berth name/number");
      if (!nonEmptyString(p.port)) need("port", "a berth needs its port");
      if (geomType !== "Polygon") need("geometry.type", "a berth must be a Polygon");
    }
    if (!ok) return;
    const geometry = raw.geometry as PortGeometry;
    const base: PortFeature = {
      id: p.id as string,
      kind: p.kind as PortFeatureKind,
      name: { en: p.name_en as string, ja: p.name_ja as string },
      geometry,
      bbox: bboxOf(geometry.coordinates),
      source: p.source as string,
      confidence: p.confidence as Confidence,
      properties: Object.freeze({ ...p }),
    };
    if (base.kind === "terminal") {
      features.push({ ...base, port: p.port as string } as TerminalFeature);
    } else if (base.kind === "berth") {
      const berth: BerthFeature = {
        ...base,
        kind: "berth",
        geometry: geometry as BerthFeature["geometry"],
        terminal: p.terminal as string,
        berth: p.berth as string,
        port: p.port as string,
      };
      if (typeof p.length_m === "number") berth.lengthM = p.length_m;
      if (typeof p.depth_m === "number") berth.depthM = p.depth_m;
      features.push(berth);
    } else {
      features.push(base);
    }
  });

  // Cross-feature check: each berth names a terminal that exists in the same file.
  const terminalIds = new Set(features.filter((f) => f.kind === "terminal").map((f) => f.id));
  for (const f of features) {
    if (f.kind === "berth" && !terminalIds.has((f as BerthFeature).terminal)) {
      issues.push({
        file: fileName,
        field: `${f.id}.terminal`,
        reason: `no terminal feature with id ${JSON.stringify((f as BerthFeature).terminal)}`,
      });
    }
  }

  if (issues.length > 0) {
    throw new DomainError("validation", `${fileName}: ${issues.length} problem(s) in port geography`, issues);
  }
  return { features, byId: new Map(features.map((f) => [f.id, f])) };
}

/** Features of one kind, in file order. */
export function featuresOfKind(features: readonly PortFeature[], kind: PortFeatureKind): PortFeature[] {
  return features.filter((f) => f.kind === kind);
}

/** All terminals, or only those of one port (UN/LOCODE; e.g. USLAX vs USLGB in San Pedro Bay). */
export function terminalsOf(features: readonly PortFeature[], port?: string): TerminalFeature[] {
  return features.filter(
    (f): f is TerminalFeature =>
      f.kind === "terminal" && (port === undefined || (f as TerminalFeature).port === port),
  );
}

/** The berths of one terminal (by terminal feature id), in file order. */
export function berthsOf(features: readonly PortFeature[], terminalId: string): BerthFeature[] {
  return features.filter(
    (f): f is BerthFeature => f.kind === "berth" && (f as BerthFeature).terminal === terminalId,
  );
}

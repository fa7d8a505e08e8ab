/**
 * The demo world: a deterministic (seeded), scalable AIS traffic model of both sister ports with
 * the ground truth of every port call. Pure: takes the port registry, returns vessels, truth and a
 * lazily generated, time-ordered message stream (per-vessel timelines merged with a heap, so memory
 * stays bounded at any size).
 *
 * Model, per port and ship type: arrivals are a Poisson process (rate × scale); each call follows
 * the port's hand-chosen route (routes.ts) at realistic speeds, waits at anchor when its berth is
 * busy (or for other reasons), berths at a slot of its berth, stays for a type-specific time and
 * leaves by the outbound route. Report intervals follow ITU-R M.1371-5 Annex 1 table 1 (class A:
 * 10 s at 0–14 kn, 6 s at 14–23 kn, 3 min at anchor or moored; class B "CS": 30 s above 2 kn, 3 min
 * below), static data every 6 min.
 */
import type {
  AisBaseStationReport,
  AisPayload,
  AisPositionReportA,
  AisPositionReportB,
  AisStaticDataA,
  AisStaticDataB,
  AisStaticVoyage,
} from "../ais/index.ts";
import { isoUtc, SECONDS_PER_DAY } from "../core/time.ts";
import {
  distancePointToPolygonM,
  haversineM,
  type LonLat,
  type PolygonCoords,
  type PortEntry,
  type PortRegistry,
  pointInPolygon,
} from "../geo/index.ts";
import { CALLING_TYPES, type DemoShipType, type DemoVessel, FleetMaker } from "./fleet.ts";
import { MinHeap } from "./heap.ts";
import { Rng } from "./prng.ts";
import { DEMO_ROUTES, type LegClass, type PortRoutes, type RouteStep } from "./sea-lanes.ts";
import {
  type CircleZone,
  courseDeg,
  KNOT_MS,
  type Leg,
  legPosition,
  offsetM,
  polygonEntryExit,
  TrackBuilder,
} from "./track.ts";

export type DemoPort = "USLAX" | "JPNGO";

export interface DemoWorldOptions {
  seed: number;
  start: Date;
  days: number;
  /** 1 ≈ a realistic day's traffic; calls and harbour craft scale linearly. */
  scale: number;
  ports: DemoPort[];
  /** Multiplies every report interval (2 = half the reports); default 1. */
  intervalScale?: number;
  /** Share of NMEA lines the writer corrupts (0..1); carried here so it is part of the options. */
  noise?: number;
}

export type DemoHardCase =
  | "ais_gap_at_anchor"
  | "ais_gap_on_approach"
  | "berth_shift"
  | "anchored_twice"
  | "vsr_non_compliant"
  | "berth_busy_anchorage_wait"
  | "starts_before_window"
  | "ends_after_window";

export interface DemoCallTruth {
  callId: string;
  mmsi: number;
  imo: number | null;
  name: string;
  shipType: DemoShipType;
  port: DemoPort;
  /** Terminal feature id (registry) or demo terminal id. */
  terminal: string;
  /** Berth feature id (registry or demo berth). */
  berth: string;
  /** Berth number or range as published. */
  berthLabel: string;
  crossed40nmAt?: string;
  crossed20nmAt?: string;
  /** Los Angeles: whether the ship kept ≤ 12 kn inside the VSR zones (by construction). */
  vsrCompliant?: boolean;
  enteredPortAreaAt: string | null;
  anchorages: { anchorage: string; from: string; to: string }[];
  pilotBoardingAt: string;
  /** Arrival at and departure from the first berth. */
  berthArrivalAt: string;
  berthDepartureAt: string;
  /** Later berths after a shift, in order. */
  shifts: { berth: string; terminal: string; arrivalAt: string; departureAt: string }[];
  pilotDisembarkAt: string;
  leftPortAreaAt: string | null;
  /** AIS silences (no reports from this ship at all). */
  aisGaps: { from: string; to: string }[];
  hardCases: DemoHardCase[];
  /**
   * Whether the berth arrival (with at least the hour before it) and the berth departure (with the
   * hour after it) fall inside the generated window: evaluate arrivals and departures on these.
   */
  observed: { arrival: boolean; departure: boolean };
  /** First and last report time of this call inside the generated window. */
  trackFrom: string;
  trackTo: string;
}

export interface DemoHarbourCraftTruth {
  mmsi: number;
  name: string;
  shipType: DemoShipType;
  port: DemoPort;
  trips: number;
  /** Always true: these must not become port calls. */
  mustNotBeCall: true;
}

export interface DemoPortTruth {
  port: DemoPort;
  window: { from: string; to: string };
  options: { seed: number; start: string; days: number; scale: number; intervalScale: number };
  calls: DemoCallTruth[];
  harbourCraft: DemoHarbourCraftTruth[];
  /** Every vessel of this port's traffic with its particulars (ships and harbour craft). */
  vessels: DemoVessel[];
  /** Berths and anchorages the demo adds to data/ports (GeoJSON features, confidence C). */
  demoFeatures: {
    type: "FeatureCollection";
    features: {
      type: "Feature";
      properties: Record<string, unknown>;
      geometry: { type: "Polygon"; coordinates: PolygonCoords };
    }[];
  };
  notes: string[];
}

export interface DemoMessage {
  timeS: number;
  port: DemoPort;
  /** Receiver name (tag block `s:`). */
  source: string;
  payload: AisPayload;
  /** The same transmission heard by a second receiver. */
  echo?: boolean;
}

export interface DemoWorld {
  options: Required<DemoWorldOptions>;
  vessels: (DemoVessel & { port: DemoPort })[];
  truth: DemoPortTruth[];
  /** A fresh, time-ordered pass over every message of every port (deterministic). */
  messages(): Iterable<DemoMessage>;
}

// ---------------------------------------------------------------------------------------------

const H = 3600;

interface Slot {
  berth: BerthInfo;
  index: number;
  pos: LonLat;
  approach: LonLat;
  headingDeg: number;
  busy: { from: number; to: number }[];
}

interface BerthInfo {
  id: string;
  terminal: string;
  label: string;
  kinds: DemoShipType[];
  harbour: RouteStep[];
  slots: Slot[];
  polygon: PolygonCoords;
  /** Source of the published quay edge the slots lie along (null: the berth strip's midline). */
  quaySource: string | null;
}

interface AnchorageInfo {
  id: string;
  weight: number;
  polygon: PolygonCoords;
}

interface PortModel {
  port: DemoPort;
  routes: PortRoutes;
  entry: PortEntry;
  node: (name: string) => LonLat;
  berths: BerthInfo[];
  anchorages: AnchorageInfo[];
  portArea: PolygonCoords | null;
  zones: CircleZone[];
  demoFeatures: DemoPortTruth["demoFeatures"]["features"];
}

/** Quay midline of a berth strip polygon (pairs of opposite vertices averaged). */
function stripMidline(ring: LonLat[]): LonLat[] {
  const open = ring.slice(0, -1);
  const n = Math.floor(open.length / 2);
  const mid: LonLat[] = [];
  for (let i = 0; i < n; i++) {
    const p = open[i]!;
    const q = open[open.length - 1 - i]!;
    mid.push([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2]);
  }
  return mid;
}

function lineLengthM(line: LonLat[]): number {
  let d = 0;
  for (let i = 1; i < line.length; i++)
    d += haversineM(line[i - 1]![0], line[i - 1]![1], line[i]![0], line[i]![1]);
  return d;
}

/** Point and direction at arc length `at` along a polyline. */
function alongLine(line: LonLat[], at: number): { p: LonLat; course: number } {
  let rest = at;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const d = haversineM(a[0], a[1], b[0], b[1]);
    if (rest <= d || i === line.length - 1) {
      const s = d === 0 ? 0 : Math.min(1, rest / d);
      return {
        p: [a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s],
        course: courseDeg(a[0], a[1], b[0], b[1]),
      };
    }
    rest -= d;
  }
  const p = line[0]!;
  return { p, course: 0 };
}

/** A 50 m wide strip polygon around a quay midline (demo berths). */
function stripAround(mid: LonLat[]): PolygonCoords {
  const left: LonLat[] = [];
  const right: LonLat[] = [];
  for (let i = 0; i < mid.length; i++) {
    const a = mid[Math.max(0, i - 1)]!;
    const b = mid[Math.min(mid.length - 1, i + 1)]!;
    const c = courseDeg(a[0], a[1], b[0], b[1]);
    const p = mid[i]!;
    left.push(offsetM(p[0], p[1], c - 90, 25));
    right.push(offsetM(p[0], p[1], c + 90, 25));
  }
  const ring = [...left, ...right.reverse()];
  ring.push(ring[0]!);
  return [ring];
}

function buildPortModel(port: DemoPort, registry: PortRegistry, scale: number): PortModel {
  const routes = DEMO_ROUTES[port];
  const entry = registry.get(port);
  if (entry === undefined) throw new Error(`port ${port} is not in the registry`);
  const node = (name: string): LonLat => {
    const p = routes.nodes[name];
    if (p === undefined) throw new Error(`${port}: unknown route node ${name}`);
    return p;
  };
  const byId = entry.byId;
  const demoFeatures: DemoPortTruth["demoFeatures"]["features"] = [];
  const slotFactor = Math.max(1, Math.ceil(scale));
  const berths: BerthInfo[] = routes.berths.map((spec) => {
    let polygon: PolygonCoords;
    let mid: LonLat[];
    let terminal: string;
    let label: string;
    let waterOf: (p: LonLat, c: number) => number;
    // Metres off the line `mid` where slot k's ship lies (0: on the strip's midline).
    let quayOffset: (k: number) => number = () => 0;
    let quaySource: string | null = null;
    if (spec.demo !== undefined) {
      mid = spec.demo.midline;
      polygon = stripAround(mid);
      terminal = spec.demo.terminal;
      label = spec.demo.berth;
      const side = spec.demo.waterSide;
      waterOf = (_p, c) => c - 90 * side;
      demoFeatures.push({
        type: "Feature",
        properties: {
          id: spec.id,
          kind: "berth",
          name_en: spec.demo.name,
          terminal,
          berth: label,
          port,
          confidence: "C",
          source: "sisterports demo world (hand-placed, approximate)",
          registry: false,
        },
        geometry: { type: "Polygon", coordinates: polygon },
      });
    } else {
      const f = byId.get(spec.id);
      if (f === undefined || f.geometry.type !== "Polygon")
        throw new Error(`${port}: berth ${spec.id} not found`);
      polygon = f.geometry.coordinates;
      terminal = String(f.properties.terminal ?? "");
      label = String(f.properties.berth ?? "");
      if (spec.quay !== undefined) {
        // Moor along the published quay edge, not the strip detection reads (see DemoBerthSpec.quay).
        const side = spec.quay.waterSide;
        mid = spec.quay.edge;
        quayOffset = (k) => 20 + 45 * ((k * 0.618034) % 1);
        waterOf = (_p, c) => c - 90 * side;
        quaySource = spec.quay.source;
      } else mid = stripMidline(polygon[0]!);
      const term = byId.get(terminal);
      const termPoly = term?.geometry.type === "Polygon" ? term.geometry.coordinates : null;
      // Water is the side away from the terminal polygon.
      waterOf = (p, c) => {
        if (termPoly === null) return c + 90;
        const l = offsetM(p[0], p[1], c - 90, 100);
        const r = offsetM(p[0], p[1], c + 90, 100);
        return distancePointToPolygonM(l, termPoly) > distancePointToPolygonM(r, termPoly) ? c - 90 : c + 90;
      };
    }
    const lengthM = lineLengthM(mid);
    const n = Math.max(1, spec.minSlots ?? 1, Math.floor(lengthM / spec.slotLengthM)) * slotFactor;
    const info: BerthInfo = {
      id: spec.id,
      terminal,
      label,
      kinds: spec.kinds,
      harbour: spec.harbour,
      slots: [],
      polygon,
      quaySource,
    };
    for (let k = 0; k < n; k++) {
      const along = alongLine(mid, (lengthM * (k + 0.5)) / n);
      const course = along.course;
      const water = waterOf(along.p, course);
      const p = offsetM(along.p[0], along.p[1], water, quayOffset(k));
      info.slots.push({
        berth: info,
        index: k,
        pos: p,
        approach: offsetM(p[0], p[1], water, 90),
        headingDeg: Math.round(course) % 360,
        busy: [],
      });
    }
    return info;
  });
  const anchorages: AnchorageInfo[] = routes.anchorages.map((a) => {
    if (a.polygon !== undefined) {
      const polygon: PolygonCoords = [a.polygon];
      demoFeatures.push({
        type: "Feature",
        properties: {
          id: a.id,
          kind: "anchorage",
          name_en: a.name ?? a.id,
          port,
          confidence: "C",
          source: "sisterports demo world (hand-placed, approximate)",
          registry: false,
        },
        geometry: { type: "Polygon", coordinates: polygon },
      });
      return { id: a.id, weight: a.weight, polygon };
    }
    const f = byId.get(a.id);
    if (f === undefined || f.geometry.type !== "Polygon")
      throw new Error(`${port}: anchorage ${a.id} not found`);
    return { id: a.id, weight: a.weight, polygon: f.geometry.coordinates };
  });
  if (!entry.features.some((f) => f.kind === "pilot_boarding")) {
    // No published pilot boarding area (Nagoya): publish the demo's boarding place as a 1 km circle.
    const c = node(routes.pilotIn);
    const ring: LonLat[] = [];
    for (let k = 0; k <= 24; k++) ring.push(offsetM(c[0], c[1], (k % 24) * 15, 1000));
    demoFeatures.push({
      type: "Feature",
      properties: {
        id: `${port.toLowerCase()}-demo-pilot-boarding`,
        kind: "pilot_boarding",
        name_en: "Pilot boarding place (demo, our choice)",
        port,
        confidence: "C",
        source: "sisterports demo world (hand-placed, approximate)",
        registry: false,
      },
      geometry: { type: "Polygon", coordinates: [ring] },
    });
  }
  const area = entry.features.find((f) => f.kind === "port_area");
  const portArea = area?.geometry.type === "Polygon" ? area.geometry.coordinates : null;
  const zones: CircleZone[] =
    routes.vsr === null
      ? []
      : routes.vsr.radiiNm.map((r) => ({ centre: routes.vsr!.centre, radiusM: r * 1852, key: `${r}nm` }));
  return { port, routes, entry, node, berths, anchorages, portArea, zones, demoFeatures };
}

/**
 * Which berths' moored positions come from a published quay edge independent of data/ports (the
 * polygons detection reads) and which are still placed on the detection strip itself.
 */
function independenceNotes(model: PortModel): string[] {
  const own = model.berths.filter((b) => b.quaySource !== null);
  const coupled = model.berths.filter((b) => b.quaySource === null && model.entry.byId.has(b.id));
  const notes = own.map((b) => `Ships at ${b.id} moor 20-65 m off a published quay edge: ${b.quaySource}.`);
  if (coupled.length > 0)
    notes.push(
      `Coupled to detection (no independent quay edge found): ships at ${coupled.map((b) => b.id).join(", ")} moor on the midline of the registry berth strip, so their ground truth shares that polygon with detection.`,
    );
  return notes;
}

function randomPointIn(rng: Rng, polygon: PolygonCoords): LonLat {
  const ring = polygon[0]!;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const [x, y] of ring) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  for (let k = 0; k < 1000; k++) {
    const p: LonLat = [rng.uniform(x0, x1), rng.uniform(y0, y1)];
    // Keep 300 m off the edges so the swing circle stays inside.
    if (pointInPolygon(p, polygon) && distancePointToPolygonM(p, polygon) > 300) return p;
  }
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

// Calls ----------------------------------------------------------------------------------------

/** Berth stay hours by type (brief: container 1–3 days, tanker 1–2, bulk 2–4, car carrier 0.5–1, cruise 8–12 h). */
const STAY_H: Record<string, [number, number]> = {
  container: [24, 72],
  tanker: [24, 48],
  bulk: [48, 96],
  car_carrier: [12, 24],
  cruise: [8, 12],
};

/** Days between two calls of one ship at the same port (liner rotation or tramp return). */
const RETURN_DAYS: Record<string, number> = {
  container: 42,
  tanker: 30,
  bulk: 60,
  car_carrier: 30,
  cruise: 7,
};

interface PlannedCall {
  truth: DemoCallTruth;
  vessel: DemoVessel;
  legs: Leg[];
  gaps: [number, number][];
  /** Times at which type 5 destination/ETA switch to outbound. */
  departS: number;
  etaInS: number;
  nextPort: string;
  startS: number;
  endS: number;
  /** Berth events for tugs and pilots. */
  berthEvents: { t: number; approach: LonLat; slot: Slot; big: boolean }[];
  pilotEvents: number[];
}

function classSpeedKn(rng: Rng, cls: LegClass, seaKn: number): number {
  switch (cls) {
    case "sea":
    case "lane":
      return seaKn;
    case "route12":
      return rng.uniform(10.5, 11.8);
    case "bay":
      return rng.uniform(12, 14);
    case "approach":
      return rng.uniform(9, 11);
    case "pilot":
      return rng.uniform(6, 8);
    case "harbour":
      return rng.uniform(4, 6);
    case "manoeuvre":
      return rng.uniform(2, 4);
    case "berthing":
      return rng.uniform(0.8, 1.5);
  }
}

function slotFreeAt(slot: Slot, from: number, to: number): boolean {
  return slot.busy.every((b) => b.to <= from || b.from >= to);
}

/** Earliest time ≥ t at which the slot is free for `durS`. */
function slotEarliest(slot: Slot, t: number, durS: number): number {
  let cand = t;
  for (let guard = 0; guard < 1000; guard++) {
    const clash = slot.busy.find((b) => !(b.to <= cand || b.from >= cand + durS));
    if (clash === undefined) return cand;
    cand = clash.to;
  }
  return cand;
}

/** Nodes between two berths' harbour paths (back along the first, forward along the second). */
function shiftPath(a: RouteStep[], b: RouteStep[]): RouteStep[] {
  let common = 0;
  while (common < a.length && common < b.length && a[common]!.node === b[common]!.node) common++;
  const back = a.slice(Math.max(0, common - 1)).reverse();
  const fwd = b.slice(common);
  return [...back.map((s) => ({ node: s.node, leg: "manoeuvre" as LegClass })), ...fwd];
}

interface CallPlanInput {
  model: PortModel;
  rng: Rng;
  vessel: DemoVessel;
  callId: string;
  seaStartS: number;
  windowFrom: number;
  windowTo: number;
}

function planCall(inp: CallPlanInput): PlannedCall | null {
  const { model, rng, vessel } = inp;
  const routes = model.routes;
  const node = model.node;
  const approach = pickWeighted(rng, routes.approaches);
  const seaKn = Math.max(14, Math.min(20, vessel.serviceSpeedKn * rng.uniform(0.78, 0.95)));
  const compliant = model.zones.length === 0 ? true : rng.chance(0.85);
  // Compliant ships keep a margin under 12 kn (as VSR participants do), so reported SOG stays ≤ 12.
  const vsrKn = compliant ? rng.uniform(10, 11.5) : rng.uniform(13, 16);
  const hardCases: DemoHardCase[] = [];
  if (!compliant) hardCases.push("vsr_non_compliant");

  // Berth choice: a slot of a berth that takes this type, preferring one free soonest.
  const berths = model.berths.filter((b) => b.kinds.includes(vessel.shipType));
  if (berths.length === 0) return null;
  const [stayLo, stayHi] = STAY_H[vessel.shipType] ?? [24, 48];
  const stayS = rng.uniform(stayLo, stayHi) * H;

  const sp = (cls: LegClass) => classSpeedKn(rng, cls, seaKn);
  const b = new TrackBuilder(inp.seaStartS, node(approach.inbound[0]!.node));
  const moveSteps = (steps: RouteStep[], skipFirst: boolean) => {
    for (let i = skipFirst ? 1 : 0; i < steps.length; i++) {
      const st = steps[i]!;
      b.moveTo(node(st.node), sp(st.leg), 0, model.zones, vsrKn);
    }
  };
  moveSteps(approach.inbound, true);
  const prePilotS = b.t;
  const prePilotPos = b.pos;

  // Time from the pre-pilot node to a berth, to know when the ship would arrive without waiting.
  const pilotPos = node(routes.pilotIn);
  const gatePos = node(routes.gate);
  const roughToBerthS =
    haversineM(prePilotPos[0], prePilotPos[1], pilotPos[0], pilotPos[1]) / (10 * 0.5144) +
    haversineM(pilotPos[0], pilotPos[1], gatePos[0], gatePos[1]) / (7 * 0.5144) +
    50 * 60;
  const etaDirect = prePilotS + roughToBerthS;
  let best: { slot: Slot; t: number } | null = null;
  for (const berth of berths)
    for (const slot of berth.slots) {
      const t = slotEarliest(slot, etaDirect, stayS + 2 * H);
      if (best === null || t < best.t - 60 || (Math.abs(t - best.t) <= 60 && rng.chance(0.3)))
        best = { slot, t };
    }
  if (best === null) return null;
  let slot = best.slot;
  let waitS = best.t - etaDirect;
  if (waitS > 0) hardCases.push("berth_busy_anchorage_wait");
  // Some ships anchor with a free berth (waiting for a window, cargo, bunkers, daylight).
  if (waitS <= 0 && vessel.shipType !== "cruise" && rng.chance(0.15)) waitS = rng.uniform(3, 20) * H;
  const anchorTwice = waitS > 0 && rng.chance(0.12);
  let gapKind: "ais_gap_at_anchor" | "ais_gap_on_approach" | null = null;
  if (rng.chance(0.08)) gapKind = waitS > 0 ? "ais_gap_at_anchor" : "ais_gap_on_approach";
  const gapS = rng.uniform(2, 6) * H;
  if (gapKind === "ais_gap_at_anchor" && waitS < gapS + 2 * H) waitS = gapS + 2 * H;
  if (waitS > 0) {
    // Re-check the slot over the shifted stay: waiting longer must not collide.
    const t = slotEarliest(slot, etaDirect + waitS, stayS + 2 * H);
    waitS = t - etaDirect;
  }

  const anchorages: DemoCallTruth["anchorages"] = [];
  const gaps: [number, number][] = [];
  if (gapKind === "ais_gap_on_approach") {
    // Silent from shortly after the start until well before the pilot (2–6 h, less if the approach is shorter).
    const g0 = inp.seaStartS + 10 * 60;
    const g1 = Math.min(g0 + gapS, prePilotS - 20 * 60);
    if (g1 - g0 >= 2 * H) {
      gaps.push([g0, g1]);
      hardCases.push(gapKind);
    } else gapKind = null;
  }
  if (waitS > 0) {
    const spots: { id: string; p: LonLat }[] = [];
    const a1 = pickWeighted(rng, model.anchorages);
    spots.push({ id: a1.id, p: randomPointIn(rng, a1.polygon) });
    if (anchorTwice) {
      const a2 = model.anchorages.length > 1 && rng.chance(0.5) ? pickWeighted(rng, model.anchorages) : a1;
      let p2 = randomPointIn(rng, a2.polygon);
      for (let k = 0; k < 20 && haversineM(p2[0], p2[1], spots[0]!.p[0], spots[0]!.p[1]) < 800; k++)
        p2 = randomPointIn(rng, a2.polygon);
      spots.push({ id: a2.id, p: p2 });
      hardCases.push("anchored_twice");
    }
    const share = spots.length === 2 ? rng.uniform(0.3, 0.6) : 1;
    for (let k = 0; k < spots.length; k++) {
      const spot = spots[k]!;
      b.moveTo(spot.p, k === 0 ? sp("approach") : rng.uniform(5, 7), 0, model.zones, vsrKn);
      // Slow down onto the spot (last few hundred metres at 2-3 kn is folded into the stay).
      let dur = Math.max(1800, waitS * (k === 0 ? share : 1 - share));
      if (gapKind === "ais_gap_at_anchor" && k === 0) dur = Math.max(dur, gapS + 2 * H);
      b.stay(dur, "anchor", 1, rng.uniform(0, 360), rng.uniform(60, 110));
      const from = b.legs[b.legs.length - 1]!.t0;
      anchorages.push({ anchorage: spot.id, from: isoUtc(from), to: isoUtc(b.t) });
      if (gapKind === "ais_gap_at_anchor" && k === 0) {
        const g0 = from + Math.min(H, (b.t - from - gapS) / 2);
        gaps.push([g0, g0 + gapS]);
        hardCases.push(gapKind);
      }
    }
  } else if (gapKind === "ais_gap_at_anchor") gapKind = null;

  b.moveTo(pilotPos, sp("approach"), 0, model.zones, vsrKn);
  const pilotFromS = b.t - 1;
  for (const st of routes.toGate) b.moveTo(node(st.node), sp(st.leg));
  for (const st of slot.berth.harbour) b.moveTo(node(st.node), sp(st.leg));
  b.moveTo(slot.approach, sp("manoeuvre"));
  b.moveTo(slot.pos, sp("berthing"));
  const arrS = b.t;
  const berthEvents: PlannedCall["berthEvents"] = [];
  const big = vessel.lengthM > 250;
  berthEvents.push({ t: arrS, approach: slot.approach, slot, big });

  // Shift to another berth mid-call (container, tanker, bulk only).
  const shifts: DemoCallTruth["shifts"] = [];
  const doShift = ["container", "tanker", "bulk"].includes(vessel.shipType) && rng.chance(0.06);
  let firstDepS = arrS + stayS;
  let curSlot = slot;
  if (doShift) {
    const first = stayS * rng.uniform(0.3, 0.6);
    const t1 = arrS + first;
    const candidates = berths
      .flatMap((bb) => bb.slots)
      .filter((s2) => s2.berth.id !== slot.berth.id && slotFreeAt(s2, t1, t1 + (stayS - first) + 3 * H));
    if (candidates.length > 0) {
      const s2 = rng.pick(candidates);
      b.stay(first, "berth", 5, slot.headingDeg);
      firstDepS = b.t;
      slot.busy.push({ from: arrS - 1800, to: firstDepS + 1800 });
      berthEvents.push({ t: firstDepS, approach: slot.approach, slot, big });
      b.moveTo(slot.approach, sp("berthing"));
      for (const st of shiftPath(slot.berth.harbour, s2.berth.harbour)) b.moveTo(node(st.node), sp(st.leg));
      b.moveTo(s2.approach, sp("manoeuvre"));
      b.moveTo(s2.pos, sp("berthing"));
      const a2 = b.t;
      berthEvents.push({ t: a2, approach: s2.approach, slot: s2, big });
      b.stay(stayS - first, "berth", 5, s2.headingDeg);
      s2.busy.push({ from: a2 - 1800, to: b.t + 1800 });
      shifts.push({
        berth: s2.berth.id,
        terminal: s2.berth.terminal,
        arrivalAt: isoUtc(a2),
        departureAt: isoUtc(b.t),
      });
      hardCases.push("berth_shift");
      curSlot = s2;
    }
  }
  if (shifts.length === 0) {
    b.stay(stayS, "berth", 5, slot.headingDeg);
    firstDepS = b.t;
    slot.busy.push({ from: arrS - 1800, to: firstDepS + 1800 });
  }
  const depS = b.t;
  berthEvents.push({ t: depS, approach: curSlot.approach, slot: curSlot, big });
  slot = curSlot;
  b.moveTo(slot.approach, sp("berthing"));
  const back = [...slot.berth.harbour].reverse();
  b.moveTo(node(back[0]!.node), sp("manoeuvre"));
  for (let i = 1; i < back.length; i++) b.moveTo(node(back[i]!.node), sp(back[i - 1]!.leg));
  b.moveTo(gatePos, sp("harbour"));
  b.moveTo(node(routes.pilotOut), sp("pilot"));
  const pilotOffS = b.t;
  for (const st of approach.outbound) b.moveTo(node(st.node), sp(st.leg), 0, model.zones, vsrKn);
  const endS = b.t;

  if (endS <= inp.windowFrom || inp.seaStartS >= inp.windowTo) return null;
  if (inp.seaStartS < inp.windowFrom) hardCases.push("starts_before_window");
  if (endS > inp.windowTo) hardCases.push("ends_after_window");

  const area = model.portArea === null ? null : polygonEntryExit(b.legs, model.portArea);
  const c40 = b.crossingTime("40nm");
  const c20 = b.crossingTime("20nm");
  // Read after the whole track is built: slowing down for the next leg moves a waypoint's time.
  const pilotBoardingS = b.timeAt(pilotPos, pilotFromS - 3600) ?? pilotFromS;
  const truth: DemoCallTruth = {
    callId: inp.callId,
    mmsi: vessel.mmsi,
    imo: vessel.imo,
    name: vessel.name,
    shipType: vessel.shipType,
    port: model.port,
    terminal: best.slot.berth.terminal,
    berth: best.slot.berth.id,
    berthLabel: best.slot.berth.label,
    ...(c40 !== undefined ? { crossed40nmAt: isoUtc(c40) } : {}),
    ...(c20 !== undefined ? { crossed20nmAt: isoUtc(c20) } : {}),
    ...(model.zones.length > 0 ? { vsrCompliant: compliant } : {}),
    enteredPortAreaAt: area === null ? null : isoUtc(area.enter),
    anchorages,
    pilotBoardingAt: isoUtc(pilotBoardingS),
    berthArrivalAt: isoUtc(arrS),
    berthDepartureAt: isoUtc(firstDepS),
    shifts,
    pilotDisembarkAt: isoUtc(pilotOffS),
    leftPortAreaAt: area === null ? null : isoUtc(area.exit),
    aisGaps: gaps.map(([g0, g1]) => ({ from: isoUtc(g0), to: isoUtc(g1) })),
    hardCases,
    observed: {
      arrival: arrS >= inp.windowFrom + H && arrS < inp.windowTo,
      departure: firstDepS >= inp.windowFrom && firstDepS < inp.windowTo - H,
    },
    trackFrom: isoUtc(Math.max(inp.seaStartS, inp.windowFrom)),
    trackTo: isoUtc(Math.min(endS, inp.windowTo)),
  };
  return {
    truth,
    vessel,
    legs: b.legs,
    gaps,
    departS: depS,
    etaInS: arrS,
    nextPort: rng.pick(routes.nextPorts),
    startS: inp.seaStartS,
    endS,
    berthEvents,
    pilotEvents: [pilotBoardingS, pilotOffS],
  };
}

function pickWeighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  let total = 0;
  for (const it of items) total += it.weight;
  let r = rng.next() * total;
  for (const it of items) {
    r -= it.weight;
    if (r < 0) return it;
  }
  return items[items.length - 1]!;
}

// Harbour craft ---------------------------------------------------------------------------------

interface CraftPlan {
  vessel: DemoVessel;
  legs: Leg[];
  trips: number;
}

/** Nodes of a berth's harbour path from the one nearest `from` to its end. */
function pathFromNearest(model: PortModel, from: LonLat, steps: RouteStep[]): LonLat[] {
  let bestI = 0;
  let bestD = Number.POSITIVE_INFINITY;
  steps.forEach((st, i) => {
    const p = model.node(st.node);
    const d = haversineM(from[0], from[1], p[0], p[1]);
    if (d < bestD) {
      bestD = d;
      bestI = i;
    }
  });
  return steps.slice(bestI).map((st) => model.node(st.node));
}

function planTugs(
  model: PortModel,
  rng: Rng,
  tugs: DemoVessel[],
  events: { t: number; approach: LonLat; slot: Slot; big: boolean }[],
  w0: number,
  w1: number,
): CraftPlan[] {
  const base = model.routes.tugBase;
  const jobs = events.filter((e) => e.t > w0 - 2 * H && e.t < w1 + H).sort((a, b) => a.t - b.t);
  const plans = tugs.map((v) => ({
    vessel: v,
    jobs: [] as { start: number; path: LonLat[]; workS: number }[],
    free: w0 - 3 * H,
  }));
  for (const job of jobs) {
    const path = [...pathFromNearest(model, base, job.slot.berth.harbour), job.approach];
    let dist = 0;
    let prev = base;
    for (const p of path) {
      dist += haversineM(prev[0], prev[1], p[0], p[1]);
      prev = p;
    }
    const travelS = dist / (9 * 0.5144);
    const start = job.t - 25 * 60 - travelS;
    const need = job.big ? 2 : 1;
    const free = plans.filter((p) => p.free < start - 10 * 60);
    for (let k = 0; k < need && k < free.length; k++) {
      const p = free[k]!;
      const workS = rng.uniform(35, 55) * 60;
      p.jobs.push({ start, path, workS });
      p.free = start + 2 * travelS + workS + 10 * 60;
    }
    // Rotate so the work spreads across tugs.
    plans.push(plans.shift()!);
  }
  return plans.map((p) => {
    const b = new TrackBuilder(w0 - 3 * H, base);
    let trips = 0;
    for (const job of p.jobs) {
      if (job.start < b.t) continue;
      b.stay(job.start - b.t, "base", 5, 90);
      for (const q of job.path) b.moveTo(q, rng.uniform(8, 10));
      // Assist: push and pull around the berth approach at 1-3 kn.
      b.work(job.workS, rng.uniform(40, 90), rng.uniform(1, 2.5), rng.uniform(0, 360));
      for (const q of [...job.path].reverse().slice(1)) b.moveTo(q, rng.uniform(8, 10));
      b.moveTo(base, rng.uniform(6, 8));
      trips++;
    }
    if (b.t < w1 + H) b.stay(w1 + H - b.t, "base", 5, 90);
    return { vessel: p.vessel, legs: b.legs, trips };
  });
}

function planPilots(
  model: PortModel,
  rng: Rng,
  boats: DemoVessel[],
  times: number[],
  w0: number,
  w1: number,
): CraftPlan[] {
  const base = model.routes.pilotBase;
  const path = [...model.routes.pilotPath.map(model.node), model.node(model.routes.pilotIn)];
  let dist = 0;
  let prev = base;
  for (const p of path) {
    dist += haversineM(prev[0], prev[1], p[0], p[1]);
    prev = p;
  }
  const travelS = dist / (14 * 0.5144);
  const plans = boats.map((v) => ({ vessel: v, starts: [] as number[], free: w0 - 3 * H }));
  for (const t of times.filter((x) => x > w0 - 2 * H && x < w1 + H).sort((a, b) => a - b)) {
    const start = t - 8 * 60 - travelS;
    const p = plans.find((pp) => pp.free < start - 5 * 60);
    if (p === undefined) continue;
    p.starts.push(start);
    p.free = start + 2 * travelS + 20 * 60;
    plans.push(plans.splice(plans.indexOf(p), 1)[0]!);
  }
  return plans.map((p) => {
    const b = new TrackBuilder(w0 - 3 * H, base);
    let trips = 0;
    for (const start of p.starts.sort((x, y) => x - y)) {
      if (start < b.t) continue;
      b.stay(start - b.t, "base", 5, 0);
      for (const q of path) b.moveTo(q, rng.uniform(12, 16));
      // Alongside the ship for the transfer: a few minutes at the ship's speed.
      const a = path[path.length - 1]!;
      b.moveTo(offsetM(a[0], a[1], rng.uniform(0, 360), 600), rng.uniform(6, 8));
      for (const q of [...path].reverse()) b.moveTo(q, rng.uniform(12, 16));
      b.moveTo(base, rng.uniform(5, 7));
      trips++;
    }
    if (b.t < w1 + H) b.stay(w1 + H - b.t, "base", 5, 0);
    return { vessel: p.vessel, legs: b.legs, trips };
  });
}

/** Class B pleasure and fishing trips: silent at the marina, on only around their trips. */
function planLeisure(
  model: PortModel,
  rng: Rng,
  v: DemoVessel,
  w0: number,
  w1: number,
): CraftPlan & { gaps: [number, number][] } {
  const r = model.routes;
  const marina = r.marina;
  const b = new TrackBuilder(w0, marina);
  const gaps: [number, number][] = [];
  let trips = 0;
  const firstDay = Math.floor((w0 + r.utcOffsetH * H) / SECONDS_PER_DAY);
  const lastDay = Math.floor((w1 + r.utcOffsetH * H) / SECONDS_PER_DAY);
  for (let d = firstDay; d <= lastDay; d++) {
    const fishing = v.shipType === "fishing";
    if (!rng.chance(fishing ? 0.6 : 0.35)) continue;
    const localStart = fishing ? rng.uniform(4, 6.5) : rng.uniform(9, 14);
    const start = d * SECONDS_PER_DAY - r.utcOffsetH * H + localStart * H;
    if (start - H < b.t || start > w1) continue;
    // Silent until an hour before leaving (AIS switched on at the marina).
    gaps.push([b.t, start - H]);
    b.stay(start - b.t, "base", 0, 0);
    if (fishing) {
      for (const n of r.fishingExit) b.moveTo(model.node(n), rng.uniform(6, 8));
      const g = rng.pick(r.fishingGrounds);
      b.moveTo(g, rng.uniform(7, 9));
      b.work(rng.uniform(3, 6) * H, rng.uniform(600, 1500), rng.uniform(2.5, 3.5), rng.uniform(0, 360));
      for (const n of [...r.fishingExit].reverse()) b.moveTo(model.node(n), rng.uniform(6, 8));
    } else {
      const n = rng.int(2, 3);
      for (let k = 0; k < n; k++) b.moveTo(model.node(rng.pick(r.leisureNodes)), rng.uniform(5, 12));
    }
    b.moveTo(marina, rng.uniform(4, 6));
    b.stay(H, "base", 0, 0);
    trips++;
  }
  gaps.push([b.t, w1 + SECONDS_PER_DAY]);
  b.stay(w1 + H - b.t, "base", 0, 0);
  return { vessel: v, legs: b.legs, trips, gaps };
}

// Emission ------------------------------------------------------------------------------------

interface Timeline {
  vessel: DemoVessel;
  port: DemoPort;
  legs: Leg[];
  gaps: [number, number][];
  /** Voyage data per call for type 5: [from, to, destination, eta, draught]. */
  voyages: { from: number; to: number; dest: string; eta: number; draughtM: number }[];
}

const RX_ECHO_SHARE = 0.02;
const LOSS_SHARE = 0.02;

function nearestReceiver(routes: PortRoutes, x: number, y: number): { main: string; other: string } {
  const rx = routes.receivers;
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  rx.forEach((r, i) => {
    const d = (r.at[0] - x) ** 2 + (r.at[1] - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return { main: rx[best]!.name, other: rx[(best + 1) % rx.length]!.name };
}

/** Reported SOG: GNSS noise σ 0.1 kn clipped at ±0.3 kn, 0.1 kn resolution. */
function sogWithNoise(rng: Rng, speedKn: number): number {
  const e = Math.max(-0.3, Math.min(0.3, rng.normal() * 0.1));
  return Math.max(0, Math.round((speedKn + e) * 10) / 10);
}

function reportIntervalS(v: DemoVessel, leg: Leg, scale: number): number {
  const still = leg.stay !== null && leg.stay !== "work";
  if (v.transceiverClass === "B") return (still || leg.speedKn <= 2 ? 180 : 30) * scale;
  if (still) return 180 * scale;
  return (leg.speedKn > 23 ? 2 : leg.speedKn >= 14 ? 6 : 10) * scale;
}

function* timelineMessages(
  tl: Timeline,
  seed: number,
  w0: number,
  w1: number,
  scale: number,
): Generator<DemoMessage> {
  const v = tl.vessel;
  const rng = new Rng(seed, `emit:${v.mmsi}`);
  const routes = DEMO_ROUTES[tl.port];
  const classA = v.transceiverClass === "A";
  let gi = 0;
  let nextStatic = Number.NEGATIVE_INFINITY;
  const anchorPhase = rng.uniform(0, 2 * Math.PI);
  let t = w0 + rng.uniform(0, 10);
  for (const leg of tl.legs) {
    if (leg.t1 <= w0) continue;
    if (leg.t0 >= w1) break;
    const interval = reportIntervalS(v, leg, scale);
    if (t < leg.t0) t = leg.t0 + rng.uniform(0, Math.min(interval, leg.t1 - leg.t0));
    while (t < leg.t1 && t < w1) {
      const ts = Math.floor(t);
      while (gi < tl.gaps.length && tl.gaps[gi]![1] <= ts) gi++;
      const g = tl.gaps[gi];
      const silent = g !== undefined && g[0] <= ts && ts < g[1];
      if (ts >= w0 && !silent) {
        // Position (and its static data when due).
        let x: number;
        let y: number;
        let sog: number;
        let cog: number;
        let hdg: number;
        if (leg.stay === "anchor") {
          // Swinging on the anchor: tide (12.42 h) and wind (shorter) turn the ship round.
          const theta =
            leg.headingDeg +
            70 * Math.sin((2 * Math.PI * ts) / 44712 + anchorPhase) +
            20 * Math.sin((2 * Math.PI * ts) / 5400);
          [x, y] = offsetM(leg.ax, leg.ay, theta, leg.radiusM);
          [x, y] = offsetM(x, y, rng.uniform(0, 360), Math.abs(rng.normal()) * 3);
          sog = Math.round(rng.uniform(0, 0.4) * 10) / 10;
          cog = Math.round(rng.uniform(0, 359.9) * 10) / 10;
          hdg = Math.round((theta + 180 + 360 * 4) % 360);
        } else if (leg.stay === "work") {
          // Circling: clockwise from the start bearing, whole turns.
          const periodS = (2 * Math.PI * leg.radiusM) / (leg.speedKn * KNOT_MS);
          const angle = leg.headingDeg + (360 * (t - leg.t0)) / periodS;
          [x, y] = offsetM(leg.ax, leg.ay, angle, leg.radiusM);
          [x, y] = offsetM(x, y, rng.uniform(0, 360), Math.abs(rng.normal()) * 2.5);
          sog = sogWithNoise(rng, leg.speedKn);
          cog = Math.round((((angle + 90) % 360) + 360) % 360) % 360;
          hdg = Math.round((cog + rng.normal() * 3 + 360) % 360) % 360;
        } else if (leg.stay !== null) {
          // Moored: a metre or two of GPS noise and a slow surge along the berth.
          const surge = 1.5 * Math.sin((2 * Math.PI * ts) / 7200 + anchorPhase);
          [x, y] = offsetM(leg.ax, leg.ay, leg.headingDeg, surge);
          [x, y] = offsetM(x, y, rng.uniform(0, 360), Math.abs(rng.normal()) * 1.5);
          sog = rng.chance(0.8) ? 0 : 0.1;
          cog = Math.round(rng.uniform(0, 359.9) * 10) / 10;
          hdg = Math.round((leg.headingDeg + rng.normal() * 0.4 + 360) % 360);
        } else {
          [x, y] = legPosition(leg, t);
          [x, y] = offsetM(x, y, rng.uniform(0, 360), Math.abs(rng.normal()) * 2.5);
          sog = sogWithNoise(rng, leg.speedKn);
          cog = (Math.round(((leg.courseDeg + rng.normal() * 0.6 + 360) % 360) * 10) / 10) % 360;
          hdg = Math.round((leg.courseDeg + rng.normal() * 1.5 + 360) % 360) % 360;
        }
        const rx = nearestReceiver(routes, x, y);
        if (ts >= nextStatic) {
          nextStatic = ts + 360;
          for (const m of staticMessages(tl, ts, rx.main)) yield m;
        }
        if (!rng.chance(LOSS_SHARE)) {
          const payload: AisPayload = classA
            ? ({
                msgType: rng.chance(0.05) ? 3 : 1,
                repeat: 0,
                mmsi: v.mmsi,
                navStatus: leg.navStatus,
                rotDegPerMin: 0,
                sogKnots: sog,
                positionAccuracy: 1,
                lonDeg: x,
                latDeg: y,
                cogDeg: cog,
                headingDeg: hdg,
                utcSecond: ts % 60,
                maneuver: null,
                raim: 0,
                radio: 0,
              } satisfies AisPositionReportA)
            : ({
                msgType: 18,
                repeat: 0,
                mmsi: v.mmsi,
                sogKnots: sog,
                positionAccuracy: 0,
                lonDeg: x,
                latDeg: y,
                cogDeg: cog,
                headingDeg: null,
                utcSecond: ts % 60,
                csUnit: 1,
                display: 0,
                dsc: 1,
                band: 1,
                msg22: 1,
                assigned: 0,
                raim: 0,
                radio: 0,
              } satisfies AisPositionReportB);
          yield { timeS: ts, port: tl.port, source: rx.main, payload };
          if (rng.chance(RX_ECHO_SHARE))
            yield { timeS: ts, port: tl.port, source: rx.other, payload, echo: true };
        }
      }
      t += interval;
    }
  }
}

/** The port's base station: type 4 (UTC date and time, position) every 10 s × intervalScale. */
function* baseStationMessages(port: DemoPort, w0: number, w1: number, scale: number): Generator<DemoMessage> {
  const r = DEMO_ROUTES[port];
  const step = Math.max(1, Math.round(10 * scale));
  for (let t = w0; t < w1; t += step) {
    const d = new Date(t * 1000);
    const payload: AisBaseStationReport = {
      msgType: 4,
      repeat: 0,
      mmsi: r.baseStation.mmsi,
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      positionAccuracy: 1,
      lonDeg: r.baseStation.at[0],
      latDeg: r.baseStation.at[1],
      epfd: 7,
      raim: 0,
      radio: 0,
    };
    yield { timeS: t, port, source: r.receivers[0]!.name, payload };
  }
}

function staticMessages(tl: Timeline, ts: number, source: string): DemoMessage[] {
  const v = tl.vessel;
  if (v.transceiverClass === "B") {
    const a: AisStaticDataA = { msgType: 24, repeat: 0, mmsi: v.mmsi, partNo: 0, shipname: v.name };
    const b: AisStaticDataB = {
      msgType: 24,
      repeat: 0,
      mmsi: v.mmsi,
      partNo: 1,
      shipType: v.aisShipType,
      vendorId: "SRT",
      model: 1,
      serial: v.mmsi % 1_000_000,
      callsign: v.callsign,
      toBowM: v.toBowM,
      toSternM: v.toSternM,
      toPortM: v.toPortM,
      toStarboardM: v.toStarboardM,
      mothershipMmsi: null,
    };
    return [
      { timeS: ts, port: tl.port, source, payload: a },
      { timeS: ts, port: tl.port, source, payload: b },
    ];
  }
  const voy = tl.voyages.find((w) => ts >= w.from && ts < w.to);
  const eta = voy === undefined ? null : new Date(voy.eta * 1000);
  const m: AisStaticVoyage = {
    msgType: 5,
    repeat: 0,
    mmsi: v.mmsi,
    aisVersion: 2,
    imo: v.imo,
    callsign: v.callsign,
    shipname: v.name,
    shipType: v.aisShipType,
    toBowM: v.toBowM,
    toSternM: v.toSternM,
    toPortM: v.toPortM,
    toStarboardM: v.toStarboardM,
    epfd: 1,
    etaMonth: eta === null ? null : eta.getUTCMonth() + 1,
    etaDay: eta === null ? null : eta.getUTCDate(),
    etaHour: eta === null ? null : eta.getUTCHours(),
    etaMinute: eta === null ? null : eta.getUTCMinutes(),
    draughtM: voy === undefined ? v.draughtM : voy.draughtM,
    destination: voy === undefined ? null : voy.dest,
    dte: 0,
  };
  return [{ timeS: ts, port: tl.port, source, payload: m }];
}

// The world -------------------------------------------------------------------------------------

/**
 * Builds the demo world. Calls, truth and vessel particulars are computed at once (small: a few
 * hundred bytes per call); messages are generated lazily on each `messages()` pass.
 *
 * Example: `generateDemoWorld({ seed: 1, start: new Date("2026-11-01T00:00:00Z"), days: 2, scale: 1,
 * ports: ["USLAX", "JPNGO"] }, loadPortRegistry())` gives 175 vessels, 65 calls at Los Angeles
 * and 47 at Nagoya that touch the window (31 and 20 berth arrivals inside it; stays last days),
 * and 472,206 messages.
 */
export function generateDemoWorld(options: DemoWorldOptions, registry: PortRegistry): DemoWorld {
  const opts: Required<DemoWorldOptions> = {
    intervalScale: 1,
    noise: 0,
    ...options,
  };
  const w0 = Math.floor(opts.start.getTime() / 1000);
  const w1 = w0 + Math.round(opts.days * SECONDS_PER_DAY);
  const spinupS = 5 * SECONDS_PER_DAY;
  const fleetRng = new Rng(opts.seed, "fleet");
  const maker = new FleetMaker(fleetRng);
  const timelines: Timeline[] = [];
  const truths: DemoPortTruth[] = [];
  const vessels: (DemoVessel & { port: DemoPort })[] = [];

  for (const port of opts.ports) {
    const model = buildPortModel(port, registry, opts.scale);
    const rng = new Rng(opts.seed, `calls:${port}`);
    // Arrivals (sea start) per type: Poisson process over the spin-up and the window.
    const arrivals: { t: number; type: DemoShipType }[] = [];
    for (const type of CALLING_TYPES) {
      const perDay = (model.routes.callsPerDay[type] ?? 0) * opts.scale;
      if (perDay <= 0) continue;
      let t = w0 - spinupS;
      for (;;) {
        t += rng.exponential(SECONDS_PER_DAY / perDay);
        if (t >= w1) break;
        arrivals.push({ t: Math.floor(t), type });
      }
    }
    arrivals.sort((a, b) => a.t - b.t || a.type.localeCompare(b.type));
    const pools = new Map<DemoShipType, { v: DemoVessel; free: number }[]>();
    const planned: PlannedCall[] = [];
    let n = 0;
    for (const arr of arrivals) {
      const pool = pools.get(arr.type) ?? [];
      pools.set(arr.type, pool);
      let entry = pool.find((p) => p.free <= arr.t);
      if (entry === undefined) {
        entry = { v: maker.make(arr.type, null), free: 0 };
        pool.push(entry);
      }
      const callId = `${port}-${String(++n).padStart(5, "0")}`;
      const call = planCall({
        model,
        rng: new Rng(opts.seed, `call:${callId}`),
        vessel: entry.v,
        callId,
        seaStartS: arr.t,
        windowFrom: w0,
        windowTo: w1,
      });
      if (call === null) continue;
      entry.free = call.endS + (RETURN_DAYS[arr.type] ?? 30) * SECONDS_PER_DAY * rng.uniform(0.8, 1.2);
      // Move the used vessel to the back so the pool rotates.
      pool.push(pool.splice(pool.indexOf(entry), 1)[0]!);
      planned.push(call);
    }

    // One timeline per ship: its calls' legs in time order.
    const byVessel = new Map<number, PlannedCall[]>();
    for (const c of planned) {
      const list = byVessel.get(c.vessel.mmsi) ?? [];
      list.push(c);
      byVessel.set(c.vessel.mmsi, list);
    }
    for (const list of byVessel.values()) {
      const v = list[0]!.vessel;
      list.sort((a, b) => a.startS - b.startS);
      timelines.push({
        vessel: v,
        port,
        legs: list.flatMap((c) => c.legs),
        gaps: list.flatMap((c) => c.gaps),
        voyages: list.flatMap((c) => [
          {
            from: c.startS,
            to: c.departS,
            dest: model.routes.destination,
            eta: c.etaInS,
            draughtM: v.draughtM,
          },
          {
            from: c.departS,
            to: c.endS + 1,
            dest: c.nextPort,
            eta: c.endS + rng.uniform(3, 14) * SECONDS_PER_DAY,
            draughtM: Math.round((v.draughtM + rng.uniform(-1, 1)) * 10) / 10,
          },
        ]),
      });
      vessels.push({ ...v, port });
    }

    // Harbour craft.
    const craftRng = new Rng(opts.seed, `craft:${port}`);
    const count = (k: number) => Math.max(1, Math.round(k * opts.scale));
    const tugs = Array.from({ length: count(model.routes.craft.tug) }, () => maker.make("tug", port));
    const pilots = Array.from({ length: count(model.routes.craft.pilot) }, () => maker.make("pilot", port));
    const leisure = [
      ...Array.from({ length: count(model.routes.craft.pleasure) }, () => maker.make("pleasure", port)),
      ...Array.from({ length: count(model.routes.craft.fishing) }, () => maker.make("fishing", port)),
    ];
    const craftPlans: (CraftPlan & { gaps?: [number, number][] })[] = [
      ...planTugs(
        model,
        craftRng,
        tugs,
        planned.flatMap((c) => c.berthEvents),
        w0,
        w1,
      ),
      ...planPilots(
        model,
        craftRng,
        pilots,
        planned.flatMap((c) => c.pilotEvents),
        w0,
        w1,
      ),
      ...leisure.map((v) => planLeisure(model, craftRng, v, w0, w1)),
    ];
    for (const cp of craftPlans) {
      timelines.push({ vessel: cp.vessel, port, legs: cp.legs, gaps: cp.gaps ?? [], voyages: [] });
      vessels.push({ ...cp.vessel, port });
    }

    truths.push({
      port,
      window: { from: isoUtc(w0), to: isoUtc(w1) },
      options: {
        seed: opts.seed,
        start: isoUtc(w0),
        days: opts.days,
        scale: opts.scale,
        intervalScale: opts.intervalScale,
      },
      calls: planned.map((c) => c.truth).sort((a, b) => a.callId.localeCompare(b.callId)),
      harbourCraft: craftPlans.map((cp) => ({
        mmsi: cp.vessel.mmsi,
        name: cp.vessel.name,
        shipType: cp.vessel.shipType,
        port,
        trips: cp.trips,
        mustNotBeCall: true,
      })),
      vessels: vessels.filter((v) => v.port === port).map(({ port: _p, ...v }) => v),
      demoFeatures: { type: "FeatureCollection", features: model.demoFeatures },
      notes: [
        "Times are ISO 8601 UTC. berthArrivalAt/berthDepartureAt are the first berth; later berths are in shifts.",
        "Berths and anchorages with registry: false are demo additions (approximate); their polygons are in demoFeatures.",
        "Calls flagged starts_before_window / ends_after_window are only partly inside the generated window; observed.arrival / observed.departure say which berth events can be evaluated.",
        "Pilot boarding: Los Angeles inside the LA Pilot Area (33 CFR 165.1152); Nagoya at a place of our choice off the storm-surge barrier (in demoFeatures).",
        "Report intervals per ITU-R M.1371-5 (class A 10 s / 6 s / 3 min, class B 30 s / 3 min) times intervalScale; ~2 % of reports are lost at random and ~2 % are heard by two receivers.",
        ...independenceNotes(model),
      ],
    });
  }

  timelines.sort((a, b) => a.vessel.mmsi - b.vessel.mmsi);
  const scale = opts.intervalScale;
  return {
    options: opts,
    vessels,
    truth: truths,
    messages: () => ({
      *[Symbol.iterator]() {
        const heap = new MinHeap<{ it: Iterator<DemoMessage>; m: DemoMessage }>();
        timelines.forEach((tl, i) => {
          const it = timelineMessages(tl, opts.seed, w0, w1, scale);
          const r = it.next();
          if (!r.done) heap.push(r.value.timeS, i, { it, m: r.value });
        });
        opts.ports.forEach((port, k) => {
          const it = baseStationMessages(port, w0, w1, scale);
          const r = it.next();
          if (!r.done) heap.push(r.value.timeS, timelines.length + k, { it, m: r.value });
        });
        for (;;) {
          const top = heap.pop();
          if (top === undefined) return;
          yield top.v.m;
          const r = top.v.it.next();
          if (!r.done) heap.push(r.value.timeS, top.i, { it: top.v.it, m: r.value });
        }
      },
    }),
  };
}

import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AisDecoder, type AisReject } from "../ais/index.ts";
import {
  formatMarineCadastreRow,
  MARINECADASTRE_HEADER,
  MarineCadastreParser,
  type MarineCadastreReject,
} from "../ais/marinecadastre.ts";
import { parseImoNumber } from "../core/ids.ts";
import { isoUtc } from "../core/time.ts";
import {
  distancePointToPolygonM,
  distancePointToSegmentM,
  haversineM,
  type LonLat,
  loadPortRegistry,
  type PolygonCoords,
  type PortRegistry,
  pointInPolygon,
} from "../geo/index.ts";
import { imoCheckDigit } from "./fleet.ts";
import { MinHeap } from "./heap.ts";
import { hash32, Rng } from "./prng.ts";
import { DEMO_ROUTES } from "./sea-lanes.ts";
import { circleCrossings, courseDeg, offsetM, polygonEntryExit, TrackBuilder } from "./track.ts";
import { type DemoMessage, type DemoWorld, generateDemoWorld } from "./world.ts";
import { DemoNmeaFormatter, demoCsvRow, VESSELS_CSV_HEADER, vesselsCsv } from "./writers.ts";

let registry: PortRegistry;
let world: DemoWorld;
let messages: DemoMessage[];

const START = new Date("2026-11-01T00:00:00Z");

beforeAll(() => {
  registry = loadPortRegistry();
  world = generateDemoWorld(
    { seed: 3, start: START, days: 1, scale: 0.6, ports: ["USLAX", "JPNGO"] },
    registry,
  );
  messages = [...world.messages()];
});

function nmeaHash(seed: number): string {
  const w = generateDemoWorld(
    { seed, start: START, days: 0.25, scale: 0.3, ports: ["USLAX", "JPNGO"] },
    registry,
  );
  const h = createHash("sha256");
  const fmts = new Map<string, DemoNmeaFormatter>();
  for (const m of w.messages()) {
    let f = fmts.get(m.port);
    if (f === undefined) {
      f = new DemoNmeaFormatter(seed, m.port);
      fmts.set(m.port, f);
    }
    for (const l of f.lines(m)) h.update(`${l}\n`);
  }
  h.update(JSON.stringify(w.truth));
  return h.digest("hex");
}

function quayEdge(id: string): LonLat[] | undefined {
  for (const r of Object.values(DEMO_ROUTES)) for (const b of r.berths) if (b.id === id) return b.quay?.edge;
  return undefined;
}

/** Metres from a point to a polyline (its closest segment). */
function distanceToLineM(p: LonLat, line: LonLat[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++)
    best = Math.min(best, distancePointToSegmentM(p, line[i - 1]!, line[i]!));
  return best;
}

function berthPolygon(id: string): PolygonCoords {
  for (const t of world.truth)
    for (const f of t.demoFeatures.features) if (f.properties.id === id) return f.geometry.coordinates;
  for (const p of ["USLAX", "JPNGO"]) {
    const f = registry.get(p)?.byId.get(id);
    if (f?.geometry.type === "Polygon") return f.geometry.coordinates;
  }
  throw new Error(`no berth ${id}`);
}

describe("building blocks", () => {
  it("prng is deterministic per key", () => {
    expect(hash32("a", 0)).toBe(3826002220);
    const a = new Rng(1, "x");
    const b = new Rng(1, "x");
    const c = new Rng(1, "y");
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
  });

  it("IMO check digit (doc example)", () => {
    expect(imoCheckDigit(907472)).toBe(9);
  });

  it("heap pops by time then index", () => {
    const h = new MinHeap<string>();
    h.push(5, 1, "c");
    h.push(3, 2, "b");
    h.push(3, 1, "a");
    expect([h.pop()?.v, h.pop()?.v, h.pop()?.v, h.pop()]).toEqual(["a", "b", "c", undefined]);
  });

  it("finds circle crossings (doc example: 0.6 along a radial segment)", () => {
    const centre: LonLat = [-118.293333, 33.705];
    const far: LonLat = [centre[0], centre[1] - (50 * 1852) / 111195];
    const s = circleCrossings(far, centre, centre, 20 * 1852);
    expect(s).toHaveLength(1);
    expect(s[0]).toBeCloseTo(0.6, 3);
    expect(isoUtc(0)).toBe("1970-01-01T00:00:00Z");
  });
});

describe("route geography", () => {
  it("demo berths and anchorages lie in the port area and outside every terminal", () => {
    for (const t of world.truth) {
      const entry = registry.get(t.port)!;
      const area = entry.features.find((f) => f.kind === "port_area")!;
      const terminals = entry.features.filter((f) => f.kind === "terminal");
      for (const f of t.demoFeatures.features) {
        if (f.properties.kind !== "berth") continue;
        for (const p of f.geometry.coordinates[0]!) {
          if (area.geometry.type === "Polygon")
            expect(pointInPolygon(p, area.geometry.coordinates), f.properties.id as string).toBe(true);
          for (const term of terminals)
            if (term.geometry.type === "Polygon")
              expect(pointInPolygon(p, term.geometry.coordinates), `${f.properties.id} in ${term.id}`).toBe(
                false,
              );
        }
      }
    }
  });

  it("LA pilot boarding is inside the LA pilot area; waypoints are not inside terminals", () => {
    const la = registry.get("USLAX")!;
    const pilot = la.byId.get("uslax-pilot-area-los-angeles")!;
    if (pilot.geometry.type !== "Polygon") throw new Error("pilot area");
    expect(pointInPolygon(DEMO_ROUTES.USLAX.nodes.la_pilot_in!, pilot.geometry.coordinates)).toBe(true);
    expect(pointInPolygon(DEMO_ROUTES.USLAX.nodes.la_pilot_out!, pilot.geometry.coordinates)).toBe(true);
    for (const port of ["USLAX", "JPNGO"] as const) {
      const terminals = registry.get(port)!.features.filter((f) => f.kind === "terminal");
      for (const [name, p] of Object.entries(DEMO_ROUTES[port].nodes))
        for (const term of terminals)
          if (term.geometry.type === "Polygon")
            expect(pointInPolygon(p, term.geometry.coordinates), `${name} in ${term.id}`).toBe(false);
    }
  });
});

describe("demo world", () => {
  it("is deterministic by seed", () => {
    const a = nmeaHash(11);
    expect(nmeaHash(11)).toBe(a);
    expect(nmeaHash(12)).not.toBe(a);
  });

  it("gives the doc example's figures at the default options", () => {
    const w = generateDemoWorld(
      { seed: 1, start: START, days: 2, scale: 1, ports: ["USLAX", "JPNGO"] },
      registry,
    );
    expect(w.vessels.length).toBe(175);
    expect(w.truth.map((t) => t.calls.length)).toEqual([65, 47]);
    expect(w.truth.map((t) => t.calls.filter((c) => c.observed.arrival).length)).toEqual([31, 20]);
    let n = 0;
    for (const _ of w.messages()) n++;
    expect(n).toBe(472_206);
  }, 60_000);

  it("has calls of every type at both ports, and harbour craft", () => {
    for (const t of world.truth) {
      expect(t.calls.length).toBeGreaterThan(10);
      const types = new Set(t.calls.map((c) => c.shipType));
      expect(types.has("container")).toBe(true);
      const craft = new Set(t.harbourCraft.map((c) => c.shipType));
      for (const k of ["tug", "pilot", "pleasure", "fishing"]) expect(craft.has(k as never)).toBe(true);
    }
  });

  it("writes NMEA that decodes with zero rejects", () => {
    const fmts = new Map<string, DemoNmeaFormatter>();
    const rejects: AisReject[] = [];
    const dec = new AisDecoder({ onReject: (r) => rejects.push(r) });
    let decoded = 0;
    let withTags = 0;
    for (const m of messages) {
      let f = fmts.get(m.port);
      if (f === undefined) {
        f = new DemoNmeaFormatter(3, m.port);
        fmts.set(m.port, f);
      }
      for (const l of f.lines(m)) {
        const d = dec.push(l);
        if (d !== null) {
          decoded++;
          if (d.tagSource === m.source && d.tagUnixTimeS === m.timeS && d.mmsi === m.payload.mmsi) withTags++;
        }
      }
    }
    dec.end();
    expect(rejects).toEqual([]);
    expect(decoded).toBe(messages.length);
    expect(withTags).toBe(messages.length);
    expect(messages.some((m) => m.echo === true)).toBe(true);
    const types = new Set<number>(messages.map((m) => m.payload.msgType));
    for (const t of [1, 3, 4, 5, 18, 24]) expect(types.has(t)).toBe(true);
  });

  it("corrupts a counted share of lines with --noise", () => {
    const f = new DemoNmeaFormatter(3, "USLAX", 0.01);
    const rejects: AisReject[] = [];
    const dec = new AisDecoder({ onReject: (r) => rejects.push(r) });
    for (const m of messages.slice(0, 50_000)) for (const l of f.lines(m)) dec.push(l);
    dec.end();
    expect(f.corrupted).toBeGreaterThan(100);
    expect(rejects.filter((r) => r.reason === "bad_checksum").length).toBe(f.corrupted);
  });

  it("writes MarineCadastre CSV that parses back with zero rejects", () => {
    const byMmsi = new Map(world.vessels.map((v) => [v.mmsi, v]));
    const rejects: MarineCadastreReject[] = [];
    const p = new MarineCadastreParser((r) => rejects.push(r));
    p.push(MARINECADASTRE_HEADER, 1);
    let rows = 0;
    let expected = 0;
    let line = 1;
    for (const m of messages) {
      const row = demoCsvRow(m, byMmsi.get(m.payload.mmsi));
      if (row === null) continue;
      expected++;
      const back = p.push(formatMarineCadastreRow(row), ++line);
      if (back !== null) {
        rows++;
        expect(back.mmsi).toBe(row.mmsi);
      }
    }
    expect(rejects).toEqual([]);
    expect(rows).toBe(expected);
    expect(expected).toBeGreaterThan(messages.length * 0.7);
  });

  it("ground-truth berth times agree with the positions", () => {
    const byMmsi = new Map<number, DemoMessage[]>();
    for (const m of messages) {
      if (m.payload.msgType !== 1 && m.payload.msgType !== 3) continue;
      const list = byMmsi.get(m.payload.mmsi) ?? [];
      list.push(m);
      byMmsi.set(m.payload.mmsi, list);
    }
    let checked = 0;
    for (const t of world.truth)
      for (const c of t.calls) {
        const poly = berthPolygon(c.berth);
        const arr = Date.parse(c.berthArrivalAt) / 1000;
        const dep = Date.parse(c.berthDepartureAt) / 1000;
        const track = byMmsi.get(c.mmsi) ?? [];
        for (const m of track) {
          const p = m.payload;
          if (p.msgType !== 1 && p.msgType !== 3) continue;
          const pos: LonLat = [p.lonDeg!, p.latDeg!];
          // Report times are whole seconds; truth times are rounded: allow 2 s at the edges.
          if (m.timeS >= arr + 2 && m.timeS <= dep - 2) {
            checked++;
            // A berth with a published quay edge moors 20-65 m off that edge (not its strip).
            const quay = quayEdge(c.berth);
            const inside =
              quay === undefined
                ? pointInPolygon(pos, poly) || distancePointToPolygonM(pos, poly) < 30
                : distanceToLineM(pos, quay) <= 70;
            expect(inside, `${c.callId} at ${isoUtc(m.timeS)}`).toBe(true);
            expect(p.navStatus).toBe(5);
            expect(p.sogKnots!).toBeLessThanOrEqual(0.1);
          }
          // Moving 10-20 minutes before arrival and after departure.
          if ((m.timeS > arr - 1200 && m.timeS < arr - 600) || (m.timeS > dep + 600 && m.timeS < dep + 1200))
            expect(p.sogKnots!, `${c.callId} at ${isoUtc(m.timeS)}`).toBeGreaterThan(0.5);
        }
      }
    expect(checked).toBeGreaterThan(1000);
    const all = world.truth.flatMap((t) => t.calls);
    expect(all.some((c) => c.observed.arrival)).toBe(true);
    expect(all.some((c) => c.observed.departure)).toBe(true);
  });

  it("ground-truth crossing, pilot and anchor times agree with the positions", () => {
    const fermin = DEMO_ROUTES.USLAX.vsr!.centre;
    const byMmsi = new Map<number, DemoMessage[]>();
    for (const m of messages) {
      if (m.payload.msgType !== 1 && m.payload.msgType !== 3) continue;
      const list = byMmsi.get(m.payload.mmsi) ?? [];
      list.push(m);
      byMmsi.set(m.payload.mmsi, list);
    }
    let checks = 0;
    for (const t of world.truth)
      for (const c of t.calls) {
        const track = byMmsi.get(c.mmsi) ?? [];
        const near = (iso: string) => {
          const at = Date.parse(iso) / 1000;
          return track.filter((m) => Math.abs(m.timeS - at) <= 12);
        };
        if (c.crossed20nmAt !== undefined)
          for (const m of near(c.crossed20nmAt)) {
            const p = m.payload as { lonDeg: number; latDeg: number };
            const dNm = haversineM(p.lonDeg, p.latDeg, fermin[0], fermin[1]) / 1852;
            expect(Math.abs(dNm - 20), c.callId).toBeLessThan(0.1);
            checks++;
          }
        const pilotNode = DEMO_ROUTES[t.port].nodes[DEMO_ROUTES[t.port].pilotIn]!;
        for (const m of near(c.pilotBoardingAt)) {
          const p = m.payload as { lonDeg: number; latDeg: number };
          expect(haversineM(p.lonDeg, p.latDeg, pilotNode[0], pilotNode[1]), c.callId).toBeLessThan(100);
          checks++;
        }
        for (const a of c.anchorages) {
          const from = Date.parse(a.from) / 1000;
          const to = Date.parse(a.to) / 1000;
          for (const m of track)
            if (m.timeS > from + 2 && m.timeS < to - 2) {
              expect((m.payload as { navStatus: number }).navStatus, c.callId).toBe(1);
              checks++;
            }
        }
      }
    expect(checks).toBeGreaterThan(50);
  });

  it("orders each call's events", () => {
    for (const t of world.truth)
      for (const c of t.calls) {
        const seq = [
          c.crossed40nmAt,
          c.crossed20nmAt,
          ...c.anchorages.flatMap((a) => [a.from, a.to]),
          c.pilotBoardingAt,
          c.berthArrivalAt,
          c.berthDepartureAt,
          ...c.shifts.flatMap((x) => [x.arrivalAt, x.departureAt]),
          c.pilotDisembarkAt,
        ]
          .filter((x): x is string => x !== undefined)
          .map((x) => Date.parse(x));
        for (let i = 1; i < seq.length; i++)
          expect(seq[i]!, `${c.callId} #${i}`).toBeGreaterThanOrEqual(seq[i - 1]!);
        expect(c.enteredPortAreaAt).not.toBeNull();
        expect(Date.parse(c.enteredPortAreaAt!)).toBeLessThan(Date.parse(c.berthArrivalAt));
        expect(Date.parse(c.leftPortAreaAt!)).toBeGreaterThan(Date.parse(c.berthDepartureAt));
      }
  });

  it("keeps compliant ships at or below 12 kn inside the 20 nm zone", () => {
    const la = world.truth.find((t) => t.port === "USLAX")!;
    const compliant = new Set(la.calls.filter((c) => c.vsrCompliant === true).map((c) => c.mmsi));
    const fermin = DEMO_ROUTES.USLAX.vsr!.centre;
    let n = 0;
    for (const m of messages) {
      const p = m.payload;
      if ((p.msgType !== 1 && p.msgType !== 3) || !compliant.has(p.mmsi)) continue;
      if (haversineM(p.lonDeg!, p.latDeg!, fermin[0], fermin[1]) > 20 * 1852) continue;
      n++;
      expect(p.sogKnots!).toBeLessThanOrEqual(12);
    }
    expect(n).toBeGreaterThan(100);
    expect(la.calls.some((c) => c.crossed40nmAt !== undefined && c.crossed20nmAt !== undefined)).toBe(true);
  });

  it("gives tugs and pilot boats no calls, and valid IMO numbers to all ships", () => {
    for (const t of world.truth) {
      const craft = new Set(t.harbourCraft.map((c) => c.mmsi));
      for (const c of t.calls) expect(craft.has(c.mmsi)).toBe(false);
      expect(t.harbourCraft.filter((c) => c.shipType === "tug").some((c) => c.trips > 0)).toBe(true);
      expect(t.harbourCraft.filter((c) => c.shipType === "pilot").some((c) => c.trips > 0)).toBe(true);
    }
    const mmsis = new Set<number>();
    for (const v of world.vessels) {
      expect(mmsis.has(v.mmsi)).toBe(false);
      mmsis.add(v.mmsi);
      expect(v.mmsi).toBeGreaterThanOrEqual(200_000_000);
      expect(v.mmsi).toBeLessThan(800_000_000);
      if (v.imo !== null) expect(parseImoNumber(String(v.imo)).ok).toBe(true);
    }
    const csv = vesselsCsv(world.vessels).split("\n");
    expect(csv[0]).toBe(VESSELS_CSV_HEADER);
    expect(csv.length).toBeGreaterThan(10);
  });

  it("marks hard cases in the ground truth", () => {
    const w = generateDemoWorld(
      { seed: 5, start: START, days: 3, scale: 2, ports: ["USLAX", "JPNGO"] },
      registry,
    );
    const seen = new Set(w.truth.flatMap((t) => t.calls.flatMap((c) => c.hardCases)));
    for (const h of [
      "ais_gap_at_anchor",
      "ais_gap_on_approach",
      "berth_shift",
      "anchored_twice",
      "vsr_non_compliant",
      "berth_busy_anchorage_wait",
    ])
      expect(seen.has(h as never), h).toBe(true);
    for (const t of w.truth)
      for (const c of t.calls) {
        if (c.hardCases.includes("anchored_twice")) expect(c.anchorages.length).toBe(2);
        if (c.hardCases.includes("berth_shift")) expect(c.shifts.length).toBe(1);
        if (c.hardCases.includes("ais_gap_at_anchor") || c.hardCases.includes("ais_gap_on_approach")) {
          const g = c.aisGaps[0]!;
          const h = (Date.parse(g.to) - Date.parse(g.from)) / 3_600_000;
          expect(h).toBeGreaterThanOrEqual(2 - 1e-6);
          expect(h).toBeLessThanOrEqual(6);
        }
      }
  });

  it("generates a larger world (scale 3, 2 days, Los Angeles) in bounded time and memory", () => {
    const t0 = performance.now();
    const heap0 = process.memoryUsage().heapUsed;
    const w = generateDemoWorld({ seed: 9, start: START, days: 2, scale: 3, ports: ["USLAX"] }, registry);
    let n = 0;
    let peak = 0;
    let last = 0;
    let unordered = 0;
    for (const m of w.messages()) {
      n++;
      if (m.timeS < last) unordered++;
      last = m.timeS;
      if ((n & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - heap0);
    }
    const s = (performance.now() - t0) / 1000;
    expect(unordered).toBe(0);
    expect(n).toBeGreaterThan(500_000);
    expect(s).toBeLessThan(30);
    expect(peak).toBeLessThan(300 * 1024 * 1024);
  }, 60_000);
});

describe("track geometry", () => {
  it("finds polygon entry and exit (doc example)", () => {
    const b = new TrackBuilder(0, [-1, 0.5]);
    b.legs.push({
      t0: 0,
      t1: 400,
      ax: -1,
      ay: 0.5,
      bx: 3,
      by: 0.5,
      speedKn: 1,
      courseDeg: 90,
      navStatus: 0,
      stay: null,
      headingDeg: 0,
      radiusM: 0,
    });
    const sq: PolygonCoords = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ];
    const r = polygonEntryExit(b.legs, sq)!;
    expect(r.enter).toBeCloseTo(100, 3);
    expect(r.exit).toBeCloseTo(200, 3);
    expect(offsetM(0, 0, 0, 111195)[1]).toBeCloseTo(1, 9);
    expect(courseDeg(0, 0, 0, 1)).toBe(0);
  });
});

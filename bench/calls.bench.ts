/**
 * Port-call segmentation throughput on one core: a year of one port's AIS from the demo generator
 * (≥ 20 million position reports) segmented into modes and calls by `analyseTrack` (typed arrays),
 * beside a straightforward peer measured in the same run: one object per report, point-in-polygon
 * against every polygon through src/geo's general `pointInPolygon`, the same mode rules (METHOD.md
 * §1.3, operational variant), runs of equal mode → segments, berth runs ≥ 30 min → calls. The peer
 * runs on a sample of vessels (it is slow) and its rate is per report, so the ratio is like for like.
 *
 *   npm run bench -- calls [--days 365] [--scale 1] [--interval 1.85] [--port USLAX] [--peer-reports 2000000]
 *
 * Generation (the demo world) is not timed; only segmentation is. Peak memory is the process's
 * peak resident set (from `process.resourceUsage().maxRSS`) and the heap after segmentation.
 */
import { performance } from "node:perf_hooks";
import { POSITION_UNITS_PER_DEG, TrackReports } from "../src/ais/index.ts";
import {
  analyseTrack,
  compileCallGeography,
  DEFAULT_CALL_OPTIONS,
  isCallCandidate,
} from "../src/calls/index.ts";
import { type DemoPort, generateDemoWorld } from "../src/demo/index.ts";
import { type LonLat, loadPortRegistry, type PolygonCoords, pointInPolygon } from "../src/geo/index.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const days = Number(arg("days", "365"));
const scale = Number(arg("scale", "1"));
const intervalScale = Number(arg("interval", "1.85"));
const port = arg("port", "USLAX") as DemoPort;
const peerReports = Number(arg("peer-reports", "2000000"));

const registry = loadPortRegistry();
const entry = registry.get(port)!;

// Generate: position reports per vessel into typed columns (as the store's blocks decode to).
const g0 = performance.now();
const world = generateDemoWorld(
  { seed: 2026, start: new Date("2025-01-01T00:00:00Z"), days, scale, ports: [port], intervalScale },
  registry,
);
const tracks = new Map<number, TrackReports>();
const shipTypes = new Map<number, number>();
const classB = new Set<number>();
for (const v of world.vessels) {
  shipTypes.set(v.mmsi, v.aisShipType);
  if (v.transceiverClass === "B") classB.add(v.mmsi);
}
let total = 0;
for (const m of world.messages()) {
  const p = m.payload;
  if (m.echo) continue;
  if (p.msgType !== 1 && p.msgType !== 2 && p.msgType !== 3 && p.msgType !== 18) continue;
  let tr = tracks.get(p.mmsi);
  if (tr === undefined) {
    tr = new TrackReports(4096);
    tracks.set(p.mmsi, tr);
  }
  tr.push(
    m.timeS,
    Math.round((p.latDeg ?? 91) * POSITION_UNITS_PER_DEG),
    Math.round((p.lonDeg ?? 181) * POSITION_UNITS_PER_DEG),
    p.sogKnots === null ? 1023 : Math.round(p.sogKnots * 10),
    0,
    511,
    "navStatus" in p && p.navStatus !== null ? p.navStatus : 15,
    p.msgType,
  );
  total++;
}
const genS = (performance.now() - g0) / 1000;
process.stdout.write(
  `corpus: ${port}, ${days} days, scale ${scale}, interval ×${intervalScale}: ${total.toLocaleString("en-US")} position reports of ${tracks.size} vessels (generated in ${genS.toFixed(0)} s, not timed)\n`,
);

const extra = world.truth[0]!.demoFeatures.features;
const geo = compileCallGeography(entry, extra);

// Ours, on one core.
(globalThis as { gc?: () => void }).gc?.();
const t0 = performance.now();
let calls = 0;
let segments = 0;
for (const [mmsi, tr] of tracks) {
  const candidate = isCallCandidate({
    shipType: shipTypes.get(mmsi) ?? null,
    aisClass: classB.has(mmsi) ? "B" : "A",
  });
  const a = analyseTrack(mmsi, tr, geo, DEFAULT_CALL_OPTIONS, candidate);
  calls += a.calls.length;
  segments += a.segments.length;
}
const oursS = (performance.now() - t0) / 1000;
const heapMb = process.memoryUsage().heapUsed / 1e6;
const oursRate = total / oursS;

// Peer: one object per report, general point-in-polygon, same rules, on a sample of vessels.
interface Report {
  t: number;
  lon: number;
  lat: number;
  sog: number;
}
const polys = (kind: string) =>
  [...entry.features, ...(extra as unknown as typeof entry.features)]
    .filter((f) => f.properties.kind === kind && f.geometry.type === "Polygon")
    .map((f) => ({ id: String(f.properties.id), poly: f.geometry.coordinates as PolygonCoords }));
const pBerths = polys("berth").filter(
  (b) => b.id.startsWith(port.toLowerCase()) || !b.id.includes("-berth-"),
);
const pAnch = polys("anchorage");
const pPort = polys("port_area");
const pInner = [...polys("precautionary_area"), ...polys("pilot_boarding")];
const pZones = [...entry.features, ...(extra as unknown as typeof entry.features)]
  .filter((f) => typeof f.properties.speed_limit_kn === "number" && f.geometry.type === "Polygon")
  .map((f) => f.geometry.coordinates as PolygonCoords);
function peerAnalyse(tr: TrackReports, candidate: boolean): { segments: number; calls: number } {
  const reports: Report[] = [];
  for (let i = 0; i < tr.count; i++)
    reports.push({
      t: tr.timeS[i]!,
      lon: tr.lonU[i]! / POSITION_UNITS_PER_DEG,
      lat: tr.latU[i]! / POSITION_UNITS_PER_DEG,
      sog: tr.sogDeciKn[i]! / 10,
    });
  reports.sort((a, b) => a.t - b.t);
  const modes = reports.map((r) => {
    const pt: LonLat = [r.lon, r.lat];
    const anch = pAnch.find((a) => pointInPolygon(pt, a.poly));
    if (anch && r.sog <= 3) return { mode: "at_anchor", zone: anch.id, r };
    const berth = r.sog <= 1 ? pBerths.find((b) => pointInPolygon(pt, b.poly)) : undefined;
    if (berth) return { mode: "at_berth", zone: berth.id, r };
    if (r.sog <= 1) return { mode: "at_anchor", zone: "", r };
    const inPort =
      pPort.some((p) => pointInPolygon(pt, p.poly)) || pInner.some((p) => pointInPolygon(pt, p.poly));
    if (inPort || r.sog <= 5) return { mode: "manoeuvring", zone: "", r };
    if (pZones.some((z) => pointInPolygon(pt, z))) return { mode: "reduced_speed_zone", zone: "", r };
    return { mode: "transit", zone: "", r };
  });
  const segs: { mode: string; zone: string; start: number; end: number }[] = [];
  for (const m of modes) {
    const last = segs[segs.length - 1];
    if (last && last.mode === m.mode && last.zone === m.zone) last.end = m.r.t;
    else segs.push({ mode: m.mode, zone: m.zone, start: m.r.t, end: m.r.t });
  }
  const nCalls = candidate ? segs.filter((s) => s.mode === "at_berth" && s.end - s.start >= 1800).length : 0;
  return { segments: segs.length, calls: nCalls };
}
(globalThis as { gc?: () => void }).gc?.();
let peerCount = 0;
const p0 = performance.now();
for (const [mmsi, tr] of tracks) {
  if (peerCount >= peerReports) break;
  peerAnalyse(
    tr,
    isCallCandidate({ shipType: shipTypes.get(mmsi) ?? null, aisClass: classB.has(mmsi) ? "B" : "A" }),
  );
  peerCount += tr.count;
}
const peerS = (performance.now() - p0) / 1000;
const peerRate = peerCount / peerS;

const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${[
    `ours: ${total.toLocaleString("en-US")} reports → ${calls} calls, ${segments} segments in ${oursS.toFixed(1)} s on one core = ${Math.round(oursRate).toLocaleString("en-US")} reports/s (target ≥ 20,000,000 in ≤ 60 s)`,
    `peer (object per report, general point-in-polygon): ${peerCount.toLocaleString("en-US")} reports in ${peerS.toFixed(1)} s = ${Math.round(peerRate).toLocaleString("en-US")} reports/s`,
    `ratio ours/peer: ${(oursRate / peerRate).toFixed(1)}×`,
    `memory: peak RSS ${maxRssMb.toFixed(0)} MB (includes the generated corpus), heap after segmentation ${heapMb.toFixed(0)} MB`,
  ].join("\n")}\n`,
);

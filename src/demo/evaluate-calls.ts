/**
 * Accuracy of call detection against the demo world's ground truth: calls matched, missed and
 * spurious, and berth arrival/departure errors in minutes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AisIngest, type AisMessage, type AisStore } from "../ais/index.ts";
import {
  type CallOptions,
  type CallServiceDeps,
  type CallStore,
  type GeoFeatureLike,
  type PortCallRecord,
  updateCalls,
} from "../calls/index.ts";
import { quantile } from "../core/statistics.ts";
import type { PortRegistry } from "../geo/index.ts";
import { type DemoCallTruth, type DemoPort, type DemoPortTruth, generateDemoWorld } from "./world.ts";

export interface EvaluationResult {
  expected: number;
  matched: number;
  missed: number;
  spurious: number;
  berthArrivalErrorMin: { median: number; p95: number };
  berthDepartureErrorMin: { median: number; p95: number };
}

export interface EvaluationDetail {
  result: EvaluationResult;
  /** Matched calls whose arrival and (observed) departure are both within 5 minutes. */
  matchedWithin5Min: number;
  missedCalls: { callId: string; mmsi: number; hardCases: string[] }[];
  spuriousCalls: { id: string; mmsi: number; berth: string }[];
  harbourCraftCalls: number;
  /**
   * Matched calls whose first berth was found by the quay rule (the ship lay outside the drawn
   * strip: berthDistanceM > 0), and the largest such distance in metres.
   */
  outsideStrip: { calls: number; maxDistanceM: number };
  byHardCase: Record<string, { expected: number; matched: number }>;
}

const sOf = (iso: string) => Date.parse(iso) / 1000;

/**
 * Compares detected calls with the truth. Expected calls are those whose first berth arrival lies
 * inside the generated window; a detected call matches the expected call of the same MMSI and port
 * whose first berth stay it overlaps. Detected calls overlapping a truth call that is only partly
 * in the window are neither matched nor spurious. Errors are absolute, in minutes, rounded to 0.1.
 *
 * Example: one truth call berthing 10:00–20:00 and one detected 10:02–19:59 → expected 1,
 * matched 1, missed 0, spurious 0, arrival error 2 min, departure error 1 min.
 */
export function compareWithTruth(
  detected: readonly PortCallRecord[],
  truths: readonly DemoPortTruth[],
): EvaluationDetail {
  const used = new Set<string>();
  const arrivalErr: number[] = [];
  const departureErr: number[] = [];
  let expected = 0;
  let matched = 0;
  let within5 = 0;
  const missedCalls: EvaluationDetail["missedCalls"] = [];
  const byHardCase: EvaluationDetail["byHardCase"] = {};
  const byVessel = new Map<string, PortCallRecord[]>();
  for (const d of detected) {
    const k = `${d.port}|${d.mmsi}`;
    const list = byVessel.get(k);
    if (list) list.push(d);
    else byVessel.set(k, [d]);
  }
  const overlapsTruth = (d: PortCallRecord, t: DemoCallTruth) => {
    const a = sOf(d.berthArrivalAt);
    const b = sOf(d.lastBerthDepartureAt);
    return [{ arrivalAt: t.berthArrivalAt, departureAt: t.berthDepartureAt }, ...t.shifts].some(
      (s) => a < sOf(s.departureAt) && b > sOf(s.arrivalAt),
    );
  };
  const partial: DemoCallTruth[] = [];
  const outsideStrip = { calls: 0, maxDistanceM: 0 };
  for (const pt of truths) {
    const w0 = sOf(pt.window.from);
    const w1 = sOf(pt.window.to);
    for (const t of pt.calls) {
      const arr = sOf(t.berthArrivalAt);
      if (arr < w0 || arr >= w1) {
        partial.push(t);
        continue;
      }
      expected++;
      for (const h of t.hardCases) {
        const e = byHardCase[h] ?? { expected: 0, matched: 0 };
        e.expected++;
        byHardCase[h] = e;
      }
      const candidates = (byVessel.get(`${t.port}|${t.mmsi}`) ?? []).filter(
        (d) => !used.has(d.id) && overlapsTruth(d, t),
      );
      candidates.sort(
        (a, b) => Math.abs(sOf(a.berthArrivalAt) - arr) - Math.abs(sOf(b.berthArrivalAt) - arr),
      );
      const d = candidates[0];
      if (d === undefined) {
        missedCalls.push({ callId: t.callId, mmsi: t.mmsi, hardCases: t.hardCases });
        continue;
      }
      used.add(d.id);
      matched++;
      const distM = d.berthDistanceM ?? 0;
      if (distM > 0) {
        outsideStrip.calls++;
        outsideStrip.maxDistanceM = Math.max(outsideStrip.maxDistanceM, distM);
      }
      for (const h of t.hardCases) byHardCase[h]!.matched++;
      const aErr = Math.abs(sOf(d.berthArrivalAt) - arr) / 60;
      arrivalErr.push(aErr);
      const dep = sOf(t.berthDepartureAt);
      let dErr = 0;
      if (dep < w1 && (d.departureObserved || d.berthShifts > 0)) {
        dErr = Math.abs(sOf(d.berthDepartureAt) - dep) / 60;
        departureErr.push(dErr);
      }
      if (aErr <= 5 && dErr <= 5) within5++;
    }
  }
  const craft = new Set<string>();
  for (const pt of truths) for (const h of pt.harbourCraft) craft.add(`${h.port}|${h.mmsi}`);
  const spuriousCalls: EvaluationDetail["spuriousCalls"] = [];
  let harbourCraftCalls = 0;
  for (const d of detected) {
    if (used.has(d.id)) continue;
    if (partial.some((t) => t.mmsi === d.mmsi && t.port === d.port && overlapsTruth(d, t))) continue;
    if (craft.has(`${d.port}|${d.mmsi}`)) harbourCraftCalls++;
    spuriousCalls.push({ id: d.id, mmsi: d.mmsi, berth: d.berth });
  }
  const r1 = (v: number) => Math.round(v * 10) / 10;
  arrivalErr.sort((a, b) => a - b);
  departureErr.sort((a, b) => a - b);
  return {
    result: {
      expected,
      matched,
      missed: expected - matched,
      spurious: spuriousCalls.length,
      berthArrivalErrorMin: { median: r1(quantile(arrivalErr, 0.5)), p95: r1(quantile(arrivalErr, 0.95)) },
      berthDepartureErrorMin: {
        median: r1(quantile(departureErr, 0.5)),
        p95: r1(quantile(departureErr, 0.95)),
      },
    },
    matchedWithin5Min: within5,
    missedCalls,
    spuriousCalls,
    harbourCraftCalls,
    outsideStrip,
    byHardCase,
  };
}

/** How evaluate gets a database: open (and migrate) the one at this URL. */
export type OpenCallsDatabase = (
  databaseUrl: string,
) => Promise<{ ais: AisStore; calls: CallStore; close(): Promise<void> }>;

export interface EvaluationOptions {
  seed: number;
  days: number;
  scale: number;
  ports: DemoPort[];
  start: Date;
  /** Use this database instead of a temporary SQLite file (it must be empty). */
  databaseUrl?: string;
  /** Detection options (default DEFAULT_CALL_OPTIONS). */
  options?: CallOptions;
  onProgress?: (message: string) => void;
}

/** Builds a demo world, ingests it into a (temporary) database, detects calls and compares. */
export async function runEvaluation(
  open: OpenCallsDatabase,
  registry: PortRegistry,
  o: EvaluationOptions,
): Promise<EvaluationDetail & { reports: number; seconds: { ingest: number; detect: number } }> {
  const dir = o.databaseUrl === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), "sp-calls-eval-")) : null;
  const url = o.databaseUrl ?? `sqlite:${path.join(dir!, "eval.sqlite")}`;
  const store = await open(url);
  try {
    const world = generateDemoWorld(
      { seed: o.seed, start: o.start, days: o.days, scale: o.scale, ports: o.ports },
      registry,
    );
    const t0 = performance.now();
    const ingest = new AisIngest(store.ais, { source: `demo:seed=${o.seed}` });
    let line = 0;
    let reports = 0;
    for (const m of world.messages()) {
      line++;
      const p = m.payload;
      if (p.msgType === 1 || p.msgType === 2 || p.msgType === 3 || p.msgType === 18) reports++;
      ingest.addMessage({ ...p, line, channel: "A", tagSource: m.source } as AisMessage, m.timeS);
      if (ingest.flushDue) await ingest.flush();
    }
    await ingest.flush();
    const t1 = performance.now();
    o.onProgress?.(`ingested ${reports} position reports in ${((t1 - t0) / 1000).toFixed(1)} s`);
    const extraFeatures: Record<string, GeoFeatureLike[]> = {};
    for (const t of world.truth) extraFeatures[t.port] = t.demoFeatures.features;
    const deps: CallServiceDeps = {
      ais: store.ais,
      calls: store.calls,
      registry,
      ports: o.ports,
      extraFeatures,
    };
    const summary = await updateCalls(deps, 10_000_000);
    const t2 = performance.now();
    o.onProgress?.(
      `detected ${summary.calls} calls from ${summary.vessels} vessels in ${((t2 - t1) / 1000).toFixed(1)} s`,
    );
    const detected: PortCallRecord[] = [];
    for (const port of o.ports) {
      for (let offset = 0; ; offset += 1000) {
        const page = await store.calls.listCalls({ port, limit: 1000, offset });
        detected.push(...page.calls);
        if (page.calls.length < 1000) break;
      }
    }
    return {
      ...compareWithTruth(detected, world.truth),
      reports,
      seconds: { ingest: (t1 - t0) / 1000, detect: (t2 - t1) / 1000 },
    };
  } finally {
    await store.close();
    if (dir !== null) fs.rmSync(dir, { recursive: true, force: true });
  }
}

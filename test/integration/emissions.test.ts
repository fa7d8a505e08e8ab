/**
 * The emissions inventory end to end, on SQLite and (when configured) PostgreSQL: demo AIS → port
 * calls → the demo's non-ship activity → inventories stored per source and month; recomputation
 * replaces, never adds; stored lines, report, CSV export and one call's trace agree; baselines and
 * progress; the CLI and the API on the same database.
 */
import { spawnSync } from "node:child_process";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateCalls } from "../../src/calls/index.ts";
import { callServiceDeps, loadDemoEmissions, loadDemoIfEmpty } from "../../src/cli/demo-load.ts";
import { inventoryLinesCsv } from "../../src/emissions/export.ts";
import { reportingYear, summarizeLines } from "../../src/emissions/inventory.ts";
import { addPollutants, POLLUTANTS, zeroPollutants } from "../../src/emissions/model.ts";
import { loadEmissionsReference } from "../../src/emissions/reference-io.ts";
import {
  callEmissions,
  computeInventory,
  type EmissionsServiceDeps,
  nonshipSourceTrace,
  progressReport,
  reportingYearAt,
  startInventoryRefresher,
  storedInventoryReport,
} from "../../src/emissions/service.ts";
import { loadPortRecords } from "../../src/ports/index.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { emissionsServiceDeps } from "../../src/store/services.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { startTestServer } from "../helpers/server.ts";

const END = new Date("2026-11-27T04:30:00Z");

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`emissions inventory (${kind.kind})`, () => {
    let database: TestDatabase;
    let store: Store;
    let deps: EmissionsServiceDeps;
    beforeAll(async () => {
      database = await kind.create();
      store = openStore({ databaseUrl: database.url });
      await store.migrate();
      await store.ports.upsertPorts(loadPortRecords());
      await loadDemoIfEmpty(store.ais, { seed: 3, days: 1, scale: 0.5, end: END });
      await updateCalls(await callServiceDeps(store));
      deps = emissionsServiceDeps(store);
      await loadDemoEmissions(deps, {
        seed: 3,
        ports: ["USLAX", "JPNGO"],
        years: { USLAX: 2026, JPNGO: 2026 },
      });
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await database?.drop();
    });

    it("covers every source category for both ports, in each port's reporting year", async () => {
      const la = (await storedInventoryReport(deps, "USLAX", 2026))!;
      const ngo = (await storedInventoryReport(deps, "JPNGO", 2026))!;
      expect(la.label).toBe("2026");
      expect(ngo.label).toBe("FY2026");
      expect([ngo.firstDay, ngo.lastDay]).toEqual(["2026-04-01", "2027-03-31"]);
      for (const r of [la, ngo]) {
        const cats = r.scopes.tailpipe.byCategory.map((c) => c.category);
        expect(cats).toEqual(["ogv", "harbor_craft", "che", "drayage", "rail"]);
        for (const c of r.scopes.tailpipe.byCategory) expect(c.tonnes.co2e).toBeGreaterThan(0);
        // The demo's battery and fuel-cell equipment draw grid electricity and hydrogen.
        expect(r.scopes.grid.total.co2e).toBeGreaterThan(0);
        expect(r.scopes.upstream.total.co2e).toBeGreaterThan(0);
        // The OGV window is a day: the report says so.
        expect(r.meta.warnings.some((w) => w.code === "ogv_coverage")).toBe(true);
      }
      // Los Angeles is in the North American ECA (0.1 % S), Nagoya is not (0.5 % S): per kWh of OGV
      // energy, Nagoya's SO2 is several times Los Angeles'.
      const so2PerKwh = (r: typeof la) => {
        const ogv = r.scopes.tailpipe.byCategory.find((c) => c.category === "ogv")!;
        return ogv.tonnes.so2 / ogv.activity.find((a) => a.unit === "kWh")!.amount;
      };
      expect(so2PerKwh(ngo) / so2PerKwh(la)).toBeGreaterThan(3);
    });

    it("recomputes idempotently and its lines, report and CSV export agree", async () => {
      const before = (await store.emissions.lines("USLAX", 2026)).length;
      const first = (await storedInventoryReport(deps, "USLAX", 2026))!;
      const again = await computeInventory(deps, "USLAX", 2026);
      expect((await store.emissions.lines("USLAX", 2026)).length).toBe(before);
      for (const p of POLLUTANTS)
        expect(again.scopes.tailpipe.total[p]).toBeCloseTo(first.scopes.tailpipe.total[p], 6);
      const lines = await store.emissions.lines("USLAX", 2026);
      const csv = inventoryLinesCsv("USLAX", "2026", lines).trim().split("\n");
      const header = csv[0]!.split(",");
      const scope = header.indexOf("scope");
      const co2e = header.indexOf("co2e_t");
      let sum = 0;
      for (const row of csv.slice(1)) {
        const cells = row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
        if (cells[scope] === "tailpipe") sum += Number(cells[co2e]);
      }
      expect(sum).toBeCloseTo(first.scopes.tailpipe.total.co2e, 3);
    });

    it("measures the waits at anchor: hours from the calls' segments, tonnes from each call's anchored segments", async () => {
      const report = (await storedInventoryReport(deps, "USLAX", 2026))!;
      const anchorage = report.meta.anchorage!;
      const period = reportingYear(
        loadEmissionsReference().settings.get("USLAX")!,
        "America/Los_Angeles",
        2026,
      );
      // Independent of the inventory's loop: the calls store's own segments, and each call computed alone.
      const { calls } = await store.calls.listCalls({
        port: "USLAX",
        fromS: period.fromS,
        toS: period.toS - 1,
        limit: 100_000,
        offset: 0,
      });
      const segments = await store.calls.segmentsOfCalls(calls.map((c) => c.id));
      let hours = 0;
      let waited = 0;
      let co2eG = 0;
      for (const call of calls) {
        const anchored = (segments.get(call.id) ?? []).filter(
          (s) => s.mode === "at_anchor" && s.startS >= period.fromS && s.startS < period.toS,
        );
        if (anchored.length === 0) continue;
        waited++;
        hours += anchored.reduce((h, s) => h + (s.endS - s.startS) / 3600, 0);
        const computed = await callEmissions(deps, call.id);
        for (const seg of computed.segments) if (seg.mode === "at_anchor") co2eG += seg.grams.co2e;
      }
      expect(waited).toBeGreaterThan(0); // the demo world has ships waiting for a berth
      expect(anchorage.calls).toBe(waited);
      expect(anchorage.hours).toBeCloseTo(hours, 3);
      expect(anchorage.tonnes.co2e).toBeCloseTo(co2eG / 1e6, 6);
    });

    it("traces one call: its steps add up to the call's stored line", async () => {
      const top = await store.emissions.topSources("USLAX", 2026, {
        category: "ogv",
        pollutant: "nox",
        limit: 1,
        offset: 0,
      });
      const source = top.sources[0]!;
      const trace = await callEmissions(deps, source.sourceId);
      const stepsNox = trace.segments
        .flatMap((s) => s.trace)
        .filter((t) => t.pollutant === "nox")
        .reduce((a, t) => a + t.grams, 0);
      // The stored line counts the segments starting inside the year (all of them here).
      expect(stepsNox).toBeCloseTo(source.grams.nox, 3);
      expect(trace.totals.tailpipe.nox).toBeCloseTo(source.grams.nox, 3);
      for (const step of trace.segments.flatMap((s) => s.trace).slice(0, 50)) {
        const product = step.activity * step.factor * step.adjustments.reduce((a, x) => a * x.value, 1);
        expect(step.grams).toBeCloseTo(product, 6);
        expect(step.source.length).toBeGreaterThan(3);
      }
    });

    it("traces a non-ship source: its steps add up to its stored lines", async () => {
      const top = await store.emissions.topSources("USLAX", 2026, {
        category: "che",
        pollutant: "nox",
        limit: 1,
        offset: 0,
      });
      const source = top.sources[0]!;
      const t = await nonshipSourceTrace(deps, "USLAX", 2026, "che", source.sourceId);
      const tail = t.lines.filter((l) => l.scope === "tailpipe");
      expect(tail.length).toBeGreaterThan(0);
      const stepsNox = tail
        .flatMap((l) => l.trace)
        .filter((x) => x.pollutant === "nox")
        .reduce((a, x) => a + x.grams, 0);
      expect(stepsNox).toBeCloseTo(source.grams.nox, 3);
      // Every step names this unit (traces are built lazily: they must not pick up another unit's name).
      const unitId = source.sourceId.replace(/^che:/, "");
      for (const st of tail.flatMap((l) => l.trace)) expect(st.what).toContain(unitId);
      await expect(nonshipSourceTrace(deps, "USLAX", 2026, "che", "no-such-unit")).rejects.toThrow(
        /no che source/,
      );
    });

    it("refreshes the current year's stored inventories and creates none", async () => {
      const before = await store.emissions.listInventories("USLAX");
      // "Now" is inside the demo's year, so the test means the same whatever today's date is.
      const now = () => END;
      const current = reportingYearAt(deps, "USLAX", now());
      const runs: { port: string; year: number }[][] = [];
      const refresher = startInventoryRefresher(deps, {
        intervalS: 3600,
        now,
        // The server nudges the exchange sync from here (serve.ts): it hears what was recomputed.
        onRun: (run) => runs.push(run.recomputed),
        onError: (e) => {
          throw e;
        },
      });
      await refresher.runNow();
      refresher.stop();
      // 2026-11-27: calendar 2026 at Los Angeles, FY2026 (April 2026 – March 2027) at Nagoya.
      expect(runs).toEqual([
        expect.arrayContaining([
          { port: "USLAX", year: 2026 },
          { port: "JPNGO", year: 2026 },
        ]),
      ]);
      expect(runs[0]).toHaveLength(2);
      const after = await store.emissions.listInventories("USLAX");
      expect(after.map((i) => i.year)).toEqual(before.map((i) => i.year));
      for (const a of after) {
        const b = before.find((x) => x.year === a.year)!;
        if (a.year === current) expect(a.computedAt > b.computedAt).toBe(true);
        else expect(a.computedAt).toBe(b.computedAt);
      }
    });

    it("serves a report from the summary stored with its lines, equal to summing those lines", async () => {
      const period = reportingYear(loadEmissionsReference().settings.get("JPNGO")!, "Asia/Tokyo", 2026);
      const lines = await store.emissions.lines("JPNGO", 2026);
      const header = (await store.emissions.getInventory("JPNGO", 2026))!;
      const fromLines = summarizeLines(lines, period);
      expect(header.summary).toBeDefined();
      expect(header.summary!.lines).toBe(lines.length);
      for (const scope of ["tailpipe", "grid", "upstream"] as const) {
        const stored = header.summary!.scopes[scope];
        const summed = fromLines.scopes[scope];
        expect(stored.byCategory.map((c) => [c.category, c.sources])).toEqual(
          summed.byCategory.map((c) => [c.category, c.sources]),
        );
        for (const p of POLLUTANTS) {
          expect(stored.total[p]).toBeCloseTo(summed.total[p], 3);
          for (const [i, m] of stored.byMonth.entries())
            expect(m.grams[p]).toBeCloseTo(summed.byMonth[i]!.grams[p], 3);
        }
      }
      // An inventory stored before summaries were kept (migration 0211): summed from its lines once, then kept.
      const report = (await storedInventoryReport(deps, "JPNGO", 2026))!;
      await sql`update emission_inventories set summary_json = null where port = ${"JPNGO"}`.execute(
        store.db,
      );
      expect((await store.emissions.getInventory("JPNGO", 2026))!.summary).toBeUndefined();
      // Summed in the stored lines' order rather than the computation's: equal to 12 significant
      // digits, with a category's activity units in either order.
      const digits12 = (v: unknown) =>
        JSON.parse(
          JSON.stringify(v, (k, x) =>
            typeof x === "number"
              ? Number(x.toPrecision(12))
              : k === "activity" && Array.isArray(x)
                ? [...x].sort((a, b) => String(a.unit).localeCompare(String(b.unit)))
                : x,
          ),
        );
      expect(digits12(await storedInventoryReport(deps, "JPNGO", 2026))).toEqual(digits12(report));
      expect(digits12((await store.emissions.getInventory("JPNGO", 2026))!.summary)).toEqual(
        digits12(header.summary),
      );
      // The sources list is read from the per-source totals stored with the lines: the same as
      // summing the lines (the path for inventories stored before those totals were kept).
      const options = { pollutant: "nox" as const, limit: 30, offset: 5 };
      const kept = await store.emissions.topSources("JPNGO", 2026, options);
      const keptChe = await store.emissions.topSources("JPNGO", 2026, { ...options, category: "che" });
      await sql`delete from emission_source_totals where port = ${"JPNGO"}`.execute(store.db);
      const summedFromLines = await store.emissions.topSources("JPNGO", 2026, options);
      const summedChe = await store.emissions.topSources("JPNGO", 2026, { ...options, category: "che" });
      for (const [a, b] of [
        [kept, summedFromLines],
        [keptChe, summedChe],
      ] as const) {
        expect(a.total).toBeGreaterThan(options.offset + options.limit);
        expect(a.total).toBe(b.total);
        expect(a.sources.map((x) => [x.category, x.sourceId, x.label, x.terminal, x.activityUnit])).toEqual(
          b.sources.map((x) => [x.category, x.sourceId, x.label, x.terminal, x.activityUnit]),
        );
        for (const [i, x] of a.sources.entries()) {
          expect(x.activity).toBeCloseTo(b.sources[i]!.activity, 6);
          for (const p of POLLUTANTS) expect(x.grams[p]).toBeCloseTo(b.sources[i]!.grams[p], 3);
        }
      }
      // Progress reads each year's totals from the summaries: the same as summing the stored lines.
      const tailpipe = zeroPollutants();
      for (const l of lines) if (l.scope === "tailpipe") addPollutants(tailpipe, l.grams);
      const [totals] = await store.emissions.yearlyTotals("JPNGO");
      for (const p of POLLUTANTS) expect(totals!.tailpipe[p]).toBeCloseTo(tailpipe[p], 3);
    });

    it("measures progress against the targets from the (labelled) demo baselines", async () => {
      const p = await progressReport(deps, "USLAX");
      expect(p.targets.map((t) => t.target.programPollutant)).toEqual(["DPM", "NOx", "SOx", "GHG", "GHG"]);
      const nox = p.targets[1]!;
      expect(nox.baseline!.source).toMatch(/^DEMO WORLD ONLY/);
      // Demo baseline = inventory / (1 − 0.74), so the change is −74 % by construction.
      expect(nox.years[0]!.changePct).toBeCloseTo(-74, 6);
      expect(nox.years[0]!.pathPct).toBe(-59); // 2026 is past the 2023 target year
      expect(
        p.shares.map((s) => s.years[0]?.sharePct ?? null).every((v) => v !== null && v > 0 && v < 100),
      ).toBe(true);
      const cnp = await progressReport(deps, "JPNGO");
      expect(cnp.ghgBasis).toBe("co2");
      expect(cnp.targets[0]!.years[0]!.changePct).toBeCloseTo(-20, 6);
    });
  });
}

describe("emissions through the CLI and the API", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabaseKinds()[0]!.create();
    const store = openStore({ databaseUrl: database.url });
    await store.migrate();
    await store.ports.upsertPorts(loadPortRecords());
    await loadDemoIfEmpty(store.ais, { seed: 4, days: 0.5, scale: 0.5, end: END });
    await updateCalls(await callServiceDeps(store));
    await store.close();
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["bin/sisterports.mjs", ...args], {
      encoding: "utf8",
      env: { ...process.env, SP_DATABASE_URL: database.url, SP_LANG: "en" },
    });

  it("prints an inventory, exports it and refuses a baseline without a source", () => {
    const run = cli(["emissions", "inventory", "--port", "USLAX", "--year", "2026", "--no-progress"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Port of Los Angeles emissions inventory 2026 \(2026-01-01 – 2026-12-31/);
    expect(run.stdout).toMatch(/Ocean-going vessels\s+\d+/);
    expect(run.stdout).toMatch(/Progress against targets/);
    const json = cli(["emissions", "inventory", "--port", "JPNGO", "--year", "FY2026", "--json"]);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.label).toBe("FY2026");
    expect(report.progress.ghgBasis).toBe("co2");
    const csv = cli(["emissions", "export", "--port", "USLAX", "--year", "2026"]);
    expect(csv.status).toBe(0);
    expect(csv.stdout.split("\n")[0]).toMatch(/^port,reporting_year,category,scope,source_id/);
    const bad = cli([
      "emissions",
      "baseline",
      "set",
      "--port",
      "USLAX",
      "--pollutant",
      "nox",
      "--year",
      "2005",
      "--tonnes",
      "-3",
      "--source",
      "x",
    ]);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/--tonnes/);
    const ok = cli([
      "emissions",
      "baseline",
      "set",
      "--port",
      "USLAX",
      "--pollutant",
      "nox",
      "--year",
      "2005",
      "--tonnes",
      "1000",
      "--source",
      "test fixture",
    ]);
    expect(ok.status).toBe(0);
    const progress = cli(["emissions", "progress", "--port", "USLAX", "--json"]);
    const p = JSON.parse(progress.stdout);
    expect(p.targets[1].baseline.tonnes).toBe(1000);
    expect(p.targets[1].years[0].year).toBe(2026);
  }, 120_000);

  it("serves the inventory, its sources, a call's computation and a CSV export", async () => {
    const server = await startTestServer({ databaseUrl: database.url });
    // Every one of these routes is for analysts (and admins): the test reads as an admin key.
    const f = (url: string, init: RequestInit = {}) =>
      fetch(url, {
        ...init,
        headers: { ...server.adminHeaders, ...(init.headers as Record<string, string>) },
      });
    try {
      const inv = await (await f(`${server.baseUrl}/api/ports/USLAX/emissions/inventory?year=2026`)).json();
      expect(inv.scopes.tailpipe.byCategory[0].category).toBe("ogv");
      const src = await (
        await f(`${server.baseUrl}/api/ports/USLAX/emissions/sources?year=2026&category=ogv&limit=2`)
      ).json();
      expect(src.sources).toHaveLength(2);
      expect(src.sources[0].tonnes.co2e).toBeGreaterThanOrEqual(src.sources[1].tonnes.co2e);
      const call = await (await f(`${server.baseUrl}/api/calls/${src.sources[0].sourceId}/emissions`)).json();
      expect(call.segments.length).toBeGreaterThan(0);
      expect(call.segments[0].trace.length).toBeGreaterThan(0);
      const exp = await f(
        `${server.baseUrl}/api/ports/USLAX/emissions/inventory/export?year=2026&format=csv`,
      );
      expect(exp.headers.get("content-type")).toMatch(/text\/csv/);
      expect(exp.headers.get("content-disposition")).toMatch(/emissions-USLAX-2026\.csv/);
      expect((await exp.text()).split("\n").length).toBeGreaterThan(2);
      // Read answers are kept until the data changes: a recompute, or a write by another process.
      const url = `${server.baseUrl}/api/ports/USLAX/emissions/inventory?year=2026`;
      const first = await f(url);
      const etag = first.headers.get("etag")!;
      const firstBody = (await first.json()) as { computedAt: string };
      expect(etag).toMatch(/^W\/"/);
      expect((await f(url, { headers: { "if-none-match": etag } })).status).toBe(304);
      const recomputed = (await (
        await f(`${server.baseUrl}/api/ports/USLAX/emissions/inventory/compute?year=2026`, {
          method: "POST",
        })
      ).json()) as { computedAt: string };
      expect(recomputed.computedAt > firstBody.computedAt).toBe(true);
      const after = await f(url, { headers: { "if-none-match": etag } });
      expect(after.status).toBe(200);
      expect(((await after.json()) as { computedAt: string }).computedAt).toBe(recomputed.computedAt);
      const progressUrl = `${server.baseUrl}/api/ports/USLAX/emissions/progress`;
      const noxBaseline = async () =>
        ((await (await f(progressUrl)).json()) as { targets: { baseline: { tonnes: number } | null }[] })
          .targets[1]!.baseline?.tonnes;
      expect(await noxBaseline()).toBe(1000);
      const set = cli(
        ["emissions", "baseline", "set", "--port", "USLAX", "--pollutant", "nox", "--year", "2005"].concat([
          "--tonnes",
          "1234",
          "--source",
          "test fixture, second entry",
        ]),
      );
      expect(set.status).toBe(0);
      expect(await noxBaseline()).toBe(1234);
      const missing = await f(`${server.baseUrl}/api/calls/nope/emissions`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get("content-type")).toMatch(/problem\+json/);
    } finally {
      await server.close();
    }
  }, 120_000);
});

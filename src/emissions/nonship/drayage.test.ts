import { describe, expect, it } from "vitest";
import { computeNonshipLines } from "./compute.ts";
import { parseActivityText } from "./csv.ts";
import { withMeasuredIdle } from "./drayage.ts";
import { drayageSpec } from "./input-drayage.ts";
import { factorsSpec } from "./input-factors.ts";
import type { NonshipActivity } from "./model.ts";
import { emptyActivity } from "./model.ts";
import { loadNonshipTables, portGridFactor } from "./tables-io.ts";

const tables = loadNonshipTables();
const options = {
  port: "USLAX",
  gwp: "AR5" as const,
  wellToWheel: false,
  gridFactor: portGridFactor("USLAX", tables),
};
const HEADER =
  "terminal,year,month,powertrain,model_year_group,gate_visits,one_way_mi,one_way_km,idle_min_per_visit,starts_per_visit,kwh_per_mi,h2_kg_per_mi,energy_source,hydrogen_pathway";

function activity(rows: string[], factors: string[] = []): NonshipActivity {
  const a = emptyActivity();
  a.drayage = parseActivityText(drayageSpec(), [HEADER, ...rows].join("\n"), "d.csv").records.map((r) => ({
    ...r.record,
    ref: { file: "d.csv", line: r.line },
  }));
  a.factors = parseActivityText(
    factorsSpec(),
    ["category,key,pollutant,value,unit,source", ...factors].join("\n"),
    "f.csv",
  ).records.map((r) => r.record);
  return a;
}

const DIESEL_2014 = ["NOx", "PM10", "PM2.5", "SO2", "CO", "HC", "CO2"].flatMap((p, i) => [
  `drayage,diesel MY2014+,${p},${i + 1},g/mi,test run`,
  `drayage,diesel MY2014+,${p},${10 * (i + 1)},g/h,test run`,
  `drayage,diesel,${p},${100 * (i + 1)},g/start,test run`,
]);

describe("drayage", () => {
  it("VMT × EF_run + idle h × EF_idle + starts × EF_start", () => {
    const r = computeNonshipLines(
      tables,
      activity(["uslax-terminal-yti,2025,5,diesel,2014+,10000,3,,30,0.1,,,,"], DIESEL_2014),
      options,
    );
    expect(r.warnings).toEqual([]);
    const l = r.lines[0]!;
    const vmt = 10000 * 2 * 3; // in and out
    const idleH = (10000 * 30) / 60;
    const starts = 10000 * 0.1;
    expect(l.activity).toBe(vmt);
    expect(l.grams.nox).toBeCloseTo(vmt * 1 + idleH * 10 + starts * 100, 6);
    expect(l.grams.co2).toBeCloseTo(vmt * 7 + idleH * 70 + starts * 700, 6);
    expect(l.grams.dpm).toBeCloseTo(l.grams.pm10, 9);
    expect(l.sourceId).toBe("drayage:uslax-terminal-yti:diesel:2014+");
    expect(l.terminal).toBe("uslax-terminal-yti");
  });

  it("takes the idle minutes measured at the gate where the terminal-month has them, and says so", () => {
    const a = activity(
      [
        "uslax-terminal-yti,2025,5,diesel,2014+,10000,3,,30,0.1,,,,",
        "uslax-terminal-yti,2025,6,diesel,2014+,10000,3,,30,0.1,,,,",
      ],
      DIESEL_2014,
    );
    // May measured: mean turn 45 min over 1,200 timed visits; June has no gate data.
    const measured = [
      { terminal: "uslax-terminal-yti", year: 2025, month: 5, timedVisits: 1200, idleMinPerVisit: 45 },
    ];
    const drayage = withMeasuredIdle(a.drayage, measured);
    expect(drayage.map((r) => r.idleMinPerVisit)).toEqual([45, 30]);
    const r = computeNonshipLines(tables, { ...a, drayage }, { ...options, trace: true });
    const [may, june] = [r.lines.find((l) => l.month === 5)!, r.lines.find((l) => l.month === 6)!];
    const vmt = 10000 * 2 * 3;
    const starts = 10000 * 0.1;
    // NOx: 1 g/mi running, 10 g/h idle, 100 g/start. Idle hours 10,000 × 45 / 60 = 7,500 (May), 5,000 (June).
    expect(may.grams.nox).toBeCloseTo(vmt * 1 + 7500 * 10 + starts * 100, 6);
    expect(june.grams.nox).toBeCloseTo(vmt * 1 + 5000 * 10 + starts * 100, 6);
    expect(r.notes.find((n) => n.code === "drayage_idle_measured")?.params).toEqual({
      measured: 1,
      records: 2,
    });
    const idleStep = JSON.stringify(may.trace);
    expect(idleStep).toContain("unit.idleHMeasured");
    expect(idleStep).toContain('"assumed":30');
  });

  it("km distances and g/km factors are converted", () => {
    const f = ["drayage,natural gas,NOx,1,g/km,test"];
    const r = computeNonshipLines(
      tables,
      activity(["uslax-terminal-yti,2025,5,natural gas,,100,,5,0,,,,,"], f),
      options,
    );
    // 100 visits × 2 × 5 km = 1,000 km → 1,000 g at 1 g/km
    expect(r.lines[0]!.grams.nox).toBeCloseTo(1000, 9);
    expect(r.lines[0]!.activity).toBeCloseTo(1000 / 1.609344, 9);
  });

  it("missing user factor: warning with the row and key, not estimated (not zero)", () => {
    const r = computeNonshipLines(
      tables,
      activity(["uslax-terminal-yti,2025,5,diesel,2007-2009,500,3,,30,,,,,"]),
      options,
    );
    expect(r.lines).toEqual([]);
    expect(r.warnings).toMatchObject([
      { code: "missing_user_factor", ref: { file: "d.csv", line: 2 }, params: { key: "diesel MY2007-2009" } },
    ]);
    expect(r.notEstimated).toMatchObject([
      { category: "drayage", scope: "tailpipe", year: 2025, months: [5], pollutants: "all" },
    ]);
  });

  it("a process without its factor leaves those pollutants not (fully) estimated", () => {
    const f = ["NOx", "PM10", "PM2.5", "SO2", "CO", "HC", "CO2"].map(
      (p) => `drayage,diesel,${p},1,g/mi,run only`,
    );
    const r = computeNonshipLines(
      tables,
      activity(["uslax-terminal-yti,2025,5,diesel,2014+,100,3,,30,,,,,"], f),
      options,
    );
    expect(r.warnings[0]!.code).toBe("missing_pollutant_factors");
    expect(r.warnings[0]!.params.pollutants).toContain("nox (idle)");
    expect(r.lines[0]!.grams.nox).toBeCloseTo(600, 9);
  });

  it("battery-electric truck: zero tailpipe, grid line; fuel-cell truck: upstream line", () => {
    const r = computeNonshipLines(
      tables,
      activity([
        "uslax-terminal-fenix,2026,3,battery-electric,,400,3,,30,,2.0,,fleet telematics,",
        "uslax-terminal-fenix,2026,3,fuel cell,,50,3,,30,,,0.12,T680 FCEV rated 450 mi / 60 kg (NOTES §3),grey-smr",
      ]),
      options,
    );
    const be = r.lines.filter((l) => l.sourceId.includes("battery"));
    const fc = r.lines.filter((l) => l.sourceId.includes("fuel_cell"));
    expect(be.find((l) => l.scope === "tailpipe")!.grams.nox).toBe(0);
    // 400 × 2 × 3 mi × 2.0 kWh/mi × 0.2985 kg/kWh (CARB LCFS California average 2020, latest ≤ 2026)
    expect(be.find((l) => l.scope === "grid")!.grams.co2e).toBeCloseTo(2400 * 2.0 * 0.2985 * 1000, 6);
    const up = fc.find((l) => l.scope === "upstream")!;
    // 50 × 2 × 3 mi × 0.12 kg/mi × 11.4 kg CO2e/kg (hydrogen_carbon_intensity.csv line 2, grey SMR)
    expect(up.activity).toBeCloseTo(300 * 0.12, 9);
    expect(up.grams.co2e).toBeCloseTo(300 * 0.12 * 11.4 * 1000, 6);
    expect(fc.find((l) => l.scope === "tailpipe")!.grams.co2).toBe(0);
    expect(r.warnings).toEqual([]);
  });

  it("fuel-cell truck without a pathway: warning unless a default pathway is given", () => {
    const rows = ["uslax-terminal-fenix,2026,3,fuel cell,,50,3,,30,,,0.12,rated,"];
    const none = computeNonshipLines(tables, activity(rows), options);
    expect(none.warnings.map((w) => w.code)).toEqual(["no_hydrogen_pathway"]);
    expect(none.lines.filter((l) => l.scope === "upstream")).toEqual([]);
    const dflt = computeNonshipLines(tables, activity(rows), { ...options, defaultHydrogenPathway: "green" });
    // green: 0.9–4.6, middle 2.75 kg CO2e/kg
    expect(dflt.lines.find((l) => l.scope === "upstream")!.grams.co2e).toBeCloseTo(
      300 * 0.12 * 2.75 * 1000,
      6,
    );
  });
});

import { describe, expect, it } from "vitest";
import { loadHydrogenTables } from "./hydrogen-tables-io.ts";
import {
  linesFromEstimates,
  lineValue,
  parseYearlyLinesCsv,
  regionalBalance,
  type YearlyLine,
} from "./regional-demand.ts";

const ramp: YearlyLine = {
  name: "ramp",
  kind: "demand",
  points: [
    { year: 2030, tonnes: 0 },
    { year: 2040, tonnes: 1000 },
  ],
};

describe("regional demand", () => {
  it("line values: interpolation, before/after, hold", () => {
    expect(lineValue(ramp, 2035)).toBe(500);
    expect(lineValue(ramp, 2029)).toBe(0);
    expect(lineValue(ramp, 2041)).toBe(0);
    expect(lineValue({ ...ramp, extend: "hold" }, 2041)).toBe(1000);
  });
  it("the doc comment's example, by hand", () => {
    const rows = regionalBalance(
      2030,
      2031,
      [{ port: "JPNGO", fromYear: 2030, tonnesPerYear: [100, 150] }],
      [
        { name: "Chubu", kind: "demand", points: [{ year: 2030, tonnes: 110000 }] },
        ramp,
        { name: "Tri-Gen", kind: "supply", points: [{ year: 2020, tonnes: 438 }], extend: "hold" },
      ],
    );
    // 2030: 100 + 110,000 + 0 = 110,100 demand; 438 supply; gap −109,662
    expect(rows[0]).toMatchObject({
      year: 2030,
      portsDemandT: 100,
      demandT: 110100,
      supplyT: 438,
      gapT: -109662,
    });
    // 2031: 150 + 0 + 100 = 250; gap 438 − 250 = 188
    expect(rows[1]).toMatchObject({ year: 2031, demandT: 250, gapT: 188 });
    expect(rows[1]!.byLineT).toEqual({ JPNGO: 150, Chubu: 0, ramp: 100, "Tri-Gen": 438 });
  });
  it("lines from the shipped estimates: Chubu 2030 demand, Tri-Gen and FH2R supply held", () => {
    const lines = linesFromEstimates(loadHydrogenTables().demand);
    const chubu = lines.find((l) => l.name.startsWith("Chubu"))!;
    expect(chubu).toMatchObject({ kind: "demand", extend: "none", points: [{ year: 2030, tonnes: 110000 }] });
    const supply = lines.filter((l) => l.kind === "supply");
    // 438 t (Tri-Gen, 1.2 t/day × 365) + 900 t (FH2R) from 2020 on.
    expect(regionalBalance(2030, 2030, [], supply)[0]!.supplyT).toBe(1338);
    expect(lines.some((l) => l.name.startsWith("Project Portal"))).toBe(false);
  });
});

describe("user lines CSV", () => {
  it("the doc comment's example, and rejects per line", () => {
    const ok = parseYearlyLinesCsv(
      "name,kind,year,tonnes\nsteel,demand,2030,500\nsteel,demand,2040,2000",
      "l.csv",
    );
    expect(ok.lines).toHaveLength(1);
    expect(lineValue(ok.lines[0]!, 2035)).toBe(1250);
    const text = [
      "name,kind,year,tonnes,extend",
      "plant,supply,2027,300,hold",
      "plant,supply,2027,350,hold",
      "x,sell,2030,1,",
      "y,demand,20xx,1,",
      "z,demand,2030,-4,",
      "w,demand,2030,4,forever",
    ].join("\n");
    const r = parseYearlyLinesCsv(text, "l.csv");
    expect(r.counts).toMatchObject({ read: 6, accepted: 1, rejected: 4, duplicates: 1 });
    expect(r.issues.map((i) => [i.line, i.field])).toEqual([
      [4, "kind"],
      [5, "year"],
      [6, "tonnes"],
      [7, "extend"],
    ]);
    expect(lineValue(r.lines[0]!, 2040)).toBe(300);
    expect(parseYearlyLinesCsv("a,b\n", "h.csv").issues[0]!.reason).toMatch(/name, kind, year, tonnes/);
  });
});

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../server/paths.ts";

// The real entry point, as `npx sisterports` runs it: a new process with its own environment.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-cli-"));
function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "sisterports.mjs"), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, SP_DATA_DIR: dataDir, SP_LANG: "en", ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("sisterports CLI", () => {
  it("prints help for every command group", () => {
    const top = run(["--help"]);
    expect(top.code).toBe(0);
    for (const command of ["serve", "db", "ports", "ais", "openapi"]) expect(top.stdout).toContain(command);
    const ports = run(["ports", "--help"]);
    expect(ports.stdout).toContain("show");
  });

  it("speaks the language --lang names, over SP_LANG; an unknown one is refused", () => {
    const ja = run(["--lang", "ja", "ports", "list"]);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain("名古屋港");
    expect(ja.stdout).toContain("タイムゾーン");
    const fr = run(["--lang", "fr", "ports", "list"]);
    expect(fr.code).not.toBe(0);
    expect(fr.stderr).toContain('--lang: "fr" is not en or ja');
  });

  it("lists both ports as JSON for machines", () => {
    const result = run(["ports", "list", "--json"]);
    expect(result.code).toBe(0);
    const ports = JSON.parse(result.stdout) as { locode: string; timeZone: string; terminalCount: number }[];
    expect(ports.map((p) => [p.locode, p.timeZone])).toEqual([
      ["USLAX", "America/Los_Angeles"],
      ["JPNGO", "Asia/Tokyo"],
    ]);
    for (const port of ports) expect(port.terminalCount).toBeGreaterThanOrEqual(5);
  });

  it("shows a port's terminals in English and in Japanese", () => {
    const en = run(["ports", "show", "USLAX"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("Port of Los Angeles");
    expect(en.stdout).toContain("APM Terminals");
    const ja = run(["ports", "show", "jpngo"], { SP_LANG: "ja" });
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain("名古屋港");
    expect(ja.stdout).toContain("ターミナル");
  });

  it("exits by error kind: not found 4, invalid configuration 3, usage 2", () => {
    const missing = run(["ports", "show", "NLRTM", "--json"]);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: "not_found" } });
    const badConfig = run(["db", "migrate"], { SP_DATABASE_URL: "mysql://nope", SP_LOG_LEVEL: "loud" });
    expect(badConfig.code).toBe(3);
    expect(badConfig.stderr).toContain("SP_DATABASE_URL");
    expect(badConfig.stderr).toContain("SP_LOG_LEVEL");
    expect(run(["ports", "frobnicate"]).code).toBe(2);
  });

  it("migrates a new database and loads the ports once", () => {
    const first = JSON.parse(run(["db", "migrate", "--json"]).stdout);
    expect(first).toMatchObject({ database: "sqlite", ports: { inserted: 2, updated: 0, unchanged: 0 } });
    expect(first.applied.length).toBeGreaterThan(0);
    const again = JSON.parse(run(["db", "migrate", "--json"]).stdout);
    expect(again).toMatchObject({ applied: [], ports: { inserted: 0, updated: 0, unchanged: 2 } });
    const status = JSON.parse(run(["db", "status", "--json"]).stdout);
    expect(status.pending).toEqual([]);
  });

  it("imports vessel particulars with defaults, names each bad row, and adds nothing the second time", () => {
    const csv = path.join(dataDir, "particulars.csv");
    fs.writeFileSync(
      csv,
      [
        "IMO,Name,Ship Type,TEU,DWT,Build Year,Main Engine (kW),Engine Stroke,Service Speed (kn),Aux kW,Shore Power",
        "9074729,PACIFIC TRADER,Container Ship,8500,,2012,,2,,9000,yes",
        "9074728,BAD CHECK DIGIT,Container Ship,8500,,2012,,2,,9000,yes",
        "9321483,NAGOYA MARU,Bulk Carrier,,180000,2008,16000,2,14.2,,no",
      ].join("\n"),
    );
    const first = run(["vessels", "import", csv, "--json"]);
    expect(first.code).toBe(0);
    const [summary] = JSON.parse(first.stdout);
    expect(summary.counts).toMatchObject({ read: 3, accepted: 2, rejected: 1, duplicates: 0 });
    expect(summary.rejects).toEqual([
      { line: 3, field: "imo", reason: expect.stringContaining("check digit") },
    ]);
    const second = JSON.parse(run(["vessels", "import", csv, "--json"]).stdout);
    expect(second[0].counts).toMatchObject({ read: 3, accepted: 0, rejected: 1, duplicates: 2 });

    const shown = JSON.parse(run(["vessels", "show", "IMO9074729", "--json"]).stdout);
    // 8,500 TEU falls in Table C.3's "12,000 TEU" class (over 8,000): 61,000 kW, slow-speed diesel.
    expect(shown.particulars).toMatchObject({
      shipType: "Container Ship",
      subType: "12,000 TEU",
      mainEngineKw: 61000,
      engineType: "SSD",
      auxKw: 9000,
      shorePower: true,
    });
    expect(shown.particulars.defaulted.map((d: { field: string }) => d.field)).toContain("mainEngineKw");
  });
  it("runs the README's example scenario file: trajectory, forced retirements and target gaps (issue 13)", () => {
    const file = path.join(REPO_ROOT, "docs", "examples", "scenario-terminal.json");
    const json = run(["ze", "scenario", "run", file, "--port", "USLAX", "--json"]);
    expect(json.code).toBe(0);
    const { result, targetsGap } = JSON.parse(json.stdout);
    // Worked by hand from the file: 65 CHE (40 + 5 yard tractors, 12 top handlers, 8 RTGs) and 120
    // trucks, replaced like for like, so 185 units every year; 5 battery tractors of 65 CHE = 7.69 %.
    expect(
      result.years.map((y: { fleet: { units: number }[] }) => y.fleet.reduce((a, x) => a + x.units, 0)),
    ).toEqual(Array(16).fill(185));
    expect(result.years[0].zeShareChePct).toBeCloseTo((5 / 65) * 100, 6);
    // The 8 diesel RTGs of 2012 live 20 years (scenario_defaults.csv) — to 2032, after CAAP's 2030 —
    // and the file sets no RTG target: 57 of 65 CHE are ZE in 2030, all in 2032.
    const year = (y: number) => result.years.find((r: { year: number }) => r.year === y);
    expect(year(2030).zeShareChePct).toBeCloseTo((57 / 65) * 100, 6);
    expect(year(2032).zeShareChePct).toBe(100);
    expect(year(2035).zeShareDrayagePct).toBe(100);
    // Forced early: the 2021 top handlers (15-year life → 2036: 6 years left in 2030) and both truck
    // cohorts in 2035 (18 years: 2018 → 2036, 1 left; 2022 → 2040, 5 left).
    expect(result.earlyRetirements).toEqual([
      {
        year: 2030,
        category: "top_handler",
        powertrain: "diesel",
        modelYear: 2021,
        units: 6,
        remainingLifeYears: 6,
        reason: "ze_target",
      },
      {
        year: 2035,
        category: "drayage_truck",
        powertrain: "diesel",
        modelYear: 2018,
        units: 60,
        remainingLifeYears: 1,
        reason: "ze_target",
      },
      {
        year: 2035,
        category: "drayage_truck",
        powertrain: "diesel",
        modelYear: 2022,
        units: 60,
        remainingLifeYears: 5,
        reason: "ze_target",
      },
    ]);
    const cheGap = targetsGap.targets.find((t: { metric: string }) => t.metric.includes("cargo-handling"));
    expect(cheGap).toMatchObject({
      met: false,
      toReplace: [{ category: "rtg", units: 8, byYear: 2030, early: 8 }],
    });
    const horizon = targetsGap.targets.find((t: { targetYear: number }) => t.targetYear === 2050);
    expect(horizon.met).toBeNull();

    const text = run(["ze", "scenario", "run", file, "--port", "USLAX"]);
    expect(text.stdout).toContain('USLAX scenario "one terminal ZE by 2030" 2025–2040');
    expect(text.stdout).toContain("replace 8 rtg by 2030");
    const ja = run(["ze", "scenario", "run", file, "--port", "USLAX"], { SP_LANG: "ja" });
    expect(ja.stdout).toContain("早期退役");
    // A file for another port is refused by --port, naming the field.
    const wrongPort = run(["ze", "scenario", "run", file, "--port", "JPNGO"]);
    expect(wrongPort.code).not.toBe(0);
    expect(wrongPort.stderr).toContain("port");
  });
});

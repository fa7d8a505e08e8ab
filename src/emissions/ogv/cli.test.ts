import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "../../core/errors.ts";
import type { CallActivity } from "./call.ts";
import { computeCallEmissions } from "./call.ts";
import {
  batchAnswerers,
  batchFailure,
  callEmissionsText,
  callOptionsFromFlags,
  parseQueryArray,
  registerOgvCalculatorCommands,
} from "./cli.ts";
import { loadOgvTables } from "./tables-io.ts";

const t = loadOgvTables();
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ogv-cli-"));

const activity: CallActivity = {
  callId: "call-1",
  port: "USLAX",
  location: "ECA",
  locationSource: "test",
  shorePower: { used: true, gridKgCo2ePerKwh: 0.25, gridFactorSource: "test" },
  vessel: {
    imo: 9_321_483,
    name: "TEST",
    shipType: "Container Ship",
    subType: null,
    dwt: null,
    teu: 8000,
    grossTonnage: null,
    buildYear: 2012,
    mainEngineKw: 55_800,
    engineType: "SSD",
    maxSpeedKn: 26.5,
    serviceSpeedKn: null,
    maxDraftM: null,
    auxKw: null,
    defaulted: [],
  },
  segments: [
    {
      mode: "transit",
      startAt: "2026-01-05T00:00:00Z",
      endAt: "2026-01-05T02:00:00Z",
      durationH: 2,
      meanSpeedKn: 12,
      distanceNm: 24,
      zone: null,
      terminal: null,
    },
    {
      mode: "at_berth",
      startAt: "2026-01-05T02:00:00Z",
      endAt: "2026-01-05T22:00:00Z",
      durationH: 20,
      meanSpeedKn: 0,
      distanceNm: 0,
      zone: null,
      terminal: "T1",
    },
  ],
};

function file(name: string, content: unknown): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

describe("batch answering (no process)", () => {
  it("answers each element in order; a bad one gets {error: '<field>: <reason>'}", () => {
    const { factors } = batchAnswerers(t);
    const r = factors([
      { component: "main", engine: "SSD", location: "ECA", tier: 2 },
      { component: "main", engine: "SSD", location: "ECA", tier: 5 },
      { component: "main", engine: "HSD", location: "ECA", tier: 0 },
      { component: "aux", engine: "MSD", location: "OutsideECA", tier: 1, extra: 1 },
    ]);
    expect(r.answers[0]).toMatchObject({
      fuel: "MGO/MDO",
      sulfurPct: 0.1,
      bsfcGPerKwh: 185,
      efGPerKwh: { nox: 14.4 },
    });
    expect(r.answers[1]).toEqual({ error: expect.stringMatching(/^tier: /) });
    expect(r.answers[2]).toEqual({ error: expect.stringMatching(/^engine: main engines are SSD, MSD/) });
    expect(r.answers[3]).toEqual({ error: expect.stringMatching(/^query: .*extra/) });
    expect(r.failures.map((f) => f.index)).toEqual([1, 2, 3]);
    const e = batchFailure(r, "q.json");
    expect(e?.code).toBe("validation");
    expect(e?.message).toBe("q.json: 3 of 4 queries failed (their slots hold the error)");
  });

  it("power and loads", () => {
    const { power, loads } = batchAnswerers(t);
    expect(
      power([
        {
          law: "propeller",
          installedKw: 100,
          speedKn: 9,
          refSpeedKn: 10,
          refSpeedType: "max",
          seaMarginPct: 15,
        },
      ]).answers[0],
    ).toEqual({ propulsionKw: expect.closeTo(83.835, 9), loadFactor: expect.closeTo(0.83835, 9) });
    const l = loads([
      { method: "imo3", subType: "container.ship.8000", mode: "Berth" },
      { method: "imo3", subType: "nope", mode: "Berth" },
      { method: "imo3", subType: "container.ship.8000", mode: "Hotelling" },
    ]);
    expect(l.answers[0]).toEqual({ auxKw: 970, boilerKw: 450 });
    expect(l.answers[1]).toEqual({
      error: 'subType: "nope" is not a sub_type of ogv_aux_boiler_load_imo3.csv',
    });
    expect(l.answers[2]).toEqual({ error: expect.stringMatching(/^mode: /) });
  });

  it("rejects input that is not a JSON array, naming the file", () => {
    expect(() => parseQueryArray("{", "q.json")).toThrow(/^q\.json: not JSON/);
    expect(() => parseQueryArray('{"a":1}', "q.json")).toThrow("q.json: not a JSON array of queries");
    expect(parseQueryArray("[]", "q.json")).toEqual([]);
  });

  it("maps flags to options and rejects bad ones", () => {
    expect(
      callOptionsFromFlags({
        method: "IMO4",
        gwp: "ar6",
        seaMargin: "15",
        llaf: "table",
        auxLoads: "starcrest2016",
        law: "admiralty",
        loadBasedBsfc: true,
        tier3Rule: false,
      }),
    ).toEqual({
      method: "imo4",
      gwp: "AR6",
      seaMarginPct: 15,
      llafMethod: "table",
      auxLoadTable: "starcrest2016",
      law: "admiralty",
      loadBasedBsfc: true,
      tier3LowLoadRule: false,
    });
    expect(() => callOptionsFromFlags({ gwp: "AR3" })).toThrow("--gwp: one of AR4, AR5, AR6, not AR3");
    expect(() => callOptionsFromFlags({ seaMargin: "x" })).toThrow(/--sea-margin/);
  });

  it("writes a readable table per segment", () => {
    const text = callEmissionsText(computeCallEmissions(t, activity));
    expect(text).toMatch(/^Call call-1 at USLAX: TEST \(IMO 9321483\), Container Ship/);
    expect(text).toMatch(/\ntransit\s+2026-01-05 00:00\s+2\.00\s+12\.0\s+0\.093\s+5,181/);
    expect(text).toMatch(/shore power \(grid, reported apart\): 19,400 kWh, 4\.85 t CO2e/);
  });
});

describe("the commands, registered on a commander program (in process)", () => {
  let out = "";
  afterEach(() => {
    vi.restoreAllMocks();
    out = "";
  });

  async function run(
    args: string[],
    load = async (id: string): Promise<CallActivity> => {
      if (id !== "call-1") throw new DomainError("not_found", `no call ${id}`);
      return activity;
    },
  ) {
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    const program = new Command("sisterports").exitOverride();
    const emissions = program.command("emissions");
    registerOgvCalculatorCommands(emissions, load);
    await program.parseAsync(["node", "sisterports", "emissions", ...args]);
    return out;
  }

  it("factors / power / loads read a file and write the answers in order", async () => {
    const q = file("factors.json", [{ component: "boiler", engine: "MSD", location: "OutsideECA", tier: 0 }]);
    expect(JSON.parse(await run(["factors", q]))).toEqual([
      expect.objectContaining({ fuel: "RM/HFO", sulfurPct: 0.5, bsfcGPerKwh: 305 }),
    ]);
  });

  it("exits with a validation error after answering when an element failed", async () => {
    const q = file("mixed.json", [{ method: "imo3", subType: "reefer", mode: "Berth" }, { method: "x" }]);
    await expect(run(["loads", q])).rejects.toMatchObject({ code: "validation" });
    expect(JSON.parse(out)).toEqual([
      { auxKw: 1080, boilerKw: 270 },
      { error: expect.stringMatching(/^method: /) },
    ]);
  });

  it("call --input and call ID give the same result; --text prints a table", async () => {
    const input = file("activity.json", activity);
    const fromFile = JSON.parse(await run(["call", "--input", input, "--gwp", "AR4"]));
    out = "";
    const fromId = JSON.parse(await run(["call", "call-1", "--gwp", "AR4"]));
    expect(fromFile.totals).toEqual(fromId.totals);
    expect(fromFile.options.gwp).toBe("AR4");
    out = "";
    expect(await run(["call", "call-1", "--text"])).toMatch(/^Call call-1 at USLAX/);
    await expect(run(["call"])).rejects.toThrow("give either a call id or --input <file>");
    await expect(run(["call", "--input", file("bad.json", "{")])).rejects.toThrow(/bad\.json: not JSON/);
    await expect(
      run(["call", "--input", file("bad2.json", { ...activity, location: "Pacific" })]),
    ).rejects.toThrow(/bad2\.json: not a call activity: location: /);
  });
});

// Through the real entry point.
describe("bin/sisterports.mjs emissions … (process)", () => {
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "sisterports.mjs"), "emissions", ...args], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      input,
      env: { ...process.env, TZ: "UTC", SP_DATA_DIR: tmp },
      timeout: 60_000,
    });

  it("factors from stdin", () => {
    const r = cli(
      ["factors"],
      JSON.stringify([{ component: "main", engine: "SSD", location: "ECA", tier: 2, loadFactor: 0.1 }]),
    );
    expect(r.status, r.stderr).toBe(0);
    const [a] = JSON.parse(r.stdout);
    expect(a.efGPerKwh.nox).toBe(14.4);
    expect(a.llaf.nox).toBeGreaterThan(1);
  });

  it("power and loads from a file; a bad element gives exit 3 and its error in the slot", () => {
    const p = cli([
      "power",
      file("p.json", [
        {
          law: "admiralty",
          installedKw: 100,
          speedKn: 10,
          refSpeedKn: 10,
          refSpeedType: "max",
          seaMarginPct: 0,
          draftM: 5,
          maxDraftM: 10,
        },
      ]),
    ]);
    expect(p.status, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout)[0].propulsionKw).toBeCloseTo(100 * 0.5 ** (2 / 3), 9);
    const l = cli([
      "loads",
      file("l.json", [{ method: "imo3", subType: "container.ship.8000", mode: "Berth" }, { method: "imo3" }]),
    ]);
    expect(l.status).toBe(3);
    expect(JSON.parse(l.stdout)).toEqual([
      { auxKw: 970, boilerKw: 450 },
      { error: expect.stringMatching(/^subType: /) },
    ]);
    const bad = cli(["loads", file("notarray.json", { method: "imo3" })]);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/notarray\.json: not a JSON array of queries/);
  });

  it("call --input --text", () => {
    const r = cli(["call", "--input", file("act.json", activity), "--text"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Call call-1 at USLAX/);
    const j = cli(["call", "--input", file("act2.json", activity), "--method", "imo4"]);
    expect(j.status, j.stderr).toBe(0);
    expect(JSON.parse(j.stdout).method).toBe("imo4");
  });
});

/**
 * The `ze` fleet commands in process on a temporary SQLite store: import, list, telemetry ingest
 * with rejects, and the scorecard in English and Japanese with the hand-computed figures of
 * scorecard.test.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openStore, type Store } from "../store/index.ts";
import { registerFleetCommands } from "./cli.ts";
import { EQUIPMENT_CSV_COLUMNS } from "./equipment.ts";
import { TELEMETRY_CSV_COLUMNS } from "./telemetry.ts";

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-ze-cli-"));
  store = openStore({ databaseUrl: `sqlite:${path.join(dir, "db.sqlite")}` });
  await store.migrate();
  fs.writeFileSync(
    path.join(dir, "fleet.csv"),
    `${EQUIPMENT_CSV_COLUMNS.join(",")}
JPNGO,TH-D-07,top_handler,diesel,2012,250,,,in_service,,
JPNGO,TH-H2-01,top_handler,fuel_cell,2025,90,,,pilot,NEDO demo,TH-D-07
`,
  );
  fs.writeFileSync(
    path.join(dir, "tel.csv"),
    `${TELEMETRY_CSV_COLUMNS.join(",")}
JPNGO,TH-H2-01,2026-03-01,2026-03-02,10,100,,,20,,1,fuel cell fault
JPNGO,TH-H2-01,2026-03-02,2026-03-03,12,140,,,25,,2,waiting for fueller
JPNGO,TH-D-07,2026-02-01,2026-02-02,10,90,,,,220,0,
JPNGO,TH-H2-01,2026-03-03,2026-03-04,10,,,,400,,,
`,
  );
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command("sisterports").exitOverride();
  registerFleetCommands(program.command("ze"), async () => ({
    transition: store.transition,
    close: async () => {},
  }));
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["node", "sisterports", "ze", ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return { out, err };
}

describe("ze commands", () => {
  it("imports equipment and telemetry with counts and per-line rejects, and lists the registry", async () => {
    process.env.SP_LANG = "en";
    const eq = await run(["equipment", "import", path.join(dir, "fleet.csv")]);
    expect(eq.out).toContain("read 2, accepted 2, rejected 0, duplicates 0");
    const tel = await run(["telemetry", "ingest", path.join(dir, "tel.csv")]);
    expect(tel.out).toContain("read 4, accepted 3, rejected 1 (h2_kg 1), duplicates 0");
    expect(tel.err).toMatch(/tel\.csv:5 h2_kg: 400 kg for 10 h is above 9\.0 kg\/h/);
    const runs = JSON.parse((await run(["ingest-status", "--json"])).out) as { id: string; file: string }[];
    const telRun = runs.find((r) => r.file.endsWith("tel.csv"))!;
    const rejects = await run(["ingest-status", "--run", telRun.id]);
    expect(rejects.out).toMatch(/tel\.csv\s+5\s+h2_kg\s+400 kg for 10 h/);
    const list = await run(["equipment", "list", "--port", "jpngo"]);
    expect(list.out).toMatch(/TH-H2-01\s+top_handler\s+fuel_cell\s+pilot\s+2025\s+90\s+NEDO demo\s+TH-D-07/);
  });

  it("prints the scorecard (English and Japanese) with the hand-computed figures", async () => {
    process.env.SP_LANG = "en";
    const { out } = await run(["scorecard", "--port", "JPNGO"]);
    expect(out).toContain("availability 93.8 % (48.0 h period, 3.0 h down");
    expect(out).toContain("fuel cost 683 JPY/h (prices of 2021)");
    expect(out).toContain("tailpipe 1,305.3 kg CO2");
    process.env.SP_LANG = "ja";
    const ja = await run(["scorecard", "--port", "JPNGO"]);
    expect(ja.out).toContain("稼働率 93.8 %");
    expect(ja.out).toContain("天然ガス改質（SMR） 1,077.4");
    process.env.SP_LANG = "en";
    const json = JSON.parse((await run(["scorecard", "--port", "JPNGO", "--json"])).out);
    expect(json.scorecards[0].energyKwhPerH).toBeCloseTo(68.175, 6);
  });

  it("lists the reference pilots of a port", async () => {
    process.env.SP_LANG = "en";
    const { out } = await run(["pilots", "--port", "USLAX"]);
    expect(out).toContain("ZANZEFF Shore to Store");
    expect(out).toContain("Mitsui E&S / Paceco H2-ZE Transtainer");
    expect(out).not.toContain("JPNGO");
  });
});

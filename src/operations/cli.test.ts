/**
 * The `ops` commands in process, on a temporary SQLite store holding the hand-made day
 * (test/helpers/operations.ts), with a fake gate parser plugged in for `ops ingest`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BOX, ingestDay, operationsDay, PORT, parsedOf, YTI } from "../../test/helpers/operations.ts";
import { openStore, type Store } from "../store/index.ts";
import { fileKind, registerOperationsCommands } from "./cli.ts";

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-ops-cli-"));
  store = openStore({ databaseUrl: `sqlite:${path.join(dir, "db.sqlite")}` });
  await store.migrate();
  await ingestDay(store.operations);
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<string> {
  const program = new Command("sisterports").exitOverride();
  registerOperationsCommands(
    program,
    async () => ({ operations: store.operations, calls: store.calls, close: async () => {} }),
    {
      gate: (_text, file) => ({
        ...parsedOf({ visits: operationsDay().visits }),
        rejects: [{ file, line: 9, field: "gateOut", reason: "not a date-time" }],
        read: 5,
      }),
    },
  );
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    await program.parseAsync(["node", "sisterports", ...args]);
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
  return out;
}

describe("ops commands", () => {
  it("prints the terminal KPIs in the port's zone", async () => {
    process.env.SP_LANG = "en";
    const out = await run(["ops", "kpis", "--port", "uslax", "--from", "2026-01-01", "--to", "2026-01-16"]);
    expect(out).toContain("USLAX operations, 2026-01-01T00:00 – 2026-01-16T00:00 (America/Los_Angeles)");
    const line = out.split("\n").find((l) => l.startsWith(YTI)) ?? "";
    // visits 4, turn mean 65.0, p50 65, p90 90, p95 90 (kpi.test.ts).
    expect(line.split(/\s+/).slice(0, 6)).toEqual([YTI, "4", "65.0", "65", "90", "90"]);
    const json = JSON.parse(
      await run([
        "ops",
        "kpis",
        "--port",
        "USLAX",
        "--from",
        "2026-01-15",
        "--to",
        "2026-01-16",
        "--by",
        "hour",
        "--json",
      ]),
    );
    expect(json.by).toBe("hour");
  });

  it("lists truck visits with their turn times (the hand-made day's YTI visits: mean turn 65 min, as kpis says)", async () => {
    process.env.SP_LANG = "en";
    const args = ["ops", "truck-visits", "--port", "uslax", "--from", "2026-01-01", "--to", "2026-01-16"];
    const json = JSON.parse(await run([...args, "--terminal", YTI, "--json"]));
    expect(json.visits.length).toBe(4);
    expect(json.meanTurnMin).toBe(65);
    const out = await run([...args, "--terminal", YTI]);
    expect(out).toContain("4 visits: mean turn 65.0 min");
    expect(JSON.parse(await run([...args, "--carrier", "HBDY", "--json"])).visits).toEqual([]);
    await expect(run([...args, "--carrier", "H-1"])).rejects.toThrow(/SCAC/);
  });

  it("prints a box's timeline with local times, in Japanese too", async () => {
    const out = await run(["ops", "container", BOX.A, "--port", "USLAX"]);
    // A's discharge 2026-01-10T16:00Z is 08:00 in Los Angeles.
    expect(out).toMatch(/2026-01-10 08:00:00 +DISC/);
    process.env.SP_LANG = "ja";
    const ja = await run(["ops", "container", "BL-A-1", "--port", "USLAX"]);
    expect(ja).toContain("時刻（America/Los_Angeles）");
    process.env.SP_LANG = "en";
  });

  it("ingests a file through the parser of its kind and shows the run", async () => {
    const file = path.join(dir, "gate.csv");
    fs.writeFileSync(file, "truckId,container,direction\n");
    const out = await run(["ops", "ingest", file, "--port", PORT]);
    // 4 visit rows already stored + 1 refused = 5 read.
    expect(out).toContain("read 5, accepted 0, rejected 1 (gateOut 1), duplicates 4");
    const status = await run(["ops", "ingest-status", "--port", PORT, "--rejects"]);
    expect(status).toContain("gate.csv");
    expect(status).toContain("not a date-time");
    await expect(run(["ops", "ingest", file, "--port", PORT, "--kind", "rail"])).rejects.toThrow(
      /no rail parser/,
    );
  });

  it("tells file kinds from names and first bytes", () => {
    expect(fileKind("events.ndjson", '{"eventID":')).toBe("dcsa");
    expect(fileKind("codeco.txt", "UNA:+.? 'UNB+UNOA:2")).toBe("edifact");
    expect(fileKind("moves.csv", "trainId,container,direction")).toBe("rail");
    expect(fileKind("gate.csv", "truckId,container")).toBe("gate");
    expect(fileKind("notes.txt", "hello")).toBeUndefined();
  });
});

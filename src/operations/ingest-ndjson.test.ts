/**
 * `ops ingest` of an NDJSON file read in batches of lines (cli.ts `ingestNdjsonFile`): DCSA's
 * conformance example (fixtures/dcsa, 7 events) sent ten times with new event ids, one line in the
 * middle not JSON, batches of 8 lines — so batches end inside the copies and the bad line. The counts
 * add up over the batches, the reject names its file line, the ledger holds one run, and the same
 * file again adds nothing.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/index.ts";
import { operationsParsers } from "../store/services.ts";
import { ingestNdjsonFile, startsAsNdjson } from "./cli.ts";

const PORT = "USLAX";
const ZONE = "America/Los_Angeles";
let dir: string;
let store: Store;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-ops-ndjson-"));
  store = openStore({ databaseUrl: `sqlite:${path.join(dir, "db.sqlite")}` });
  await store.migrate();
  const example = JSON.parse(
    fs.readFileSync(new URL("./fixtures/dcsa/tnt-220-response.json", import.meta.url), "utf8"),
  ) as Record<string, unknown>[];
  const lines: string[] = [];
  for (let copy = 0; copy < 10; copy++)
    for (const e of example) lines.push(JSON.stringify({ ...e, eventID: randomUUID() }));
  lines.splice(11, 0, '{"eventID": "cut off'); // file line 12
  lines.splice(20, 0, ""); // a blank line (line 21): not a record
  file = path.join(dir, "events.ndjson");
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("an NDJSON file read in batches", () => {
  it("is told from a pretty-printed event or an array by its first line", () => {
    expect(startsAsNdjson('{"eventID":"a"}\n{"eventID":"b"}\n')).toBe(true);
    expect(startsAsNdjson('{\n  "eventID": "a"\n}\n')).toBe(false);
    expect(startsAsNdjson('[{"eventID":"a"}]')).toBe(false);
    expect(startsAsNdjson('{"eventID":"a"}')).toBe(false); // one line: read whole, the same
  });

  it("stores every event once, with counts that add up and the bad line named", async () => {
    const parse = operationsParsers().dcsa;
    const batches: number[] = [];
    const first = await ingestNdjsonFile(
      store.operations,
      file,
      parse,
      { port: PORT, timeZone: ZONE },
      (_read, _size, sofar) => batches.push(sofar.read),
      8,
    );
    // 70 events + the cut-off line = 71 records over 72 lines: 9 batches of 8 lines.
    expect(batches).toHaveLength(9);
    expect(first.counts).toMatchObject({ read: 71, accepted: 70, rejected: 1, duplicates: 0 });
    expect(first.rejects).toEqual([expect.objectContaining({ file: "events.ndjson", line: 12, field: "/" })]);
    const runs = await store.operations.ingestRuns(PORT, 10);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      file: "events.ndjson",
      read: 71,
      accepted: 70,
      rejected: 1,
      duplicates: 0,
    });

    const again = await ingestNdjsonFile(
      store.operations,
      file,
      parse,
      { port: PORT, timeZone: ZONE },
      () => {},
      8,
    );
    expect(again.counts).toMatchObject({ read: 71, accepted: 0, rejected: 1, duplicates: 70 });
  });
});

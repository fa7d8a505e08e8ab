/**
 * `sisterports demo exchange` run again (issue 15): beside a running main node (a real `serve`,
 * SQLite, no demo data of its own), the command run twice neither fails nor adds an agreement or a
 * package — it says it reuses the agreements in force — and run after a negotiation left half-way
 * (as a crash would leave it) it terminates that one, says so, and still reuses the agreement in
 * force. Then data arriving by the command line (`ais ingest`, which recomputes the port calls) is
 * published by that command under the agreement in force, and Nagoya's server pulls it on the notice
 * — without waiting for the server's 300 s timer. Whole processes, as a newcomer runs them.
 * The main node runs on PostgreSQL when SP_TEST_DATABASE_URL (or the test cluster) is there, on
 * SQLite otherwise; the Nagoya node the command makes is SQLite in the data folder, as for a newcomer
 * — so the two nodes are one of each, as in exchange-two-nodes.test.ts.
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestAgreement } from "../../src/exchange/index.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { exchangeEngineDeps } from "../../src/store/services.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { freePort, ROOT, serveLogOf, startServe } from "../helpers/serve-process.ts";

const [, pgKind] = testDatabaseKinds();
const mainKind = pgKind && !pgKind.skip ? pgKind : undefined;

describe(`sisterports demo exchange, run again (main node on ${mainKind ? "PostgreSQL" : "SQLite"})`, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sp-demo-exchange-"));
  const dataDir = path.join(tmp, "var");
  let databaseUrl = `sqlite:${path.join(dataDir, "sisterports.sqlite")}`;
  let mainDb: TestDatabase | undefined;
  let mainPort = 0;
  let ngoPort = 0;
  let main: ChildProcess | undefined;
  let ngoPid: number | undefined;
  let env: NodeJS.ProcessEnv = {};

  const demo = () => {
    const r = spawnSync(
      process.execPath,
      [
        "bin/sisterports.mjs",
        "demo",
        "exchange",
        "--main",
        `http://127.0.0.1:${mainPort}/`,
        "--nagoya-port",
        String(ngoPort),
      ],
      { cwd: ROOT, encoding: "utf8", env, timeout: 240_000 },
    );
    // Nagoya's node is stopped at the end even when the command failed after starting it.
    const pid = /kill (\d+)/.exec(r.stdout)?.[1] ?? /\(process (\d+);/.exec(r.stdout)?.[1];
    if (pid !== undefined) ngoPid = Number(pid);
    if (r.status !== 0) throw new Error(`demo exchange → ${r.status}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };

  /** What each node holds: agreements by state, and packages sent and received per agreement. */
  async function holdings(url: string) {
    const store: Store = openStore({ databaseUrl: url });
    try {
      const out: Record<string, string> = {};
      for (const a of await store.exchange.listNegotiations()) {
        const sent = (await store.exchange.listPackages(a.id, "sent")).length;
        const received = (await store.exchange.listPackages(a.id, "received")).length;
        out[a.id] = `${a.provider}→${a.consumer} ${a.state} sent ${sent} received ${received}`;
      }
      return out;
    } finally {
      await store.close();
    }
  }
  const ngoUrl = () => `sqlite:${path.join(dataDir, "nagoya", "sisterports.sqlite")}`;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ["scripts/build-cli.mjs", "--if-stale"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(build.stderr);
    if (mainKind) {
      mainDb = await mainKind.create();
      databaseUrl = mainDb.url;
    }
    [mainPort, ngoPort] = [await freePort(), await freePort()];
    fs.mkdirSync(dataDir, { recursive: true });
    env = {
      ...process.env,
      SP_DATA_DIR: dataDir,
      SP_DATABASE_URL: databaseUrl,
      SP_DEMO: "off",
      SP_LANG: "en",
      SP_LOG_LEVEL: "warn",
      SP_HOST: "127.0.0.1",
    };
    main = await startServe("main", mainPort, env);
  }, 60_000);

  afterAll(async () => {
    if (ngoPid !== undefined)
      try {
        process.kill(ngoPid);
      } catch {
        // already gone
      }
    if (main && main.exitCode === null)
      await new Promise<void>((resolve) => {
        main?.once("exit", () => resolve());
        main?.kill("SIGTERM");
      });
    await mainDb?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  let first: Record<string, string> = {};

  it("the first run agrees both ways, publishes and starts Nagoya's node", () => {
    const out = demo();
    expect(out.match(/FINALIZED on both nodes/g)).toHaveLength(2);
    expect(ngoPid).toBeGreaterThan(0);
  }, 300_000);

  it("a second run reuses both agreements: no new agreement, no new package", async () => {
    first = await holdings(databaseUrl);
    const ngoFirst = await holdings(ngoUrl());
    expect(Object.values(first).filter((s) => s.includes("FINALIZED"))).toHaveLength(2);
    const out = demo();
    expect(out).toContain("Nagoya node already answers");
    expect(out.match(/already in force \(until [^)]+\) on both nodes: reused/g)).toHaveLength(2);
    expect(out).not.toContain("FINALIZED on both nodes");
    expect(await holdings(databaseUrl)).toEqual(first);
    expect(await holdings(ngoUrl())).toEqual(ngoFirst);
  }, 300_000);

  it("after a negotiation left half-way it terminates that one, says so and reuses the one in force", async () => {
    // Los Angeles asks Nagoya for an agreement over HTTP and stops there (REQUESTED on both nodes).
    const la = openStore({ databaseUrl });
    let pending = "";
    try {
      const inForce = (await la.exchange.listNegotiations()).find((a) => a.consumer === "USLAX");
      const terms = { ...inForce!.terms, version: 1 };
      const r = await requestAgreement(exchangeEngineDeps(la), terms);
      expect(r.delivered).toBe(true);
      pending = r.id;
    } finally {
      await la.close();
    }
    const out = demo();
    expect(out).toContain(`agreement ${pending}: JPNGO → USLAX is negotiating here and negotiating at USLAX`);
    expect(out.match(/: reused, not negotiated again/g)).toHaveLength(2);
    const after = await holdings(databaseUrl);
    expect(after[pending]).toMatch(/ TERMINATED /);
    const { [pending]: _, ...rest } = after;
    expect(rest).toEqual(first);
  }, 300_000);

  it("AIS ingested by the command line is published by it at once, and Nagoya's server pulls it on the notice", async () => {
    const la = openStore({ databaseUrl });
    const laToNgo = (await la.exchange.listNegotiations()).find(
      (a) => a.provider === "USLAX" && a.state === "FINALIZED",
    )!;
    await la.close();
    const heldAtNgo = async () => {
      const ngo = openStore({ databaseUrl: ngoUrl() });
      try {
        return (await ngo.exchange.listPackages(laToNgo.id, "received")).map((p) => `${p.seq} ${p.dataset}`);
      } finally {
        await ngo.close();
      }
    };
    const before = await heldAtNgo();
    // Two days of Los Angeles traffic ending an hour ago: calls the main node did not hold.
    const out = path.join(tmp, "ais");
    const start = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 49 * 3_600_000).toISOString();
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, ["bin/sisterports.mjs", ...args], {
        cwd: ROOT,
        encoding: "utf8",
        env,
        timeout: 240_000,
      });
      if (r.status !== 0) throw new Error(`${args.join(" ")} → ${r.status}\n${r.stdout}\n${r.stderr}`);
      return r;
    };
    run([
      "demo",
      "--port",
      "USLAX",
      "--days",
      "2",
      "--scale",
      "0.3",
      "--start",
      start,
      "--format",
      "nmea",
      "--out",
      out,
    ]);
    const files = fs
      .readdirSync(out)
      .filter((f) => f.endsWith(".nmea"))
      .map((f) => path.join(out, f));
    const ingest = run(["ais", "ingest", ...files, "--no-progress"]);
    // The calls changed: a port-calls package (a correction of the last one), and the notice delivered.
    const line = new RegExp(
      `exchange: agreement ${laToNgo.id} → JPNGO: sent package\\(s\\) (\\d+); notice delivered`,
    );
    const seq = line.exec(ingest.stderr)?.[1];
    expect(seq, `${ingest.stderr}\nmain node:\n${serveLogOf(main).slice(-3000)}`).toBeDefined();
    // Nagoya's server pulled it on the notice (its own timer is 300 s away).
    const deadline = Date.now() + 20_000;
    let after = await heldAtNgo();
    while (!after.includes(`${seq} port-calls`) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      after = await heldAtNgo();
    }
    const ngoLog = path.join(dataDir, "nagoya", "serve.log");
    // Both servers' logs in the message: a failed pull is told by Nagoya, its cause by the main node.
    const logs = `Nagoya:\n${fs.existsSync(ngoLog) ? fs.readFileSync(ngoLog, "utf8").slice(-3000) : ""}\nmain node:\n${serveLogOf(main).slice(-3000)}`;
    expect(after, logs).toEqual([...before, `${seq} port-calls`]);
  }, 300_000);
});

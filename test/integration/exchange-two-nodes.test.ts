/**
 * Two real nodes, separate processes (issue 15): the compiled CLI's `serve` twice on loopback —
 * Los Angeles on SQLite, Nagoya on PostgreSQL (on SQLite too when SP_TEST_DATABASE_URL is unset) —
 * introduced through the CLI (node documents, fingerprints, sister_port API keys), negotiating over
 * HTTP with a counter-offer, publishing and syncing, correcting (a superseding package), refusing
 * what it must over HTTP (a key speaking for another port, a tampered pull), a consumer killed with
 * SIGKILL in the middle of a long transfer and restarted (every package ends up stored once), and a
 * revocation after which nothing flows, and packages the consumer's server refuses when it pulls
 * them from the provider's server — out of the agreement, dated after its end — with the signed
 * refusal logged at both; and packages replayed on the wire between them (an HTTP relay in front of
 * Los Angeles' server): the same package again is a duplicate, another package 1 signed by the
 * provider is refused as replayed. Out-of-order packages are tested in process
 * (exchange-sync.test.ts, src/exchange/package.test.ts).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InventoryLine, zeroPollutants } from "../../src/emissions/index.ts";
import { negotiateAgreement } from "../../src/exchange/engine.ts";
import { agreementTerms } from "../../src/exchange/fixtures/two-nodes.ts";
import {
  type AgreementTerms,
  type DatasetRow,
  sendPackage,
  signPullRequest,
} from "../../src/exchange/index.ts";
import { buildPackage } from "../../src/exchange/package.ts";
import { nodeSigner } from "../../src/exchange/service.ts";
import { signedHash, signWith } from "../../src/exchange/signed.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { exchangeEngineDeps } from "../../src/store/services.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { freePort, ROOT, startServe } from "../helpers/serve-process.ts";

const [sqliteKind, pgKind] = [testDatabaseKinds()[0]!, testDatabaseKinds()[1]];
const ngoKind = pgKind && !pgKind.skip ? pgKind : sqliteKind;

interface Node {
  port: string;
  httpPort: number;
  url: string;
  db: TestDatabase;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  server?: ChildProcess;
}

function cli(node: Node, args: string[]) {
  const r = spawnSync(process.execPath, ["bin/sisterports.mjs", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: node.env,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliOk(node: Node, args: string[]): string {
  const r = cli(node, args);
  if (r.status !== 0) throw new Error(`${args.join(" ")} → ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function startServer(node: Node): Promise<void> {
  node.server = await startServe(node.port, node.httpPort, node.env);
}

function killServer(node: Node, signal: NodeJS.Signals): Promise<void> {
  const child = node.server;
  node.server = undefined;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

const line = (terminal: string, month: number, co2eG: number, noxG: number): InventoryLine => ({
  port: "USLAX",
  category: "che",
  scope: "tailpipe",
  year: 2026,
  month,
  terminal,
  sourceId: `che:${terminal}-1`,
  label: "yard tractor",
  activity: 1,
  activityUnit: "h",
  grams: { ...zeroPollutants(), co2e: co2eG, nox: noxG, pm25: 100 },
});

/**
 * Los Angeles' stored inventory: CHE at three terminals in March 2026 (1, 2, 4 t CO2e; NOx 10, 20,
 * 40 kg) and at two terminals in April (withheld at k = 3). `marchYti` changes YTI's March CO2e.
 */
async function storeInventory(la: Store, marchYtiG = 1e6) {
  await la.emissions.replaceInventory(
    {
      port: "USLAX",
      year: 2026,
      label: "2026",
      computedAt: new Date().toISOString(),
      methodVersion: "t",
      meta: {},
    },
    [
      line("uslax-terminal-yti", 3, marchYtiG, 10_000),
      line("uslax-terminal-apm-pier400", 3, 2e6, 20_000),
      line("uslax-terminal-trapac", 3, 4e6, 40_000),
      line("uslax-terminal-yti", 4, 1e6, 0),
      line("uslax-terminal-trapac", 4, 1e6, 0),
    ],
  );
}

const terms = (version: number, fields: string[]): AgreementTerms =>
  agreementTerms({
    version,
    datasets: [{ dataset: "emissions-inventory", aggregation: "category-month", fields }],
    validFrom: "2026-01-01T00:00:00Z",
    validUntil: "2030-01-01T00:00:00Z",
  });

async function until<T>(what: string, f: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The network between the nodes: an HTTP relay in front of Los Angeles' server, in a process of its
 * own (the CLI calls below block this one while the nodes talk), that passes every request and
 * answer through unchanged, except that packages given to `replayOnWire` are added to the next
 * pull answer — what a replaying attacker or a confused middlebox would do.
 */
const WIRE = `
const http = require("node:http");
const target = Number(process.argv[1]);
let replay = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    const body = Buffer.concat(chunks);
    if (req.url === "/__wire/replay") {
      replay = JSON.parse(body.toString());
      res.end("{}");
      return;
    }
    const headers = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === "string" && !["host", "connection", "content-length"].includes(k)) headers[k] = v;
    try {
      const up = await fetch("http://127.0.0.1:" + target + req.url, {
        method: req.method,
        headers,
        ...(req.method !== "GET" && req.method !== "HEAD" && body.length > 0 ? { body } : {}),
      });
      let text = await up.text();
      if (req.url === "/api/exchange/pull" && up.ok && replay.length > 0) {
        const answer = JSON.parse(text);
        answer.packages = [...answer.packages, ...replay];
        replay = [];
        text = JSON.stringify(answer);
      }
      res.writeHead(up.status, { "content-type": up.headers.get("content-type") || "application/json" });
      res.end(text);
    } catch (error) {
      res.writeHead(502);
      res.end(String(error));
    }
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
`;
let wire: ChildProcess | undefined;
let wireUrl = "";

async function startWire(targetPort: number): Promise<string> {
  const child = spawn(process.execPath, ["-e", WIRE, String(targetPort)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  wire = child;
  const port = await new Promise<string>((resolve) =>
    child.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim())),
  );
  wireUrl = `http://127.0.0.1:${port}/`;
  return wireUrl;
}

async function replayOnWire(packages: unknown[]): Promise<void> {
  await fetch(`${wireUrl}__wire/replay`, { method: "POST", body: JSON.stringify(packages) });
}

describe(`two nodes in separate processes (USLAX sqlite, JPNGO ${ngoKind.kind})`, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sp-two-nodes-"));
  let la: Node;
  let ngo: Node;
  let laStore: Store;
  let ngoStore: Store;
  let agreementId = "";
  let ngoAdminKey = "";

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ["scripts/build-cli.mjs", "--if-stale"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(build.stderr);
    const make = async (port: string, kind: typeof sqliteKind): Promise<Node> => {
      const db = await kind.create();
      const httpPort = await freePort();
      const dataDir = path.join(tmp, port);
      fs.mkdirSync(dataDir, { recursive: true });
      return {
        port,
        httpPort,
        url: `http://127.0.0.1:${httpPort}/`,
        db,
        dataDir,
        env: {
          ...process.env,
          SP_DATA_DIR: dataDir,
          SP_DATABASE_URL: db.url,
          SP_DEMO: "off",
          SP_LANG: "en",
          SP_LOG_LEVEL: "warn",
          SP_HOST: "127.0.0.1",
          // No timer during the test: every sync is asked for (the timer is the same code).
          SP_EXCHANGE_SYNC_S: "86400",
        },
      };
    };
    la = await make("USLAX", sqliteKind);
    ngo = await make("JPNGO", ngoKind);
    // Nagoya reaches Los Angeles through the wire below (LA's document names it as its endpoint).
    la.url = await startWire(la.httpPort);
    // Each node: identity, exported document, a sister_port key for the other, an admin key.
    const fingerprints: Record<string, string> = {};
    const keysFor: Record<string, string> = {};
    for (const [node, other, en, ja] of [
      [la, ngo, "Port of Los Angeles", "ロサンゼルス港"],
      [ngo, la, "Port of Nagoya", "名古屋港"],
    ] as const) {
      const init = JSON.parse(
        cliOk(node, [
          "exchange",
          "node",
          "init",
          "--port",
          node.port,
          "--name-en",
          en,
          "--name-ja",
          ja,
          "--endpoint",
          node.url,
          "--json",
        ]),
      );
      fingerprints[node.port] = init.fingerprint;
      cliOk(node, ["exchange", "node", "export", "--out", path.join(tmp, `${node.port}.json`)]);
      keysFor[other.port] = JSON.parse(
        cliOk(node, [
          "keys",
          "create",
          "--name",
          `${other.port} node`,
          "--role",
          "sister_port",
          "--owner",
          other.port,
          "--json",
        ]),
      ).token;
    }
    ngoAdminKey = JSON.parse(
      cliOk(ngo, ["keys", "create", "--name", "ops", "--role", "admin", "--json"]),
    ).token;
    // Introductions: the other's document, its fingerprint (compared out of band) and the key it made.
    for (const [node, other] of [
      [la, ngo],
      [ngo, la],
    ] as const) {
      const out = cliOk(node, [
        "exchange",
        "peer",
        "add",
        path.join(tmp, `${other.port}.json`),
        "--fingerprint",
        fingerprints[other.port]!,
        "--key",
        keysFor[node.port]!,
      ]);
      expect(out).toContain(`peer ${other.port} added`);
      expect(out).not.toContain(keysFor[node.port]!); // stored, never printed back
    }
    laStore = openStore({ databaseUrl: la.db.url });
    ngoStore = openStore({ databaseUrl: ngo.db.url });
    await storeInventory(laStore);
    await Promise.all([startServer(la), startServer(ngo)]);
  }, 120_000);

  afterAll(async () => {
    wire?.kill();
    await Promise.all([la && killServer(la, "SIGTERM"), ngo && killServer(ngo, "SIGTERM")]);
    await laStore?.close();
    await ngoStore?.close();
    await la?.db.drop();
    await ngo?.db.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("negotiates over HTTP with a counter-offer, both sides holding the same signed log", async () => {
    fs.writeFileSync(
      path.join(tmp, "v1.json"),
      JSON.stringify(terms(1, ["co2eTonnes", "noxTonnes", "pm25Tonnes"])),
    );
    fs.writeFileSync(path.join(tmp, "v2.json"), JSON.stringify(terms(2, ["co2eTonnes", "noxTonnes"])));
    const request = JSON.parse(
      cliOk(ngo, ["exchange", "agreement", "request", "--terms", path.join(tmp, "v1.json"), "--json"]),
    );
    expect(request).toMatchObject({ state: "REQUESTED", delivered: true });
    agreementId = request.id;
    // The provider counters without PM2.5 (a new version), and the steps go back and forth.
    const steps: [Node, string[], string][] = [
      [la, ["offer", agreementId, "--terms", path.join(tmp, "v2.json")], "OFFERED"],
      [ngo, ["accept", agreementId], "ACCEPTED"],
      [la, ["agree", agreementId], "AGREED"],
      [ngo, ["verify", agreementId], "VERIFIED"],
      [la, ["finalize", agreementId], "FINALIZED"],
    ];
    for (const [node, args, state] of steps) {
      const out = cliOk(node, ["exchange", "agreement", ...args]);
      expect(out).toMatch(new RegExp(`state ${state}; (USLAX|JPNGO) received it`));
    }
    const [a, b] = [
      await laStore.exchange.getNegotiation(agreementId),
      await ngoStore.exchange.getNegotiation(agreementId),
    ];
    expect(a?.state).toBe("FINALIZED");
    expect(b?.state).toBe("FINALIZED");
    expect(a?.agreementHash).toBe(b?.agreementHash);
    expect(a?.terms.version).toBe(2);
    const [logA, logB] = [
      await laStore.exchange.negotiationLog(agreementId),
      await ngoStore.exchange.negotiationLog(agreementId),
    ];
    expect(logA.map((m) => m.type)).toEqual(["request", "offer", "accept", "agree", "verify", "finalize"]);
    expect(JSON.stringify(logA)).toBe(JSON.stringify(logB));
  }, 60_000);

  it("publishes, the consumer pulls after the notice; a correction supersedes; unchanged data sends nothing", async () => {
    const first = JSON.parse(cliOk(la, ["exchange", "sync", "--agreement", agreementId, "--json"]))[0];
    expect(first).toMatchObject({ role: "provider", status: "active", sent: [1] });
    const received = await until("package 1 at JPNGO", async () => {
      const list = await ngoStore.exchange.listPackages(agreementId, "received");
      return list.length >= 1 ? list : undefined;
    });
    // March: 3 terminals, 1 + 2 + 4 = 7 t CO2e, NOx 0.07 t; April (2 terminals) withheld; no PM2.5.
    expect(received[0]!.cells).toHaveLength(1);
    const march = received[0]!.cells[0]!;
    expect([march.dims, march.contributors]).toEqual([{ category: "che", month: "2026-03" }, 3]);
    expect(march.values.co2eTonnes).toBeCloseTo(7, 12);
    expect(march.values.noxTonnes).toBeCloseTo(0.07, 12);
    expect(Object.keys(march.values)).toEqual(["co2eTonnes", "noxTonnes"]);
    expect(received[0]!.suppressed).toEqual({ cells: 1, minCellSize: 3 });
    expect(received[0]!.fields.map((f) => f.name)).toEqual(["co2eTonnes", "noxTonnes"]);
    // Nothing changed: nothing sent.
    expect(JSON.parse(cliOk(la, ["exchange", "sync", "--agreement", agreementId, "--json"]))[0].sent).toEqual(
      [],
    );
    // YTI's March figure corrected 1 → 1.5 t: package 2 supersedes 1 (7.5 t).
    await storeInventory(laStore, 1.5e6);
    expect(JSON.parse(cliOk(la, ["exchange", "sync", "--agreement", agreementId, "--json"]))[0].sent).toEqual(
      [2],
    );
    const second = await until("package 2 at JPNGO", async () =>
      (await ngoStore.exchange.listPackages(agreementId, "received")).find((p) => p.seq === 2),
    );
    expect(second.supersedes).toBe(1);
    expect(second.cells[0]!.values.co2eTonnes).toBeCloseTo(7.5, 12);
    // The consumer's own sync finds nothing new; the provider holds both signed receipts.
    const pulled = JSON.parse(cliOk(ngo, ["exchange", "sync", "--agreement", agreementId, "--json"]))[0];
    expect(pulled).toMatchObject({ role: "consumer", status: "active", accepted: [], refused: [] });
    await until("receipts at USLAX", async () => {
      const r = (await laStore.exchange.listReceipts(agreementId)).filter((x) => x.direction === "received");
      return r.length >= 2 ? r : undefined;
    });
  }, 60_000);

  it("a package replayed on the wire: the same again is a duplicate, stored once; another package 1 signed by the provider is refused as replayed — logged at both", async () => {
    const syncAtNgo = async () => {
      const res = await fetch(`${ngo.url}api/exchange/agreements/${agreementId}/sync`, {
        method: "POST",
        headers: { authorization: `Bearer ${ngoAdminKey}` },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as { accepted: number[]; duplicates: number[]; refused: unknown[] };
    };
    const [first] = await laStore.exchange.listPackages(agreementId, "sent");
    const { storedAt: _s, purgedAt: _p, ...onWire } = first!;
    // The same package 1 again: acknowledged as a duplicate, nothing stored twice.
    await replayOnWire([onWire]);
    expect(await syncAtNgo()).toMatchObject({ accepted: [], duplicates: [1], refused: [] });
    expect((await ngoStore.exchange.listPackages(agreementId, "received")).map((p) => p.seq)).toEqual([1, 2]);
    // Another package 1, validly signed by Los Angeles (other figures): a replay of the chain's start.
    const agreement = (await laStore.exchange.getNegotiation(agreementId))!;
    const rows: DatasetRow[] = ["a", "b", "c"].map((c) => ({
      contributor: c,
      dims: { category: "che", month: "2026-03", year: "2026" },
      values: { co2eTonnes: 100, noxTonnes: 1 },
    }));
    const signer = await nodeSigner(laStore.exchange, new Date());
    await replayOnWire([
      buildPackage(
        agreement,
        { dataset: "emissions-inventory", rows },
        undefined,
        signer,
        new Date().toISOString(),
      ),
    ]);
    expect(await syncAtNgo()).toMatchObject({ accepted: [], refused: [{ seq: 1, reason: "replayed" }] });
    expect((await ngoStore.exchange.listPackages(agreementId, "received")).map((p) => p.seq)).toEqual([1, 2]);
    // Logged at Nagoya; Los Angeles logs the signed refusal it was sent (for a package it never sent).
    const atNgo = await ngoStore.exchange.listAudit({ agreementId, limit: 10 });
    expect(atNgo.find((e) => e.action === "package.refused")).toMatchObject({ reason: "replayed" });
    // Los Angeles refuses that receipt (its package 1 has another hash): Nagoya's sync still answers,
    // and logs the receipt it could not deliver.
    expect(atNgo.find((e) => e.action === "receipt.sent")).toMatchObject({ outcome: "failed" });
    const atLa = await laStore.exchange.listAudit({ agreementId, limit: 10 });
    expect(atLa.find((e) => e.action === "receipt.received" && e.outcome === "refused")).toMatchObject({
      reason: "mismatch",
    });
  }, 30_000);

  it("refuses over HTTP a key speaking for another port, a tampered pull, a replayed and an out-of-order message — logged", async () => {
    const signer = await nodeSigner(ngoStore.exchange, new Date());
    const pull = signPullRequest(
      { agreementId, to: "USLAX", after: 0, limit: 10, sentAt: new Date().toISOString() },
      signer,
    );
    // A sister_port key LA made for Busan, carrying a pull signed by Nagoya: 403.
    const busanKey = JSON.parse(
      cliOk(la, ["keys", "create", "--name", "busan", "--role", "sister_port", "--owner", "KRPUS", "--json"]),
    ).token;
    const post = (body: unknown, key: string) =>
      fetch(`${la.url}api/exchange/pull`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
    expect((await post(pull, busanKey)).status).toBe(403);
    // Nagoya's own key with the pull's `after` changed after signing: the signature fails.
    const ngoKey = (await ngoStore.exchange.peerKey("USLAX"))!;
    const tampered = await post({ ...pull, after: 1 }, ngoKey);
    expect(tampered.status).toBeGreaterThanOrEqual(400);
    // And the untouched pull with the right key answers both packages.
    const ok = await post(pull, ngoKey);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { packages: unknown[] }).packages).toHaveLength(2);
    // A negotiation message replayed: acknowledged as a duplicate, nothing applied; one out of order
    // (a later seq than the chain allows): refused with its reason, logged at the receiver.
    const log = await ngoStore.exchange.negotiationLog(agreementId);
    const postMessage = (m: unknown) =>
      fetch(`${la.url}api/exchange/negotiation-messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ngoKey}` },
        body: JSON.stringify(m),
      }).then((r) => r.json() as Promise<{ ok: boolean; duplicate?: boolean; reason?: string }>);
    expect(await postMessage(log[2])).toMatchObject({ ok: true, duplicate: true });
    const skipped = await postMessage({ ...log[4]!, seq: 9 });
    expect(skipped.ok).toBe(false);
    expect((await laStore.exchange.getNegotiation(agreementId))?.state).toBe("FINALIZED");
    const audit = await laStore.exchange.listAudit({ limit: 20 });
    expect(audit.some((e) => e.action === "negotiation.refused")).toBe(true);
    expect(audit.some((e) => e.action === "request.refused" && e.reason === "key_peer_mismatch")).toBe(true);
    expect(audit.some((e) => e.action === "pull.refused" && e.reason === "signature_invalid")).toBe(true);
  }, 30_000);

  it("a consumer killed mid-transfer resumes after restart and holds every package once", async () => {
    // 400 packages waiting at the provider (made in its store, as its own publisher would).
    const N = 400;
    for (let i = 0; i < N; i++) {
      const rows: DatasetRow[] = ["a", "b", "c"].map((c) => ({
        contributor: c,
        dims: { category: "che", month: "2026-05", year: "2026" },
        values: { co2eTonnes: i + 1, noxTonnes: 0.01 },
      }));
      await sendPackage(laStore.exchange, agreementId, { dataset: "emissions-inventory", rows }, new Date());
    }
    const total = N + 2;
    const head = async () => (await ngoStore.exchange.chainHead(agreementId, "received"))?.seq ?? 0;
    const syncAtNgo = () =>
      fetch(`${ngo.url}api/exchange/agreements/${agreementId}/sync`, {
        method: "POST",
        headers: { authorization: `Bearer ${ngoAdminKey}` },
      });
    const pending = syncAtNgo().catch(() => undefined);
    const reached = await until("the transfer under way", async () => {
      const h = await head();
      return h > 2 + 5 ? h : undefined;
    });
    await killServer(ngo, "SIGKILL");
    await pending;
    const atKill = await head();
    expect(atKill).toBeGreaterThanOrEqual(reached);
    expect(atKill).toBeLessThan(total);
    await startServer(ngo);
    const res = await syncAtNgo();
    expect(res.status, await res.clone().text()).toBe(200);
    const r = (await res.json()) as { accepted: number[]; duplicates: number[]; refused: unknown[] };
    expect(r.refused).toEqual([]);
    // The restarted node's first timer run may have pulled part of the rest before this request.
    expect(r.accepted.at(-1) ?? total).toBe(total);
    const stored = await ngoStore.exchange.listPackages(agreementId, "received");
    // Every package once, in chain order.
    expect(stored.map((p) => p.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  }, 120_000);

  it("revocation by the provider stops the flow at once, on both sides", async () => {
    const out = cliOk(la, ["exchange", "agreement", "terminate", agreementId, "--reason", "test over"]);
    expect(out).toMatch(/state TERMINATED; JPNGO received it/);
    expect((await ngoStore.exchange.getNegotiation(agreementId))?.state).toBe("TERMINATED");
    // New data at the provider flows nowhere; the consumer's pull answers terminated.
    await storeInventory(laStore, 9e6);
    const la1 = cli(la, ["exchange", "sync", "--agreement", agreementId, "--json"]);
    expect(JSON.parse(la1.stdout)[0]).toMatchObject({ status: "terminated", sent: [] });
    const ngo1 = JSON.parse(cliOk(ngo, ["exchange", "sync", "--agreement", agreementId, "--json"]))[0];
    expect(ngo1).toMatchObject({ status: "terminated", accepted: [] });
    const audit = await ngoStore.exchange.listAudit({ agreementId, limit: 5 });
    expect(audit.some((e) => e.action === "negotiation.received")).toBe(true);
  }, 60_000);
  it("the consumer's server refuses, over HTTP, a package out of the agreement and one dated after its end — logged at both nodes", async () => {
    const [laDeps, ngoDeps] = [exchangeEngineDeps(laStore), exchangeEngineDeps(ngoStore)];
    /** A new agreement LA → Nagoya over the emissions, negotiated between the two servers. */
    const agree = async () => {
      const id = await negotiateAgreement(ngoDeps, laDeps, terms(1, ["co2eTonnes"]));
      return (await laStore.exchange.getNegotiation(id))!;
    };
    const rows: DatasetRow[] = ["a", "b", "c"].map((c) => ({
      contributor: c,
      dims: { category: "che", month: "2026-03", year: "2026", vesselType: "container" },
      values: { co2eTonnes: 1, calls: 1 },
    }));
    /** LA's server holds `pkg` as sent; Nagoya's server is asked to sync and pulls it. */
    const pullAtNgo = async (id: string, pkg: Parameters<typeof signedHash>[0] & { seq: number }) => {
      await laStore.exchange.appendPackage("sent", pkg as never, signedHash(pkg), new Date().toISOString());
      const res = await fetch(`${ngo.url}api/exchange/agreements/${id}/sync`, {
        method: "POST",
        headers: { authorization: `Bearer ${ngoAdminKey}` },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as { accepted: number[]; refused: { seq: number; reason: string }[] };
    };
    const logged = async (id: string, reason: string) => {
      const [atNgo, atLa] = [
        await ngoStore.exchange.listAudit({ agreementId: id, limit: 20 }),
        await laStore.exchange.listAudit({ agreementId: id, limit: 20 }),
      ];
      // The consumer's refusal, and the provider's copy of the consumer's signed refusal receipt.
      expect(atNgo.filter((e) => e.action === "package.refused").map((e) => e.reason)).toEqual([reason]);
      expect(atLa.filter((e) => e.action === "receipt.received").map((e) => [e.outcome, e.reason])).toEqual([
        ["refused", reason],
      ]);
      expect(await ngoStore.exchange.listPackages(id, "received")).toEqual([]);
    };
    const signer = await nodeSigner(laStore.exchange, new Date());
    const now = new Date().toISOString();

    // Out of the agreement: port calls, signed by LA under the agreement's hash, which covers only
    // the emissions inventory.
    const outside = await agree();
    const widened = {
      ...outside,
      terms: {
        ...outside.terms,
        datasets: [
          ...outside.terms.datasets,
          { dataset: "port-calls", aggregation: "month", fields: ["calls"] },
        ],
      },
    };
    const calls = buildPackage(widened, { dataset: "port-calls", rows }, undefined, signer, now);
    const r1 = await pullAtNgo(outside.id, calls);
    expect(r1).toMatchObject({ accepted: [], refused: [{ seq: 1, reason: "out_of_agreement" }] });
    await logged(outside.id, "out_of_agreement");

    // Dated after the agreement's end (2030-01-01): an emissions package LA signed as issued then.
    const late = await agree();
    const built = buildPackage(late, { dataset: "emissions-inventory", rows }, undefined, signer, now);
    const { kid: _k, signature: _s, ...body } = built;
    const afterEnd = signWith({ ...body, issuedAt: "2030-01-01T00:00:01Z" }, signer);
    const r2 = await pullAtNgo(late.id, afterEnd);
    expect(r2).toMatchObject({ accepted: [], refused: [{ seq: 1, reason: "expired" }] });
    await logged(late.id, "expired");
  }, 60_000);
});

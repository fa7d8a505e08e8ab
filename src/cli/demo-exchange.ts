/**
 * `sisterports demo exchange` (issue 15): the two ports exchange on one machine. Beside a running
 * main node (`npm start`, Los Angeles' side, default http://127.0.0.1:8080) it sets up a second node,
 * Nagoya, with its own SQLite in `<data folder>/nagoya/`, loads Nagoya-only demo data into it (the
 * same demo loaders as the main node's first start, for JPNGO alone: two days of AIS and its calls,
 * the container and gate flows of those calls, the non-ship activity of the same two days and the
 * current reporting year's inventory of it, the pilot fleet),
 * starts it as a background `serve` on another port, introduces the two nodes (node documents,
 * fingerprints, sister_port API keys — here in both databases, since both are on this machine),
 * negotiates one agreement each way over HTTP (request → counter-offer → accept → agree → verify →
 * finalize), publishes and syncs, then says what it did, where to look and how to revoke.
 * Composition only: the exchange engine does the work.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { createKey } from "../access/index.ts";
import { updateCalls } from "../calls/index.ts";
import { DomainError } from "../core/errors.ts";
import { messages } from "../core/messages.ts";
import { SECONDS_PER_DAY } from "../core/time.ts";
import { reportingYearAt } from "../emissions/index.ts";
import {
  type AgreementTerms,
  addPeer,
  agreementStatus,
  type EngineDeps,
  fingerprint,
  initNode,
  negotiateAgreement,
  syncAgreement,
  takeStep,
} from "../exchange/index.ts";
import { loadPortRecords } from "../ports/index.ts";
import { openStore, type Store } from "../store/index.ts";
import { emissionsServiceDeps, exchangeEngineDeps } from "../store/services.ts";
import {
  callServiceDeps,
  DEMO_AHEAD_DAYS,
  DEMO_DAYS,
  type DemoWindow,
  ingestDemoWorld,
  loadDemoEmissions,
  loadDemoOperations,
} from "./demo-load.ts";
import { loadConfig, openReadyStore } from "./runtime.ts";

const en = {
  checking: "main node (Los Angeles): {url}",
  notRunning:
    "no node answers at {url}: start the main node first (`npm start`, or `sisterports serve`), then run this again",
  loading: "loading Nagoya-only demo data into {file} (a minute)…",
  loaded: "Nagoya demo data: {calls} port calls, {inventory}, {units} equipment units",
  started: "Nagoya node started at {url} (process {pid}; log {log})",
  reused: "Nagoya node already answers at {url}",
  introduced: "nodes introduced: USLAX fingerprint {la}; JPNGO fingerprint {ngo}",
  agreed: "agreement {id}: {provider} → {consumer}, {datasets} (k = {k}) — FINALIZED on both nodes",
  published: "  {provider} sent packages {sent}; {consumer} holds {held} packages, {cells} cells",
  lookHeading: "Where to look:",
  lookCompare: "  side by side (sign in as an admin or analyst): {url}exchange/compare",
  lookCli: "  on the command line: sisterports exchange agreement list; sisterports exchange audit",
  revokeHeading: "To revoke (the figures disappear from the other side at the next sync):",
  revokeLine: '  sisterports exchange agreement terminate {id} --reason "demo over"',
  stopLine: "To stop the Nagoya node: kill {pid}",
  reusedAgreement:
    "agreement {id}: {provider} → {consumer} is already in force (until {until}) on both nodes: reused, not negotiated again",
  replacedAgreement:
    "agreement {id}: {provider} → {consumer} is {status} here and {peerStatus} at {consumer}: terminated, and a new one negotiated",
  replacedTerms:
    "agreement {id}: {provider} → {consumer} has other terms than this version of the demo: terminated, and a new one negotiated",
  replacedReason: "demo exchange run again: replaced by a new agreement",
};
const ja: { [K in keyof typeof en]: string } = {
  checking: "主ノード（ロサンゼルス）：{url}",
  notRunning:
    "{url} に応答するノードがありません。先に主ノードを起動してから（`npm start` または `sisterports serve`）もう一度実行してください",
  loading: "名古屋のみのデモデータを {file} に読み込んでいます（1 分ほど）…",
  loaded: "名古屋のデモデータ：入港 {calls} 件、{inventory}、機器 {units} 台",
  started: "名古屋ノードを {url} で起動しました（プロセス {pid}、ログ {log}）",
  reused: "名古屋ノードはすでに {url} で応答しています",
  introduced: "ノードを相互に登録しました：USLAX フィンガープリント {la}、JPNGO フィンガープリント {ngo}",
  agreed: "協定 {id}：{provider} → {consumer}、{datasets}（k = {k}）— 両ノードで FINALIZED",
  published:
    "  {provider} がパッケージ {sent} を送信。{consumer} は {held} 件のパッケージ（{cells} セル）を保持",
  lookHeading: "確認する場所：",
  lookCompare: "  並列比較（管理者またはアナリストでサインイン）：{url}exchange/compare",
  lookCli: "  コマンドライン：sisterports exchange agreement list、sisterports exchange audit",
  revokeHeading: "協定を取り消すには（次の同期で相手側から数値が消えます）：",
  revokeLine: '  sisterports exchange agreement terminate {id} --reason "デモ終了"',
  stopLine: "名古屋ノードを止めるには：kill {pid}",
  reusedAgreement:
    "協定 {id}：{provider} → {consumer} は両ノードですでに有効です（{until} まで）。再交渉せずそのまま使います",
  replacedAgreement:
    "協定 {id}：{provider} → {consumer} はこちらで {status}、{consumer} で {peerStatus} です。終了して新しい協定を交渉します",
  replacedTerms:
    "協定 {id}：{provider} → {consumer} はこの版のデモと条件が異なります。終了して新しい協定を交渉します",
  replacedReason: "demo exchange の再実行：新しい協定に置き換え",
};
const msg = messages({ en, ja });
const say = (text: string) => process.stdout.write(`${text}\n`);

/**
 * The datasets each port shares with the other, at levels the demo's contributors allow with k = 2;
 * the ZE fleet by powertrain, which the zero-emission shares of the side-by-side page need.
 */
export const DEMO_DATASETS: AgreementTerms["datasets"] = [
  {
    dataset: "emissions-inventory",
    aggregation: "category-month",
    fields: ["co2eTonnes", "noxTonnes", "pm25Tonnes"],
  },
  {
    dataset: "port-calls",
    aggregation: "month",
    fields: ["calls", "anchoredCalls", "anchorageWaitH", "berthH"],
  },
  {
    dataset: "operations-kpis",
    aggregation: "month",
    fields: ["truckVisits", "truckTurnMin", "importDwellDays", "moves", "teu"],
  },
  { dataset: "ze-fleet", aggregation: "category-powertrain-month", fields: ["units", "operatingH"] },
];

/**
 * The demo's terms: valid from 1 January of last year (the demo's reporting years lie in it, Nagoya's
 * April–March year included) for a year from now; k = 2 (the demo fleet has two owners per category).
 */
function demoTerms(provider: string, consumer: string, now: Date): AgreementTerms {
  const names: Record<string, { en: string; ja: string }> = {
    USLAX: { en: "Port of Los Angeles", ja: "ロサンゼルス港" },
    JPNGO: { en: "Port of Nagoya", ja: "名古屋港" },
  };
  const p = names[provider] ?? { en: provider, ja: provider };
  return {
    version: 1,
    provider,
    consumer,
    datasets: DEMO_DATASETS,
    minCellSize: 2,
    purpose: {
      en: "Sister-port memorandum: side-by-side emissions, port calls, terminal KPIs and zero-emission fleet (DEMO DATA)",
      ja: "姉妹港覚書：排出量・入港・ターミナル指標・ゼロエミッション機器の並列比較（デモデータ）",
    },
    permissions: [
      { action: "display", constraints: [] },
      { action: "aggregate", constraints: [] },
    ],
    prohibitions: [
      { action: "distribute", constraints: [] },
      { action: "commercialize", constraints: [] },
    ],
    retentionDays: 365,
    attribution: { en: `Source: ${p.en} (demo data)`, ja: `出典：${p.ja}（デモデータ）` },
    validFrom: `${now.getUTCFullYear() - 1}-01-01T00:00:00Z`,
    validUntil: new Date(now.getTime() + 365 * SECONDS_PER_DAY * 1000).toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(new URL("/api/exchange/catalog", url), { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Nagoya's demo window: the one its AIS was loaded for (a run after a crash half-way completes the
 * same window), else the two whole hours-aligned days up to now.
 */
async function nagoyaWindow(store: Store, now: Date): Promise<DemoWindow> {
  const run = (await store.ais.ingestRuns(1, "demo"))[0];
  const start = run ? /start=([^,]+)/.exec(run.source)?.[1] : undefined;
  const from = start
    ? new Date(start)
    : new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - DEMO_DAYS * SECONDS_PER_DAY * 1000);
  return { start: from, end: new Date(from.getTime() + DEMO_DAYS * SECONDS_PER_DAY * 1000) };
}

/**
 * Nagoya's demo data, each part loaded only when the store has none of it yet: a second run (or one
 * after a crash half-way) adds nothing twice and completes what is missing.
 */
async function loadNagoya(store: Store, now: Date): Promise<string> {
  // One window for everything, as on the main node's first start (DemoWindow): the AIS, the calls
  // detected from it, their container flows and the non-ship activity of the same two days.
  const window = await nagoyaWindow(store, now);
  if ((await store.ais.ingestRuns(1)).length === 0)
    await ingestDemoWorld(store.ais, {
      seed: 1,
      start: window.start,
      days: DEMO_DAYS,
      scale: 1,
      ports: ["JPNGO"],
      aheadDays: DEMO_AHEAD_DAYS,
    });
  if ((await store.calls.listCalls({ port: "JPNGO", limit: 1, offset: 0 })).total === 0)
    await updateCalls(await callServiceDeps(store));
  if ((await store.operations.ingestRuns("JPNGO", 1)).length === 0)
    await loadDemoOperations(store, { seed: 1, ports: ["JPNGO"], end: window.end, window });
  if ((await store.emissions.listInventories("JPNGO")).length === 0) {
    const deps = emissionsServiceDeps(store);
    await loadDemoEmissions(deps, {
      seed: 1,
      ports: ["JPNGO"],
      years: { JPNGO: reportingYearAt(deps, "JPNGO", now) },
      window,
    });
  }
  if ((await store.transition.listEquipment({ port: "JPNGO" })).length === 0) {
    const { loadDemoFleet } = await import("../demo/transition.ts");
    await loadDemoFleet(store, { seed: 1, ports: ["JPNGO"], end: now, days: 28 });
  }
  const calls = (await store.calls.listCalls({ port: "JPNGO", limit: 1, offset: 0 })).total;
  const inventory = (await store.emissions.listInventories("JPNGO")).map((i) => i.label).join(", ");
  const units = (await store.transition.listEquipment({ port: "JPNGO" })).length;
  return msg("loaded", { calls, inventory, units });
}

async function ensureNode(store: Store, port: string, name: { en: string; ja: string }, endpoint: string) {
  const node =
    (await store.exchange.getNode()) ??
    (await initNode(store.exchange, { port, name, endpoint }, new Date()));
  if (node.profile.endpoint !== endpoint)
    throw new DomainError(
      "conflict",
      `${port}'s node is set up with endpoint ${node.profile.endpoint}, not ${endpoint}: pass --main ${node.profile.endpoint}`,
    );
  return node;
}

/** Each node trusts the other's document (fingerprint checked) and holds a key the other made for it. */
async function introduce(a: Store, b: Store): Promise<void> {
  for (const [self, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const otherNode = (await other.exchange.getNode())!;
    const selfPort = (await self.exchange.getNode())!.profile.port;
    await addPeer(
      self.exchange,
      JSON.parse(JSON.stringify(otherNode.document)),
      { fingerprint: fingerprint(otherNode.keys.at(-1)?.publicKey ?? "") },
      new Date(),
    );
    if ((await self.exchange.peerKey(otherNode.profile.port)) === undefined) {
      const { token } = await createKey(
        other.access,
        { name: `${selfPort} node (demo exchange)`, role: "sister_port", ports: "*", owner: selfPort },
        { kind: "cli", id: "demo-exchange", ip: null },
        Date.now(),
      );
      await self.exchange.setPeerKey(otherNode.profile.port, token, new Date().toISOString());
    }
  }
}

/**
 * The agreement provider → consumer to publish under: one already FINALIZED and in force on both
 * nodes with the demo's datasets and k is reused; any other between the two in the same direction
 * that is not yet terminated (a run that stopped half-way through the negotiation, an agreement
 * terminated by the other side only, the terms of an earlier version of the demo) is terminated,
 * and a new one negotiated.
 */
async function agreementInForce(
  consumer: EngineDeps,
  provider: EngineDeps,
  terms: AgreementTerms,
): Promise<{ id: string; reused: boolean }> {
  const at = provider.now().toISOString();
  const mine = (await provider.exchange.listNegotiations()).filter(
    (a) => a.provider === terms.provider && a.consumer === terms.consumer && a.state !== "TERMINATED",
  );
  let reuse: string | undefined;
  for (const a of [...mine].sort((x, y) => (x.updatedAt < y.updatedAt ? 1 : -1))) {
    const theirs = await consumer.exchange.getNegotiation(a.id);
    const peerStatus = theirs ? agreementStatus(theirs, at) : "unknown";
    const sameTerms =
      JSON.stringify(a.terms.datasets) === JSON.stringify(terms.datasets) &&
      a.terms.minCellSize === terms.minCellSize;
    if (reuse === undefined && agreementStatus(a, at) === "active" && peerStatus === "active" && sameTerms) {
      reuse = a.id;
      say(
        msg("reusedAgreement", {
          id: a.id,
          provider: a.provider,
          consumer: a.consumer,
          until: a.terms.validUntil,
        }),
      );
      continue;
    }
    const inForce = agreementStatus(a, at) === "active" && peerStatus === "active";
    say(
      msg(inForce && !sameTerms ? "replacedTerms" : "replacedAgreement", {
        id: a.id,
        provider: a.provider,
        consumer: a.consumer,
        status: agreementStatus(a, at),
        peerStatus,
      }),
    );
    // Delivered when the other side still holds it open; a refusal there (already terminated) is fine.
    await takeStep(provider, a.id, { type: "terminate", reason: msg("replacedReason") });
  }
  if (reuse !== undefined) return { id: reuse, reused: true };
  return { id: await negotiateAgreement(consumer, provider, terms), reused: false };
}

async function publish(consumer: EngineDeps, provider: EngineDeps, id: string): Promise<string> {
  const sent = await syncAgreement(provider, id);
  const head = (await provider.exchange.chainHead(id, "sent"))?.seq ?? 0;
  // The consumer's server pulls on the notice; wait for it (then a pull of our own finds the rest).
  for (let i = 0; i < 100; i++) {
    if (((await consumer.exchange.chainHead(id, "received"))?.seq ?? 0) >= head) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (((await consumer.exchange.chainHead(id, "received"))?.seq ?? 0) < head)
    await syncAgreement(consumer, id);
  const held = await consumer.exchange.listPackages(id, "received");
  const a = (await provider.exchange.getNegotiation(id))!;
  return msg("published", {
    provider: a.provider,
    consumer: a.consumer,
    sent: sent.sent.join(", ") || "—",
    held: held.length,
    cells: held.reduce((n, p) => n + p.cells.length, 0),
  });
}

export function registerDemoExchangeCommand(demo: Command, program: Command): void {
  demo
    .command("exchange")
    .description(
      "start a second node (Nagoya) beside the running main node, introduce them, agree both ways and sync",
    )
    .option("--main <url>", "the running main node (Los Angeles)", "http://127.0.0.1:8080/")
    .option("--nagoya-port <n>", "TCP port of the Nagoya node", "8081")
    .action(async (o: { main: string; nagoyaPort: string }) => {
      const config = loadConfig(program.opts());
      const mainUrl = new URL(o.main).toString();
      say(msg("checking", { url: mainUrl }));
      if (!(await answers(mainUrl)))
        throw new DomainError("unavailable", msg("notRunning", { url: mainUrl }));
      const ngoPort = Number(o.nagoyaPort);
      if (!Number.isInteger(ngoPort) || ngoPort < 1 || ngoPort > 65535)
        throw new DomainError("validation", `--nagoya-port: a TCP port, not ${o.nagoyaPort}`);
      const ngoUrl = `http://127.0.0.1:${ngoPort}/`;
      const ngoDir = path.join(config.dataDir, "nagoya");
      fs.mkdirSync(ngoDir, { recursive: true });
      const ngoDb = `sqlite:${path.join(ngoDir, "sisterports.sqlite")}`;

      const { store: la } = await openReadyStore(config);
      const ngo = openStore({ databaseUrl: ngoDb });
      let pid: number | string = "?";
      try {
        await ngo.migrate();
        await ngo.ports.upsertPorts(loadPortRecords());
        const now = new Date();
        say(msg("loading", { file: ngoDb }));
        say(await loadNagoya(ngo, now));
        const laNode = await ensureNode(
          la,
          "USLAX",
          { en: "Port of Los Angeles", ja: "ロサンゼルス港" },
          mainUrl,
        );
        const ngoNode = await ensureNode(ngo, "JPNGO", { en: "Port of Nagoya", ja: "名古屋港" }, ngoUrl);
        if (await answers(ngoUrl)) say(msg("reused", { url: ngoUrl }));
        else {
          const log = path.join(ngoDir, "serve.log");
          const fd = fs.openSync(log, "a");
          const child = spawn(process.execPath, [process.argv[1] ?? "bin/sisterports.mjs", "serve"], {
            detached: true,
            stdio: ["ignore", fd, fd],
            env: {
              ...process.env,
              SP_PORT: String(ngoPort),
              SP_HOST: "127.0.0.1",
              SP_DATA_DIR: ngoDir,
              SP_DATABASE_URL: ngoDb,
              SP_DEMO: "off",
            },
          });
          child.unref();
          pid = child.pid ?? "?";
          for (let i = 0; i < 300 && !(await answers(ngoUrl)); i++)
            await new Promise((r) => setTimeout(r, 200));
          if (!(await answers(ngoUrl)))
            throw new DomainError("unavailable", `the Nagoya node did not start: see ${log}`);
          say(msg("started", { url: ngoUrl, pid, log }));
        }
        await introduce(la, ngo);
        say(
          msg("introduced", {
            la: fingerprint(laNode.keys.at(-1)?.publicKey ?? ""),
            ngo: fingerprint(ngoNode.keys.at(-1)?.publicKey ?? ""),
          }),
        );
        const laDeps = exchangeEngineDeps(la);
        const ngoDeps = exchangeEngineDeps(ngo);
        const ids: string[] = [];
        for (const [consumer, provider, from, to] of [
          [laDeps, ngoDeps, "JPNGO", "USLAX"],
          [ngoDeps, laDeps, "USLAX", "JPNGO"],
        ] as const) {
          const terms = demoTerms(from, to, now);
          const { id, reused } = await agreementInForce(consumer, provider, terms);
          ids.push(id);
          if (!reused)
            say(
              msg("agreed", {
                id,
                provider: from,
                consumer: to,
                datasets: terms.datasets.map((d) => `${d.dataset} (${d.aggregation})`).join(", "),
                k: terms.minCellSize,
              }),
            );
          say(await publish(consumer, provider, id));
        }
        say(msg("lookHeading"));
        say(msg("lookCompare", { url: mainUrl }));
        say(msg("lookCli"));
        say(msg("revokeHeading"));
        for (const id of ids) say(msg("revokeLine", { id }));
        if (pid !== "?") say(msg("stopLine", { pid }));
      } finally {
        await ngo.close();
        await la.close();
      }
    });
}

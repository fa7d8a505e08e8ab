/**
 * Operations alerts end to end, on SQLite and PostgreSQL: subscriptions through the API, alerts
 * raised by an ingest and by the board's tick into the outbox, and delivered as signed webhooks to
 * a REAL local HTTP receiver (node:http on port 0) that checks every signature with
 * `verifyWebhook` and counts what it got. Expected alerts are worked out by hand beside the data.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nowS } from "../../src/core/time.ts";
import {
  alertTick,
  type ContainerEvent,
  createSubscription,
  deliverDue,
  ingestOperations,
  loadFacilityLookup,
  parseReceivingRulesCsv,
  startSignalRefresher,
  subscriptionCreateSchema,
  type TruckVisit,
  verifyWebhook,
  webhookTargets,
} from "../../src/operations/index.ts";
import { loadPortRecords } from "../../src/ports/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { BOX, event, PORT, parsedOf, YTI, ZONE } from "../helpers/operations.ts";
import { adminKeyHeaders } from "../helpers/server.ts";

const s = (iso: string) => Date.parse(iso) / 1000;

/**
 * The receiver listens on 127.0.0.1, a loopback address every node refuses by default (SSRF
 * guard): the test allows exactly that address, as SP_ALERTS_ALLOW_PRIVATE=127.0.0.1/32 would.
 */
const LOCAL = webhookTargets({ allowPrivate: false, allowCidrs: ["127.0.0.1/32"] });
const send = LOCAL.send;

interface Received {
  path: string;
  id: string;
  type: string;
  data: Record<string, unknown>;
  /** verifyWebhook's verdict: null when authentic and fresh. */
  problem: string | null;
}

/** A webhook receiver: per path, the secret to check with and the statuses to answer in turn (then 200). */
function receiver() {
  const secrets = new Map<string, string>();
  const answers = new Map<string, number[]>();
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString("utf8");
    });
    req.on("end", () => {
      const path = req.url ?? "";
      const h = req.headers as Record<string, string>;
      const secret = secrets.get(path) ?? "whsec_";
      const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> };
      got.push({
        path,
        id: h["webhook-id"] ?? "",
        type: parsed.type,
        data: parsed.data,
        problem: verifyWebhook(secret, h, body, nowS()),
      });
      res.statusCode = answers.get(path)?.shift() ?? 200;
      res.end();
    });
  });
  return { server, secrets, answers, got, on: (path: string) => got.filter((g) => g.path === path) };
}

/** Tick data (times in UTC, Los Angeles local = UTC−8 in November): "now" is Friday 2026-11-20 11:00 local. */
const TICK_NOW_S = s("2026-11-20T19:00:00Z");
/** The tick subscription was made two days before. */
const TICK_SUB_S = s("2026-11-18T19:00:00Z");

function tickEvents(): ContainerEvent[] {
  return [
    // B: discharged 11-15 19:00Z → 4 days at 11-19 19:00Z, after the subscription, before now → dwell alert.
    event({ eventCode: "DISC", eventAtS: s("2026-11-15T19:00:00Z"), containerNumber: BOX.B }),
    // C: crossed 4 days on 11-14, before the subscription → none.
    event({ eventCode: "DISC", eventAtS: s("2026-11-10T00:00:00Z"), containerNumber: BOX.C }),
    // D: discharged with B but gone by truck on 11-16 → not in the yard → none.
    event({ eventCode: "DISC", eventAtS: s("2026-11-15T19:00:00Z"), containerNumber: BOX.D }),
    event({ eventCode: "GTOT", eventAtS: s("2026-11-16T19:00:00Z"), containerNumber: BOX.D, mode: "TRUCK" }),
  ];
}

function tickVisits(): TruckVisit[] {
  const v = (id: string, queue: string, gateIn: string, gateOut: string): TruckVisit => ({
    visitId: id,
    port: PORT,
    terminal: YTI,
    truckId: id,
    licencePlate: null,
    queueArrivalS: s(queue),
    gateInS: s(gateIn),
    gateOutS: s(gateOut),
    appointmentId: null,
    troubleTicket: null,
    carrierScac: null,
    moves: [],
  });
  // Gate-in all in 08:00–09:00 local (16:00–17:00Z) on 11-20: turns 65, 90 and 40 min → mean 65.
  return [
    v("T1", "2026-11-20T16:00:00Z", "2026-11-20T16:10:00Z", "2026-11-20T17:05:00Z"),
    v("T2", "2026-11-20T16:05:00Z", "2026-11-20T16:30:00Z", "2026-11-20T17:35:00Z"),
    v("T3", "2026-11-20T16:20:00Z", "2026-11-20T16:40:00Z", "2026-11-20T17:00:00Z"),
  ];
}

/** YTI for 11-20: all open (published the day before), then 40 ft closed for every line at 10:40 local. */
const RULES_CSV = [
  "terminal,day,published_at,size_ft,line,accepting",
  `${YTI},2026-11-20,2026-11-19T15:00:00-08:00,40,*,yes`,
  `${YTI},2026-11-20,2026-11-19T15:00:00-08:00,20,*,yes`,
  `${YTI},2026-11-20,2026-11-20T10:40:00-08:00,40,*,no`,
  `${YTI},2026-11-20,2026-11-20T10:40:00-08:00,20,*,yes`,
].join("\n");

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`operations alerts by signed webhook on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;
    let app: FastifyInstance;
    const rx = receiver();
    let base = "";
    let admin: Record<string, string> = {};
    const api = "/api/ports/USLAX/operations/alerts/subscriptions";

    /** Subscribes through the API; the receiver learns the secret for that path. */
    async function subscribe(path: string, kinds: Record<string, unknown>) {
      const r = await app.inject({
        headers: admin,
        method: "POST",
        url: api,
        payload: { url: `${base}${path}`, kinds, owner: "dispatch desk" },
      });
      expect(r.statusCode).toBe(200);
      const sub = r.json();
      rx.secrets.set(path, sub.secret);
      return sub as { id: string; secret: string };
    }
    const ingest = (events: ContainerEvent[], file: string) =>
      ingestOperations(store.operations, parsedOf({ events }), { file, port: PORT, timeZone: ZONE });
    const deliveries = async (id: string) =>
      (await app.inject({ headers: admin, method: "GET", url: `${api}/${id}/deliveries` })).json();

    beforeAll(async () => {
      db = await kind.create();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
      await store.ports.upsertPorts(loadPortRecords());
      app = await buildApp({ store, webhookTargets: LOCAL });
      // Subscriptions are for terminals, trucking companies and admins (issue 14): the test is an admin.
      admin = await adminKeyHeaders(store);
      await new Promise<void>((resolve) => rx.server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => rx.server.close(resolve));
      await app?.close();
      await store?.close();
      await db?.drop();
    });

    it("refuses a webhook URL at an address the node may not call, worded in en and ja (SSRF guard)", async () => {
      const kinds = { "dwell.exceeded": { thresholdDays: 5 } };
      const post = (url: string, lang = "en") =>
        app.inject({
          headers: { ...admin, "accept-language": lang },
          method: "POST",
          url: api,
          payload: { url, owner: "o", kinds },
        });
      // The app allows 127.0.0.1/32 only: another loopback address, a private one and the
      // metadata service (written as an IPv4-mapped IPv6 address) stay refused.
      for (const [url, address] of [
        ["http://127.0.0.2/h", "127.0.0.2"],
        ["http://10.0.0.5:8080/h", "10.0.0.5"],
        ["http://[::ffff:a9fe:a9fe]/latest/meta-data/", "169.254.169.254"],
        ["http://2852039166/", "169.254.169.254"], // 169.254.169.254 in decimal
      ] as const) {
        const r = await post(url);
        expect(r.statusCode).toBe(400);
        expect(r.headers["content-type"]).toContain("application/problem+json");
        const issue = r.json().issues[0];
        expect(issue).toMatchObject({ field: "url", in: "body", given: url });
        expect(issue.reason).toContain(`${address} is a`);
        expect(issue.reason).toContain("SP_ALERTS_ALLOW_PRIVATE");
      }
      const ja = (await post("http://10.0.0.5/h", "ja")).json();
      expect(ja.title).toBe("リクエストが正しくありません");
      expect(ja.issues[0].reason).toContain("10.0.0.5 はプライベートネットワークのアドレス");
      const meta = (await post("http://169.254.169.254/", "ja")).json();
      expect(meta.issues[0].reason).toContain("リンクローカルアドレス");
      const list = (await app.inject({ headers: admin, method: "GET", url: api })).json();
      expect(JSON.stringify(list)).not.toContain("10.0.0.5");
    });

    it("creates a subscription with a whsec_ secret shown once, and refuses bad ones", async () => {
      const sub = await subscribe("/created", { "box.moved": { containers: ["csqu 305438-3"] } });
      // whsec_ + base64 of 32 bytes = 44 characters.
      expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const one = (await app.inject({ headers: admin, method: "GET", url: `${api}/${sub.id}` })).json();
      expect(one).toMatchObject({ id: sub.id, port: PORT, active: true, owner: "dispatch desk" });
      expect(one.kinds["box.moved"].containers).toEqual([BOX.A]); // normalised
      expect(one.secret).toBeUndefined();
      const list = (await app.inject({ headers: admin, method: "GET", url: api })).json();
      expect(list.subscriptions.map((x: { id: string }) => x.id)).toContain(sub.id);
      expect(JSON.stringify(list)).not.toContain(sub.secret);

      const bad = async (payload: Record<string, unknown>, status = 400) => {
        const r = await app.inject({ headers: admin, method: "POST", url: api, payload });
        expect(r.statusCode).toBe(status);
        expect(r.headers["content-type"]).toContain("application/problem+json");
      };
      const ok = {
        url: "https://x.example/h",
        owner: "o",
        kinds: { "dwell.exceeded": { thresholdDays: 5 } },
      };
      await bad({ ...ok, url: "ftp://x.example/h" });
      await bad({ ...ok, url: "javascript:alert(1)" });
      await bad({ ...ok, kinds: {} });
      await bad({ ...ok, kinds: { "box.moved": { containers: ["CSQU3054384"] } } }); // wrong check digit
      await bad({ ...ok, kinds: { "box.moved": { containers: Array(501).fill(BOX.A) } } });
      const nowhere = await app.inject({
        headers: admin,
        method: "POST",
        url: "/api/ports/XXXXX/operations/alerts/subscriptions",
        payload: ok,
      });
      expect(nowhere.statusCode).toBe(404);
      expect((await app.inject({ headers: admin, method: "GET", url: `${api}/sub_nope` })).statusCode).toBe(
        404,
      );
      expect(
        (await app.inject({ headers: admin, method: "DELETE", url: `${api}/${sub.id}` })).json(),
      ).toEqual({
        id: sub.id,
        removed: true,
      });
      expect((await app.inject({ headers: admin, method: "GET", url: `${api}/${sub.id}` })).statusCode).toBe(
        404,
      );
    });

    it("box.moved: one alert per new event on a watched box — a re-ingest or an older event sends nothing", async () => {
      const before = event({
        eventCode: "DISC",
        eventAtS: s("2026-11-01T10:00:00Z"),
        containerNumber: BOX.H,
      });
      await ingest([before], "before.json"); // stored before anyone watched H
      const sub = await subscribe("/moved", { "box.moved": { containers: [BOX.H, BOX.I] } });
      const batch = [
        before, // a duplicate now: raises nothing
        event({
          eventCode: "GTOT",
          eventAtS: s("2026-11-03T10:00:00Z"),
          containerNumber: BOX.H,
          mode: "TRUCK",
        }),
        event({ eventCode: "DISC", eventAtS: s("2026-11-03T11:00:00Z"), containerNumber: BOX.J }), // not watched
      ];
      const first = await ingest(batch, "batch.json");
      expect(first).toMatchObject({ read: 3, accepted: 2, duplicates: 1 });
      const again = await ingest(batch, "batch.json");
      expect(again).toMatchObject({ read: 3, accepted: 0, duplicates: 3 });
      // The same batch twice → one alert in the outbox.
      const queued = await deliveries(sub.id);
      expect(queued.deliveries).toHaveLength(1);
      expect(queued.deliveries[0]).toMatchObject({ type: "box.moved", status: "pending", attempts: [] });
      expect(queued.deliveries[0].data).toMatchObject({ containerNumber: BOX.H, eventCode: "GTOT" });

      const sent = await deliverDue(store.operations.alerts, { send });
      expect(sent).toMatchObject({ tried: 1, delivered: 1 });
      const got = rx.on("/moved");
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ type: "box.moved", id: queued.deliveries[0].id, problem: null });
      expect(got[0]?.data).toMatchObject({
        containerNumber: BOX.H,
        eventCode: "GTOT",
        at: "2026-11-03T10:00:00Z",
      });
      const after = (await deliveries(sub.id)).deliveries[0];
      expect(after.status).toBe("delivered");
      expect(after.attempts).toHaveLength(1);
      expect(after.attempts[0]).toMatchObject({ attempt: 1, statusCode: 200, error: null });
      // Nothing left to send.
      expect(await deliverDue(store.operations.alerts, { send })).toMatchObject({ tried: 0 });
      expect(rx.on("/moved")).toHaveLength(1);
    });

    it("retries a receiver that answers 500, then 200: after 1 minute, with the same webhook-id", async () => {
      const sub = await subscribe("/flaky", { "box.moved": { containers: [BOX.K] } });
      rx.answers.set("/flaky", [500]);
      await ingest(
        [event({ eventCode: "DISC", eventAtS: s("2026-11-04T10:00:00Z"), containerNumber: BOX.K })],
        "k.json",
      );
      const t0 = nowS();
      expect(
        await deliverDue(store.operations.alerts, { send, nowS: () => t0, jitter: () => 0 }),
      ).toMatchObject({
        tried: 1,
        retrying: 1,
      });
      const pending = (await deliveries(sub.id)).deliveries[0];
      expect(pending).toMatchObject({ status: "pending" });
      expect(Date.parse(pending.nextAttemptAt) / 1000).toBe(t0 + 60);
      expect(pending.attempts[0]).toMatchObject({ attempt: 1, statusCode: 500 });
      // Not due 59 s later; due at 60 s.
      expect(
        await deliverDue(store.operations.alerts, { send, nowS: () => t0 + 59, jitter: () => 0 }),
      ).toMatchObject({ tried: 0 });
      expect(
        await deliverDue(store.operations.alerts, { send, nowS: () => t0 + 60, jitter: () => 0 }),
      ).toMatchObject({
        tried: 1,
        delivered: 1,
      });
      const got = rx.on("/flaky");
      expect(got).toHaveLength(2);
      expect(got[0]?.id).toBe(got[1]?.id);
      expect(got.every((g) => g.problem === null)).toBe(true);
      const done = (await deliveries(sub.id)).deliveries[0];
      expect(done.status).toBe("delivered");
      expect(done.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
    });

    it("a receiver that fails holds its other messages with the failed one: one try per drain, not one per message", async () => {
      const sub = await subscribe("/down", { "box.moved": { containers: [BOX.X] } });
      rx.answers.set("/down", [503]);
      await ingest(
        [
          event({ eventCode: "DISC", eventAtS: s("2026-11-07T10:00:00Z"), containerNumber: BOX.X }),
          event({
            eventCode: "GTOT",
            eventAtS: s("2026-11-08T10:00:00Z"),
            containerNumber: BOX.X,
            mode: "TRUCK",
          }),
        ],
        "x.json",
      );
      const t0 = nowS();
      expect(
        await deliverDue(store.operations.alerts, { send, nowS: () => t0, jitter: () => 0 }),
      ).toMatchObject({
        tried: 1,
        retrying: 1,
      });
      const held = (await deliveries(sub.id)).deliveries;
      expect(held.map((d: { status: string }) => d.status)).toEqual(["pending", "pending"]);
      // Both due when the failed one's retry is (a minute on); only one was tried.
      expect(held.map((d: { nextAttemptAt: string }) => Date.parse(d.nextAttemptAt) / 1000)).toEqual([
        t0 + 60,
        t0 + 60,
      ]);
      expect(held.map((d: { attempts: unknown[] }) => d.attempts.length).sort()).toEqual([0, 1]);
      expect(rx.on("/down")).toHaveLength(1);
      expect(
        await deliverDue(store.operations.alerts, { send, nowS: () => t0 + 60, jitter: () => 0 }),
      ).toMatchObject({
        tried: 2,
        delivered: 2,
      });
      expect(rx.on("/down")).toHaveLength(3);
    });

    it("the board's refresher (as `serve` starts it) raises and delivers on its first tick", async () => {
      await subscribe("/refresher", { "box.moved": { containers: [BOX.J] } });
      await ingest(
        [event({ eventCode: "DISC", eventAtS: s("2026-11-09T10:00:00Z"), containerNumber: BOX.J })],
        "j.json",
      );
      const errors: unknown[] = [];
      const refresher = startSignalRefresher(store.operations, (p) => (p === PORT ? ZONE : undefined), {
        intervalS: 3600,
        send,
        onError: (e) => errors.push(e),
      });
      try {
        for (let i = 0; i < 100 && rx.on("/refresher").length === 0; i++)
          await new Promise((r) => setTimeout(r, 50));
      } finally {
        refresher.stop();
      }
      expect(errors).toEqual([]);
      expect(rx.on("/refresher")).toMatchObject([
        { type: "box.moved", problem: null, data: { containerNumber: BOX.J } },
      ]);
    });

    it("a 410 Gone disables the subscription (as Svix does): nothing more is raised or sent", async () => {
      const sub = await subscribe("/gone", { "box.moved": { containers: [BOX.E] } });
      rx.answers.set("/gone", [410]);
      const ping = await app.inject({ headers: admin, method: "POST", url: `${api}/${sub.id}/test` });
      expect(ping.statusCode).toBe(200);
      expect(ping.json().delivery).toMatchObject({ type: "ping", status: "failed" });
      expect(ping.json().delivery.attempts[0]).toMatchObject({ statusCode: 410 });
      expect(rx.on("/gone")).toHaveLength(1);
      expect(rx.on("/gone")[0]?.problem).toBeNull();
      const now = (await app.inject({ headers: admin, method: "GET", url: `${api}/${sub.id}` })).json();
      expect(now.active).toBe(false);
      expect(now.disabledReason).toContain("410");
      await ingest(
        [event({ eventCode: "DISC", eventAtS: s("2026-11-05T10:00:00Z"), containerNumber: BOX.E })],
        "e.json",
      );
      expect((await deliveries(sub.id)).deliveries).toHaveLength(1); // the ping only
      expect(
        (await app.inject({ headers: admin, method: "POST", url: `${api}/${sub.id}/test` })).statusCode,
      ).toBe(409);
    });

    it("PATCH re-enables a disabled subscription for what happens next; nothing old is resent", async () => {
      const sub = await subscribe("/back", { "box.moved": { containers: [BOX.A] } });
      const patch = (payload: Record<string, unknown>) =>
        app.inject({ headers: admin, method: "PATCH", url: `${api}/${sub.id}`, payload });
      // Queued, not yet sent: a box.moved for A (10:00Z).
      await ingest(
        [event({ eventCode: "DISC", eventAtS: s("2026-11-06T10:00:00Z"), containerNumber: BOX.A })],
        "back-1.json",
      );
      // The receiver answers the ping 410 Gone: disabled, and the queued message fails with it.
      rx.answers.set("/back", [410]);
      await app.inject({ headers: admin, method: "POST", url: `${api}/${sub.id}/test` });
      const gone = (await app.inject({ headers: admin, method: "GET", url: `${api}/${sub.id}` })).json();
      expect(gone).toMatchObject({ active: false });
      // Moves while disabled raise nothing.
      await ingest(
        [
          event({
            eventCode: "GTOT",
            eventAtS: s("2026-11-07T10:00:00Z"),
            containerNumber: BOX.A,
            mode: "TRUCK",
          }),
        ],
        "back-2.json",
      );
      const before = (await deliveries(sub.id)).deliveries;
      expect(before.map((d: { type: string; status: string }) => `${d.type} ${d.status}`).sort()).toEqual([
        "box.moved failed",
        "ping failed",
      ]);

      const on = await patch({ enabled: true });
      expect(on.statusCode).toBe(200);
      expect(on.json()).toMatchObject({ id: sub.id, active: true, disabledReason: null });
      expect(Date.parse(on.json().alertsFrom)).toBeGreaterThanOrEqual(Date.parse(on.json().createdAt));
      expect((await patch({ enabled: true })).json()).toEqual(on.json()); // already enabled: unchanged
      await deliverDue(store.operations.alerts, { send });
      expect(rx.on("/back")).toHaveLength(1); // the ping only: the failed box.moved is not resent
      expect((await deliveries(sub.id)).deliveries).toHaveLength(2);

      // A move after re-enabling is delivered.
      await ingest(
        [
          event({
            eventCode: "GTIN",
            eventAtS: s("2026-11-08T10:00:00Z"),
            containerNumber: BOX.A,
            mode: "TRUCK",
          }),
        ],
        "back-3.json",
      );
      await deliverDue(store.operations.alerts, { send });
      expect(rx.on("/back").map((g) => [g.type, g.problem, g.data["eventCode"]])).toEqual([
        ["ping", null, undefined],
        ["box.moved", null, "GTIN"],
      ]);

      const off = (await patch({ enabled: false })).json();
      expect(off.active).toBe(false);
      expect(off.disabledReason).toMatch(/^disabled by .+ at 20\d\d-/);
      expect((await patch({ enabled: "yes" })).statusCode).toBe(400);
      expect((await patch({ enabled: true, url: "http://x.example/" })).statusCode).toBe(400);
      expect(
        (await app.inject({ method: "PATCH", url: `${api}/${sub.id}`, payload: { enabled: true } }))
          .statusCode,
      ).toBe(401);
    });

    it("a test ping to a live receiver is delivered and verifies", async () => {
      const sub = await subscribe("/ping", { "empty_return.closed": {} });
      const r = (await app.inject({ headers: admin, method: "POST", url: `${api}/${sub.id}/test` })).json();
      expect(r.delivery).toMatchObject({ type: "ping", status: "delivered" });
      expect(rx.on("/ping")).toMatchObject([
        { type: "ping", problem: null, data: { subscriptionId: sub.id } },
      ]);
    });

    it("the tick raises dwell, turn-time and board-closure alerts once each, and delivers them signed", async () => {
      await ingestOperations(store.operations, parsedOf({ events: tickEvents(), visits: tickVisits() }), {
        file: "tick.json",
        port: PORT,
        timeZone: ZONE,
        nowS: TICK_NOW_S,
      });
      const rules = parseReceivingRulesCsv(RULES_CSV, "rules.csv", loadFacilityLookup());
      await ingestOperations(store.operations, rules, {
        file: "rules.csv",
        port: PORT,
        timeZone: ZONE,
        nowS: TICK_NOW_S,
      });
      const body = subscriptionCreateSchema.parse({
        url: `${base}/tick`,
        owner: "terminal ops",
        kinds: {
          "dwell.exceeded": { thresholdDays: 4, terminal: YTI },
          "turn_time.exceeded": { thresholdMin: 60, statistic: "mean", minVisits: 3 },
          "empty_return.closed": { sizeFt: 40 },
        },
      });
      // Made two days before "now" (through the service: the API stamps the real clock).
      const sub = await createSubscription(store.operations.alerts, PORT, body, TICK_SUB_S, LOCAL);
      rx.secrets.set("/tick", sub.secret);

      const first = await alertTick(store.operations, PORT, ZONE, TICK_NOW_S, { send });
      // Dwell: B only (C crossed before the subscription, D left). Turn: YTI 08:00 local, mean 65 > 60
      // (hour 11, the current one, is not complete). Board: the 10:40 local closure of 40 ft.
      expect(first.raised).toEqual({
        "dwell.exceeded": 1,
        "turn_time.exceeded": 1,
        "empty_return.closed": 1,
      });
      expect(first.delivered).toMatchObject({ tried: 3, delivered: 3 });
      const got = rx.on("/tick");
      expect(got.map((g) => g.type).sort()).toEqual([
        "dwell.exceeded",
        "empty_return.closed",
        "turn_time.exceeded",
      ]);
      expect(got.every((g) => g.problem === null)).toBe(true);
      const byType = (t: string) => got.find((g) => g.type === t)?.data;
      expect(byType("dwell.exceeded")).toMatchObject({
        containerNumber: BOX.B,
        dischargedAt: "2026-11-15T19:00:00Z",
        crossedAt: "2026-11-19T19:00:00Z",
        dwellH: 120, // 5 days
      });
      expect(byType("turn_time.exceeded")).toMatchObject({
        terminal: YTI,
        hour: "2026-11-20T08",
        valueMin: 65,
        visits: 3,
      });
      expect(byType("empty_return.closed")).toMatchObject({
        terminal: YTI,
        day: "2026-11-20",
        sizeFt: 40,
        line: "*",
        publishedAt: "2026-11-20T18:40:00Z",
      });

      // The next tick (five minutes on) finds the same facts: nothing new, nothing sent.
      const second = await alertTick(store.operations, PORT, ZONE, TICK_NOW_S + 300, { send });
      expect(second.raised).toEqual({
        "dwell.exceeded": 0,
        "turn_time.exceeded": 0,
        "empty_return.closed": 0,
      });
      expect(second.delivered.tried).toBe(0);
      expect(rx.on("/tick")).toHaveLength(3);
    });

    it("purges finished messages raised before the cut-off, with their attempts; pending ones stay", async () => {
      const sub = await subscribe("/purge", { "box.moved": { containers: [BOX.G] } });
      rx.answers.set("/purge", [503]);
      await ingest(
        [event({ eventCode: "DISC", eventAtS: s("2026-11-06T10:00:00Z"), containerNumber: BOX.G })],
        "g.json",
      );
      await deliverDue(store.operations.alerts, { send, port: PORT }); // 503: pending, retried in a minute
      const tick = (await deliveries(sub.id)).deliveries;
      expect(tick.map((d: { status: string }) => d.status)).toEqual(["pending"]);
      const all = async () => {
        const list = (await app.inject({ headers: admin, method: "GET", url: api })).json().subscriptions;
        let n = 0;
        for (const x of list) n += (await deliveries(x.id)).deliveries.length;
        return n;
      };
      const before = await all();
      const purged = await store.operations.alerts.purge(PORT, nowS() + 1);
      // Everything delivered or failed so far goes; the one pending message stays.
      expect(purged).toBe(before - 1);
      expect(await all()).toBe(1);
      expect((await deliveries(sub.id)).deliveries[0].attempts).toHaveLength(1);
    });
  });
}

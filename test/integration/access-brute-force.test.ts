/**
 * Password and key guessing (issue 14 "Proof"): rate-limited and audited, measured. The app runs
 * with its default limits (sign-in: 10 a minute per client address and per user name; refused API
 * keys: 10 a minute per address) on a clock the test moves (only Date is faked), and a guesser
 * tries once a second for one minute:
 *   tokens available in [0 s, 59 s] = 10 (the bucket) + 59 s × 10/60 per s = 19.83 → 19 attempts
 *   answered, the other 41 refused with 429 — each refusal in the audit log with the address.
 * Accounts are made with a cheap scrypt cost (RFC 7914's N = 1024) so that the minute runs fast;
 * the limits do not depend on the cost.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addUser, type ScryptParams } from "../../src/access/index.ts";
import { loadPortRecords } from "../../src/ports/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

const CHEAP: ScryptParams = { N: 1024, r: 8, p: 1, saltBytes: 16, keyBytes: 64 };
const T0 = Date.parse("2026-12-05T00:00:00Z");
/** 10 + floor(59 × 10 / 60) = 19: see the header. */
const ANSWERED_PER_MINUTE = 19;

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`brute force on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;
    let app: FastifyInstance;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sp-brute-"));

    beforeAll(async () => {
      // Before buildApp: the limits read Date.now as it is when they are made.
      vi.useFakeTimers({ toFake: ["Date"], now: T0 });
      db = await kind.create();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
      await store.ports.upsertPorts(loadPortRecords());
      for (let i = 0; i < 70; i++)
        await addUser(
          store.access,
          { name: `user${i}`, role: "analyst" },
          { kind: "cli", id: "test" },
          T0,
          CHEAP,
        );
      app = await buildApp({ store, webDir: "/nonexistent" });
      await app.ready();
    }, 60_000);
    afterAll(async () => {
      vi.useRealTimers();
      await app?.close();
      await store?.close();
      await db?.drop();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    // Each scenario runs in its own hour, so no bucket carries over.
    let guessers = 0;
    /** One attempt a second for 60 s; the statuses. */
    async function minute(attempt: (second: number) => Promise<number>): Promise<number[]> {
      const statuses: number[] = [];
      for (let s = 0; s < 60; s++) {
        vi.setSystemTime(T0 + guessers * 3_600_000 + s * 1000);
        statuses.push(await attempt(s));
      }
      guessers += 1;
      return statuses;
    }
    const signIn = (name: string, ip: string) =>
      app
        .inject({
          method: "POST",
          url: "/api/session",
          remoteAddress: ip,
          payload: { name, password: "wrong guess" },
        })
        .then((r) => r.statusCode);

    async function auditOf(ip: string) {
      await app.flushAccessAudit();
      return (await store.access.listAudit({ limit: 1000 })).filter((e) => e.ip === ip);
    }

    it("password guessing from one address, a different account each time: 19 answered a minute", async () => {
      const statuses = await minute((s) => signIn(`user${s}`, "198.51.100.1"));
      const answered = statuses.filter((s) => s === 401).length;
      const refused = statuses.filter((s) => s === 429).length;
      console.log(`sign-in per address: ${answered} answered, ${refused} refused (429) in one minute`);
      expect(answered).toBe(ANSWERED_PER_MINUTE);
      expect(refused).toBe(60 - ANSWERED_PER_MINUTE);
      // The first 11 seconds pass (10 in the bucket, one more refilled by t = 6 s), then the 12th waits.
      expect(statuses.slice(0, 11).every((s) => s === 401)).toBe(true);
      expect(statuses[11]).toBe(429);
      const log = await auditOf("198.51.100.1");
      expect(log.filter((e) => e.action === "login" && e.outcome === "rate_limited").length).toBe(refused);
      expect(log.filter((e) => e.action === "login" && e.outcome === "failed").length).toBe(answered);
    }, 60_000);

    it("password guessing of one account from a new address each time: 19 answered a minute", async () => {
      const statuses = await minute((s) => signIn("user69", `203.0.113.${s + 1}`));
      const answered = statuses.filter((s) => s === 401).length;
      console.log(`sign-in per account: ${answered} answered, ${60 - answered} refused (429) in one minute`);
      expect(answered).toBe(ANSWERED_PER_MINUTE);
      await app.flushAccessAudit();
      const log = (await store.access.listAudit({ limit: 1000 })).filter(
        (e) => e.action === "login" && e.target === "user69",
      );
      expect(log.filter((e) => e.outcome === "rate_limited").length).toBe(60 - ANSWERED_PER_MINUTE);
      // Each refusal names the address it came from.
      expect(new Set(log.map((e) => e.ip)).size).toBe(60);
    }, 60_000);

    it("key guessing from one address: 19 keys checked a minute, then 429, each refusal audited", async () => {
      const statuses = await minute((s) =>
        app
          .inject({
            method: "GET",
            url: "/api/ports/USLAX/emissions/inventories",
            remoteAddress: "198.51.100.2",
            headers: { authorization: `Bearer spx_${String(s).padStart(16, "0")}_${"A".repeat(43)}` },
          })
          .then((r) => r.statusCode),
      );
      const answered = statuses.filter((s) => s === 401).length;
      const refused = statuses.filter((s) => s === 429).length;
      console.log(`API keys per address: ${answered} checked (401), ${refused} refused (429) in one minute`);
      expect(answered).toBe(ANSWERED_PER_MINUTE);
      expect(refused).toBe(60 - ANSWERED_PER_MINUTE);
      const log = await auditOf("198.51.100.2");
      expect(log.filter((e) => e.action === "denied" && e.outcome === "rate_limited").length).toBe(refused);
      expect(log.filter((e) => e.action === "denied" && e.outcome === "denied_401").length).toBe(answered);
    }, 60_000);

    it("a guessed right password is still refused while the address waits", async () => {
      vi.setSystemTime(T0 + 100 * 3_600_000);
      const { oneTimePassword } = await addUser(
        store.access,
        { name: "target", role: "analyst" },
        { kind: "cli", id: "test" },
        Date.now(),
        CHEAP,
      );
      for (let i = 0; i < 10; i++) expect(await signIn(`user${i}`, "198.51.100.3")).toBe(401);
      const r = await app.inject({
        method: "POST",
        url: "/api/session",
        remoteAddress: "198.51.100.3",
        payload: { name: "target", password: oneTimePassword },
      });
      expect(r.statusCode).toBe(429);
      expect(r.headers["set-cookie"]).toBeUndefined();
    }, 60_000);
  });
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabaseKinds } from "../../../test/helpers/databases.ts";
import { readAuditPage } from "../../access/audit-page.ts";
import type { AccessStore, AuditEntry } from "../../access/store.ts";
import { openStore, type Store } from "../index.ts";

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`access store on ${kind.kind}`, () => {
    let database: TestDatabase;
    let store: Store;
    let access: AccessStore;
    beforeAll(async () => {
      database = await kind.create();
      store = openStore({ databaseUrl: database.url });
      await store.migrate();
      access = store.access;
    });
    afterAll(async () => {
      await store?.close();
      await database?.drop();
    });

    it("keeps users, refuses a second user of the same name, disables and ends sessions", async () => {
      const user = {
        id: "u1",
        name: "mika",
        role: "terminal" as const,
        ports: ["JPNGO"],
        owner: "TCB",
        passwordHash: "scrypt$x",
        createdAt: "2026-12-05T00:00:00.000Z",
        disabledAt: null,
      };
      await access.addUser(user);
      await expect(access.addUser({ ...user, id: "u2" })).rejects.toThrow();
      expect(await access.findUserByName("mika")).toEqual(user);
      expect(await access.getUser("nobody")).toBeUndefined();
      await access.addSession({
        tokenHash: "h1",
        userId: "u1",
        createdAt: user.createdAt,
        expiresAt: "2026-12-05T12:00:00.000Z",
        lastSeenAt: user.createdAt,
      });
      await access.touchSession("h1", "2026-12-05T01:00:00.000Z");
      expect((await access.getSession("h1"))?.lastSeenAt).toBe("2026-12-05T01:00:00.000Z");
      await access.setPasswordHash("u1", "scrypt$y");
      expect((await access.getUser("u1"))?.passwordHash).toBe("scrypt$y");
      expect(await access.disableUser("u1", "2026-12-05T02:00:00.000Z")).toBe(true);
      expect(await access.disableUser("u1", "2026-12-05T03:00:00.000Z")).toBe(false);
      expect(await access.getSession("h1")).toBeUndefined();
      expect((await access.listUsers()).map((u) => u.disabledAt)).toEqual(["2026-12-05T02:00:00.000Z"]);
    });

    it("keeps API keys with every port or some, revokes once, records last use", async () => {
      const key = {
        id: "0123456789abcdef",
        secretHash: "ab".repeat(32),
        name: "fueller telemetry",
        role: "partner" as const,
        ports: "*" as const,
        owner: "ACME H2",
        createdBy: "cli",
        createdAt: "2026-12-05T00:00:00.000Z",
        expiresAt: null,
        revokedAt: null,
        lastUsedAt: null,
      };
      await access.addKey(key);
      await access.addKey({ ...key, id: "fedcba9876543210", ports: ["USLAX", "JPNGO"] });
      expect(await access.getKey(key.id)).toEqual(key);
      await access.touchKey(key.id, "2026-12-05T04:00:00.000Z");
      expect((await access.getKey(key.id))?.lastUsedAt).toBe("2026-12-05T04:00:00.000Z");
      expect(await access.revokeKey(key.id, "2026-12-05T05:00:00.000Z")).toBe(true);
      expect(await access.revokeKey(key.id, "2026-12-05T06:00:00.000Z")).toBe(false);
      expect((await access.listKeys()).map((k) => [k.id, k.ports, k.revokedAt])).toEqual([
        [key.id, "*", "2026-12-05T05:00:00.000Z"],
        ["fedcba9876543210", ["USLAX", "JPNGO"], null],
      ]);
    });

    it("appends audit entries and lists them newest first, since an instant", async () => {
      for (const [i, at] of ["2026-12-05T00:00:00.000Z", "2026-12-05T01:00:00.000Z"].entries())
        await access.appendAudit({
          id: `a${i}`,
          at,
          actorKind: "anonymous",
          actorId: null,
          action: "denied",
          target: "GET /api/x",
          outcome: "denied_401",
          ip: "127.0.0.1",
          detail: i === 0 ? null : { reason: "no credentials" },
        });
      expect((await access.listAudit()).map((e) => e.id)).toEqual(["a1", "a0"]);
      expect(await access.listAudit({ since: "2026-12-05T00:30:00.000Z" })).toEqual([
        {
          id: "a1",
          at: "2026-12-05T01:00:00.000Z",
          actorKind: "anonymous",
          actorId: null,
          action: "denied",
          target: "GET /api/x",
          outcome: "denied_401",
          ip: "127.0.0.1",
          detail: { reason: "no credentials" },
        },
      ]);
      // Append-only: the interface offers no way to change or remove an entry.
      expect(Object.keys(access).filter((k) => /audit/i.test(k))).toEqual(["appendAudit", "listAudit"]);
    });

    /** Entry `n` of a made-up log: a minute apart from 2026-12-06T00:00Z, three per instant from n = 200. */
    const entry = (n: number, atMs: number): AuditEntry => ({
      id: `p${String(n).padStart(4, "0")}-${(n * 7919) % 1000}`,
      at: new Date(atMs).toISOString(),
      actorKind: "user",
      actorId: n % 3 === 0 ? "u-ana" : "u-ben",
      action: n % 2 === 0 ? "key.use" : "change",
      target: "GET /api/ports/:locode/calls",
      outcome: n % 5 === 0 ? "denied_403" : "ok",
      ip: null,
      detail: null,
    });
    const T0 = Date.parse("2026-12-06T00:00:00.000Z");
    const atOf = (n: number) =>
      n < 200 ? T0 + n * 60_000 : T0 + 200 * 60_000 + Math.floor((n - 200) / 3) * 60_000;
    const byNewest = (a: AuditEntry, b: AuditEntry) =>
      a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1;

    it("pages the audit log newest first while entries are appended between pages: each once, none lost", async () => {
      const made = Array.from({ length: 260 }, (_, n) => entry(n, atOf(n)));
      await access.appendAudit(made);
      const present = await access.listAudit({ limit: 100_000 });
      const seen: AuditEntry[] = [];
      const late: AuditEntry[] = [];
      let cursor: string | undefined;
      for (let pageNo = 0; pageNo < 100; pageNo++) {
        const page = await readAuditPage(access, { limit: 37, ...(cursor ? { before: cursor } : {}) });
        seen.push(...page.entries);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
        // Between pages: a new entry (newer than all: it belongs before the first page, so the walk
        // never meets it) and a batched one stamped earlier than this page's end (the hook writes
        // entries up to 5 s late): the walk meets it further on.
        const last = page.entries.at(-1)!;
        await access.appendAudit(entry(1000 + pageNo, T0 + 400 * 60_000 + pageNo));
        const delayed = entry(2000 + pageNo, Date.parse(last.at) - 1);
        late.push(delayed);
        await access.appendAudit(delayed);
      }
      const ids = seen.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...present, ...late].map((e) => e.id).sort());
      expect(seen).toEqual([...seen].sort(byNewest));
      expect(ids.some((id) => id.startsWith("p1"))).toBe(false);
    });

    it("filters the audit log by actor, action, outcome and a [from, to) window, paged", async () => {
      const from = new Date(T0 + 100 * 60_000).toISOString();
      const to = new Date(atOf(240)).toISOString();
      // Independently: the entries `made` above that match, by the rule each filter states.
      const expected = Array.from({ length: 260 }, (_, n) => entry(n, atOf(n)))
        .filter((e) => e.actorId === "u-ana" && e.action === "key.use" && e.outcome === "ok")
        .filter((e) => e.at >= from && e.at < to)
        .sort(byNewest);
      // n ≡ 0 mod 6 (u-ana, key.use), not ≡ 0 mod 5 (ok), at in [minute 100, minute 213): n from 100
      // to 238 (239 and 240 share minute 213). 102…234 by 6 = 23 values, less 120, 150, 180, 210.
      expect(expected).toHaveLength(19);
      const seen: AuditEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await readAuditPage(access, {
          actorId: "u-ana",
          action: "key.use",
          outcome: "ok",
          since: from,
          until: to,
          limit: 5,
          ...(cursor ? { before: cursor } : {}),
        });
        expect(page.entries.length).toBeLessThanOrEqual(5);
        seen.push(...page.entries);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(expected);
      await expect(readAuditPage(access, { before: "not-a-cursor" }, "en")).rejects.toThrow(/not a cursor/);
      await expect(readAuditPage(access, { limit: 1001 }, "en")).rejects.toThrow(/1 to 1000/);
    });
  });
}

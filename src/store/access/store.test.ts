import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabaseKinds } from "../../../test/helpers/databases.ts";
import type { AccessStore } from "../../access/store.ts";
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
  });
}

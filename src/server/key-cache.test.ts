/**
 * API keys taken on trust for a short while (KeyPrincipalCache) and the audit log kept out of the
 * store's data version: a keyed read costs no store read of its key each time, and the answers the
 * server keeps are not thrown away by the audit entries every keyed read leaves (issue 12, KPI p99).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDatabaseKinds } from "../../test/helpers/databases.ts";
import { createKey } from "../access/index.ts";
import type { Principal } from "../core/http.ts";
import { loadPortRecords } from "../ports/index.ts";
import { openStore, type Store } from "../store/index.ts";
import { KEY_CACHE_MS, KeyPrincipalCache } from "./access.ts";
import { buildApp } from "./app.ts";

const P: Principal = { kind: "key", id: "k1", role: "analyst", ports: "*" };

describe("KeyPrincipalCache", () => {
  it("keeps a key's principal 30 s, never past the key's own expiry", () => {
    const cache = new KeyPrincipalCache();
    expect(KEY_CACHE_MS).toBe(30_000);
    cache.set("a", P, 1_000, null);
    expect(cache.get("a", 1_000 + 29_999)).toBe(P);
    expect(cache.get("a", 1_000 + 30_000)).toBeUndefined();
    // Expires at 10 s: kept until then, not for 30 s.
    cache.set("b", P, 0, new Date(10_000).toISOString());
    expect(cache.get("b", 9_999)).toBe(P);
    expect(cache.get("b", 10_000)).toBeUndefined();
    // Already expired: not kept at all.
    cache.set("c", P, 20_000, new Date(10_000).toISOString());
    expect(cache.size).toBe(0);
  });

  it("holds at most its bound, the oldest dropped first; clear empties it", () => {
    const cache = new KeyPrincipalCache(30_000, 2);
    cache.set("a", P, 0, null);
    cache.set("b", P, 0, null);
    cache.set("c", P, 0, null);
    expect([cache.get("a", 1), cache.get("b", 1), cache.get("c", 1)]).toEqual([undefined, P, P]);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

const kind = testDatabaseKinds()[0]!; // SQLite: the data version is SQLite's (PostgreSQL keeps nothing)

describe("keyed reads through the app (SQLite)", () => {
  let store: Store;
  let drop: () => Promise<void>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    const db = await kind.create();
    drop = db.drop;
    store = openStore({ databaseUrl: db.url });
    await store.migrate();
    await store.ports.upsertPorts(loadPortRecords());
    app = await buildApp({ store });
    const made = await createKey(
      store.access,
      { name: "admin", role: "admin" },
      { kind: "cli", id: "t" },
      Date.now(),
    );
    admin = { authorization: `Bearer ${made.token}` };
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await drop?.();
  });

  const KPIS = "/api/ports/USLAX/operations/kpis?from=2026-01-01&to=2026-01-08";

  it("reads a key from the store once, not per request; a revocation through the API ends it at once", async () => {
    const { key, token } = await createKey(
      store.access,
      { name: "analyst", role: "analyst" },
      { kind: "cli", id: "t" },
      Date.now(),
    );
    const headers = { authorization: `Bearer ${token}` };
    const getKey = vi.spyOn(store.access, "getKey");
    try {
      for (let i = 0; i < 5; i++) expect((await app.inject({ url: KPIS, headers })).statusCode).toBe(200);
      expect(getKey.mock.calls.filter(([id]) => id === key.id)).toHaveLength(1);
      const revoke = await app.inject({ method: "DELETE", url: `/api/admin/keys/${key.id}`, headers: admin });
      expect(revoke.statusCode).toBe(200);
      expect((await app.inject({ url: KPIS, headers })).statusCode).toBe(401);
      // A wrong secret for a known key id is refused, though the id's principal was kept.
      const other = await createKey(
        store.access,
        { name: "b", role: "analyst" },
        { kind: "cli", id: "t" },
        Date.now(),
      );
      const good = { authorization: `Bearer ${other.token}` };
      expect((await app.inject({ url: KPIS, headers: good })).statusCode).toBe(200);
      const forged = { authorization: `Bearer ${other.token.slice(0, -3)}AAA` };
      expect((await app.inject({ url: KPIS, headers: forged })).statusCode).toBe(401);
    } finally {
      getKey.mockRestore();
    }
  });

  it("keeps answers (same ETag, 304) across the audit flush of key uses; a data write moves them", async () => {
    const first = await app.inject({ url: KPIS, headers: admin });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\//);
    const version = store.dataVersion();
    await app.inject({ url: KPIS, headers: admin });
    await app.flushAccessAudit(); // the key uses (audit rows, last-use time) are written now
    expect((await store.access.listAudit()).filter((e) => e.action === "key.use").length).toBeGreaterThan(1);
    expect(store.dataVersion()).toBe(version);
    const again = await app.inject({ url: KPIS, headers: { ...admin, "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    // Data written (a new key: the access store's own data, not bookkeeping): the kept answer goes.
    await createKey(store.access, { name: "c", role: "analyst" }, { kind: "cli", id: "t" }, Date.now());
    expect(store.dataVersion()).not.toBe(version);
    const after = await app.inject({ url: KPIS, headers: { ...admin, "if-none-match": etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../../test/helpers/databases.ts";
import { startTestServer, type TestServer } from "../../test/helpers/server.ts";
import { addUser } from "../access/index.ts";

const kind = testDatabaseKinds()[0]!;

describe("access enforcement (SQLite)", () => {
  let server: TestServer;
  let password: string;
  beforeAll(async () => {
    const database = await kind.create();
    server = await startTestServer({ databaseUrl: database.url, webDir: "/nonexistent" });
    const added = await addUser(
      server.store.access,
      { name: "aiko", role: "analyst", ports: ["JPNGO"] },
      { kind: "cli", id: "test" },
      Date.now(),
    );
    password = added.oneTimePassword;
    const close = server.close;
    server.close = async () => {
      await close();
      await database.drop();
    };
  }, 30_000);
  afterAll(async () => server?.close());

  const call = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}${path}`, init);
  const SPEED = "/api/ports/USLAX/calls/speed-compliance?from=2026-01-01&to=2026-01-02";

  it("keeps public routes open and answers security headers on every reply", async () => {
    const r = await call("/api/ports");
    expect(r.status).toBe(200);
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(r.headers.get("strict-transport-security")).toBeNull(); // no TLS here
    expect((await call("/no/such/page")).headers.get("x-frame-options")).toBe("DENY");
  });

  it("answers 401 problem+json with WWW-Authenticate to nobody, 403 to a role not listed, data to one listed", async () => {
    const none = await call(SPEED);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="sisterports"');
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    expect(((await none.json()) as { code: string }).code).toBe("unauthorized");
    const partner = await call(SPEED, { headers: await server.headersFor("partner") });
    expect(partner.status).toBe(403);
    const analyst = await call(SPEED, { headers: await server.headersFor("analyst") });
    expect(analyst.status).toBe(200);
    const nagoyaOnly = await call(SPEED, {
      headers: await server.headersFor("analyst", { ports: ["JPNGO"] }),
    });
    expect(nagoyaOnly.status).toBe(403);
    const ja = await call(SPEED, { headers: { "accept-language": "ja" } });
    expect(((await ja.json()) as { detail: string }).detail).toContain("サインイン");
  });

  it("refuses a malformed, unknown or revoked key with 401 and records key use", async () => {
    expect((await call("/api/ports", { headers: { authorization: "Bearer nope" } })).status).toBe(401);
    const headers = await server.headersFor("analyst");
    const id = headers.authorization!.split("_")[1]!;
    expect((await call(SPEED, { headers })).status).toBe(200);
    await server.flushAudit();
    expect((await server.store.access.getKey(id))?.lastUsedAt).not.toBeNull();
    const revoke = await call(`/api/admin/keys/${id}`, { method: "DELETE", headers: server.adminHeaders });
    expect(revoke.status).toBe(200);
    expect(((await revoke.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expect((await call(SPEED, { headers })).status).toBe(401);
    const wrongSecret = `${headers.authorization!.slice(0, -3)}AAA`;
    expect((await call(SPEED, { headers: { authorization: wrongSecret } })).status).toBe(401);
    await server.flushAudit();
    const log = await server.store.access.listAudit();
    expect(log.some((e) => e.action === "key.use" && e.actorId === id && e.outcome === "200")).toBe(true);
    expect(log.some((e) => e.action === "denied" && e.outcome === "denied_401")).toBe(true);
    expect(log.some((e) => e.action === "key.revoke" && e.target === id)).toBe(true);
  });

  it("signs in with a cookie (HttpOnly, SameSite=Lax), needs the CSRF header for changes, signs out", async () => {
    const bad = await call("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "aiko", password: "wrong password" }),
    });
    expect(bad.status).toBe(401);
    const login = await call("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "aiko", password }),
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get("set-cookie")!;
    expect(setCookie).toMatch(
      /^sp_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/,
    );
    const { csrfToken, principal } = (await login.json()) as {
      csrfToken: string;
      principal: { role: string };
    };
    expect(principal.role).toBe("analyst");
    const cookie = setCookie.split(";")[0]!;
    const me = (await (await call("/api/session", { headers: { cookie } })).json()) as { csrfToken: string };
    expect(me.csrfToken).toBe(csrfToken);
    // The analyst is scoped to Nagoya.
    expect((await call(SPEED.replace("USLAX", "JPNGO"), { headers: { cookie } })).status).toBe(200);
    expect((await call(SPEED, { headers: { cookie } })).status).toBe(403);
    // A change without the CSRF header is refused; with it, it goes through.
    const compute = "/api/ports/JPNGO/emissions/inventory/compute";
    const noCsrf = await call(compute, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect(noCsrf.status).toBe(403);
    await server.flushAudit();
    expect((await server.store.access.listAudit()).some((e) => e.detail?.["reason"] === "csrf")).toBe(true);
    const out = await call("/api/session", {
      method: "DELETE",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    expect(await (await call("/api/session", { headers: { cookie } })).json()).toEqual({
      principal: null,
      csrfToken: null,
    });
    expect((await call(SPEED.replace("USLAX", "JPNGO"), { headers: { cookie } })).status).toBe(401);
  }, 20_000);

  it("changes a password: the old one and every old session stop working, the new session works", async () => {
    const sign = (pw: string) =>
      call("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "hana", password: pw }),
      });
    const { oneTimePassword } = await addUser(
      server.store.access,
      { name: "hana", role: "partner" },
      { kind: "cli", id: "test" },
      Date.now(),
    );
    const login = await sign(oneTimePassword);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const short = await call("/api/session/password", {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: "short" }),
    });
    expect(short.status).toBe(400);
    const changed = await call("/api/session/password", {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: "a long new passphrase" }),
    });
    expect(changed.status).toBe(200);
    const fresh = changed.headers.get("set-cookie")!.split(";")[0]!;
    expect(fresh).not.toBe(cookie);
    const whoOld = (await (await call("/api/session", { headers: { cookie } })).json()) as {
      principal: unknown;
    };
    expect(whoOld.principal).toBeNull();
    const whoNew = (await (await call("/api/session", { headers: { cookie: fresh } })).json()) as {
      principal: { name: string };
    };
    expect(whoNew.principal.name).toBe("hana");
    expect((await sign(oneTimePassword)).status).toBe(401);
    // A key has no password to change.
    const asKey = await call("/api/session/password", {
      method: "POST",
      headers: { ...(await server.headersFor("partner")), "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: "x", newPassword: "y" }),
    });
    expect(asKey.status).toBe(403);
  }, 30_000);

  it("rate-limits sign-in (10 a minute per address and per user name) and audits it", async () => {
    // The tests above used part of this address's 10 a minute (each attempt costs one scrypt, and a
    // token comes back every 6 s), so the refusal comes within 16 attempts, after at least two.
    const statuses: number[] = [];
    while (statuses.length < 16 && statuses.at(-1) !== 429)
      statuses.push(
        (
          await call("/api/session", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ name: "nobody-here", password: "guess" }),
          })
        ).status,
      );
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    await server.flushAudit();
    const log = await server.store.access.listAudit();
    expect(
      log.filter((e) => e.action === "login" && e.target === "nobody-here").map((e) => e.outcome),
    ).toContain("rate_limited");
  }, 60_000);

  it("tells an address guessing keys to wait after 10 refused keys a minute, and audits it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await call(SPEED, { headers: { authorization: `Bearer spx_${"0".repeat(16)}_${"A".repeat(43)}` } }))
          .status,
      );
    // Two refused keys were sent by the test above from this address already.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
    await server.flushAudit();
    expect(
      (await server.store.access.listAudit()).some(
        (e) => e.outcome === "rate_limited" && e.action === "denied",
      ),
    ).toBe(true);
  });

  it("limits the body of sign-in to 16 KiB", async () => {
    const r = await call("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x", password: "y".repeat(20_000) }),
    });
    expect(r.status).toBe(413);
  });

  it("lets an admin add a user (one-time password once) and read the audit; others get 403", async () => {
    const add = await call("/api/admin/users", {
      method: "POST",
      headers: { ...server.adminHeaders, "content-type": "application/json" },
      body: JSON.stringify({ name: "kenji", role: "terminal", ports: ["JPNGO"], owner: "TCB" }),
    });
    expect(add.status).toBe(200);
    const body = (await add.json()) as { oneTimePassword: string; user: { name: string } };
    expect(body.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const users = (await (
      await call("/api/admin/users", { headers: server.adminHeaders })
    ).json()) as object[];
    expect(JSON.stringify(users)).not.toContain("scrypt");
    expect((await call("/api/admin/audit", { headers: await server.headersFor("analyst") })).status).toBe(
      403,
    );
    const audit = (
      (await (await call("/api/admin/audit?limit=1000", { headers: server.adminHeaders })).json()) as {
        entries: { action: string }[];
      }
    ).entries;
    expect(audit.some((e) => e.action === "user.add")).toBe(true);
    expect(audit.some((e) => e.action === "change")).toBe(true);
    // Paged: two at a time, filtered, the cursor of the next page in the answer; a bad one is a 400.
    const first = (await (
      await call("/api/admin/audit?limit=2&action=change", { headers: server.adminHeaders })
    ).json()) as { entries: { id: string; action: string }[]; nextCursor: string | null };
    expect(first.entries.map((e) => e.action)).toEqual(["change", "change"]);
    const second = (await (
      await call(`/api/admin/audit?limit=2&action=change&before=${first.nextCursor}`, {
        headers: server.adminHeaders,
      })
    ).json()) as { entries: { id: string }[] };
    expect(second.entries.map((e) => e.id).filter((id) => first.entries.some((f) => f.id === id))).toEqual(
      [],
    );
    const bad = await call("/api/admin/audit?before=x%0Ay", {
      headers: { ...server.adminHeaders, "accept-language": "ja" },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("カーソルではありません");
  }, 20_000);
});

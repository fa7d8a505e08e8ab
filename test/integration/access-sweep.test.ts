/**
 * The access sweep (issue 14 "Proof"): every operation of the OpenAPI document the server serves ×
 * every principal (nobody, then one API key per role), called for real. The allowed set is each
 * operation's `x-access` — the RouteDefs' `access`, written once where each route is declared — so
 * a route added later is swept without anyone editing this file. Fails when a principal outside
 * `x-access` gets anything but 401 (nobody) / 403 (a role), or one inside gets 401/403.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/access/index.ts";
import { testDatabaseKinds } from "../helpers/databases.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

/** Demo-ish values for path parameters (a real port; ids that may or may not exist: 404 is fine). */
const PATH_VALUES: Record<string, string> = {
  locode: "USLAX",
  mmsi: "366999000",
  id: "sweep-0000",
  ref: "MSCU1234566",
  category: "ogv",
  sourceId: "sweep-0000",
};

interface Operation {
  method: string;
  path: string;
  access: string[];
  /** The route touches no port's data (x-port-scope: none). */
  portless: boolean;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

describe("access sweep over the served OpenAPI document", () => {
  let server: TestServer;
  let operations: Operation[] = [];
  const principals: { name: string; headers: Record<string, string>; ports?: string[]; role?: string }[] = [];

  beforeAll(async () => {
    const database = await testDatabaseKinds()[0]!.create();
    server = await startTestServer({ databaseUrl: database.url, webDir: "/nonexistent" });
    const close = server.close;
    server.close = async () => {
      await close();
      await database.drop();
    };
    const doc = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { "x-access"?: string[]; "x-port-scope"?: string }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          access: op["x-access"] ?? [],
          portless: op["x-port-scope"] === "none",
        })),
    );
    principals.push({ name: "nobody", headers: {} });
    for (const role of ROLES) principals.push({ name: role, role, headers: await server.headersFor(role) });
    // A key scoped to one port reaches no other port's non-public data.
    principals.push({
      name: "analyst@JPNGO",
      role: "analyst",
      ports: ["JPNGO"],
      headers: await server.headersFor("analyst", { ports: ["JPNGO"] }),
    });
  }, 60_000);
  afterAll(async () => server?.close());

  it("finds every operation with a known, non-empty x-access", () => {
    expect(operations.length).toBeGreaterThanOrEqual(40);
    for (const op of operations) {
      expect(op.access.length, `${op.method} ${op.path}`).toBeGreaterThan(0);
      for (const a of op.access) expect(["public", ...ROLES], `${op.method} ${op.path}`).toContain(a);
    }
  });

  it("answers each principal exactly as x-access says", async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const op of operations) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_VALUES[name] ?? "sweep");
      const hasPort = op.path.includes("{locode}");
      for (const p of principals) {
        const inside =
          op.access.includes("public") ||
          (p.role !== undefined &&
            op.access.includes(p.role) &&
            // A principal scoped to some ports reaches only routes naming one of them, or no port's data.
            (p.ports === undefined || op.portless || (hasPort && p.ports.includes(PATH_VALUES["locode"]!))));
        const body = op.method === "GET" || op.method === "DELETE" ? undefined : "{}";
        const r = await fetch(`${server.baseUrl}${url}`, {
          method: op.method,
          headers: { ...p.headers, ...(body ? { "content-type": "application/json" } : {}) },
          ...(body ? { body } : {}),
        });
        await r.arrayBuffer();
        calls += 1;
        const denied = r.status === 401 || r.status === 403;
        const expectedDenial = p.role === undefined ? 401 : 403;
        if (inside && denied)
          wrong.push(`${p.name} ${op.method} ${url}: ${r.status}, but x-access lets it in`);
        if (!inside && r.status !== expectedDenial)
          wrong.push(`${p.name} ${op.method} ${url}: ${r.status}, expected ${expectedDenial}`);
        if (r.status >= 500) wrong.push(`${p.name} ${op.method} ${url}: ${r.status}`);
      }
    }
    console.log(
      `access sweep: ${operations.length} operations × ${principals.length} principals = ${calls} calls`,
    );
    expect(wrong).toEqual([]);
  }, 240_000);
});

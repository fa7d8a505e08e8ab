/**
 * The exchange routes over real HTTP on loopback: two nodes, each with its own store and its own
 * node:http server (a minimal stand-in for server/'s Fastify mount, which comes with access control),
 * negotiate, notice, pull, receipt — and revocation seen by the next pull. Separate processes and the
 * Fastify mount are the next step.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDomainError } from "../../src/core/errors.ts";
import type { RouteDef } from "../../src/core/http.ts";
import { connectAndAgree } from "../../src/exchange/fixtures/two-nodes.ts";
import { exchangeRoutes, httpTransport } from "../../src/exchange/routes.ts";
import { negotiationStep, noticeFor, pullAgreement, sendPackage } from "../../src/exchange/service.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

function serve(routes: RouteDef[]): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const route = routes.find((r) => r.method === req.method && r.path === req.url);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    let text = "";
    for await (const chunk of req) text += chunk;
    try {
      const body = text ? JSON.parse(text) : undefined;
      const result = await route.handler({ params: {}, query: {}, body, headers: req.headers });
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify(route.response.parse(result)));
    } catch (error) {
      const status = isDomainError(error)
        ? error.code === "not_found"
          ? 404
          : error.code === "signature_invalid"
            ? 401
            : 400
        : 500;
      res
        .writeHead(status, { "content-type": "application/json" })
        .end(JSON.stringify({ detail: String(error) }));
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const portOf = (s: http.Server | undefined) => (s?.address() as AddressInfo | null)?.port ?? 0;

const [kind] = testDatabaseKinds();
describe(`exchange over HTTP on loopback (${kind?.kind})`, () => {
  const dbs: TestDatabase[] = [];
  const servers: http.Server[] = [];
  let la: Store;
  let ngo: Store;
  let laUrl = "";
  let id = "";
  const pulls: string[] = [];

  beforeAll(async () => {
    if (!kind) throw new Error("no database kind");
    for (let i = 0; i < 2; i++) dbs.push(await kind.create());
    la = openStore({ databaseUrl: dbs[0]?.url ?? "" });
    ngo = openStore({ databaseUrl: dbs[1]?.url ?? "" });
    await la.migrate();
    await ngo.migrate();
    const now = () => new Date();
    servers.push(await serve(exchangeRoutes({ exchange: la.exchange, now })));
    servers.push(
      await serve(exchangeRoutes({ exchange: ngo.exchange, now, onNotice: (a) => pulls.push(a) })),
    );
    laUrl = `http://127.0.0.1:${portOf(servers[0])}/`;
    // Valid around the real clock: these servers and messages use it.
    id = await connectAndAgree(la.exchange, ngo.exchange, now, {
      validFrom: "2026-01-01T00:00:00Z",
      validUntil: "2036-01-01T00:00:00Z",
    });
  });
  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    await la?.close();
    await ngo?.close();
    for (const d of dbs) await d.drop();
  });

  it("serves the node document and the catalog", async () => {
    const doc = (await (await fetch(`${laUrl}api/exchange/node`)).json()) as {
      port: string;
      keys: unknown[];
    };
    expect(doc.port).toBe("USLAX");
    expect(JSON.stringify(doc)).not.toContain("PRIVATE");
    expect(((await (await fetch(`${laUrl}api/exchange/catalog`)).json()) as unknown[]).length).toBe(6);
  });

  it("notice → pull → receipts over HTTP; revocation stops the next pull", async () => {
    const rows = ["A", "B", "C"].map((c) => ({
      contributor: c,
      dims: { category: "ogv", month: "2026-12", year: "2026" },
      values: { co2eTonnes: 10 },
    }));
    await sendPackage(la.exchange, id, { dataset: "emissions-inventory", rows }, new Date());
    const ngoUrl = `http://127.0.0.1:${portOf(servers[1])}/`;
    await httpTransport(ngoUrl).sendNotice(await noticeFor(la.exchange, id, new Date()));
    expect(pulls).toEqual([id]);
    const r = await pullAgreement(ngo.exchange, id, httpTransport(laUrl), () => new Date());
    expect(r).toEqual({ status: "active", accepted: [1], duplicates: [], refused: [] });
    const received = await ngo.exchange.listPackages(id, "received");
    expect(received[0]?.cells[0]?.values.co2eTonnes).toBe(30);
    expect((await la.exchange.listReceipts(id)).map((x) => x.outcome)).toEqual(["accepted"]);

    const revoke = await negotiationStep(
      ngo.exchange,
      id,
      { type: "terminate", reason: { code: "revoked", text: { en: "Revoked", ja: "取り消し" } } },
      new Date(),
    );
    expect(await httpTransport(laUrl).sendNegotiationMessage(revoke.message)).toMatchObject({
      ok: true,
      state: "TERMINATED",
    });
    await expect(
      sendPackage(la.exchange, id, { dataset: "emissions-inventory", rows }, new Date()),
    ).rejects.toThrow(/terminated/);
    expect(await pullAgreement(ngo.exchange, id, httpTransport(laUrl), () => new Date())).toMatchObject({
      status: "terminated",
    });
    // A tampered message is refused with its reason over the wire.
    const forged = { ...revoke.message, seq: 99 };
    expect(await httpTransport(laUrl).sendNegotiationMessage(forged)).toMatchObject({
      ok: false,
      reason: "broken_chain",
    });
  });
});

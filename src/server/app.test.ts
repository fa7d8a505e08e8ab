import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../../test/helpers/databases.ts";
import { samplePort } from "../../test/helpers/ports.ts";
import { startTestServer, type TestServer } from "../../test/helpers/server.ts";

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`HTTP API on ${kind.kind}`, () => {
    let server: TestServer;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const database = await kind.create();
      drop = database.drop;
      const nagoya = samplePort({
        locode: "JPNGO",
        name: { en: "Port of Nagoya", ja: "名古屋港" },
        timeZone: "Asia/Tokyo",
        currency: "JPY",
      });
      // Los Angeles' waters hold a terminal of a neighbour port (Long Beach), as the shipped data does.
      const losAngeles = samplePort();
      const terminal = losAngeles.geography.features[0]!;
      losAngeles.geography.features.push({
        ...terminal,
        properties: { ...terminal.properties, id: "uslax-terminal-lgb-pct", port: "USLGB" },
      });
      server = await startTestServer({
        databaseUrl: database.url,
        ports: [losAngeles, nagoya],
        webDir: "/nonexistent",
      });
    });
    afterAll(async () => {
      await server?.close();
      await drop?.();
    });

    const get = (path: string) => fetch(`${server.baseUrl}${path}`);

    it("reports health and the database in use", async () => {
      const response = await get("/api/health");
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok", version: "0.1.0", database: kind.kind });
    });

    it("lists both ports with their counts", async () => {
      const body = (await (await get("/api/ports")).json()) as {
        ports: { locode: string; terminalCount: number; berthCount: number; timeZone: string }[];
      };
      expect(body.ports.map((p) => p.locode)).toEqual(["USLAX", "JPNGO"]);
      expect(body.ports[0]).toMatchObject({
        locode: "USLAX",
        timeZone: "America/Los_Angeles",
        terminalCount: 1,
        berthCount: 1,
      });
    });

    it("shows one port with terminals, berths and GeoJSON (case-insensitive code)", async () => {
      const response = await get("/api/ports/uslax");
      expect(response.status).toBe(200);
      const port = (await response.json()) as {
        terminals: { id: string; berths: { berth: string; lengthM: number }[] }[];
        geojson: { features: { properties: { id: string } }[] };
      };
      expect(port.terminals).toHaveLength(1);
      expect(port.terminals[0]).toMatchObject({
        id: "uslax-terminal-yti",
        operator: "Yusen Terminals LLC",
        berthRange: "212-225",
      });
      expect(port.terminals[0]!.berths).toEqual([
        {
          id: "uslax-berth-212",
          berth: "212",
          name: { en: "uslax-berth-212", ja: "uslax-berth-212" },
          lengthM: 300,
          depthM: null,
        },
      ]);
      // Arbitrary feature properties survive response serialisation.
      expect(port.geojson.features.map((f) => f.properties.id)).toEqual([
        "uslax-terminal-yti",
        "uslax-berth-212",
        "uslax-terminal-lgb-pct",
      ]);
    });

    it("answers errors as RFC 9457 problem+json", async () => {
      const missing = await get("/api/ports/NLRTM");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("content-type")).toContain("application/problem+json");
      expect(await missing.json()).toMatchObject({
        status: 404,
        code: "not_found",
        title: "Not found",
        detail: "no port NLRTM on this node",
      });

      const invalid = await get("/api/ports/LAX");
      expect(invalid.status).toBe(400);
      expect(await invalid.json()).toMatchObject({
        status: 400,
        code: "validation",
        issues: [{ field: "locode" }],
      });

      const unknown = await get("/api/nothing-here");
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: "not_found" });
    });

    it("lists the calls of a neighbour port moored in a registered port's waters (Long Beach), not of any code", async () => {
      const neighbour = await get("/api/ports/USLGB/calls?from=2026-11-01");
      expect(neighbour.status).toBe(200);
      expect(await neighbour.json()).toMatchObject({ total: 0, calls: [] });
      expect((await get("/api/ports/USLGX/calls")).status).toBe(404);
    });

    it("accepts a date read in the port's zone, and words validation errors in the client's language", async () => {
      const ok = await get("/api/ports/USLAX/calls?from=2026-11-01&to=2026-11-08");
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ total: 0, calls: [] });
      const en = await get("/api/ports/USLAX/calls?from=2026-11-31&limit=0");
      expect(en.status).toBe(400);
      expect(en.headers.get("content-type")).toContain("application/problem+json");
      const problem = (await en.json()) as {
        code: string;
        title: string;
        detail: string;
        issues: { field: string; in: string; given: string; expected: string; example: string }[];
      };
      expect(problem).toMatchObject({ code: "validation", title: "Invalid request", status: 400 });
      expect(problem.issues.map((i) => [i.field, i.in, i.given])).toEqual([
        ["from", "query", "2026-11-31"],
        ["limit", "query", "0"],
      ]);
      expect(problem.detail).toContain(
        'query parameter “limit” was given "0"; expected an integer from 1 to 1000',
      );
      expect(problem.detail.length).toBeLessThan(400);
      const ja = await fetch(`${server.baseUrl}/api/ports/USLAX/calls?from=2026-11-08&to=2026-11-01`, {
        headers: { "accept-language": "ja,en;q=0.8" },
      });
      expect(ja.status).toBe(400);
      expect(await ja.json()).toMatchObject({
        code: "validation",
        title: "リクエストが正しくありません",
        detail:
          "クエリパラメーター「from」の値「2026-11-08」は使えません。「to」より前の時刻を指定してください。",
      });
      const mmsi = await get("/api/vessels/12345678901");
      expect(await mmsi.json()).toMatchObject({
        issues: [{ field: "mmsi", in: "path", example: "432428000" }],
      });
    });

    it("keeps read answers until the stored data changes (ETag, 304)", async () => {
      const first = await get("/api/ports/USLAX");
      const etag = first.headers.get("etag");
      if (kind.kind === "postgres") {
        // No cheap data version on PostgreSQL: nothing is kept.
        expect(etag).toBeNull();
        return;
      }
      expect(etag).toMatch(/^W\/"/);
      const again = await fetch(`${server.baseUrl}/api/ports/USLAX`, { headers: { "if-none-match": etag! } });
      expect(again.status).toBe(304);
      const renamed = samplePort({ name: { en: "Port of Los Angeles (renamed)", ja: "ロサンゼルス港" } });
      await server.store.ports.upsertPorts([renamed]);
      const after = await fetch(`${server.baseUrl}/api/ports/USLAX`, { headers: { "if-none-match": etag! } });
      expect(after.status).toBe(200);
      expect(after.headers.get("etag")).not.toBe(etag);
      const plain = await after.text();
      expect((JSON.parse(plain) as { name: { en: string } }).name.en).toBe("Port of Los Angeles (renamed)");
      // Gzipped for a client that accepts it (undici's fetch would unzip it unseen: ask with node:http).
      const zipped = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        http
          .get(
            `${server.baseUrl}/api/ports/USLAX`,
            { headers: { "accept-encoding": "gzip;q=1, br;q=0" } },
            (res) => {
              const chunks: Buffer[] = [];
              res.on("data", (c: Buffer) => chunks.push(c));
              res.on("end", () =>
                resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }),
              );
            },
          )
          .on("error", reject);
      });
      expect(Buffer.byteLength(plain)).toBeGreaterThan(1024);
      expect(zipped.encoding).toBe("gzip");
      expect(gunzipSync(zipped.body).toString("utf8")).toBe(plain);
      // An answer that reads the clock (calls up to now) is kept for the current second only.
      const calls = await get("/api/ports/USLAX/calls");
      expect(calls.headers.get("etag")).toMatch(/@\d+"$/);
    });

    it("serves the OpenAPI document and the interactive docs", async () => {
      const doc = (await (await get("/api/openapi.json")).json()) as {
        openapi: string;
        paths: Record<string, unknown>;
      };
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(["/api/health", "/api/ports", "/api/ports/{locode}"]),
      );
      const docs = await get("/docs/");
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain("swagger");
    });
  });
}

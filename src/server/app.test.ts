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
      server = await startTestServer({
        databaseUrl: database.url,
        ports: [samplePort(), nagoya],
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

    it("serves the OpenAPI document and the interactive docs", async () => {
      const doc = (await (await get("/api/openapi.json")).json()) as {
        openapi: string;
        paths: Record<string, unknown>;
      };
      expect(doc.openapi).toBe("3.0.3");
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(["/api/health", "/api/ports", "/api/ports/{locode}"]),
      );
      const docs = await get("/docs/");
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain("swagger");
    });
  });
}

/** The vessel API over ingested AIS: the map of a port, a vessel's particulars and its track. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ais/ingest-cli.ts";
import { nmeaFile, T0 } from "../helpers/ais-samples.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

describe("vessel API", () => {
  let server: TestServer;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-ais-api-"));
  beforeAll(async () => {
    server = await startTestServer({ webDir: "/nonexistent" });
    const file = path.join(dir, "feed.nmea");
    fs.writeFileSync(file, nmeaFile().text);
    await ingestFiles(server.store.ais, [file], { progress: false });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const get = async (p: string) => {
    const response = await fetch(`${server.baseUrl}${p}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("shows the vessels in Los Angeles' area with their latest position and type", async () => {
    const { status, body } = await get("/api/ports/USLAX/vessels");
    expect(status).toBe(200);
    expect(body.asOf).toBe(new Date((T0 + 400) * 1000).toISOString());
    const vessels = body.vessels as {
      mmsi: number;
      name: string | null;
      shipTypeGroup: string;
      aisClass: string;
      time: string;
    }[];
    expect(vessels.map((v) => [v.mmsi, v.name, v.shipTypeGroup, v.aisClass])).toEqual([
      [338123456, "SEA BREEZE", "unknown", "B"],
      [366999712, "PACIFIC TRADER", "cargo", "A"],
    ]);
    // Nagoya's area holds none of them.
    expect((await get("/api/ports/JPNGO/vessels")).body).toMatchObject({ asOf: null, vessels: [] });
    expect((await get("/api/ports/NLRTM/vessels")).status).toBe(404);
  });

  it("gives a vessel's merged particulars, history and latest position", async () => {
    const { status, body } = await get("/api/vessels/366999712");
    expect(status).toBe(200);
    expect(body.vessel).toMatchObject({
      imo: 9074729,
      name: "PACIFIC TRADER",
      callsign: "WDC1234",
      lengthM: 300,
      beamM: 42,
      destination: "USLAX",
    });
    expect(body.history).toHaveLength(1);
    // No particulars imported: estimated from the AIS type (71 → General Cargo) and size (300 m).
    expect(body.particulars).toMatchObject({
      origin: "ais_defaults",
      imo: 9074729,
      shipType: "General Cargo",
    });
    expect((body.particulars as { defaulted: unknown[] }).defaulted.length).toBeGreaterThan(0);
    const [imported] = [
      { ...(body.particulars as object), origin: undefined, mainEngineKw: 41_000, defaulted: [] },
    ];
    delete (imported as { origin?: string }).origin;
    await server.store.ais.upsertParticulars([imported as never], "registry.csv");
    const again = (await get("/api/vessels/366999712")).body;
    expect(again.particulars).toMatchObject({ origin: "imported", mainEngineKw: 41_000 });
    expect(body.latest).toMatchObject({ mmsi: 366999712, time: new Date((T0 + 400) * 1000).toISOString() });
    expect((await get("/api/vessels/123")).status).toBe(404);
    expect((await get("/api/vessels/abc")).status).toBe(400);
  });

  it("returns the track between two instants as columns", async () => {
    const from = new Date((T0 + 100) * 1000).toISOString();
    const to = new Date((T0 + 200) * 1000).toISOString();
    const { body } = await get(`/api/vessels/366999712/track?from=${from}&to=${to}`);
    expect(body.points).toBe(11);
    expect((body.timeS as number[])[0]).toBe(T0 + 100);
    expect((body.latDeg as number[])[0]).toBeCloseTo(33.655, 6);
    expect((body.sogKnots as number[])[0]).toBe(11.8);
    const whole = (await get("/api/vessels/366999712/track")).body;
    expect(whole.points).toBe(31);
    expect((await get(`/api/vessels/366999712/track?from=${to}&to=${from}`)).status).toBe(400);
  });
});

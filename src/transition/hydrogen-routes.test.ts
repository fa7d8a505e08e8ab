import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { fuellerQuery, hydrogenRoutes, solarH2ParamsFromQuery, solarH2Query } from "./hydrogen-routes.ts";
import { loadHydrogenTables, loadShippedSolarYear } from "./hydrogen-tables-io.ts";
import { fuellerResultSchema, solarH2ReportSchema } from "./hydrogen-wire.ts";

const routes = hydrogenRoutes({
  tables: () => loadHydrogenTables(),
  solarYear: (port) => loadShippedSolarYear(port),
  knowsPort: (port) => port === "USLAX" || port === "JPNGO",
});
const route = routes[0]!;
const call = (locode: string, query: Record<string, string>) =>
  route.handler({ params: { locode }, query: solarH2Query.parse(query), body: undefined, headers: {} });

describe("GET /api/ports/{locode}/transition/solar-h2", () => {
  it("is public and its query has a JSON Schema (what Fastify and the OpenAPI document read)", () => {
    expect(route.access).toEqual(["public"]);
    const s = z.toJSONSchema(solarH2Query, { target: "draft-7", io: "input", unrepresentable: "any" });
    expect(Object.keys(s.properties ?? {})).toContain("demandKgPerDay");
    z.toJSONSchema(solarH2ReportSchema, { target: "draft-7", io: "output", unrepresentable: "any" });
  });
  it("answers with the wire shape; the hourly series on request", async () => {
    const r = solarH2ReportSchema.parse(await call("uslax", { pvKwp: "12", grid: "true", hourly: "1" }));
    expect(r.port).toBe("USLAX");
    expect(r.inputs.find((i) => i.name === "pv_kwp")).toMatchObject({ value: 12, source: "given" });
    expect(r.inputs.find((i) => i.name === "grid_top_up")!.value).toBe(true);
    expect(r.hourly!.storageKg.length).toBe(8760);
    const sum = r.hourly!.dispensedKg.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(r.result.dispensedKg, 1); // float32 hourly series
    const plain = await call("USLAX", {});
    expect("hourly" in (plain as object)).toBe(false);
  });
  it("Nagoya: not_found saying a typical year must be supplied; unknown ports: not_found", async () => {
    await expect(call("JPNGO", {})).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringMatching(/supply one/),
    });
    await expect(call("XXABC", {})).rejects.toBeInstanceOf(DomainError);
  });
  it("query → parameters", () => {
    const p = solarH2ParamsFromQuery(
      "USLAX",
      solarH2Query.parse({ minLoad: "0.2", discountRate: "0.05", currency: "USD" }),
    );
    expect(p).toMatchObject({
      port: "USLAX",
      minLoadFraction: 0.2,
      cost: { discountRate: 0.05, currency: "USD" },
    });
    expect(() => solarH2Query.parse({ minLoad: "2" })).toThrow();
  });
});

describe("GET /api/ports/{locode}/transition/fueller", () => {
  const fueller = routes[1]!;
  const ask = (query: Record<string, string>) =>
    fueller.handler({
      params: { locode: "USLAX" },
      query: fuellerQuery.parse(query),
      body: undefined,
      headers: {},
    });
  it("is public and answers the hand-computed week of the CLI", async () => {
    expect(fueller.access).toEqual(["public"]);
    z.toJSONSchema(fuellerQuery, { target: "draft-7", io: "input", unrepresentable: "any" });
    // Same figures as `ze fueller --units 3 --kg-per-unit-hour 1.2 --fill-kg 8 --capacity-kg 60
    // --one-way-h 0.5 --refill-h 0.75` (defaults: a week, 6–22 work, shifts 6-14,14-22).
    const r = fuellerResultSchema.parse(
      await ask({
        units: "3",
        kgPerUnitHour: "1.2",
        fillKg: "8",
        capacityKg: "60",
        oneWayH: "0.5",
        refillH: "0.75",
      }),
    );
    expect(r).toMatchObject({ requests: 50, servedFills: 48, missedFills: 2, trips: 7 });
  });
  it("a fueller smaller than a fill is a validation error", async () => {
    await expect(
      ask({ units: "1", kgPerUnitHour: "1", fillKg: "8", capacityKg: "4", oneWayH: "0.5", refillH: "0.5" }),
    ).rejects.toMatchObject({ code: "validation" });
  });
});

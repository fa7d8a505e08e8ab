/**
 * Auxiliary and boiler loads. EPA benchmarks: USEPA/Marine_Emissions_Tools,
 * ShipPowerModel/tests/testthat/testAuxBoilerLoads.r, test_that("calcAuxBoilerLoad IMO works")
 * (19 rows × aux and boiler) and test_that("calcAuxBoilerLoad Starcrest works") (4 × 2).
 */
import { describe, expect, it } from "vitest";
import { answerLoadsQuery, auxBoilerLoads, loadsSubType } from "./loads.ts";
import { loadOgvTables } from "./tables-io.ts";
import { OracleCounter } from "./test-helpers.ts";
import type { EpaMode } from "./types.ts";

const t = loadOgvTables();

describe("EPA ShipPowerModel testAuxBoilerLoads.r", () => {
  it("calcAuxBoilerLoad IMO works (19 rows × aux, boiler)", () => {
    const o = new OracleCounter();
    const subTypes = [
      "bulk.carrier.handymax",
      "chemical.tanker.small",
      "container.ship.8000",
      "general.cargo.5000",
      "liquified.gas.tanker.20000",
      "oil.tanker.aframax",
      "other.tanker",
      "ferry.pax.largest",
      "cruise.60000",
      "ferry.ro.pax.2000",
      "reefer",
      "ro.ro.largest",
      "vehicle.carrier.30000",
      "yacht",
      "service.tug",
      "miscellaneous.fishing",
      "offshore",
      "service.other",
      "miscellaneous.other",
    ];
    const modes: EpaMode[] = [
      ...Array(4).fill(["Anchorage", "Berth", "Maneuvering", "Transit"]).flat(),
      "Anchorage",
      "Berth",
      "Maneuvering",
    ];
    const aux = [
      260, 490, 2600, 60, 1710, 1000, 750, 524, 3500, 105, 1150, 950, 500, 130, 50, 200, 320, 220, 190,
    ];
    const boiler = [100, 250, 450, 0, 300, 2000, 200, 0, 1000, 0, 270, 0, 268, 0, 0, 0, 0, 0, 0];
    subTypes.forEach((subType, i) => {
      const r = answerLoadsQuery(t, { method: "imo3", subType, mode: modes[i] as EpaMode });
      o.rel(r.auxKw, aux[i] as number, `${subType} ${modes[i]} aux`);
      o.rel(r.boilerKw, boiler[i] as number, `${subType} ${modes[i]} boiler`);
    });
    expect(o.count).toBe(38);
  });

  it("calcAuxBoilerLoad Starcrest works (4 rows × aux, boiler)", () => {
    const o = new OracleCounter();
    const cases: [string, EpaMode, number, number][] = [
      ["container.ship.11000", "Maneuvering", 3500, 575],
      ["cruise.ed.3500", "Anchorage", 10500, 0],
      ["vehicle.carrier", "Berth", 859, 314],
      ["tanker.panamax", "Transit", 561, 167],
    ];
    for (const [subType, mode, aux, boiler] of cases) {
      const r = answerLoadsQuery(t, { method: "starcrest2016", subType, mode });
      o.rel(r.auxKw, aux, `${subType} aux`);
      o.rel(r.boilerKw, boiler, `${subType} boiler`);
    }
    expect(o.count).toBe(8);
  });
});

describe("loadsSubType: our particulars → the load table's row", () => {
  const v = (p: Partial<Parameters<typeof loadsSubType>[2]>) => ({
    shipType: null,
    subType: null,
    dwt: null,
    teu: null,
    grossTonnage: null,
    ...p,
  });

  it("bins by the table's own size units (min < size ≤ max)", () => {
    expect(loadsSubType(t, "imo3", v({ shipType: "Container Ship", teu: 8000 })).subType).toBe(
      "container.ship.8000",
    );
    expect(loadsSubType(t, "imo3", v({ shipType: "Container Ship", teu: 8001 })).subType).toBe(
      "container.ship.12000",
    );
    expect(loadsSubType(t, "imo3", v({ shipType: "Container Ship", teu: 24000 })).subType).toBe(
      "container.ship.largest",
    );
    expect(loadsSubType(t, "starcrest2016", v({ shipType: "Container Ship", teu: 8000 })).subType).toBe(
      "container.ship.7000",
    );
    expect(loadsSubType(t, "imo3", v({ shipType: "Oil Tanker", dwt: 300000 })).subType).toBe(
      "oil.tanker.vlcc",
    );
    expect(loadsSubType(t, "imo3", v({ shipType: "Cruise", grossTonnage: 168666 })).subType).toBe(
      "cruise.largest",
    );
    expect(loadsSubType(t, "imo3", v({ shipType: "RORO", grossTonnage: 0 })).subType).toBe("ro.ro.5000");
    expect(loadsSubType(t, "starcrest2016", v({ shipType: "Oil Tanker", dwt: 40000 })).subType).toBe(
      "tanker.handysize",
    );
    const c = loadsSubType(t, "imo3", v({ shipType: "Reefer" }));
    expect(c).toMatchObject({ subType: "reefer", fallback: false });
  });

  it("without a size: the C.3 size class, else the documented fallback row; unknown type: catch-all", () => {
    const bySubType = loadsSubType(t, "imo3", v({ shipType: "Container Ship", subType: "12,000 TEU" }));
    expect(bySubType).toMatchObject({ subType: "container.ship.12000", fallback: true });
    expect(bySubType.source).toMatch(/ogv_size_classes\.csv/);
    const fallback = loadsSubType(t, "imo3", v({ shipType: "Bulk Carrier" }));
    expect(fallback).toMatchObject({ subType: "bulk.carrier.panamax", fallback: true });
    expect(fallback.source).toMatch(/fallback row/);
    const unknown = loadsSubType(t, "imo3", v({ shipType: "Dredger" }));
    expect(unknown).toMatchObject({ subType: "miscellaneous.other", fallback: true });
    expect(unknown.source).toMatch(/"Dredger" not mapped/);
    expect(loadsSubType(t, "starcrest2016", v({})).subType).toBe("miscellaneous");
  });

  it("names an unknown sub_type", () => {
    expect(() => auxBoilerLoads(t, "imo3", "container.ship.9000", "Berth")).toThrow(
      /subType: "container.ship.9000" is not a sub_type of ogv_aux_boiler_load_imo3.csv/,
    );
  });
});

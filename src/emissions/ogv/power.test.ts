/**
 * Propulsion load factor. EPA benchmarks: USEPA/Marine_Emissions_Tools,
 * ShipPowerModel/tests/testthat/testPropellerLaw.r (calcPropPwr, 6 tests) and testAdmiraltyLaw.r
 * (calcAdmPwr, 7 tests); installed power 100 so that power = 100 × LF.
 */
import { describe, expect, it } from "vitest";
import { answerPowerQuery, loadFactorFromSpeed, type PowerQuery, PowerQuerySchema } from "./power.ts";
import { OracleCounter } from "./test-helpers.ts";

const q = (p: Partial<PowerQuery>): PowerQuery => ({
  law: "propeller",
  installedKw: 100,
  speedKn: 10,
  refSpeedKn: 10,
  refSpeedType: "service",
  seaMarginPct: 0,
  ...p,
});

describe("EPA ShipPowerModel testPropellerLaw.r", () => {
  it("reproduces the six calcPropPwr tests", () => {
    const o = new OracleCounter();
    o.rel(answerPowerQuery(q({})).propulsionKw, 100 * 0.94 ** 3, "shipSpeed == serviceSpeed");
    o.rel(answerPowerQuery(q({ refSpeedType: "max" })).propulsionKw, 100, "shipSpeed == maxSpeed");
    o.rel(
      answerPowerQuery(q({ speedKn: 9, seaMarginPct: 15, refSpeedType: "max" })).propulsionKw,
      100 * 0.9 ** 3 * 1.15,
      "serviceMargin",
    );
    o.rel(
      answerPowerQuery(q({ speedKn: 20, seaMarginPct: 15 })).propulsionKw,
      100,
      "maximum power output is 100% load",
    );
    o.rel(answerPowerQuery(q({ speedKn: 0.2 })).propulsionKw, 2, "minimum non-zero power is 2% load");
    o.rel(answerPowerQuery(q({ speedKn: 5 })).propulsionKw, 100 * ((0.94 * 5) / 10) ** 3, "changing speed");
    expect(o.count).toBe(6);
  });
});

describe("EPA ShipPowerModel testAdmiraltyLaw.r", () => {
  it("reproduces the seven calcAdmPwr tests", () => {
    const o = new OracleCounter();
    const a = (p: Partial<PowerQuery>) =>
      answerPowerQuery(q({ law: "admiralty", draftM: 10, maxDraftM: 10, ...p })).propulsionKw;
    o.rel(a({}), 100 * 0.94 ** 3, "shipSpeed == serviceSpeed");
    o.rel(a({ refSpeedType: "max" }), 100, "shipSpeed == maxSpeed");
    o.rel(a({ speedKn: 9, seaMarginPct: 15, refSpeedType: "max" }), 100 * 0.9 ** 3 * 1.15, "serviceMargin");
    o.rel(a({ speedKn: 20, draftM: 15, seaMarginPct: 15 }), 100, "maximum power output is 100% load");
    o.rel(a({ speedKn: 0.2 }), 2, "minimum non-zero power is 2% load");
    o.rel(
      a({ speedKn: 5, refSpeedType: "max" }),
      100 * (5 / 10) ** 3 * (10 / 10) ** (2 / 3),
      "changing speed",
    );
    o.rel(
      a({ draftM: 5, refSpeedType: "max" }),
      100 * (10 / 10) ** 3 * (5 / 10) ** (2 / 3),
      "changing draft",
    );
    expect(o.count).toBe(7);
  });
});

describe("loadFactorFromSpeed", () => {
  it("is 0 at rest and clamps to 0.02–1.0", () => {
    expect(loadFactorFromSpeed(q({ speedKn: 0 }))).toBe(0);
    expect(loadFactorFromSpeed(q({ speedKn: 0.01 }))).toBe(0.02);
    expect(loadFactorFromSpeed(q({ speedKn: 30 }))).toBe(1);
  });

  it("validates the query: the Admiralty law needs drafts", () => {
    const r = PowerQuerySchema.safeParse(q({ law: "admiralty" }));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["draftM"]);
    expect(PowerQuerySchema.safeParse({ ...q({}), speedKnots: 3 }).success).toBe(false);
  });
});

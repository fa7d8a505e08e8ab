import { describe, expect, it } from "vitest";
import { demoScenarioInputs } from "../../../src/demo/transition.ts";
import { loadScenarioTables } from "../../../src/transition/scenario-tables-io.ts";
import { SCENARIO_POWERTRAINS, scenarioInputSchema } from "../../../src/transition/scenario-wire.ts";
import { SCORECARD_PATHWAYS } from "../../../src/transition/scorecard.ts";
import {
  checkDraft,
  DRAFT_PATHWAYS,
  DRAFT_POWERTRAINS,
  documentOf,
  draftFromInput,
  draftTypes,
  emptyDraft,
  fieldOfIssue,
  newRule,
  sameDraft,
  ZE_DRAFT_POWERTRAINS,
} from "./scenario-draft.ts";

describe("the editor's draft", () => {
  it("offers the powertrains the server's scenarios buy", () => {
    expect([...DRAFT_POWERTRAINS].sort()).toEqual([...SCENARIO_POWERTRAINS].sort());
    expect([...ZE_DRAFT_POWERTRAINS]).toEqual(["battery", "fuel_cell"]);
    expect([...DRAFT_PATHWAYS].sort()).toEqual([...SCORECARD_PATHWAYS].sort());
  });

  it("energy prices and the hydrogen pathway: into the document in the port's currency, checked, issues placed", () => {
    const d = emptyDraft(2026);
    d.name = "priced";
    d.h2PerKg = "13.5";
    d.electricityPerKwh = "0.2";
    d.priceYear = "2024";
    d.hydrogenPathway = "solar-electrolysis";
    const { doc } = documentOf(d, "USLAX", "USD");
    expect(doc.prices).toEqual({
      h2PerKg: 13.5,
      electricityPerKwh: 0.2,
      currency: "USD",
      priceYear: 2024,
      source: "scenario editor",
    });
    expect(doc.hydrogenPathway).toBe("solar-electrolysis");
    expect(scenarioInputSchema.safeParse(doc).success).toBe(true);
    // No price typed: no prices object, and the pathway left to the API's default.
    const bare = documentOf(
      { ...d, h2PerKg: "", electricityPerKwh: "", hydrogenPathway: "" },
      "JPNGO",
      "JPY",
    ).doc;
    expect(bare.prices).toBeUndefined();
    expect(bare.hydrogenPathway).toBeUndefined();
    // A negative price and a price without its year are the form's own problems.
    expect(checkDraft({ ...d, dieselPerL: "-1", priceYear: "" })).toEqual([
      { field: "dieselPerL", code: "nonNegative" },
      { field: "priceYear", code: "year" },
    ]);
    // A saved JPY price stays in JPY when the draft is saved again; the API's price issues land on their input.
    const back = draftFromInput({ ...doc, prices: { ...doc.prices, currency: "JPY" } } as Record<
      string,
      unknown
    >);
    expect(documentOf(back, "USLAX", "USD").doc.prices?.currency).toBe("JPY");
    expect(fieldOfIssue("prices.h2PerKg", new Map())).toBe("h2PerKg");
    expect(fieldOfIssue("prices.priceYear", new Map())).toBe("priceYear");
    expect(fieldOfIssue("hydrogenPathway", new Map())).toBe("hydrogenPathway");
  });

  it("a saved scenario → draft → document: the same scenario (the demo's two of each port)", () => {
    const tables = loadScenarioTables();
    for (const port of ["USLAX", "JPNGO"] as const)
      for (const raw of demoScenarioInputs(port, tables)) {
        // What the store keeps: the parsed input as JSON (scenario-service.ts saveScenario).
        const saved = JSON.parse(JSON.stringify(scenarioInputSchema.parse(raw))) as Record<string, unknown>;
        const draft = draftFromInput(saved);
        expect(checkDraft(draft)).toEqual([]);
        const again = scenarioInputSchema.parse(
          documentOf(draft, port, port === "JPNGO" ? "JPY" : "USD").doc,
        );
        expect(JSON.parse(JSON.stringify(again))).toEqual(saved);
      }
  });

  it("builds the document: all terminal tractors battery by 2030, forced; 2 units fuel cell in 2027 at end of life", () => {
    const d = emptyDraft(2026);
    d.name = "all YT battery 2030";
    const share = newRule("yard_tractor", "share", 2030);
    const units = { ...newRule("top_handler", "units", 2027), value: "2", powertrain: "fuel_cell" as const };
    units.forceEarly = false;
    d.rules = [share, units];
    const { doc, where } = documentOf(d, "USLAX", "USD");
    const input = scenarioInputSchema.parse(doc);
    expect(input.startingFleet).toEqual({ source: "registry" });
    expect(input.zeTargets).toEqual([
      { category: "yard_tractor", year: 2030, zeSharePct: 100, powertrain: "battery", forceEarly: true },
    ]);
    expect(input.extraReplacements).toEqual([
      { category: "top_handler", year: 2027, powertrain: "fuel_cell", units: 2, forceEarly: false },
    ]);
    expect(input.purchases).toEqual([]);
    // The API's issue paths land on the rule's fields.
    expect(fieldOfIssue("zeTargets.0.zeSharePct", where)).toBe(`rule:${share.id}:value`);
    expect(fieldOfIssue("extraReplacements.0.year", where)).toBe(`rule:${units.id}:year`);
    expect(fieldOfIssue("horizonYear", where)).toBe("horizonYear");
    expect(fieldOfIssue("exchangeRate.jpyPerUsd", where)).toBe("fx");
    expect(fieldOfIssue("activity.rtg.annualHours", where)).toBe("form");
    expect(fieldOfIssue(undefined, where)).toBe("form");
  });

  it("checks what the API would refuse, each on its field", () => {
    const d = emptyDraft(2026);
    d.name = "-bad";
    d.horizonYear = "2026";
    const mix = {
      ...newRule("rtg", "mix", 2027),
      mix: { diesel: "", hybrid: "", battery: "60", fuel_cell: "" },
    };
    const share = { ...newRule("rtg", "share", 2030), value: "120" };
    const units = { ...newRule("rtg", "units", 2031), value: "1.5" };
    d.rules = [mix, share, units];
    expect(checkDraft(d)).toEqual([
      { field: "name", code: "name" },
      { field: "horizonYear", code: "horizonAfterBase" },
      { field: `rule:${mix.id}:mix`, code: "mixSum", params: { sum: 60 } },
      { field: `rule:${share.id}:value`, code: "percent" },
      { field: `rule:${units.id}:value`, code: "units" },
    ]);
  });

  it("knows unsaved changes and lists the registry's types first", () => {
    const a = emptyDraft(2026);
    const b = { ...a, rules: [newRule("forklift", "share", 2030)] };
    expect(sameDraft(a, { ...a })).toBe(true);
    expect(sameDraft(a, b)).toBe(false);
    expect(draftTypes(["rtg", "yard_tractor"], b)).toEqual(["yard_tractor", "rtg", "forklift"]);
  });
});

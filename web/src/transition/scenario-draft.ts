// The scenario editor's form (pure): a draft the inputs edit, made from a saved scenario's input
// or from nothing, turned into the scenario document the API takes (scenario-wire.ts
// `scenarioInputSchema`), checked before it is sent, and the API's field issues placed back on
// the inputs they are about.
//
// Per equipment type a draft holds rules of three kinds, each a field of the document:
//   mix   — from a year, the powertrain mix of purchases at end of life   → purchases[]
//   share — by a year, a zero-emission share of the type's fleet          → zeTargets[]
//   units — in a year, a number of units replaced by a powertrain         → extraReplacements[]
// `share` and `units` honour useful life unless "force early" is ticked (forceEarly). Energy prices
// (→ prices, in the port's currency) and the hydrogen pathway have inputs too. Fields the editor has
// no input for (activity overrides, unit costs, TEU, baseline …) are carried over unchanged from the
// scenario the draft started from.
import type { EquipmentCategory, ScenarioInputIn, ScenarioPowertrain } from "../api.ts";
import { CATEGORY_STYLE } from "./text.ts";

/** Powertrains a scenario buys, in the form's order (scenario-draft.test.ts checks the server's list). */
export const DRAFT_POWERTRAINS: readonly ScenarioPowertrain[] = ["diesel", "hybrid", "battery", "fuel_cell"];
export const ZE_DRAFT_POWERTRAINS = ["battery", "fuel_cell"] as const;
/** Hydrogen pathways offered (scenario-draft.test.ts checks them against the server's scorecard pathways). */
export const DRAFT_PATHWAYS = ["grey-smr", "grid-electrolysis", "solar-electrolysis"] as const;
export type RuleKind = "mix" | "share" | "units";

/** One rule of a type. Numbers are kept as typed (text) until the document is built. */
export interface DraftRule {
  id: string;
  category: EquipmentCategory;
  kind: RuleKind;
  year: string;
  /** mix: percent by powertrain. */
  mix: Record<ScenarioPowertrain, string>;
  /** share: percent of the type's fleet; units: number of units. */
  value: string;
  powertrain: ScenarioPowertrain;
  forceEarly: boolean;
}

export interface Draft {
  name: string;
  description: string;
  baseYear: string;
  horizonYear: string;
  /** registry: the port's stored equipment; saved: the cohorts of the scenario started from. */
  fleet: "registry" | "saved";
  savedFleet: Record<string, unknown> | null;
  rules: DraftRule[];
  jpyPerUsd: string;
  fxYear: string;
  fxSource: string;
  /** Energy prices per litre, kWh and kg (empty: none — opex needs all the carriers the fleet uses). */
  dieselPerL: string;
  electricityPerKwh: string;
  h2PerKg: string;
  priceYear: string;
  priceSource: string;
  /** Currency of the prices: a saved scenario's own, else the port's. */
  priceCurrency: "USD" | "JPY" | "";
  /** Hydrogen pathway (hydrogen_carbon_intensity.csv) or "" for the API's default. */
  hydrogenPathway: string;
  /** The document's other fields, carried over unchanged. */
  rest: Record<string, unknown>;
}

/** Field keys of the form: "name", "baseYear", "horizonYear", "fx", "rule:<id>:<field>". */
export type FieldKey = string;
/** A problem with a field: a code the catalogs word (transition.editor.error.<code>) or the API's reason. */
export interface DraftIssue {
  field: FieldKey;
  code: string;
  params?: Record<string, string | number>;
  /** The API's own words (English) when the code is "server". */
  reason?: string;
}

let nextId = 0;
const newId = () => `r${++nextId}`;

const emptyMix = (): Record<ScenarioPowertrain, string> => ({
  diesel: "",
  hybrid: "",
  battery: "",
  fuel_cell: "",
});

/** A new rule of a kind for a type (a battery share of 100 % by 2030, forced, for `share`). */
export function newRule(category: EquipmentCategory, kind: RuleKind, year: number): DraftRule {
  return {
    id: newId(),
    category,
    kind,
    year: String(year),
    mix: kind === "mix" ? { ...emptyMix(), battery: "100" } : emptyMix(),
    value: kind === "share" ? "100" : kind === "units" ? "1" : "",
    powertrain: "battery",
    forceEarly: kind !== "mix",
  };
}

/** A new scenario: the registry's fleet from `baseYear` to 2050, no rule (replacement like for like). */
export function emptyDraft(baseYear: number): Draft {
  return {
    name: "",
    description: "",
    baseYear: String(baseYear),
    horizonYear: "2050",
    fleet: "registry",
    savedFleet: null,
    rules: [],
    jpyPerUsd: "",
    fxYear: "",
    fxSource: "",
    ...NO_PRICES,
    hydrogenPathway: "",
    rest: {},
  };
}

const NO_PRICES = {
  dieselPerL: "",
  electricityPerKwh: "",
  h2PerKg: "",
  priceYear: "",
  priceSource: "",
  priceCurrency: "",
} as const;
export const PRICE_FIELDS = ["dieselPerL", "electricityPerKwh", "h2PerKg"] as const;

const EDITED = new Set([
  "port",
  "name",
  "description",
  "baseYear",
  "horizonYear",
  "startingFleet",
  "purchases",
  "zeTargets",
  "extraReplacements",
  "exchangeRate",
  "prices",
  "hydrogenPathway",
]);

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const isCategory = (v: unknown): v is EquipmentCategory => typeof v === "string" && v in CATEGORY_STYLE;
const isPowertrain = (v: unknown): v is ScenarioPowertrain =>
  typeof v === "string" && (DRAFT_POWERTRAINS as readonly string[]).includes(v);

/**
 * A draft from a saved scenario's input (GET …/scenarios/{name} `input`), to edit and save under
 * another name. Example: zeTargets [{ yard_tractor, 2030, 100, battery }] → one `share` rule,
 * forced (a saved target without forceEarly was forced).
 */
export function draftFromInput(input: Record<string, unknown>): Draft {
  const rules: DraftRule[] = [];
  const list = (k: string) => (Array.isArray(input[k]) ? (input[k] as Record<string, unknown>[]) : []);
  for (const p of list("purchases")) {
    if (!isCategory(p["category"])) continue;
    const mix = emptyMix();
    const pct = (p["mixPct"] ?? {}) as Record<string, unknown>;
    for (const k of DRAFT_POWERTRAINS) mix[k] = text(pct[k]);
    rules.push({ ...newRule(p["category"], "mix", Number(p["fromYear"])), year: text(p["fromYear"]), mix });
  }
  for (const z of list("zeTargets")) {
    if (!isCategory(z["category"])) continue;
    rules.push({
      ...newRule(z["category"], "share", 0),
      year: text(z["year"]),
      value: text(z["zeSharePct"]),
      powertrain: isPowertrain(z["powertrain"]) ? z["powertrain"] : "battery",
      forceEarly: z["forceEarly"] !== false,
    });
  }
  for (const x of list("extraReplacements")) {
    if (!isCategory(x["category"])) continue;
    rules.push({
      ...newRule(x["category"], "units", 0),
      year: text(x["year"]),
      value: text(x["units"]),
      powertrain: isPowertrain(x["powertrain"]) ? x["powertrain"] : "battery",
      forceEarly: x["forceEarly"] !== false,
    });
  }
  const fleet = (input["startingFleet"] ?? { source: "registry" }) as Record<string, unknown>;
  const fx = (input["exchangeRate"] ?? null) as Record<string, unknown> | null;
  const prices = (input["prices"] ?? null) as Record<string, unknown> | null;
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (!EDITED.has(k)) rest[k] = v;
  return {
    name: text(input["name"]),
    description: text(input["description"]),
    baseYear: text(input["baseYear"]),
    horizonYear: text(input["horizonYear"]),
    fleet: fleet["source"] === "cohorts" ? "saved" : "registry",
    savedFleet: fleet["source"] === "cohorts" ? fleet : null,
    rules,
    jpyPerUsd: text(fx?.["jpyPerUsd"]),
    fxYear: text(fx?.["year"]),
    fxSource: text(fx?.["source"]),
    dieselPerL: text(prices?.["dieselPerL"]),
    electricityPerKwh: text(prices?.["electricityPerKwh"]),
    h2PerKg: text(prices?.["h2PerKg"]),
    priceYear: text(prices?.["priceYear"]),
    priceSource: text(prices?.["source"]),
    priceCurrency: prices?.["currency"] === "USD" || prices?.["currency"] === "JPY" ? prices["currency"] : "",
    hydrogenPathway: text(input["hydrogenPathway"]),
    rest,
  };
}

const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));
const isInt = (s: string) => Number.isInteger(num(s));

/**
 * The form's own checks, worded by the catalogs (the API checks again). Example: a mix of
 * battery 60 % alone → { field: "rule:r1:mix", code: "mixSum", params: { sum: 60 } }.
 */
export function checkDraft(d: Draft): DraftIssue[] {
  const out: DraftIssue[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}$/.test(d.name)) out.push({ field: "name", code: "name" });
  const base = num(d.baseYear);
  const horizon = num(d.horizonYear);
  if (!isInt(d.baseYear) || base < 1990 || base > 2050) out.push({ field: "baseYear", code: "year" });
  if (!isInt(d.horizonYear) || horizon < 1990 || horizon > 2050)
    out.push({ field: "horizonYear", code: "year" });
  else if (horizon <= base) out.push({ field: "horizonYear", code: "horizonAfterBase" });
  if (d.jpyPerUsd.trim() !== "" && !(num(d.jpyPerUsd) > 0)) out.push({ field: "fx", code: "positive" });
  for (const k of PRICE_FIELDS)
    if (d[k].trim() !== "" && !(num(d[k]) >= 0)) out.push({ field: k, code: "nonNegative" });
  if (hasPrices(d) && (!isInt(d.priceYear) || num(d.priceYear) < 1990 || num(d.priceYear) > 2050))
    out.push({ field: "priceYear", code: "year" });
  for (const r of d.rules) {
    const y = num(r.year);
    if (!isInt(r.year) || y < 1990 || y > 2050) out.push({ field: `rule:${r.id}:year`, code: "year" });
    if (r.kind === "mix") {
      const values = DRAFT_POWERTRAINS.map((p) => (r.mix[p].trim() === "" ? 0 : num(r.mix[p])));
      if (values.some((v) => !(v >= 0 && v <= 100))) out.push({ field: `rule:${r.id}:mix`, code: "percent" });
      else {
        const sum = values.reduce((a, b) => a + b, 0);
        if (Math.abs(sum - 100) > 1e-6)
          out.push({ field: `rule:${r.id}:mix`, code: "mixSum", params: { sum } });
      }
    } else if (r.kind === "share") {
      const v = num(r.value);
      if (!(v >= 0 && v <= 100)) out.push({ field: `rule:${r.id}:value`, code: "percent" });
    } else {
      const v = num(r.value);
      if (!isInt(r.value) || v < 1 || v > 100_000) out.push({ field: `rule:${r.id}:value`, code: "units" });
    }
  }
  return out;
}

const hasPrices = (d: Draft) => PRICE_FIELDS.some((k) => d[k].trim() !== "");

/**
 * The scenario document of a draft for `port` (prices in `currency`, the port's, unless the draft
 * came with its own), and where each of its rules went (document path → field key) to place the
 * API's issues. Empty mix cells are 0 % (left out); empty prices are left out.
 * Example: h2PerKg "13.5", priceYear "2024" for USLAX → prices { h2PerKg: 13.5, currency: "USD",
 * priceYear: 2024, source: "scenario editor" }.
 */
export function documentOf(
  d: Draft,
  port: string,
  currency: "USD" | "JPY",
): { doc: ScenarioInputIn; where: Map<string, FieldKey> } {
  const where = new Map<string, FieldKey>();
  const purchases: NonNullable<ScenarioInputIn["purchases"]> = [];
  const zeTargets: NonNullable<ScenarioInputIn["zeTargets"]> = [];
  const extra: NonNullable<ScenarioInputIn["extraReplacements"]> = [];
  for (const r of d.rules) {
    const year = num(r.year);
    if (r.kind === "mix") {
      const mixPct: Partial<Record<ScenarioPowertrain, number>> = {};
      for (const p of DRAFT_POWERTRAINS)
        if (r.mix[p].trim() !== "" && num(r.mix[p]) > 0) mixPct[p] = num(r.mix[p]);
      where.set(`purchases.${purchases.length}.mixPct`, `rule:${r.id}:mix`);
      where.set(`purchases.${purchases.length}`, `rule:${r.id}:year`);
      purchases.push({ category: r.category, fromYear: year, mixPct });
    } else if (r.kind === "share") {
      where.set(`zeTargets.${zeTargets.length}.zeSharePct`, `rule:${r.id}:value`);
      where.set(`zeTargets.${zeTargets.length}`, `rule:${r.id}:year`);
      zeTargets.push({
        category: r.category,
        year,
        zeSharePct: num(r.value),
        powertrain: r.powertrain === "fuel_cell" ? "fuel_cell" : "battery",
        forceEarly: r.forceEarly,
      });
    } else {
      where.set(`extraReplacements.${extra.length}.units`, `rule:${r.id}:value`);
      where.set(`extraReplacements.${extra.length}`, `rule:${r.id}:year`);
      extra.push({
        category: r.category,
        year,
        powertrain: r.powertrain,
        units: num(r.value),
        forceEarly: r.forceEarly,
      });
    }
  }
  const doc = {
    ...d.rest,
    port,
    name: d.name,
    ...(d.description.trim() !== "" ? { description: d.description } : {}),
    baseYear: num(d.baseYear),
    horizonYear: num(d.horizonYear),
    startingFleet:
      d.fleet === "saved" && d.savedFleet !== null
        ? (d.savedFleet as ScenarioInputIn["startingFleet"])
        : { source: "registry" as const },
    purchases,
    zeTargets,
    extraReplacements: extra,
    ...(d.jpyPerUsd.trim() !== ""
      ? {
          exchangeRate: {
            jpyPerUsd: num(d.jpyPerUsd),
            year: isInt(d.fxYear) ? num(d.fxYear) : num(d.baseYear),
            source: d.fxSource.trim() || "scenario editor",
          },
        }
      : {}),
    ...(hasPrices(d)
      ? {
          prices: {
            ...Object.fromEntries(PRICE_FIELDS.filter((k) => d[k].trim() !== "").map((k) => [k, num(d[k])])),
            currency: d.priceCurrency || currency,
            priceYear: num(d.priceYear),
            source: d.priceSource.trim() || "scenario editor",
          },
        }
      : {}),
    ...(d.hydrogenPathway !== "" ? { hydrogenPathway: d.hydrogenPathway } : {}),
  } as ScenarioInputIn;
  return { doc, where };
}

/**
 * The field an API issue is about (its `field` is a document path, e.g. "zeTargets.0.zeSharePct");
 * "form" for what no input holds. Example: "purchases.1.mixPct" → the second mix rule's mix.
 */
export function fieldOfIssue(path: string | undefined, where: ReadonlyMap<string, FieldKey>): FieldKey {
  if (path === undefined) return "form";
  const top = path.split(".")[0] ?? "";
  if (["name", "baseYear", "horizonYear"].includes(top)) return top;
  if (top === "exchangeRate") return "fx";
  if (top === "hydrogenPathway") return "hydrogenPathway";
  if (top === "prices") {
    const leaf = path.split(".")[1] ?? "";
    return (PRICE_FIELDS as readonly string[]).includes(leaf) ? leaf : "priceYear";
  }
  const parts = path.split(".");
  for (let n = parts.length; n >= 2; n--) {
    const hit = where.get(parts.slice(0, n).join("."));
    if (hit !== undefined) return hit;
  }
  return "form";
}

/** Whether two drafts differ in what the document would say (ids aside): the unsaved-changes test. */
export function sameDraft(a: Draft, b: Draft): boolean {
  const plain = (d: Draft) => JSON.stringify({ ...d, rules: d.rules.map(({ id: _id, ...r }) => r) });
  return plain(a) === plain(b);
}

/** Types to offer rules for: the registry's types first (in the registry's order), then the draft's. */
export function draftTypes(registry: readonly EquipmentCategory[], d: Draft): EquipmentCategory[] {
  const set = new Set<EquipmentCategory>([...registry, ...d.rules.map((r) => r.category)]);
  return [...set].sort((a, b) => CATEGORY_STYLE[a].order - CATEGORY_STYLE[b].order);
}

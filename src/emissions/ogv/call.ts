/**
 * Emissions of one port call of an ocean-going vessel (METHOD.md §1.7): per operating-mode segment,
 * propulsion power from speed, default auxiliary and boiler loads, EPA emission factors with the
 * low-load adjustment — or, for CO2, CH4 and N2O, the Fourth IMO GHG Study's fuel-based method —
 * and shore power moved to the grid. Pure: the tables and the activity come in; every gram has a
 * trace step (activity × factor × adjustments, with the factor's source).
 */
import { z } from "zod";
import { DomainError, type FieldIssue } from "../../core/errors.ts";
import { ENGINE_TYPES, type EngineType } from "../../vessels/index.ts";
import {
  EMISSIONS_METHOD_VERSION,
  GWP_SETS,
  type GwpSet,
  type PollutantGrams,
  type TraceAdjustment,
  type TraceStep,
  type TraceText,
  type TraceValue,
  zeroPollutants,
} from "../model.ts";
import { adjustment, traceStep, traceText } from "../trace-text.ts";
import {
  assignTier,
  emptyEfRecord,
  type FactorSet,
  factorSet,
  factorsAtLoad,
  type LoadEffects,
  SCR_THRESHOLD_LF,
} from "./factors.ts";
import { type GhgFactors, type Imo4GhgSet, imo4GhgAtLoad, imo4GhgSet } from "./imo4.ts";
import { LLAF_METHODS, type LlafMethod, llafSource, lowLoadMultipliers } from "./llaf.ts";
import { auxBoilerLoads, type LoadRowChoice, loadsSubType } from "./loads.ts";
import { loadFactorFromSpeed, POWER_LAWS, type PowerLaw, type RefSpeedType } from "./power.ts";
import {
  AUX_LOAD_METHODS,
  type AuxLoadMethod,
  type Component,
  EF_POLLUTANTS,
  type EfEngine,
  type EfRecord,
  type EpaMode,
  type Fuel,
  type ImoTier,
  LNG_ENGINE_TYPES,
  type LngEngineType,
  OGV_LOCATIONS,
  type OgvLocation,
  type OgvTables,
} from "./types.ts";

// ---------------------------------------------------------------------------------------------
// Activity (input)

/** Operating modes of a port call's segments (src/calls). */
export const SEGMENT_MODES = [
  "transit",
  "reduced_speed_zone",
  "manoeuvring",
  "at_anchor",
  "at_berth",
  "unknown",
] as const;
export type SegmentMode = (typeof SEGMENT_MODES)[number];

/**
 * EPA mode of each segment mode, for the auxiliary and boiler loads. Unknown segments have none:
 * they emit nothing and their hours are reported as unaccounted.
 */
export const EPA_MODE_OF_SEGMENT: Record<SegmentMode, EpaMode | null> = {
  transit: "Transit",
  reduced_speed_zone: "Transit",
  manoeuvring: "Maneuvering",
  at_anchor: "Anchorage",
  at_berth: "Berth",
  unknown: null,
};

/** Segment modes in which the propulsion engines run (at anchor and at berth they do not). */
const PROPULSIVE: ReadonlySet<SegmentMode> = new Set(["transit", "reduced_speed_zone", "manoeuvring"]);

/** One value filled from a default table or rule, with its source (as VesselParticulars.defaulted). */
export interface CallDefaultedField {
  field: string;
  value: string | number | boolean;
  source: string;
}

/** Vessel particulars the calculator reads (a subset of VesselParticulars; null = unknown). */
export interface OgvVessel {
  imo: number | null;
  name: string | null;
  /** Table C.3 ship type, e.g. "Container Ship". */
  shipType: string | null;
  /** Table C.3 size class, e.g. "8,000 TEU". */
  subType: string | null;
  dwt: number | null;
  teu: number | null;
  grossTonnage: number | null;
  /** Keel-laid / build year (IMO Tier, IMO4 SFC bin). */
  buildYear: number | null;
  /** Installed propulsion power (MCR). */
  mainEngineKw: number | null;
  engineType: EngineType | null;
  maxSpeedKn: number | null;
  serviceSpeedKn: number | null;
  maxDraftM: number | null;
  /** Installed auxiliary power: reported only; loads come from the load table. */
  auxKw: number | null;
  defaulted: CallDefaultedField[];
}

export interface CallSegment {
  mode: SegmentMode;
  /** ISO 8601 instants (UTC). */
  startAt: string;
  endAt: string;
  durationH: number;
  /** Mean speed over ground; null → distanceNm / durationH when both are known. */
  meanSpeedKn: number | null;
  distanceNm: number | null;
  zone: string | null;
  terminal: string | null;
  /** Actual draft, for the Admiralty law (optional). */
  draftM?: number | null;
}

/**
 * What the calculator needs to know about one call: JSON-serialisable, so that
 * `emissions call --input activity.json` reads the same thing the inventory builds from the database.
 */
export interface CallActivity {
  callId?: string | null;
  /** UN/LOCODE. */
  port: string;
  location: OgvLocation;
  /** Why this location (e.g. "North American ECA covers USLAX (port_emissions_settings.csv)"). */
  locationSource: string;
  shorePower: { used: boolean; gridKgCo2ePerKwh: number | null; gridFactorSource: string | null };
  vessel: OgvVessel;
  segments: CallSegment[];
}

const nullableNumber = (min: number, max: number) => z.number().min(min).max(max).nullable().default(null);
const isoInstant = z
  .string()
  .min(1)
  .refine((s) => Number.isFinite(Date.parse(s)), { message: "not an ISO 8601 instant" });

export const CallVesselSchema = z.object({
  imo: z.number().int().positive().nullable().default(null),
  name: z.string().nullable().default(null),
  shipType: z.string().nullable().default(null),
  subType: z.string().nullable().default(null),
  dwt: nullableNumber(0, 1_000_000),
  teu: nullableNumber(0, 100_000),
  grossTonnage: nullableNumber(0, 1_000_000),
  buildYear: z.number().int().min(1850).max(2100).nullable().default(null),
  mainEngineKw: nullableNumber(0, 300_000),
  engineType: z.enum(ENGINE_TYPES).nullable().default(null),
  maxSpeedKn: nullableNumber(0.1, 60),
  serviceSpeedKn: nullableNumber(0.1, 60),
  maxDraftM: nullableNumber(0.1, 40),
  auxKw: nullableNumber(0, 200_000),
  defaulted: z
    .array(
      z.object({
        field: z.string(),
        value: z.union([z.string(), z.number(), z.boolean()]),
        source: z.string(),
      }),
    )
    .default([]),
});

export const CallSegmentSchema = z.object({
  mode: z.enum(SEGMENT_MODES),
  startAt: isoInstant,
  endAt: isoInstant,
  durationH: z
    .number()
    .min(0)
    .max(24 * 366),
  meanSpeedKn: nullableNumber(0, 60),
  distanceNm: nullableNumber(0, 100_000),
  zone: z.string().nullable().default(null),
  terminal: z.string().nullable().default(null),
  draftM: nullableNumber(0.1, 40),
});

export const CallActivitySchema = z.object({
  callId: z.string().nullable().default(null),
  port: z.string().min(1),
  location: z.enum(OGV_LOCATIONS),
  locationSource: z.string(),
  shorePower: z.object({
    used: z.boolean(),
    gridKgCo2ePerKwh: nullableNumber(0, 5),
    gridFactorSource: z.string().nullable().default(null),
  }),
  vessel: CallVesselSchema,
  segments: z.array(CallSegmentSchema),
});

/** "a.b.0.c: reason" for the first issue of a zod error. */
export function zodIssueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Validates a call activity (e.g. JSON read from a file); throws DomainError "validation" listing
 * every problem with its field path (and the file, when given).
 */
export function parseCallActivity(input: unknown, file?: string): CallActivity {
  const result = CallActivitySchema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((i) => ({
    ...(file ? { file } : {}),
    field: i.path.map(String).join("."),
    reason: i.message,
  }));
  throw new DomainError(
    "validation",
    `${file ? `${file}: ` : ""}not a call activity: ${zodIssueText(result.error)}`,
    issues,
  );
}

// ---------------------------------------------------------------------------------------------
// Options

export const OGV_METHODS = ["epa", "imo4"] as const;
export type OgvMethod = (typeof OGV_METHODS)[number];

export interface OgvOptions {
  /** epa: EPA factors for every pollutant; imo4: Fourth IMO GHG Study for CO2, CH4, N2O. */
  method: OgvMethod;
  gwp: GwpSet;
  law: PowerLaw;
  seaMarginPct: number;
  /** Load-dependent BSFC for main engines (ShipEF loadBasedBSFC "Y"). */
  loadBasedBsfc: boolean;
  llafMethod: LlafMethod;
  auxLoadTable: AuxLoadMethod;
  /** Tier III main engines below 25 % load get the Tier II NOx factor. */
  tier3LowLoadRule: boolean;
  /** Which Fourth IMO GHG Study LNG engine a main "LNG" engine is (slip, SFC). */
  lngEngine: LngEngineType;
}

/**
 * Defaults, and why:
 * - method "epa": the US EPA Ports Emissions Inventory Guidance is the method both ports' OGV
 *   inventories follow; "imo4" is offered for the GHG comparison.
 * - gwp "AR5": what IMO MEPC.391(81), FuelEU Maritime and the Maritime Hackathon method use, and
 *   the only set in gwp.csv confirmed by two sources (AR4 / AR6 are from memory, confidence D).
 * - law "propeller", seaMarginPct 0: the guidance's plain LF = (AS/MS)³; MS is already the maximum
 *   speed, so a 15 % margin (ShipPowerModel's default) would put a ship at full speed above 100 %.
 * - loadBasedBsfc false, llafMethod "equation", tier3LowLoadRule true: ShipEF calcEF's defaults
 *   (loadBasedBSFC "N", output EF × LLAF by the equation, scrThreshold 0.25).
 * - auxLoadTable "imo3": the guidance's default table (EPA 2022 Table E.1), the same for both
 *   ports; "starcrest2016" is Los Angeles-specific.
 * - lngEngine "LNG-Otto MS": four-stroke dual-fuel engines are the commonest LNG engines, EPA's
 *   LNG BSFC (166 g/kWh, Wärtsilä 2014) is such an engine's, and its slip (5.5 g/kWh) is the
 *   highest of the confirmed values, so CH4 is not understated.
 */
export const DEFAULT_OGV_OPTIONS: Readonly<OgvOptions> = Object.freeze({
  method: "epa",
  gwp: "AR5",
  law: "propeller",
  seaMarginPct: 0,
  loadBasedBsfc: false,
  llafMethod: "equation",
  auxLoadTable: "imo3",
  tier3LowLoadRule: true,
  lngEngine: "LNG-Otto MS",
});

export const OgvOptionsSchema = z.strictObject({
  method: z.enum(OGV_METHODS).optional(),
  gwp: z.enum(GWP_SETS).optional(),
  law: z.enum(POWER_LAWS).optional(),
  seaMarginPct: z.number().min(0).max(100).optional(),
  loadBasedBsfc: z.boolean().optional(),
  llafMethod: z.enum(LLAF_METHODS).optional(),
  auxLoadTable: z.enum(AUX_LOAD_METHODS).optional(),
  tier3LowLoadRule: z.boolean().optional(),
  lngEngine: z.enum(LNG_ENGINE_TYPES).optional(),
});

// ---------------------------------------------------------------------------------------------
// Result

type ByComponent<T> = Record<Component, T>;

export interface SegmentEmissions extends CallSegment {
  epaMode: EpaMode | null;
  loadFactor: number;
  propulsionKw: number;
  /** Default loads of the mode (auxKw stays the load even when shore power supplies it). */
  auxKw: number;
  boilerKw: number;
  /** Energy from the ship's own engines and boilers. */
  energyKwh: ByComponent<number>;
  /** Auxiliary energy drawn from shore power instead. */
  gridKwh: number;
  /** gridKwh × the grid factor (0 when no factor is given; see warnings). Not in `grams`. */
  gridCo2eGrams: number;
  /** Tailpipe grams of the segment. */
  grams: PollutantGrams;
  trace: TraceStep[];
}

// A type alias (not an interface) so that it is assignable to loose JSON response schemas.
export type CallEmissions = {
  callId: string | null;
  port: string;
  methodVersion: string;
  method: OgvMethod;
  options: OgvOptions;
  location: OgvLocation;
  locationSource: string;
  /** The vessel as used, `defaulted` listing every value the calculator assumed. */
  vessel: OgvVessel;
  engine: {
    type: EngineType;
    tier: ImoTier;
    tierSource: string;
    auxType: EfEngine;
    auxTier: ImoTier;
    auxTierSource: string;
    fuel: ByComponent<Fuel>;
    fuelSource: ByComponent<string>;
    sulfurPct: ByComponent<number>;
    /** IMO4 LNG engine type assumed for a main LNG engine, else null. */
    lngEngine: LngEngineType | null;
  };
  propulsion: {
    installedKw: number | null;
    refSpeedKn: number | null;
    refSpeedType: RefSpeedType | null;
    law: PowerLaw;
    seaMarginPct: number;
  };
  /** The auxiliary / boiler load-table row and how it was chosen. */
  loads: LoadRowChoice;
  segments: SegmentEmissions[];
  totals: {
    tailpipe: PollutantGrams;
    byComponent: ByComponent<PollutantGrams>;
    /** Shore power: reported apart from the tailpipe (scope-2 style). */
    grid: {
      scope: "grid";
      kwh: number;
      co2eGrams: number | null;
      kgCo2ePerKwh: number | null;
      source: string | null;
    };
    energyKwh: ByComponent<number>;
    /** Hours of segments in mode "unknown" (no emissions computed). */
    unaccountedH: number;
  };
  tables: { file: string; sha256: string }[];
  /** Things the reader should know (missing inputs, assumptions that change results), in no language. */
  warnings: OgvWarning[];
};

/** The calculator's warnings; ogv/messages.ts and the portal word them in English and Japanese. */
export const OGV_WARNING_CODES = [
  "ogv_aux_loads_fallback",
  "ogv_no_propulsion",
  "ogv_admiralty_without_draft",
  "ogv_shore_power_no_grid_factor",
] as const;
export type OgvWarningCode = (typeof OGV_WARNING_CODES)[number];
export interface OgvWarning {
  code: OgvWarningCode;
  params: Record<string, string | number>;
}

// ---------------------------------------------------------------------------------------------
// Computation

/** One engine group of the call, with what does not change between segments. */
interface ComponentContext {
  component: Component;
  set: FactorSet;
  imo4: Imo4GhgSet | null;
  /** What emits in a mode, for the trace. */
  what: (mode: EpaMode) => TraceText;
  /** Trace sources per pollutant (precomputed: the same in every segment). */
  sources: Record<(typeof EF_POLLUTANTS)[number], TraceValue>;
}

interface Scratch {
  ef: EfRecord;
  llaf: EfRecord;
  ghg: GhgFactors;
}

const GHG = new Set(["co2", "ch4", "n2o"]);

// Adjustment texts, made once (their English names are then rendered once).
const LLAF_TEXT = Object.fromEntries(
  EF_POLLUTANTS.map((p) => [p, traceText("adj.llaf", { pollutant: traceText(`pollutant.${p}`) })]),
) as Record<(typeof EF_POLLUTANTS)[number], TraceText>;
const SFC_CURVE_TEXT = traceText("adj.sfcLoadCurve");
const SFC_CURVE_DETAIL = traceText("detail.sfcLoadCurve");
const TIER3_TEXT = traceText("adj.tier3LowLoad", { pct: SCR_THRESHOLD_LF * 100 });
const BSFC_TEXT = traceText("adj.loadBasedBsfc");
/** Pollutants whose EPA factor is proportional (wholly or partly) to the BSFC. */
const BSFC_DEPENDENT = new Set(["co2", "so2", "pm10", "pm25", "dpm", "n2o"]);

function buildContext(
  tables: OgvTables,
  component: Component,
  engine: EfEngine,
  location: OgvLocation,
  tier: ImoTier,
  buildYear: number | null,
  o: OgvOptions,
): ComponentContext {
  const set = factorSet(tables, { component, engine, location, tier, lngEngine: o.lngEngine });
  const imo4 =
    o.method === "imo4"
      ? imo4GhgSet(tables, {
          component,
          engine: set.engine,
          fuel: set.fuel,
          buildYear,
          lngEngine: o.lngEngine,
        })
      : null;
  const whatByMode = new Map<EpaMode, TraceText>();
  const what = (mode: EpaMode): TraceText => {
    let text = whatByMode.get(mode);
    if (text === undefined) {
      const m = traceText(`epaMode.${mode}`);
      text =
        component === "boiler"
          ? traceText("what.ogvBoiler", { mode: m })
          : traceText(component === "main" ? "what.ogvMain" : "what.ogvAux", { engine: set.engine, mode: m });
      whatByMode.set(mode, text);
    }
    return text;
  };
  const sources = {} as ComponentContext["sources"];
  for (const p of EF_POLLUTANTS) {
    if (imo4 && GHG.has(p)) sources[p] = traceText("source.imo4Path", { source: imo4.source[p as "co2"] });
    else if (imo4) sources[p] = traceText("source.epaUnderImo4", { source: set.source[p] });
    else sources[p] = set.source[p];
  }
  return { component, set, imo4, what, sources };
}

function addCo2e(g: PollutantGrams, gwpCh4: number, gwpN2o: number): void {
  g.co2e = g.co2 + gwpCh4 * g.ch4 + gwpN2o * g.n2o;
}

/**
 * Grams of one engine group over one segment, added into `into` (and `total`), with trace steps.
 * kWh × EF(LF) × LLAF(LF); IMO4 GHG: kWh × SFC(LF) × Cf (+ pilot, + slip), no LLAF.
 */
function componentGrams(
  tables: OgvTables,
  ctx: ComponentContext,
  kwh: number,
  lf: number,
  epaMode: EpaMode,
  o: OgvOptions,
  gwp: { ch4: number; n2o: number; source: string },
  s: Scratch,
  into: PollutantGrams,
  total: PollutantGrams,
  trace: TraceStep[] | null,
): void {
  const set = ctx.set;
  const isMain = ctx.component === "main";
  const effects: LoadEffects = factorsAtLoad(set, isMain ? lf : null, o, s.ef);
  lowLoadMultipliers(tables, o.llafMethod, ctx.component, set.engine, lf, set.llafSulfurPct, s.llaf);
  const curve = ctx.imo4 ? imo4GhgAtLoad(ctx.imo4, isMain ? lf : 0, s.ghg) : 1;
  // Field by field: keyed access in a loop was the hot spot of bulk runs.
  const ef = s.ef;
  const m = s.llaf;
  const g = zeroPollutants();
  g.nox = kwh * ef.nox * m.nox;
  g.hc = kwh * ef.hc * m.hc;
  g.co = kwh * ef.co * m.co;
  g.pm10 = kwh * ef.pm10 * m.pm10;
  g.pm25 = kwh * ef.pm25 * m.pm25;
  g.dpm = kwh * ef.dpm * m.dpm;
  g.so2 = kwh * ef.so2 * m.so2;
  if (ctx.imo4) {
    g.co2 = kwh * s.ghg.co2;
    g.ch4 = kwh * s.ghg.ch4;
    g.n2o = kwh * s.ghg.n2o;
  } else {
    g.co2 = kwh * ef.co2 * m.co2;
    g.ch4 = kwh * ef.ch4 * m.ch4;
    g.n2o = kwh * ef.n2o * m.n2o;
  }
  const what = trace ? ctx.what(epaMode) : null;
  const llafDetail = trace && m.nox !== 1 ? llafSource(o.llafMethod, lf) : "";
  for (const p of what ? EF_POLLUTANTS : []) {
    const ghgPath = ctx.imo4 !== null && GHG.has(p);
    const grams = g[p];
    const adjustments: TraceAdjustment[] = [];
    let factor: number;
    if (ghgPath) {
      factor = (ctx.imo4 as Imo4GhgSet).base[p as "co2"];
      if (curve !== 1 && factor > 0)
        adjustments.push(adjustment(s.ghg[p as "co2"] / factor, SFC_CURVE_TEXT, SFC_CURVE_DETAIL));
    } else {
      factor = set.ef[p];
      if (p === "nox" && effects.tier3Rule)
        adjustments.push(
          adjustment(s.ef.nox / factor, TIER3_TEXT, `ShipEF scrThreshold; ${set.noxTier2Source}`),
        );
      else if (effects.bsfcRatio !== 1 && BSFC_DEPENDENT.has(p) && factor > 0 && s.ef[p] !== factor)
        adjustments.push(adjustment(s.ef[p] / factor, BSFC_TEXT, "0.455 LF^2 - 0.710 LF + 1.280"));
      if (m[p] !== 1) adjustments.push(adjustment(m[p], LLAF_TEXT[p], llafDetail));
    }
    trace?.push(
      traceStep({
        what: what as TraceText,
        pollutant: p,
        activity: kwh,
        activityUnit: "kWh",
        factor,
        factorUnit: "g/kWh",
        adjustments,
        grams,
        source: ctx.sources[p],
      }),
    );
  }
  addCo2e(g, gwp.ch4, gwp.n2o);
  if (trace && what)
    trace.push(
      traceStep({
        what,
        pollutant: "co2e",
        activity: kwh,
        activityUnit: "kWh",
        factor: kwh > 0 ? g.co2e / kwh : 0,
        factorUnit: "g/kWh",
        adjustments: [],
        grams: g.co2e,
        source: `CO2 + ${gwp.ch4} x CH4 + ${gwp.n2o} x N2O (${gwp.source})`,
      }),
    );
  addGrams(into, g);
  addGrams(total, g);
}

/** a += b, field by field (a loop over keys is several times slower here). */
function addGrams(a: PollutantGrams, b: PollutantGrams): void {
  a.nox += b.nox;
  a.pm10 += b.pm10;
  a.pm25 += b.pm25;
  a.dpm += b.dpm;
  a.so2 += b.so2;
  a.co += b.co;
  a.hc += b.hc;
  a.co2 += b.co2;
  a.ch4 += b.ch4;
  a.n2o += b.n2o;
  a.co2e += b.co2e;
}

function resolveOptions(options: Partial<OgvOptions>): OgvOptions {
  const parsed = OgvOptionsSchema.safeParse(options);
  if (!parsed.success) throw new DomainError("validation", `options: ${zodIssueText(parsed.error)}`);
  const o: OgvOptions = { ...DEFAULT_OGV_OPTIONS };
  for (const [k, v] of Object.entries(parsed.data))
    if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  return o;
}

function compute(
  tables: OgvTables,
  activity: CallActivity,
  options: Partial<OgvOptions>,
  withTrace: boolean,
): CallEmissions {
  const o = resolveOptions(options);
  const gwp = tables.gwp.get(o.gwp);
  if (!gwp) throw new DomainError("validation", `options: gwp ${o.gwp} is not in gwp.csv`);
  const warnings: OgvWarning[] = [];
  const v = activity.vessel;
  const defaulted = [...v.defaulted];

  let mainEngine: EngineType;
  if (v.engineType === null) {
    // Slow-speed two-stroke diesels drive most ocean-going tonnage (Table C.3's commonest type).
    mainEngine = "SSD";
    defaulted.push({
      field: "engineType",
      value: "SSD",
      source: "engine type unknown: SSD assumed (commonest type in EPA Table C.3)",
    });
  } else if (v.engineType === "HSD") {
    // EPA has no main-engine HSD factors; a fast four-stroke main engine is MSD (particulars.ts).
    mainEngine = "MSD";
    defaulted.push({
      field: "engineType",
      value: "MSD",
      source: "HSD main engine: MSD factors (EPA has no main-engine HSD row)",
    });
  } else mainEngine = v.engineType;
  // ShipEF calcEngineType gives auxiliary engines "MSD"; a gas-fuelled ship's gensets burn LNG.
  const auxEngine: EfEngine = mainEngine === "LNG" ? "LNG" : "MSD";
  const mainTier = assignTier(mainEngine, v.buildYear);
  const auxTier = assignTier(auxEngine, v.buildYear);

  const ctx: ByComponent<ComponentContext> = {
    main: buildContext(tables, "main", mainEngine, activity.location, mainTier.tier, v.buildYear, o),
    aux: buildContext(tables, "aux", auxEngine, activity.location, auxTier.tier, v.buildYear, o),
    boiler: buildContext(tables, "boiler", "Boiler", activity.location, 0, v.buildYear, o),
  };
  const loadRow = loadsSubType(tables, o.auxLoadTable, v);
  if (loadRow.fallback) warnings.push({ code: "ogv_aux_loads_fallback", params: { source: loadRow.source } });

  const refSpeedKn = v.maxSpeedKn ?? v.serviceSpeedKn;
  const refSpeedType: RefSpeedType | null =
    v.maxSpeedKn !== null ? "max" : v.serviceSpeedKn !== null ? "service" : null;
  const installedKw = v.mainEngineKw;
  let warnedPower = false;
  let warnedDraft = false;

  const gridFactor = activity.shorePower.used ? activity.shorePower.gridKgCo2ePerKwh : null;
  const s: Scratch = { ef: emptyEfRecord(), llaf: emptyEfRecord(1), ghg: { co2: 0, ch4: 0, n2o: 0 } };
  const tailpipe = zeroPollutants();
  const byComponent: ByComponent<PollutantGrams> = {
    main: zeroPollutants(),
    aux: zeroPollutants(),
    boiler: zeroPollutants(),
  };
  const energyKwh: ByComponent<number> = { main: 0, aux: 0, boiler: 0 };
  let gridKwh = 0;
  let unaccountedH = 0;
  const segments: SegmentEmissions[] = [];

  for (const seg of activity.segments) {
    const epaMode = EPA_MODE_OF_SEGMENT[seg.mode];
    // Fields listed, not spread: an object spread per segment was the calculator's hot spot.
    const out: SegmentEmissions = {
      mode: seg.mode,
      startAt: seg.startAt,
      endAt: seg.endAt,
      durationH: seg.durationH,
      meanSpeedKn: seg.meanSpeedKn,
      distanceNm: seg.distanceNm,
      zone: seg.zone,
      terminal: seg.terminal,
      draftM: seg.draftM ?? null,
      epaMode,
      loadFactor: 0,
      propulsionKw: 0,
      auxKw: 0,
      boilerKw: 0,
      energyKwh: { main: 0, aux: 0, boiler: 0 },
      gridKwh: 0,
      gridCo2eGrams: 0,
      grams: zeroPollutants(),
      trace: [],
    };
    segments.push(out);
    const h = seg.durationH;
    if (epaMode === null) {
      unaccountedH += h;
      continue;
    }
    if (PROPULSIVE.has(seg.mode)) {
      const speed = seg.meanSpeedKn ?? (seg.distanceNm !== null && h > 0 ? seg.distanceNm / h : null);
      if (installedKw === null || refSpeedKn === null || refSpeedType === null || speed === null) {
        if (!warnedPower)
          warnings.push({
            code: "ogv_no_propulsion",
            params: {
              mode: seg.mode,
              missing:
                installedKw === null
                  ? "mainEngineKw"
                  : refSpeedKn === null
                    ? "maxSpeedKn / serviceSpeedKn"
                    : "meanSpeedKn / distanceNm",
            },
          });
        warnedPower = true;
      } else {
        let law = o.law;
        if (law === "admiralty" && (!seg.draftM || !v.maxDraftM)) {
          if (!warnedDraft) warnings.push({ code: "ogv_admiralty_without_draft", params: {} });
          warnedDraft = true;
          law = "propeller";
        }
        out.loadFactor = loadFactorFromSpeed({
          law,
          speedKn: speed,
          refSpeedKn,
          refSpeedType,
          seaMarginPct: o.seaMarginPct,
          draftM: seg.draftM ?? null,
          maxDraftM: v.maxDraftM,
        });
        out.propulsionKw = installedKw * out.loadFactor;
      }
    }
    const loads = auxBoilerLoads(tables, o.auxLoadTable, loadRow.subType, epaMode);
    out.auxKw = loads.auxKw;
    out.boilerKw = loads.boilerKw;
    const onShorePower = seg.mode === "at_berth" && activity.shorePower.used;
    out.energyKwh.main = out.propulsionKw * h;
    out.energyKwh.aux = onShorePower ? 0 : loads.auxKw * h;
    out.energyKwh.boiler = loads.boilerKw * h;
    out.gridKwh = onShorePower ? loads.auxKw * h : 0;
    out.gridCo2eGrams = out.gridKwh * (gridFactor ?? 0) * 1000;
    gridKwh += out.gridKwh;
    const trace = withTrace ? out.trace : null;
    for (const c of ["main", "aux", "boiler"] as const) {
      const kwh = out.energyKwh[c];
      energyKwh[c] += kwh;
      if (kwh <= 0) continue;
      componentGrams(
        tables,
        ctx[c],
        kwh,
        out.loadFactor,
        epaMode,
        o,
        gwp,
        s,
        out.grams,
        byComponent[c],
        trace,
      );
    }
    addGrams(tailpipe, out.grams);
  }

  const factor = gridFactor;
  if (gridKwh > 0 && factor === null) warnings.push({ code: "ogv_shore_power_no_grid_factor", params: {} });

  return {
    callId: activity.callId ?? null,
    port: activity.port,
    methodVersion: EMISSIONS_METHOD_VERSION,
    method: o.method,
    options: o,
    location: activity.location,
    locationSource: activity.locationSource,
    vessel: { ...v, defaulted },
    engine: {
      type: mainEngine,
      tier: mainTier.tier,
      tierSource: mainTier.source,
      auxType: auxEngine,
      auxTier: auxTier.tier,
      auxTierSource: auxTier.source,
      fuel: { main: ctx.main.set.fuel, aux: ctx.aux.set.fuel, boiler: ctx.boiler.set.fuel },
      fuelSource: {
        main: ctx.main.set.fuelSource,
        aux: ctx.aux.set.fuelSource,
        boiler: ctx.boiler.set.fuelSource,
      },
      sulfurPct: {
        main: ctx.main.set.sulfurPct,
        aux: ctx.aux.set.sulfurPct,
        boiler: ctx.boiler.set.sulfurPct,
      },
      lngEngine: mainEngine === "LNG" ? o.lngEngine : null,
    },
    propulsion: { installedKw, refSpeedKn, refSpeedType, law: o.law, seaMarginPct: o.seaMarginPct },
    loads: loadRow,
    segments,
    totals: {
      tailpipe,
      byComponent,
      grid: {
        scope: "grid",
        kwh: gridKwh,
        co2eGrams: factor === null ? (gridKwh > 0 ? null : 0) : gridKwh * factor * 1000,
        kgCo2ePerKwh: factor,
        source: activity.shorePower.used ? activity.shorePower.gridFactorSource : null,
      },
      energyKwh,
      unaccountedH,
    },
    tables: tables.files,
    warnings,
  };
}

/**
 * Emissions of one call, with a trace step per segment × engine group × pollutant unless
 * `flags.trace` is false (bulk inventory runs: the `trace` arrays stay empty).
 * Example (call.test.ts): container ship 8,000 TEU, SSD Tier 2, 55,800 kW, max 26.5 kn, in the ECA;
 * 2 h transit at 12 kn → LF (12/26.5)³ = 0.092855, main 10,362.6 kWh, NOx 10,362.6 × 14.4 × LLAF
 * 1.25583 = 187,397 g.
 */
export function computeCallEmissions(
  tables: OgvTables,
  activity: CallActivity,
  options: Partial<OgvOptions> = {},
  flags: { trace?: boolean } = {},
): CallEmissions {
  return compute(tables, activity, options, flags.trace ?? true);
}

/** computeCallEmissions without trace steps, for bulk inventory runs. */
export function computeCallEmissionsBulk(
  tables: OgvTables,
  activity: CallActivity,
  options: Partial<OgvOptions> = {},
): CallEmissions {
  return compute(tables, activity, options, false);
}

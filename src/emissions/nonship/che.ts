/**
 * Cargo-handling equipment, EPA NONROAD form (shared nonship README, "Cargo handling equipment"):
 *
 *   E [g] = hp × hours × LF × EF_adj
 *   EF_adj = EF_zh × DF                                   (NOx, THC, CO; PM before its sulfur correction)
 *   DF     = 1 + A × min(age, cap)^b,  age = cumulative hours × LF / median life
 *   PM10   = EF_zh,PM × DF − BSFC × 453.6 × 7.0 × conv × 0.01 × (S_base − S_actual)
 *   CO2    = (BSFC × 453.6 − THC_adj) × 0.87 × 44/12      (NONROAD uses the deteriorated THC)
 *   SO2    = BSFC × 453.6 × (1 − conv) × 0.01 × S_actual × 64/32   (sulfur mass balance)
 *   PM2.5  = 0.97 × PM10;  DPM = PM10 (diesel)
 *
 * EF_zh and BSFC by SCC (che_equipment_map.csv), horsepower band (min < hp ≤ max) and tech type;
 * the tech type from model year and band (che_tech_type_by_model_year.csv: the majority share; on a
 * tie the first listed, recorded in the trace). Engine age is taken at the start of the calendar
 * year. Diesel-electric hybrids are computed as their diesel engine. LPG and CNG units use user
 * factors (no sourced NONROAD factor is in the shared tables). Battery-electric and fuel-cell units
 * have no exhaust: their metered electricity is a grid line, their hydrogen an upstream line.
 */

import { dieselConstants, hydrogenIntensity } from "../energy.ts";
import type { PollutantGrams, TraceAdjustment, TraceStep, TraceText, TraceValue } from "../model.ts";
import { adjustment, renderTrace, type TraceCode, traceText } from "../trace-text.ts";
import type { CheRecord, FactorPollutant } from "./model.ts";
import { type MonthShare, monthsOf, type ResultBuilder, step } from "./result.ts";
import type { CheTables, NonshipTables, Sourced, TechType } from "./tables.ts";
import { hpToKw, KW_PER_BHP, kwToHp } from "./units.ts";
import type { UserFactorIndex } from "./user-factors.ts";
import { CHE_POWERTRAIN_LABELS, cheEquipmentTypeById } from "./vocab.ts";

/** g CO2 per g C (44/12) and g SO2 per g S (64/32): molar-mass ratios. */
const CO2_PER_C = 44 / 12;
const SO2_PER_S = 64 / 32;

/** One diesel pollutant's factor, ready to trace: g = rated hp·h × LF × factor × Π adjustments. */
export interface CheFactorStep {
  factor: number;
  factorUnit: string;
  adjustments: TraceAdjustment[];
  /** factor × Π adjustments (g/bhp-hr of engine output). */
  perBhpHr: number;
  source: TraceValue;
}

export interface CheDieselFactors {
  scc: string;
  sccEquipment: string;
  hp: number;
  tech: TechType;
  /** Why this tech type: table rows and the choice. */
  techSource: string;
  loadFactor: Sourced;
  /** The load factor's source for the trace (a table row, or the unit's own value as a text). */
  loadFactorDetail: TraceValue;
  cumulativeHoursStart: number;
  cumulativeSource: string;
  medianLifeH: number;
  age: number;
  factors: Partial<Record<FactorPollutant, CheFactorStep>>;
}

export type CheFactorsResult =
  | { ok: true; value: CheDieselFactors }
  | { ok: false; what: string; table: string };

function inBand(hp: number, min: number, max: number): boolean {
  return hp > min && hp <= max;
}

/** The table rows of a power band and model year, and the majority row (first on a tie). */
function techTypeRows(tables: CheTables, hp: number, modelYear: number) {
  const band = tables.techTypes.filter((t) => inBand(hp, t.hpMin, t.hpMax));
  let from = Number.NEGATIVE_INFINITY;
  for (const t of band) if (t.modelYearFrom <= modelYear && t.modelYearFrom > from) from = t.modelYearFrom;
  const rows = band.filter((t) => t.modelYearFrom === from);
  if (rows.length === 0) return undefined;
  let best = rows[0]!;
  for (const r of rows) if (r.fraction > best.fraction) best = r;
  return { rows, best, from };
}

/** Tech type of a new diesel engine of this power and model year: majority share, first on a tie. */
export function techTypeFor(
  tables: CheTables,
  hp: number,
  modelYear: number,
): { tech: TechType; source: string } | undefined {
  const found = techTypeRows(tables, hp, modelYear);
  if (found === undefined) return undefined;
  const { rows, best, from } = found;
  const shares = rows.map((r) => `${r.tech} ${r.fraction}`).join(" / ");
  const tie = rows.filter((r) => r.fraction === best.fraction).length > 1;
  const choice =
    rows.length === 1 ? "" : tie ? `; tie, took the first listed (${best.tech})` : `; majority ${best.tech}`;
  return {
    tech: best.tech,
    source: `che_tech_type_by_model_year.csv: line${rows.length > 1 ? "s" : ""} ${rows.map((r) => r.line).join(", ")} — ${best.hpMin}-${best.hpMax} hp, model years from ${from}: ${shares}${choice}`,
  };
}

function factorRow(tables: CheTables, scc: string, tech: TechType, pollutant: string, hp: number) {
  return tables.factors.get(`${scc}|${tech}|${pollutant}`)?.find((r) => inBand(hp, r.hpMin, r.hpMax));
}

function loadFactorRow(tables: CheTables, scc: string, fuel: string) {
  return tables.loadFactors.find((l) => l.scc.slice(4) === scc.slice(4) && l.fuel === fuel);
}

/**
 * NONROAD factors (g/bhp-hr) of one diesel unit for one calendar year.
 * Example: yard tractor (SCC 2270003070), 200 hp, model year 2018, year 2024, no hour meter:
 * tech T4N (175–300 hp from MY2014); LF 0.59; cumulative hours 6 × 1,257 = 7,542; age = 7,542 ×
 * 0.59 / 4,667 = 0.9535; NOx 0.28 × (1 + 0.008 × 0.9535) = 0.2821 g/bhp-hr, so 2,000 h give
 * 200 × 2,000 × 0.59 × 0.2821 = 66,584 g NOx.
 *
 * With `texts: false` only the numbers are made: adjustment names, sources and the trace texts
 * are left empty. An engine run without trace asks for that (a 25-year rollout scenario computes
 * thousands of unit-years and reads none of their words); the numbers are the same either way.
 */
export function cheDieselFactors(
  tables: CheTables,
  unit: {
    equipmentType: string;
    hp: number;
    modelYear: number;
    year: number;
    cumulativeHoursStart: number | null;
    loadFactor: number | null;
    loadFactorSource: string | null;
  },
  options: { texts?: boolean } = {},
): CheFactorsResult {
  const texts = options.texts !== false;
  const map = tables.equipmentMap.get(unit.equipmentType);
  if (map === undefined)
    return { ok: false, what: `equipment type ${unit.equipmentType}`, table: "che_equipment_map.csv" };
  const scc = map.scc;
  const hp = unit.hp;
  const techChoice = texts
    ? techTypeFor(tables, hp, unit.modelYear)
    : (() => {
        const found = techTypeRows(tables, hp, unit.modelYear);
        return found === undefined ? undefined : { tech: found.best.tech, source: "" };
      })();
  if (techChoice === undefined)
    return {
      ok: false,
      what: `${hp.toFixed(0)} hp, model year ${unit.modelYear}`,
      table: "che_tech_type_by_model_year.csv",
    };
  const tech = techChoice.tech;
  const lfRow = loadFactorRow(tables, scc, "diesel");
  if (lfRow === undefined) return { ok: false, what: `SCC ${scc} diesel`, table: "che_load_factors.csv" };
  const given =
    unit.loadFactor === null
      ? null
      : texts
        ? givenLoadFactor(unit.loadFactor, unit.loadFactorSource)
        : { sourced: { value: unit.loadFactor, source: "" }, detail: "" };
  const loadFactor: Sourced = given?.sourced ?? lfRow.loadFactor;
  let cumulativeHoursStart: number;
  let cumulativeText: TraceText | null = null;
  if (unit.cumulativeHoursStart !== null) {
    cumulativeHoursStart = unit.cumulativeHoursStart;
    if (texts)
      cumulativeText = traceText("detail.hourMeter", { hours: unit.cumulativeHoursStart, year: unit.year });
  } else {
    const years = Math.max(0, unit.year - unit.modelYear);
    cumulativeHoursStart = years * lfRow.annualHours.value;
    if (texts)
      cumulativeText = traceText("detail.yearsOfUse", {
        years,
        hours: lfRow.annualHours.value,
        source: lfRow.annualHours.source,
      });
  }
  const lives = tables.usefulLife.filter((u) => u.scc === scc);
  if (lives.length === 0) return { ok: false, what: `SCC ${scc}`, table: "che_useful_life.csv" };
  let life = lives.find((u) => inBand(hp, u.hpMin, u.hpMax));
  let lifeNote: TraceValue = "";
  if (life === undefined) {
    // Gaps in the table (e.g. 600–1,000 hp for material handling): the nearest band of the SCC.
    life = [...lives].sort((a, b) => bandDistance(hp, a) - bandDistance(hp, b))[0]!;
    if (texts) lifeNote = traceText("detail.nearestLifeBand", { min: life.hpMin, max: life.hpMax });
  }
  const age = (cumulativeHoursStart * loadFactor.value) / life.medianLifeH;
  const ageText =
    cumulativeText === null
      ? ""
      : traceText("detail.age", {
          age: age.toFixed(4),
          hours: cumulativeHoursStart.toFixed(0),
          lf: loadFactor.value,
          life: life.medianLifeH,
          line: life.line,
          note: lifeNote,
          cumulative: cumulativeText,
        });
  // Without texts an adjustment is its value (names and details are trace words only).
  const adjust: typeof adjustment = texts ? adjustment : (value) => ({ name: "", value, text: NO_TEXT });

  const rowSource = (
    r: { line: number; confidence: string; hpMin: number; hpMax: number },
    p: string,
    v: number,
    u: string,
  ) =>
    !texts
      ? ""
      : `che_emission_factors.csv: line ${r.line} — ${map.equipment} (SCC ${scc}) ${r.hpMin}-${r.hpMax} hp ${tech} ${p} ${v} ${u} (epa-nonroad2008a-moves5, ${r.confidence}); tech type: ${techChoice.source}; SCC: che_equipment_map.csv line ${map.line} (${map.confidence})`;

  const df = (pollutant: string): TraceAdjustment | undefined => {
    const d = tables.deterioration.get(`${tech}|${pollutant}`);
    if (d === undefined) return undefined;
    const capped = Math.min(age, d.cap);
    const value = 1 + d.a * capped ** d.b;
    return texts
      ? adjustment(
          value,
          traceText("adj.deterioration", { a: d.a, age: age.toFixed(4), cap: d.cap, b: d.b }),
          traceText("detail.deterioration", { line: d.line, age: ageText }),
        )
      : adjust(value, NO_TEXT);
  };

  const factors: Partial<Record<FactorPollutant, CheFactorStep>> = {};
  const zh: Record<string, number> = {};
  for (const [col, p] of [
    ["NOx", "nox"],
    ["THC", "hc"],
    ["CO", "co"],
    ["PM10", "pm10"],
  ] as const) {
    const r = factorRow(tables, scc, tech, col, hp);
    const d = df(col);
    if (r === undefined || d === undefined)
      return {
        ok: false,
        what: `SCC ${scc}, ${hp.toFixed(0)} hp, ${tech}, ${col}`,
        table: "che_emission_factors.csv",
      };
    zh[col] = r.value;
    factors[p] = {
      factor: r.value,
      factorUnit: "g/bhp-hr",
      adjustments: [d],
      perBhpHr: r.value * d.value,
      source: rowSource(r, col, r.value, "g/bhp-hr"),
    };
  }
  const bsfcRow = factorRow(tables, scc, tech, "BSFC", hp);
  if (bsfcRow === undefined)
    return {
      ok: false,
      what: `SCC ${scc}, ${hp.toFixed(0)} hp, ${tech}, BSFC`,
      table: "che_emission_factors.csv",
    };
  const bsfc = bsfcRow.value;
  const gPerLb = tables.gramsPerPound.value;
  const sBase = tables.pmBaseSulfurPct.get(tech)!;
  const conv = tables.sulfateConversion.get(tech)!;
  const sActual = tables.ulsdSulfurPct;
  const ratio7 = tables.sulfateToSulfurRatio.value;

  // PM sulfur correction (subtracted after deterioration), shown as a multiplier for the trace.
  const pm = factors.pm10!;
  const pmDeteriorated = pm.perBhpHr;
  const sulfurG = bsfc * gPerLb * ratio7 * conv.value * 0.01 * (sBase.value - sActual.value);
  const pmAdjusted = Math.max(0, pmDeteriorated - sulfurG);
  const pmRatio = pmDeteriorated > 0 ? pmAdjusted / pmDeteriorated : 1;
  pm.adjustments.push(
    texts
      ? adjustment(
          pmRatio,
          traceText("adj.pmSulfur", {
            bsfc,
            gPerLb,
            ratio: ratio7,
            conv: conv.value,
            sBase: sBase.value,
            sActual: sActual.value,
            grams: sulfurG.toPrecision(4),
          }),
          `${sBase.source}; ${conv.source}; ${tables.sulfateToSulfurRatio.source}; ${sActual.source}; BSFC: che_emission_factors.csv line ${bsfcRow.line}`,
        )
      : adjust(pmRatio, NO_TEXT),
  );
  pm.perBhpHr = pmAdjusted;
  const pmStep = (ratio: Sourced | null, source: TraceValue): CheFactorStep => ({
    factor: pmAdjusted,
    factorUnit: "g/bhp-hr",
    adjustments: ratio === null ? [] : [adjust(ratio.value, texts ? traceText("adj.pm25Ratio") : NO_TEXT)],
    perBhpHr: ratio === null ? pmAdjusted : pmAdjusted * ratio.value,
    source: source,
  });
  factors.pm25 = pmStep(
    tables.pm25ToPm10Diesel,
    texts ? traceText("source.pmAfterDf", { source: tables.pm25ToPm10Diesel.source }) : "",
  );
  factors.dpm = pmStep(null, texts ? traceText("source.dpmDieselReadme") : "");

  const thcAdjusted = factors.hc!.perBhpHr;
  const carbon = tables.carbonMassFraction;
  const co2 = (bsfc * gPerLb - thcAdjusted) * carbon.value * CO2_PER_C;
  factors.co2 = {
    factor: co2,
    factorUnit: "g/bhp-hr",
    adjustments: [],
    perBhpHr: co2,
    source: !texts
      ? ""
      : `CO2 = (BSFC ${bsfc} lb/bhp-hr × ${gPerLb} g/lb − THC ${thcAdjusted.toPrecision(4)}) × ${carbon.value} × 44/12 (che_emission_factors.csv: line ${bsfcRow.line}; ${carbon.source}; ${tables.gramsPerPound.source})`,
  };
  const so2 = bsfc * gPerLb * (1 - conv.value) * 0.01 * sActual.value * SO2_PER_S;
  factors.so2 = {
    factor: so2,
    factorUnit: "g/bhp-hr",
    adjustments: [],
    perBhpHr: so2,
    source: !texts
      ? ""
      : traceText("source.so2Balance", {
          bsfc,
          gPerLb,
          conv: conv.value,
          sulfur: sActual.value,
          sources: `${sActual.source}; ${conv.source}`,
        }),
  };
  return {
    ok: true,
    value: {
      scc,
      sccEquipment: map.equipment,
      hp,
      tech,
      techSource: techChoice.source,
      loadFactor,
      loadFactorDetail: given?.detail ?? (texts ? lfRow.loadFactor.source : ""),
      cumulativeHoursStart,
      cumulativeSource: cumulativeText === null ? "" : renderTrace(cumulativeText),
      medianLifeH: life.medianLifeH,
      age,
      factors,
    },
  };
}

type Adjustment = TraceAdjustment;

/** The text of an adjustment or source made without texts (`cheDieselFactors(…, { texts: false })`). */
const NO_TEXT: TraceText = { code: "" };

/** A load factor given with a unit (and its source), as a table value and as a trace text. */
function givenLoadFactor(value: number, source: string | null): { sourced: Sourced; detail: TraceText } {
  const detail = traceText("detail.loadFactorGiven", { value, source: source ?? "" });
  return { sourced: { value, source: renderTrace(detail) }, detail };
}

function cheHead(
  r: CheRecord,
  sourceId: string,
  label: string,
  scope: "tailpipe" | "grid" | "upstream",
  month: number,
  activityUnit: string,
) {
  return {
    category: "che" as const,
    scope,
    year: r.year,
    month,
    terminal: r.terminal,
    sourceId,
    label,
    activityUnit,
  };
}

type CachedFactors = {
  f: CheFactorsResult;
  adjustments: Partial<Record<FactorPollutant, Adjustment[]>>;
  perBhpHr: Record<DieselPollutant, number>;
};

function dieselFactorsForTrace(f: CheFactorsResult, texts: boolean): CachedFactors {
  const adjustments: Partial<Record<FactorPollutant, Adjustment[]>> = {};
  const perBhpHr: Record<DieselPollutant, number> = {
    nox: 0,
    hc: 0,
    co: 0,
    pm10: 0,
    pm25: 0,
    dpm: 0,
    co2: 0,
    so2: 0,
  };
  if (f.ok) {
    const lf = texts
      ? adjustment(f.value.loadFactor.value, traceText("adj.loadFactor"), f.value.loadFactorDetail)
      : null;
    for (const p of DIESEL_POLLUTANTS) {
      if (lf !== null) adjustments[p] = [lf, ...f.value.factors[p]!.adjustments];
      perBhpHr[p] = f.value.factors[p]!.perBhpHr;
    }
  }
  return { f, adjustments, perBhpHr };
}

function powerText(r: CheRecord, hp: number): string {
  return r.ratedHp !== null ? `${r.ratedHp} hp` : `${r.ratedKw} kW = ${hp.toFixed(1)} hp`;
}

/** One month, shared by every monthly row (read only). */
const MONTH_ALONE: readonly MonthShare[][] = Array.from({ length: 13 }, (_, m) => [
  { month: m, share: 1, label: null },
]);
const NO_MONTHS: MonthShare[] = [];

/** The months of a row that the result includes (no closures: this runs per record). */
function includedMonths(rb: ResultBuilder, year: number, month: number | null): MonthShare[] {
  if (month !== null) return rb.included(year, month) ? MONTH_ALONE[month]! : NO_MONTHS;
  const all = monthsOf(year, month);
  const out: MonthShare[] = [];
  for (const m of all) if (rb.included(year, m.month)) out.push(m);
  return out;
}

/** Index of the band (edges[i-1], edges[i]] that holds hp. */
function hpBand(edges: readonly number[], hp: number): number {
  let i = 0;
  while (i < edges.length && hp > edges[i]!) i++;
  return i;
}

function bandDistance(hp: number, b: { hpMin: number; hpMax: number }): number {
  if (hp <= b.hpMin) return b.hpMin - hp;
  if (hp > b.hpMax) return hp - b.hpMax;
  return 0;
}

type DieselPollutant = "nox" | "hc" | "co" | "pm10" | "pm25" | "dpm" | "co2" | "so2";
const DIESEL_POLLUTANTS: readonly DieselPollutant[] = [
  "nox",
  "hc",
  "co",
  "pm10",
  "pm25",
  "dpm",
  "co2",
  "so2",
];
/** Pollutants a user-factor category must give; a missing one is reported (CH4, N2O are optional). */
const REQUIRED_USER: readonly FactorPollutant[] = ["nox", "pm10", "so2", "co", "hc", "co2"];

/** Computes every CHE record into `rb`. */
export function computeChe(
  tables: NonshipTables,
  records: readonly CheRecord[],
  factors: UserFactorIndex,
  rb: ResultBuilder,
): void {
  rb.countRecords("che", records.length);
  if (records.some((r) => r.registry !== undefined)) {
    const units = new Set(records.map((r) => r.unitId));
    const matched = new Set(records.filter((r) => r.registry !== undefined).map((r) => r.unitId));
    rb.note("che_registry", { matched: matched.size, units: units.size });
  }
  // A unit-year with monthly rows drops its whole-year row (it would count twice).
  const monthly = new Set<string>();
  if (records.some((r) => r.month === null))
    for (const r of records) if (r.month !== null) monthly.add(`${r.unitId}|${r.year}`);
  const diesel = dieselConstants(tables.energy);
  // Factors and their trace adjustments (load factor first) per distinct unit-year: computed once.
  let noted = false;
  const cache = new Map<string, CachedFactors>();
  // Rows of one unit usually follow each other: its names and factors are reused from the row before.
  let prev: CheRecord | undefined;
  let sourceId = "";
  let label = "";
  let what = "";
  let whatText: TraceText = traceText("what.cheUnit");
  let prevCached: CachedFactors | undefined;

  for (const r of records) {
    const sameUnit =
      prev !== undefined &&
      prev.unitId === r.unitId &&
      prev.equipmentType === r.equipmentType &&
      prev.powertrain === r.powertrain;
    if (!sameUnit) {
      sourceId = `che:${r.unitId}`;
      const type = cheEquipmentTypeById(r.equipmentType);
      label = `${type?.label ?? r.equipmentType} (${CHE_POWERTRAIN_LABELS[r.powertrain]})`;
      whatText = traceText("what.cheUnit", {
        equipment: type ? traceText(`cheEquipment.${type.id}` as TraceCode) : r.equipmentType,
        powertrain: traceText(`chePowertrain.${r.powertrain}`),
        unit: r.unitId,
      });
      what = renderTrace(whatText);
    }
    // Traces are built after the loop (traceLater): they must capture this row's name, not the variable.
    const rowWhat = whatText;
    const samePowerAndAge =
      sameUnit &&
      prev!.ratedHp === r.ratedHp &&
      prev!.ratedKw === r.ratedKw &&
      prev!.modelYear === r.modelYear &&
      prev!.year === r.year &&
      prev!.cumulativeHoursStart === r.cumulativeHoursStart &&
      prev!.loadFactor === r.loadFactor;
    prev = r;
    for (const m of r.registry?.mismatches ?? [])
      rb.warn(
        m.field === "powertrain" ? "che_registry_powertrain" : "che_registry_type",
        "che",
        sourceId,
        r.ref,
        {
          label: what,
          registry: m.registry,
          activity: m.field === "powertrain" ? r.powertrain : r.equipmentType,
        },
      );
    if (r.month === null && monthly.has(`${r.unitId}|${r.year}`)) {
      rb.warn("annual_and_monthly", "che", sourceId, r.ref, { label: what, year: r.year });
      continue;
    }
    const months = includedMonths(rb, r.year, r.month);
    if (months.length === 0) continue;
    const hp = r.ratedHp ?? (r.ratedKw !== null ? kwToHp(r.ratedKw) : null);

    if (r.powertrain === "diesel" || r.powertrain === "hybrid") {
      if (hp === null || r.hours === null || r.modelYear === null) {
        rb.warn(hp === null ? "no_rated_power" : "no_hours", "che", sourceId, r.ref, {
          label: what,
          unit: "g/bhp-hr",
        });
        for (const m of months)
          rb.notEstimated("che", sourceId, "tailpipe", r.year, m.month, "all", "no_hours", r.ref);
        continue;
      }
      if (r.powertrain === "hybrid") rb.note("hybrid_as_diesel");
      let cached = samePowerAndAge ? prevCached : undefined;
      if (cached === undefined) {
        // Engines between the same two band edges share every table row, hence their factors.
        const key = `${r.equipmentType}|${hpBand(tables.che.hpEdges, hp)}|${r.modelYear}|${r.year}|${r.cumulativeHoursStart}|${r.loadFactor}`;
        cached = cache.get(key);
        if (cached === undefined) {
          cached = dieselFactorsForTrace(
            cheDieselFactors(
              tables.che,
              {
                equipmentType: r.equipmentType,
                hp,
                modelYear: r.modelYear,
                year: r.year,
                cumulativeHoursStart: r.cumulativeHoursStart,
                loadFactor: r.loadFactor,
                loadFactorSource: r.loadFactorSource,
              },
              { texts: rb.trace },
            ),
            rb.trace,
          );
          cache.set(key, cached);
        }
      }
      prevCached = cached;
      const f = cached.f;
      if (!f.ok) {
        rb.warn("no_emission_factor", "che", sourceId, r.ref, { label: what, table: f.table, what: f.what });
        for (const m of months)
          rb.notEstimated("che", sourceId, "tailpipe", r.year, m.month, "all", "no_emission_factor", r.ref);
        continue;
      }
      const v = f.value;
      if (!noted) {
        rb.note("che_ch4_n2o_not_estimated");
        rb.note("ulsd_assumed", { ppm: Math.round(tables.che.ulsdSulfurPct.value * 10_000) });
        rb.note("che_age_start_of_year");
        noted = true;
      }
      const meteredCo2G =
        r.fuelL !== null
          ? {
              g: r.fuelL * diesel.co2KgPerL.value * 1000,
              source: traceText("source.meteredDiesel", {
                amount: `${r.fuelL} L`,
                source: diesel.co2KgPerL.source,
              }),
            }
          : r.fuelGal !== null
            ? {
                g: r.fuelGal * diesel.co2KgPerGal.value * 1000,
                source: traceText("source.meteredDiesel", {
                  amount: traceText("unit.gal", { value: r.fuelGal }),
                  source: diesel.co2KgPerGal.source,
                }),
              }
            : null;
      const perBhpHr = cached.perBhpHr;
      for (const m of months) {
        const hours = r.hours * m.share;
        const ratedHpH = hp * hours;
        const line = rb.lineFor("che", "tailpipe", r.year, m.month, r.terminal, sourceId, label, "kWh");
        const g = line.grams;
        const bhpHr = ratedHpH * v.loadFactor.value;
        const co2Before = g.co2;
        g.nox += bhpHr * perBhpHr.nox;
        g.hc += bhpHr * perBhpHr.hc;
        g.co += bhpHr * perBhpHr.co;
        g.pm10 += bhpHr * perBhpHr.pm10;
        g.pm25 += bhpHr * perBhpHr.pm25;
        g.dpm += bhpHr * perBhpHr.dpm;
        g.so2 += bhpHr * perBhpHr.so2;
        g.co2 += meteredCo2G !== null ? meteredCo2G.g * m.share : bhpHr * perBhpHr.co2;
        if (rb.trace)
          rb.traceLater(line, () =>
            DIESEL_POLLUTANTS.map((p) => {
              const fs = v.factors[p]!;
              if (p === "co2" && meteredCo2G !== null)
                return step(
                  rowWhat,
                  "co2",
                  meteredCo2G.g / 1000,
                  "kg CO2 from metered fuel",
                  1000,
                  "g/kg",
                  m.label ? [adjustment(m.share, m.label)] : [],
                  meteredCo2G.source,
                );
              const unitText = traceText("unit.hpHRatedOf", {
                power: powerText(r, hp),
                hours: hours.toFixed(2),
              });
              return step(
                rowWhat,
                p,
                ratedHpH,
                unitText,
                fs.factor,
                fs.factorUnit,
                cached.adjustments[p]!,
                fs.source,
              );
            }),
          );
        line.activity += bhpHr * KW_PER_BHP;
        const grams = { co2: g.co2 - co2Before };
        if (rb.options.wellToWheel)
          addDieselUpstream(
            rb,
            cheHead(r, sourceId, label, "upstream", m.month, "g CO2"),
            whatText,
            grams.co2 ?? 0,
            diesel.upstreamCo2ePerTailpipeCo2,
          );
        if (r.powertrain === "hybrid" && r.energyKwh !== null)
          addGrid(
            rb,
            cheHead(r, sourceId, label, "grid", m.month, "kWh"),
            whatText,
            r.energyKwh * m.share,
            r.year,
          );
      }
      continue;
    }

    if (r.powertrain === "lpg" || r.powertrain === "cng") {
      computeGasUnit(tables, r, factors, rb, { sourceId, label, what, whatText, hp, months });
      continue;
    }

    // Zero-emission units: no exhaust; energy reported separately.
    for (const m of months) {
      const hours = (r.hours ?? 0) * m.share;
      rb.addTraced(cheHead(r, sourceId, label, "tailpipe", m.month, "h"), hours, {}, () => [
        step(
          whatText,
          "co2",
          hours,
          "h",
          0,
          "g/h",
          [],
          traceText("source.noExhaust", { powertrain: traceText(`chePowertrain.${r.powertrain}`) }),
        ),
      ]);
      if (r.powertrain === "battery_electric") {
        if (r.energyKwh === null) {
          rb.warn("no_energy_reading", "che", sourceId, r.ref, { label: what });
          rb.notEstimated("che", sourceId, "grid", r.year, m.month, "all", "no_energy_reading", r.ref);
        } else
          addGrid(
            rb,
            cheHead(r, sourceId, label, "grid", m.month, "kWh"),
            whatText,
            r.energyKwh * m.share,
            r.year,
          );
      } else {
        if (r.hydrogenKg === null) {
          rb.warn("no_hydrogen_reading", "che", sourceId, r.ref, { label: what });
          rb.notEstimated("che", sourceId, "upstream", r.year, m.month, "all", "no_hydrogen_reading", r.ref);
        } else
          addHydrogen(
            rb,
            tables,
            cheHead(r, sourceId, label, "upstream", m.month, "kg H2"),
            whatText,
            r.hydrogenKg * m.share,
            r.hydrogenPathway,
            {
              category: "che",
              sourceId,
              ref: r.ref,
              year: r.year,
              month: m.month,
            },
          );
      }
    }
  }
}

function computeGasUnit(
  tables: NonshipTables,
  r: CheRecord,
  index: UserFactorIndex,
  rb: ResultBuilder,
  ctx: {
    sourceId: string;
    label: string;
    what: string;
    whatText: TraceText;
    hp: number | null;
    months: MonthShare[];
  },
): void {
  const { sourceId, what, whatText, hp, months } = ctx;
  const keyText = `${cheEquipmentTypeById(r.equipmentType)?.label ?? r.equipmentType} ${r.powertrain.toUpperCase()}`;
  const hits = index.che(r.equipmentType, r.powertrain);
  rb.note("user_factors_ch4_n2o_optional");
  if (hits.size === 0 || r.hours === null) {
    rb.warn("missing_user_factor", "che", sourceId, r.ref, { key: keyText, pollutants: "all pollutants" });
    for (const m of months)
      rb.notEstimated("che", sourceId, "tailpipe", r.year, m.month, "all", "missing_user_factor", r.ref);
    return;
  }
  const missing = REQUIRED_USER.filter((p) => !hits.has(p));
  if (missing.length > 0)
    rb.warn("missing_pollutant_factors", "che", sourceId, r.ref, {
      key: keyText,
      pollutants: missing.join(", "),
    });
  const map = tables.che.equipmentMap.get(r.equipmentType);
  const lfRow = map
    ? tables.che.loadFactors.find(
        (l) => l.scc.slice(4) === map.scc.slice(4) && l.fuel === r.powertrain.toUpperCase(),
      )
    : undefined;
  const given = r.loadFactor !== null ? givenLoadFactor(r.loadFactor, r.loadFactorSource) : null;
  const lf: Sourced | undefined = given?.sourced ?? lfRow?.loadFactor;
  const pm25Ratio = tables.che.pm25ToPm10LpgCng;
  for (const m of months) {
    const hours = r.hours * m.share;
    const grams: Partial<PollutantGrams> = {};
    const steps: TraceStep[] = [];
    const skipped: FactorPollutant[] = [...missing];
    let outputKwh = 0;
    for (const [p, hit] of hits) {
      let activity: number;
      let unitText: string;
      const adj: TraceAdjustment[] = [];
      if (hit.unit === "g/h") {
        activity = hours;
        unitText = "h";
      } else {
        if (hp === null || lf === undefined) {
          rb.warn("no_rated_power", "che", sourceId, r.ref, { label: what, unit: hit.unit });
          skipped.push(p);
          continue;
        }
        activity = hit.unit === "g/kWh" ? hpToKw(hp) * hours : hp * hours;
        unitText = hit.unit === "g/kWh" ? "kWh at rated power" : "hp·h at rated power";
        adj.push(adjustment(lf.value, traceText("adj.loadFactor"), given?.detail ?? lf.source));
        outputKwh = hpToKw(hp) * hours * lf.value;
      }
      const s = step(whatText, p, activity, unitText, hit.value, hit.unit, adj, hit.source);
      grams[p] = s.grams;
      if (rb.trace) steps.push(s);
    }
    if (grams.pm25 === undefined && grams.pm10 !== undefined) {
      grams.pm25 = grams.pm10 * pm25Ratio.value;
      if (rb.trace)
        steps.push(
          step(
            whatText,
            "pm25",
            grams.pm10,
            "g PM10",
            pm25Ratio.value,
            "g PM2.5/g PM10",
            [],
            pm25Ratio.source,
          ),
        );
    }
    if (skipped.length > 0)
      rb.notEstimated(
        "che",
        sourceId,
        "tailpipe",
        r.year,
        m.month,
        skipped,
        "missing_pollutant_factors",
        r.ref,
      );
    rb.add(cheHead(r, sourceId, ctx.label, "tailpipe", m.month, "kWh"), outputKwh, grams, steps);
  }
}

/** Electricity drawn: kWh × the port's grid factor for the year (scope "grid"). */
export function addGrid(
  rb: ResultBuilder,
  head: Parameters<ResultBuilder["add"]>[0],
  what: TraceText,
  kwh: number,
  year: number,
): void {
  const g = rb.options.gridFactor(year);
  rb.note("grid_upstream_ghg_only");
  // grams as step() computes them (activity × factor); the step itself only for a trace.
  const factor = g.kgCo2ePerKwh * 1000;
  const grams = kwh * factor;
  rb.addTraced(head, kwh, { co2: grams, co2e: grams }, () => [
    step(what, "co2e", kwh, "kWh", factor, "g CO2e/kWh", [], g.source),
  ]);
}

/** Diesel well-to-tank CO2e: tailpipe CO2 × (WTW − TTW) / TTW (scope "upstream"). */
export function addDieselUpstream(
  rb: ResultBuilder,
  head: Parameters<ResultBuilder["add"]>[0],
  what: TraceText,
  tailpipeCo2G: number,
  ratio: { value: number; source: string },
): void {
  if (tailpipeCo2G <= 0) return;
  rb.note("wtw_diesel_only", { ratio: ratio.value.toFixed(4) });
  const grams = tailpipeCo2G * ratio.value;
  rb.addTraced(head, tailpipeCo2G, { co2: grams, co2e: grams }, () => [
    step(
      what,
      "co2e",
      tailpipeCo2G,
      "g CO2 (tailpipe)",
      ratio.value,
      "g CO2e upstream / g CO2",
      [],
      ratio.source,
    ),
  ]);
}

/** Hydrogen used: kg × carbon intensity of its production pathway (scope "upstream"). */
export function addHydrogen(
  rb: ResultBuilder,
  tables: NonshipTables,
  head: Parameters<ResultBuilder["add"]>[0],
  what: TraceText,
  kg: number,
  pathway: string | null,
  ctx: {
    category: "che" | "drayage";
    sourceId: string;
    ref: CheRecord["ref"];
    year: number;
    month: number;
  },
): void {
  const name = pathway ?? rb.options.defaultHydrogenPathway ?? null;
  if (name === null) {
    rb.warn("no_hydrogen_pathway", ctx.category, ctx.sourceId, ctx.ref, { label: renderTrace(what) });
    rb.notEstimated(
      ctx.category,
      ctx.sourceId,
      "upstream",
      ctx.year,
      ctx.month,
      "all",
      "no_hydrogen_pathway",
      ctx.ref,
    );
    return;
  }
  const ci = hydrogenIntensity(tables.energy, name);
  if (ci === undefined) {
    rb.warn("unknown_hydrogen_pathway", ctx.category, ctx.sourceId, ctx.ref, {
      pathway: name,
      aliases:
        "grey-smr, grey-coal, green, grid-electrolysis-california, grid-electrolysis-chubu, solar-electrolysis",
    });
    rb.notEstimated(
      ctx.category,
      ctx.sourceId,
      "upstream",
      ctx.year,
      ctx.month,
      "all",
      "unknown_hydrogen_pathway",
      ctx.ref,
    );
    return;
  }
  rb.note("grid_upstream_ghg_only");
  const factor = ci.kgCo2ePerKgH2 * 1000;
  const grams = kg * factor;
  rb.addTraced(head, kg, { co2: grams, co2e: grams }, () => [
    step(
      what,
      "co2e",
      kg,
      "kg H2",
      factor,
      "g CO2e/kg H2",
      [],
      pathway === null ? traceText("source.defaultPathway", { source: ci.source }) : ci.source,
    ),
  ]);
}

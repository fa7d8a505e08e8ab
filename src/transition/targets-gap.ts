/**
 * Gap to targets (issue 13), pure: for each target the port tracks — CAAP 2017 for Los Angeles
 * (ZE cargo-handling equipment 100 % by 2030, ZE drayage 100 % by 2035, GHG −40 % by 2030 and
 * −80 % by 2050 vs 1990), Japan's CNP targets for Nagoya (−46 % by FY2030, net zero 2050 vs
 * FY2013) — the scenario's value in the target year, met or not, and per equipment type which
 * units must be replaced by then.
 *
 * Targets come from data/reference/transition/targets_caap_cnp.csv, selected by the port's
 * target programmes and ZE metrics in data/reference/emissions/port_emissions_settings.csv
 * (the same selection the emissions progress page makes) — never typed in here.
 *
 * - ZE share: share of ZE units among the types the metric covers in the target year. To replace:
 *   every non-ZE unit then in the fleet; those bought during the scenario count as purchases that
 *   must be ZE instead ("at end of life by then"), those of the starting fleet must retire early.
 * - GHG (well-to-wheel CO2e of the modelled fleet: tailpipe + upstream + grid): allowed tonnes =
 *   baseline × (1 + target %); the baseline is the scenario's `ghgBaseline` (the modelled fleet's
 *   emissions in 1990 / FY2013 with its source) or, when none is given, the scenario's base year
 *   as a stated proxy. Not met: the non-ZE units whose replacement (by the type's ZE powertrain,
 *   computed through the same engine) cuts most per unit are taken first until the gap closes.
 */
import { emptyActivity } from "../emissions/index.ts";
import {
  type CohortYear,
  cohortActivity,
  cohortId,
  drayageDieselFactor,
  engineTotals,
  type ScenarioRun,
  type ScenarioTablesIn,
} from "./scenario.ts";
import { note, type ScenarioNote } from "./scenario-messages.ts";
import { SCENARIO_TABLE_FILES, type TargetRow } from "./scenario-tables.ts";
import {
  type ScenarioInput,
  type ScenarioPowertrain,
  type TargetGap,
  type TargetsGapReply,
  ZE_SCENARIO_POWERTRAINS,
} from "./scenario-wire.ts";
import { CHE_CATEGORIES, type EquipmentCategory } from "./wire.ts";

const isZe = (p: ScenarioPowertrain) => ZE_SCENARIO_POWERTRAINS.includes(p);

/** The targets a port tracks, from the copied tables. */
export function portTargets(
  tables: ScenarioTablesIn,
  port: string,
): { row: TargetRow; kind: TargetGap["kind"] }[] {
  const sel = tables.scenario.portTargets.get(port) ?? { programs: [], zeMetrics: [] };
  const out: { row: TargetRow; kind: TargetGap["kind"] }[] = [];
  for (const row of tables.scenario.targets) {
    if (row.targetYear === null) continue;
    if (sel.zeMetrics.includes(row.metric)) out.push({ row, kind: "ze_share" });
    else if (sel.programs.includes(row.program) && /GHG/.test(row.metric) && /percent change/.test(row.unit))
      out.push({ row, kind: "ghg" });
  }
  return out.sort((a, b) => a.row.targetYear! - b.row.targetYear! || a.row.line - b.row.line);
}

const categoriesOf = (metric: string): readonly EquipmentCategory[] =>
  /drayage/i.test(metric) ? ["drayage_truck"] : CHE_CATEGORIES;

interface Candidate {
  cohort: CohortYear;
  perUnitAvoidedT: number;
}

/** What replacing each non-ZE cohort of the year by its type's ZE powertrain would cut (same engine). */
function replacementCuts(
  run: ScenarioRun,
  input: ScenarioInput,
  tables: ScenarioTablesIn,
  year: number,
): Candidate[] {
  const list = (run.cohorts.get(year) ?? []).filter((c) => !isZe(c.powertrain) && c.units > 0);
  const activity = emptyActivity();
  drayageDieselFactor(tables, run.params.get("drayage_truck")!.dieselMiPerGal, activity);
  const zeOf = (c: EquipmentCategory): ScenarioPowertrain =>
    input.zeTargets.find((t) => t.category === c)?.powertrain ?? "battery";
  list.forEach((c, i) => {
    cohortActivity(
      { ...c, powertrain: zeOf(c.category) },
      year,
      run.params.get(c.category)!,
      input.hydrogenPathway,
      activity,
      `#${i}`,
    );
  });
  const alt = engineTotals(tables, input.port, input.hydrogenPathway, activity).bySource;
  return list.map((c, i) => ({
    cohort: c,
    perUnitAvoidedT:
      (c.wtwCo2eT -
        (alt.get(`${cohortId({ ...c, powertrain: zeOf(c.category) }, `#${i}`)}|${year}`) ?? 0) / 1e6) /
      c.units,
  }));
}

function byCategory(
  taken: { c: CohortYear; units: number; avoidedT: number }[],
  baseYear: number,
  targetYear: number,
): TargetGap["toReplace"] {
  const m = new Map<EquipmentCategory, TargetGap["toReplace"][number]>();
  for (const { c, units, avoidedT } of taken) {
    const e = m.get(c.category) ?? {
      category: c.category,
      units: 0,
      byYear: targetYear,
      atEndOfLifeByThen: 0,
      early: 0,
      avoidedT: 0,
    };
    e.units += units;
    if (c.modelYear > baseYear) e.atEndOfLifeByThen += units;
    else e.early += units;
    e.avoidedT += avoidedT;
    m.set(c.category, e);
  }
  return [...m.values()].sort((a, b) => b.units - a.units);
}

/**
 * The gap of a scenario to each of its port's targets.
 *
 * Worked example (test "gap to targets"): Los Angeles, 10 diesel yard tractors of model years
 * 2016..2025 (life 10), base year 2025, purchases 100 % battery from 2026. CAAP ZE CHE 100 % by
 * 2030: in 2030 five units are battery → 50 %, not met; to replace by 2030: the five diesel units
 * of 2021..2025, all early (the starting fleet). GHG −40 % by 2030 against a given baseline of
 * 2 × the 2025 emissions: allowed = 1.2 × E2025 and 2030 emits less than E2025 → met.
 */
export function targetsGap(
  run: ScenarioRun,
  input: ScenarioInput,
  tables: ScenarioTablesIn,
): TargetsGapReply {
  const { result } = run;
  const out: TargetGap[] = [];
  const cuts = new Map<number, Candidate[]>();
  for (const { row, kind } of portTargets(tables, input.port)) {
    const targetYear = row.targetYear!;
    const source = `${SCENARIO_TABLE_FILES.targets}: line ${row.line} — ${row.program}: ${row.metric} ${row.targetValue} ${row.unit} by ${targetYear}${row.baselineYear ? ` vs ${row.baselineYear}` : ""} (${row.sourceId}; ${row.confidence})`;
    const gap: TargetGap = {
      program: row.program,
      metric: row.metric,
      kind,
      baselineYear: row.baselineYear,
      targetYear,
      targetValue: row.targetValue,
      unit: row.unit,
      source,
      baseline: null,
      scenarioValue: null,
      requiredT: null,
      scenarioT: null,
      met: null,
      toReplace: [],
      note: "",
      notes: [],
    };
    const notes: ScenarioNote[] = [];
    const finish = () => {
      gap.notes = notes;
      gap.note = notes.map((n) => n.text).join("; ");
      out.push(gap);
    };
    const year = result.years.find((y) => y.year === targetYear);
    if (year === undefined) {
      notes.push(note("n.outsideYears", { from: result.baseYear, to: result.horizonYear, year: targetYear }));
      finish();
      continue;
    }
    const cohorts = run.cohorts.get(targetYear) ?? [];
    if (kind === "ze_share") {
      const cats = categoriesOf(row.metric);
      const inScope = cohorts.filter((c) => cats.includes(c.category));
      const total = inScope.reduce((a, c) => a + c.units, 0);
      if (total === 0) {
        notes.push(note("n.noUnits", { what: cats.length === 1 ? cats[0]! : "cargo-handling equipment" }));
        finish();
        continue;
      }
      const ze = inScope.filter((c) => isZe(c.powertrain)).reduce((a, c) => a + c.units, 0);
      gap.scenarioValue = (100 * ze) / total;
      gap.met = gap.scenarioValue >= row.targetValue - 1e-9;
      if (!gap.met) {
        const list = cuts.get(targetYear) ?? replacementCuts(run, input, tables, targetYear);
        cuts.set(targetYear, list);
        // Enough units to reach the share: the oldest non-ZE units first.
        let need = Math.ceil((row.targetValue / 100) * total - 1e-9) - ze;
        const taken: { c: CohortYear; units: number; avoidedT: number }[] = [];
        for (const cand of list
          .filter((x) => cats.includes(x.cohort.category))
          .sort((a, b) => a.cohort.modelYear - b.cohort.modelYear)) {
          if (need <= 0) break;
          const n = Math.min(need, cand.cohort.units);
          taken.push({ c: cand.cohort, units: n, avoidedT: n * cand.perUnitAvoidedT });
          need -= n;
        }
        gap.toReplace = byCategory(taken, result.baseYear, targetYear);
        notes.push(
          note("n.unitsToReplace", { units: taken.reduce((a, t) => a + t.units, 0), year: targetYear }),
        );
      } else notes.push(note("n.met"));
      finish();
      continue;
    }

    // GHG.
    const baseYearRow = result.years[0]!;
    let baseline: { year: number; tCo2e: number; source: string };
    if (input.ghgBaseline !== undefined) {
      baseline = input.ghgBaseline;
      if (row.baselineYear !== null && input.ghgBaseline.year !== row.baselineYear)
        notes.push(
          note("n.baselineYearDiffers", { given: input.ghgBaseline.year, target: row.baselineYear }),
        );
    } else {
      baseline = {
        year: baseYearRow.year,
        tCo2e: baseYearRow.emissions.wtwCo2eT,
        source: `proxy: the scenario's own ${baseYearRow.year} emissions stand in for the ${row.baselineYear ?? "target"} baseline (none given) — read the result as the cut from ${baseYearRow.year}`,
      };
      notes.push(note("n.baselineProxy", { year: baseYearRow.year, target: row.baselineYear ?? "-" }));
    }
    gap.baseline = baseline;
    gap.requiredT = baseline.tCo2e * (1 + row.targetValue / 100);
    gap.scenarioT = year.emissions.wtwCo2eT;
    gap.scenarioValue = baseline.tCo2e > 0 ? (100 * (gap.scenarioT - baseline.tCo2e)) / baseline.tCo2e : null;
    gap.met = gap.scenarioT <= gap.requiredT + 1e-9;
    if (!gap.met) {
      const list = cuts.get(targetYear) ?? replacementCuts(run, input, tables, targetYear);
      cuts.set(targetYear, list);
      let remaining = gap.scenarioT - gap.requiredT;
      const taken: { c: CohortYear; units: number; avoidedT: number }[] = [];
      for (const cand of [...list]
        .filter((x) => x.perUnitAvoidedT > 0)
        .sort((a, b) => b.perUnitAvoidedT - a.perUnitAvoidedT || a.cohort.modelYear - b.cohort.modelYear)) {
        if (remaining <= 1e-9) break;
        const n = Math.min(cand.cohort.units, Math.ceil(remaining / cand.perUnitAvoidedT - 1e-9));
        taken.push({ c: cand.cohort, units: n, avoidedT: n * cand.perUnitAvoidedT });
        remaining -= n * cand.perUnitAvoidedT;
      }
      gap.toReplace = byCategory(taken, result.baseYear, targetYear);
      if (remaining > 1e-9)
        notes.push(note("n.residual", { tonnes: remaining.toFixed(1), pathway: input.hydrogenPathway }));
      else
        notes.push(
          note("n.unitsToReplace", { units: taken.reduce((a, t) => a + t.units, 0), year: targetYear }),
        );
    } else notes.push(note("n.met"));
    if (/Japan/i.test(row.jurisdiction) || /Japan/i.test(row.program)) notes.push(note("n.fiscalYears"));
    finish();
  }
  return { port: input.port, scenario: input.name, targets: out };
}

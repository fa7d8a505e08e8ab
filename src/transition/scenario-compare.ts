/**
 * Comparisons (pure): two scenarios of one port side by side (b − a per year), and two ports side
 * by side normalised per TEU (TEU a year: the scenario's `teuPerYear` with its source, else one
 * given by the caller; without either the per-TEU figures are null and the reply says so).
 */
import type { PortsCompare, ScenarioCompare, ScenarioResult } from "./scenario-wire.ts";

const pick = (r: ScenarioResult["years"][number]) => ({
  wtwCo2eT: r.emissions.wtwCo2eT,
  zeShareChePct: r.zeShareChePct,
  h2TPerYear: r.h2TPerYear,
  electricityMwhPerYear: r.electricityMwhPerYear,
  capex: r.capex,
});
const minus = (b: number | null, a: number | null) => (a === null || b === null ? null : b - a);

/**
 * Example: a emits 100 t in 2030 and b 60 t → diff −40 t; ZE share 50 % vs 80 % → +30 points.
 */
export function compareScenarios(a: ScenarioResult, b: ScenarioResult): ScenarioCompare {
  const byYear = new Map(b.years.map((y) => [y.year, y]));
  const years = a.years.flatMap((ya) => {
    const yb = byYear.get(ya.year);
    if (yb === undefined) return [];
    const pa = pick(ya);
    const pb = pick(yb);
    return [
      {
        year: ya.year,
        a: pa,
        b: pb,
        diff: {
          wtwCo2eT: pb.wtwCo2eT - pa.wtwCo2eT,
          zeShareChePct: minus(pb.zeShareChePct, pa.zeShareChePct),
          h2TPerYear: pb.h2TPerYear - pa.h2TPerYear,
          electricityMwhPerYear: pb.electricityMwhPerYear - pa.electricityMwhPerYear,
          capex: minus(pb.capex, pa.capex),
        },
      },
    ];
  });
  return { port: a.port, a: a.name, b: b.name, currency: a.currency, years };
}

export interface PortSide {
  result: ScenarioResult;
  teu: { value: number; source: string } | null;
}

/**
 * Two (or more) ports' scenarios per TEU. Example: 9,911,159 TEU and 100,000 t CO2e → 10.09 kg
 * CO2e/TEU; 2,709,000 TEU and 30,000 t → 11.07 kg/TEU.
 */
export function comparePorts(sides: readonly PortSide[]): PortsCompare {
  const years = new Set<number>();
  for (const s of sides) for (const y of s.result.years) years.add(y.year);
  const common = [...years]
    .filter((y) => sides.every((s) => s.result.years.some((r) => r.year === y)))
    .sort();
  return {
    ports: sides.map((s) => ({
      port: s.result.port,
      scenario: s.result.name,
      teuPerYear: s.teu?.value ?? null,
      teuSource: s.teu?.source ?? "not given: per-TEU figures left out",
      currency: s.result.currency,
    })),
    years: common.map((year) => ({
      year,
      byPort: sides.map((s) => {
        const r = s.result.years.find((x) => x.year === year)!;
        const per = (v: number) => (s.teu === null ? null : v / s.teu.value);
        return {
          port: s.result.port,
          wtwCo2eT: r.emissions.wtwCo2eT,
          wtwKgCo2ePerTeu: per(r.emissions.wtwCo2eT * 1000),
          h2KgPerTeu: per(r.h2TPerYear * 1000),
          electricityKwhPerTeu: per(r.electricityMwhPerYear * 1000),
          zeShareChePct: r.zeShareChePct,
        };
      }),
    })),
  };
}

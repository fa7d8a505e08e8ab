/**
 * Emissions of the non-ship source categories of one port from its activity records: one line per
 * source (equipment unit, vessel, truck group, locomotive group) per calendar month in port time,
 * with tailpipe, grid and upstream as separate lines, each traceable (activity × factor ×
 * adjustments, with the factor's "file: line" or the user factor's source), plus warnings for
 * activity that could not be estimated and the notes that hold for the whole result. Pure.
 */
import { computeChe } from "./che.ts";
import { computeDrayage } from "./drayage.ts";
import { computeHarborCraft } from "./harbor-craft.ts";
import type { NonshipActivity, NonshipResult } from "./model.ts";
import { computeRail } from "./rail.ts";
import { type NonshipOptions, ResultBuilder } from "./result.ts";
import type { NonshipTables } from "./tables.ts";
import { UserFactorIndex } from "./user-factors.ts";

/**
 * Example: one diesel yard tractor (200 hp, model year 2018, 2,000 h in 2024 as a whole-year row)
 * gives twelve tailpipe lines "che:<unit>" whose NOx adds up to 66,584 g (see cheDieselFactors);
 * a battery yard tractor with 20,000 kWh in January 2026 at Los Angeles gives a zero tailpipe line
 * and a grid line of 20,000 × 0.2985 kg = 5,970 kg CO2e.
 */
export function computeNonshipLines(
  tables: NonshipTables,
  activity: NonshipActivity,
  options: NonshipOptions,
): NonshipResult {
  const rb = new ResultBuilder(options, tables.gwp[options.gwp]);
  const factors = new UserFactorIndex(activity.factors);
  computeChe(tables, activity.che, factors, rb);
  computeHarborCraft(tables, activity.harborCraft, factors, rb);
  computeDrayage(tables, activity.drayage, factors, rb);
  computeRail(tables, activity.rail, rb);
  return rb.finish();
}

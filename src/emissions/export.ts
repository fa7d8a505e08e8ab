/**
 * Inventory exports: every stored line (one source, scope and month) as CSV, and the summary table
 * (scope × category, for the year and each month) the CLI prints with --csv. Pure.
 */
import { csvCell } from "../core/csv.ts";
import { convertMass, convertMassG } from "../core/units.ts";
import type { InventoryLine } from "./model.ts";
import { POLLUTANTS } from "./model.ts";
import type { InventoryReport } from "./service.ts";

export type MassColumnUnit = "t" | "short_ton";

/** A cell, numbers to ten significant digits (what a spreadsheet shows, without float noise). */
function cell(v: string | number | null): string {
  return csvCell(typeof v === "number" ? Number(v.toPrecision(10)) : v);
}

const massOf = (unit: MassColumnUnit) => (g: number) => convertMassG(g, unit);

/** One row per line: the inventory at its finest grain, for pivoting elsewhere. */
export function inventoryLinesCsv(
  port: string,
  label: string,
  lines: readonly InventoryLine[],
  unit: MassColumnUnit = "t",
): string {
  const mass = massOf(unit);
  const header = [
    "port",
    "reporting_year",
    "category",
    "scope",
    "source_id",
    "label",
    "terminal",
    "year",
    "month",
    "activity",
    "activity_unit",
    ...POLLUTANTS.map((p) => `${p}_${unit}`),
  ];
  const rows = [...lines]
    .sort(
      (a, b) =>
        a.category.localeCompare(b.category) ||
        a.scope.localeCompare(b.scope) ||
        a.sourceId.localeCompare(b.sourceId) ||
        a.year - b.year ||
        a.month - b.month,
    )
    .map((l) =>
      [
        port,
        label,
        l.category,
        l.scope,
        l.sourceId,
        l.label,
        l.terminal,
        l.year,
        l.month,
        l.activity,
        l.activityUnit,
        ...POLLUTANTS.map((p) => mass(l.grams[p])),
      ]
        .map(cell)
        .join(","),
    );
  return `${[header.join(","), ...rows].join("\n")}\n`;
}

/** Scope × category for the whole year, then for each month; figures in the report's tonnes. */
export function inventorySummaryCsv(report: InventoryReport, unit: MassColumnUnit = "t"): string {
  const factor = convertMass(1, report.unit, unit);
  const header = [
    "port",
    "reporting_year",
    "scope",
    "category",
    "period",
    ...POLLUTANTS.map((p) => `${p}_${unit}`),
  ];
  const rows: string[] = [header.join(",")];
  for (const [scope, s] of Object.entries(report.scopes)) {
    for (const c of s.byCategory) {
      rows.push(
        [
          report.port,
          report.label,
          scope,
          c.category,
          report.label,
          ...POLLUTANTS.map((p) => c.tonnes[p] * factor),
        ]
          .map(cell)
          .join(","),
      );
    }
    rows.push(
      [report.port, report.label, scope, "all", report.label, ...POLLUTANTS.map((p) => s.total[p] * factor)]
        .map(cell)
        .join(","),
    );
    for (const m of s.byMonth) {
      const period = `${m.year}-${String(m.month).padStart(2, "0")}`;
      rows.push(
        [report.port, report.label, scope, "all", period, ...POLLUTANTS.map((p) => m.tonnes[p] * factor)]
          .map(cell)
          .join(","),
      );
    }
  }
  return `${rows.join("\n")}\n`;
}

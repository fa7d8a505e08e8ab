/**
 * The catalog (DCAT-style, as the Dataspace Protocol's catalog is): the datasets a node can offer
 * to its sister port. Each dataset (dcat:Dataset) names its dimensions, its aggregation levels (which
 * dimensions a shared cell keeps), its fields with their unit and how cells aggregate them, what a
 * contributor is for the minimum-cell-size rule, and its update frequency (dct:accrualPeriodicity,
 * ISO 8601 durations as DCAT recommends). Only aggregates leave a node: the finest level is still a
 * cell over many vessels or companies.
 */
import { z } from "zod";
import { LocalizedText } from "./identity.ts";

export const DatasetField = z.object({
  name: z.string(),
  unit: z.string(),
  /** How a cell combines the rows in it: sum, or mean over the rows. */
  aggregate: z.enum(["sum", "mean"]),
  /**
   * For a mean of per-row means: the count field each row's mean is over (a terminal's mean turn
   * time is over its truck visits), so the cell's mean is over all of them, not over the rows.
   */
  weight: z.string().optional(),
  title: LocalizedText,
});
export type DatasetField = z.infer<typeof DatasetField>;

export const AggregationLevel = z.object({ id: z.string(), dimensions: z.array(z.string()) });
export type AggregationLevel = z.infer<typeof AggregationLevel>;

export const CatalogDataset = z.object({
  id: z.string(),
  title: LocalizedText,
  /** What one contributor is (cells from fewer than k of them are suppressed). */
  contributor: z.enum(["vessel", "company"]),
  dimensions: z.array(z.string()),
  aggregations: z.array(AggregationLevel).min(1),
  fields: z.array(DatasetField).min(1),
  /** dct:accrualPeriodicity as an ISO 8601 duration: P1D daily, P1M monthly. */
  updateFrequency: z.enum(["P1D", "P1M", "P1Y"]),
});
export type CatalogDataset = z.infer<typeof CatalogDataset>;

const t = (en: string, ja: string) => ({ en, ja });
const f = (
  name: string,
  unit: string,
  aggregate: "sum" | "mean",
  en: string,
  ja: string,
  weight?: string,
): DatasetField => ({
  name,
  unit,
  aggregate,
  ...(weight !== undefined ? { weight } : {}),
  title: t(en, ja),
});

/** The datasets this software can offer; a node's agreements pick from them. */
export const CATALOG: readonly CatalogDataset[] = [
  {
    id: "emissions-inventory",
    title: t("Emissions inventory by source category and month", "排出インベントリ（発生源区分・月別）"),
    contributor: "company",
    dimensions: ["category", "month", "year"],
    aggregations: [
      { id: "category-month", dimensions: ["category", "month"] },
      { id: "category-year", dimensions: ["category", "year"] },
      { id: "year", dimensions: ["year"] },
    ],
    fields: [
      f("co2eTonnes", "t CO2e", "sum", "CO2 equivalent", "CO2 換算"),
      f("noxTonnes", "t", "sum", "NOx", "NOx"),
      f("pm25Tonnes", "t", "sum", "PM2.5", "PM2.5"),
      f("dpmTonnes", "t", "sum", "diesel particulate matter", "ディーゼル粒子状物質"),
      f("soxTonnes", "t", "sum", "SOx", "SOx"),
    ],
    updateFrequency: "P1M",
  },
  {
    id: "port-calls",
    title: t("Port calls and anchorage waits", "入港と錨地待ち"),
    contributor: "vessel",
    dimensions: ["vesselType", "month", "year"],
    aggregations: [
      { id: "type-month", dimensions: ["vesselType", "month"] },
      { id: "month", dimensions: ["month"] },
    ],
    fields: [
      f("calls", "calls", "sum", "calls", "入港数"),
      f("anchoredCalls", "calls", "sum", "calls that waited at anchor", "錨泊待ちした入港"),
      f("anchorageWaitH", "h", "mean", "mean anchorage wait", "平均錨地待ち時間"),
      f("berthH", "h", "mean", "mean time at berth", "平均着岸時間"),
    ],
    updateFrequency: "P1D",
  },
  {
    id: "operations-kpis",
    title: t("Terminal operations KPIs", "ターミナル運営指標"),
    contributor: "company",
    dimensions: ["terminal", "month", "year"],
    aggregations: [
      { id: "terminal-month", dimensions: ["terminal", "month"] },
      { id: "month", dimensions: ["month"] },
    ],
    fields: [
      f("truckVisits", "visits", "sum", "truck visits", "トラック来場数"),
      // Weighted by visits: the row's mean is over the visits with a queue arrival, which the
      // dataset does not carry apart — close where (as in the demo) nearly every visit is timed.
      f("truckTurnMin", "min", "mean", "mean truck turn time", "平均トラックターン時間", "truckVisits"),
      f("importDwellDays", "d", "mean", "mean import dwell", "平均輸入滞留日数"),
      f("moves", "moves", "sum", "container moves", "コンテナ荷役数"),
      f(
        "teu",
        "TEU",
        "sum",
        "TEU handled (vessel moves of boxes of known size)",
        "取扱 TEU（サイズが分かるコンテナの本船荷役）",
      ),
    ],
    updateFrequency: "P1D",
  },
  {
    id: "ze-fleet",
    title: t("Zero-emission fleet", "ゼロエミッション機器の保有状況"),
    contributor: "company",
    dimensions: ["category", "powertrain", "month", "year"],
    aggregations: [
      { id: "category-powertrain-month", dimensions: ["category", "powertrain", "month"] },
      { id: "category-month", dimensions: ["category", "month"] },
    ],
    fields: [
      f("units", "units", "sum", "units in service", "稼働台数"),
      f("operatingH", "h", "sum", "operating hours", "稼働時間"),
    ],
    updateFrequency: "P1M",
  },
  {
    id: "pilot-scorecards",
    title: t("Zero-emission pilot scorecards", "ゼロエミッション実証の評価"),
    contributor: "company",
    dimensions: ["category", "programme", "month", "year"],
    aggregations: [
      { id: "programme-month", dimensions: ["category", "programme", "month"] },
      { id: "category-year", dimensions: ["category", "year"] },
    ],
    fields: [
      f("availability", "fraction", "mean", "availability", "稼働率"),
      f("kwhPerH", "kWh/h", "mean", "electricity per operating hour", "稼働時間あたり電力量"),
      f("h2KgPerH", "kg/h", "mean", "hydrogen per operating hour", "稼働時間あたり水素量"),
      f("co2AvoidedKg", "kg CO2", "sum", "tailpipe CO2 avoided", "削減した排気 CO2"),
    ],
    updateFrequency: "P1M",
  },
  {
    id: "hydrogen-supply",
    title: t("Hydrogen supply", "水素供給"),
    contributor: "company",
    dimensions: ["pathway", "month", "year"],
    aggregations: [
      { id: "pathway-month", dimensions: ["pathway", "month"] },
      { id: "month", dimensions: ["month"] },
    ],
    fields: [
      f("h2DispensedKg", "kg", "sum", "hydrogen dispensed", "供給水素量"),
      f("fills", "fills", "sum", "fills", "充填回数"),
    ],
    updateFrequency: "P1M",
  },
];

export function catalogDataset(id: string): CatalogDataset | undefined {
  return CATALOG.find((d) => d.id === id);
}

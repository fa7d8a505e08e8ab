/**
 * What emissions/ needs from storage; src/store/emissions/store.ts implements it on SQLite and
 * PostgreSQL. An inventory is derived: recomputing a port-year replaces its lines in one transaction.
 */
import type { InventorySummary } from "./inventory.ts";
import type { InventoryLine, Pollutant, PollutantGrams, SourceCategory } from "./model.ts";
import type { Baseline } from "./targets.ts";

/** The stored header of one port-year inventory: how it was computed (the lines hold the figures). */
export interface StoredInventory {
  port: string;
  year: number;
  label: string;
  computedAt: string;
  methodVersion: string;
  /** Options, settings with sources, table versions, coverage and warnings (JSON). */
  meta: Record<string, unknown>;
  /**
   * The lines summed by scope, category, month and terminal (grams), stored with the lines at
   * compute time so that reading a report does not re-read every line. Absent for inventories
   * stored before it was kept (migration 0211): those are summed from their lines once.
   */
  summary?: InventorySummary;
}

export interface SourceTotal {
  category: SourceCategory;
  sourceId: string;
  label: string;
  terminal: string | null;
  activity: number;
  activityUnit: string;
  grams: PollutantGrams;
}

export interface EmissionStore {
  /** In one transaction: removes the port-year's inventory and lines and stores these. */
  replaceInventory(inventory: StoredInventory, lines: readonly InventoryLine[]): Promise<void>;
  getInventory(port: string, year: number): Promise<StoredInventory | undefined>;
  /** Keeps the summary of an inventory stored without one, unless it was recomputed meanwhile. */
  saveSummary(port: string, year: number, computedAt: string, summary: InventorySummary): Promise<void>;
  listInventories(port: string): Promise<Omit<StoredInventory, "meta">[]>;
  /** The stored lines of a port-year (without traces: recompute a source for its trace). */
  lines(port: string, year: number): Promise<InventoryLine[]>;
  /** Sources of a port-year summed over months and scopes "tailpipe", largest first by a pollutant. */
  topSources(
    port: string,
    year: number,
    options: { category?: SourceCategory; pollutant: Pollutant; limit: number; offset: number },
  ): Promise<{ total: number; sources: SourceTotal[] }>;
  /** Per reporting year: tailpipe and grid totals (for progress against targets), from the stored summaries. */
  yearlyTotals(port: string): Promise<{ year: number; tailpipe: PollutantGrams; grid: PollutantGrams }[]>;
  /** Adds or replaces the baseline of (port, pollutant, year). */
  setBaseline(baseline: Baseline): Promise<"added" | "updated" | "unchanged">;
  baselines(port: string): Promise<Baseline[]>;
}

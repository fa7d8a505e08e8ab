/**
 * Emissions inventories on SQLite and PostgreSQL: one header row per port-year, one row per source,
 * scope and month with a column per pollutant (grams) so that totals are plain SQL sums, and the
 * user's baselines. Written in the same transaction as the lines, each header also keeps its lines'
 * summary (totals by scope, category, month and terminal) and each source its tailpipe total, so
 * that a report is one row read and the sources list one indexed read, not a pass over every line.
 */
import { type Kysely, sql } from "kysely";
import type { InventorySummary } from "../../emissions/inventory.ts";
import {
  type EmissionScope,
  type InventoryLine,
  POLLUTANTS,
  type PollutantGrams,
  type SourceCategory,
  zeroPollutants,
} from "../../emissions/model.ts";
import type { EmissionStore, SourceTotal, StoredInventory } from "../../emissions/store.ts";
import type { Baseline } from "../../emissions/targets.ts";
import {
  type EmissionsDatabase,
  type InventoriesTable,
  type LinesTable,
  POLLUTANT_COLUMNS,
  type PollutantColumns,
  type SourceTotalsTable,
} from "./schema.ts";

// 11 pollutant columns + 11 others per row; stays under SQLite's 999 bound-parameter limit.
const ROWS_PER_INSERT = 40;

function gramsOf(row: PollutantColumns): PollutantGrams {
  const g = zeroPollutants();
  for (const p of POLLUTANTS) g[p] = Number(row[`${p}_g`]);
  return g;
}

/** The larger of two texts, as SQL's max() takes it (nulls ignored). */
function maxText<T extends string | null>(a: T, b: T): T {
  if (a === null) return b;
  if (b === null) return a;
  return b > a ? b : a;
}

/** Each source's tailpipe total over the year, from the merged line rows. */
function sourceTotals(rows: readonly LinesTable[]): SourceTotalsTable[] {
  const bySource = new Map<string, SourceTotalsTable>();
  for (const r of rows) {
    if (r.scope !== "tailpipe") continue;
    const key = `${r.category}\u0000${r.source_id}`;
    let t = bySource.get(key);
    if (!t) {
      t = {
        port: r.port,
        year: r.year,
        category: r.category,
        source_id: r.source_id,
        label: r.label,
        terminal: r.terminal,
        activity: 0,
        activity_unit: r.activity_unit,
        ...(Object.fromEntries(POLLUTANT_COLUMNS.map((c) => [c, 0])) as PollutantColumns),
      };
      bySource.set(key, t);
    }
    t.label = maxText(t.label, r.label);
    t.terminal = maxText(t.terminal, r.terminal);
    t.activity_unit = maxText(t.activity_unit, r.activity_unit);
    t.activity += r.activity;
    for (const c of POLLUTANT_COLUMNS) t[c] += r[c];
  }
  return [...bySource.values()];
}

/** A source's totals, stored (emission_source_totals) or summed from its lines. */
function toSourceTotal(r: Omit<SourceTotalsTable, "port" | "year">): SourceTotal {
  return {
    category: r.category as SourceCategory,
    sourceId: r.source_id,
    label: String(r.label ?? ""),
    terminal: r.terminal ?? null,
    activity: Number(r.activity),
    activityUnit: String(r.activity_unit ?? ""),
    grams: gramsOf(r),
  };
}

export function createEmissionStore(db: Kysely<EmissionsDatabase>): EmissionStore {
  const toInventory = (r: InventoriesTable): StoredInventory => ({
    port: r.port,
    year: Number(r.year),
    label: r.label,
    computedAt: r.computed_at,
    methodVersion: r.method_version,
    meta: JSON.parse(r.meta_json) as Record<string, unknown>,
    ...(r.summary_json === null ? {} : { summary: JSON.parse(r.summary_json) as InventorySummary }),
  });
  return {
    async replaceInventory(inv, lines) {
      // Same source, scope and month may come twice (e.g. a call split into segments): sum them.
      const merged = new Map<string, LinesTable>();
      for (const l of lines) {
        const key = `${l.category}\u0000${l.scope}\u0000${l.sourceId}\u0000${l.year}\u0000${l.month}`;
        let row = merged.get(key);
        if (!row) {
          row = {
            port: inv.port,
            year: inv.year,
            category: l.category,
            scope: l.scope,
            source_id: l.sourceId,
            cal_year: l.year,
            month: l.month,
            terminal: l.terminal,
            label: l.label,
            activity: 0,
            activity_unit: l.activityUnit,
            ...(Object.fromEntries(POLLUTANT_COLUMNS.map((c) => [c, 0])) as PollutantColumns),
          };
          merged.set(key, row);
        }
        row.activity += l.activity;
        for (const p of POLLUTANTS) row[`${p}_g`] += l.grams[p];
      }
      const rows = [...merged.values()];
      const totals = sourceTotals(rows);
      await db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom("emission_lines")
          .where("port", "=", inv.port)
          .where("year", "=", inv.year)
          .execute();
        await tx
          .deleteFrom("emission_source_totals")
          .where("port", "=", inv.port)
          .where("year", "=", inv.year)
          .execute();
        await tx
          .deleteFrom("emission_inventories")
          .where("port", "=", inv.port)
          .where("year", "=", inv.year)
          .execute();
        await tx
          .insertInto("emission_inventories")
          .values({
            port: inv.port,
            year: inv.year,
            label: inv.label,
            computed_at: inv.computedAt,
            method_version: inv.methodVersion,
            meta_json: JSON.stringify(inv.meta),
            summary_json: inv.summary === undefined ? null : JSON.stringify(inv.summary),
          })
          .execute();
        for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
          await tx
            .insertInto("emission_lines")
            .values(rows.slice(i, i + ROWS_PER_INSERT))
            .execute();
        }
        for (let i = 0; i < totals.length; i += ROWS_PER_INSERT) {
          await tx
            .insertInto("emission_source_totals")
            .values(totals.slice(i, i + ROWS_PER_INSERT))
            .execute();
        }
      });
    },

    async getInventory(port, year) {
      const r = await db
        .selectFrom("emission_inventories")
        .selectAll()
        .where("port", "=", port)
        .where("year", "=", year)
        .executeTakeFirst();
      return r === undefined ? undefined : toInventory(r);
    },

    async saveSummary(port, year, computedAt, summary) {
      await db
        .updateTable("emission_inventories")
        .set({ summary_json: JSON.stringify(summary) })
        .where("port", "=", port)
        .where("year", "=", year)
        .where("computed_at", "=", computedAt)
        .execute();
    },

    async listInventories(port) {
      const rows = await db
        .selectFrom("emission_inventories")
        .select(["port", "year", "label", "computed_at", "method_version"])
        .where("port", "=", port)
        .orderBy("year")
        .execute();
      return rows.map((r) => ({
        port: r.port,
        year: Number(r.year),
        label: r.label,
        computedAt: r.computed_at,
        methodVersion: r.method_version,
      }));
    },

    async lines(port, year) {
      const rows = await db
        .selectFrom("emission_lines")
        .selectAll()
        .where("port", "=", port)
        .where("year", "=", year)
        .execute();
      return rows.map(
        (r): InventoryLine => ({
          port: r.port,
          category: r.category as SourceCategory,
          scope: r.scope as EmissionScope,
          year: Number(r.cal_year),
          month: Number(r.month),
          terminal: r.terminal,
          sourceId: r.source_id,
          label: r.label,
          activity: Number(r.activity),
          activityUnit: r.activity_unit,
          grams: gramsOf(r),
        }),
      );
    },

    async topSources(port, year, options) {
      let stored = db.selectFrom("emission_source_totals").where("port", "=", port).where("year", "=", year);
      if (options.category) stored = stored.where("category", "=", options.category);
      const storedCount = await stored.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
      if (Number(storedCount?.n ?? 0) > 0) {
        const rows = await stored
          .selectAll()
          .orderBy(`${options.pollutant}_g`, "desc")
          .orderBy("source_id")
          .limit(options.limit)
          .offset(options.offset)
          .execute();
        return { total: Number(storedCount?.n), sources: rows.map(toSourceTotal) };
      }
      // Inventories stored before source totals were kept (migration 0211): sum their lines.
      let q = db
        .selectFrom("emission_lines")
        .where("port", "=", port)
        .where("year", "=", year)
        .where("scope", "=", "tailpipe");
      if (options.category) q = q.where("category", "=", options.category);
      const totalRow = await q
        .select((eb) =>
          eb.fn.count<number>(sql`distinct ${sql.ref("category")} || ':' || ${sql.ref("source_id")}`).as("n"),
        )
        .executeTakeFirst();
      const sums = POLLUTANT_COLUMNS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));
      const rows = await q
        .select([
          "category",
          "source_id",
          (eb) => eb.fn.max("label").as("label"),
          (eb) => eb.fn.max("terminal").as("terminal"),
          (eb) => eb.fn.max("activity_unit").as("activity_unit"),
          (eb) => eb.fn.sum<number>("activity").as("activity"),
          ...sums,
        ])
        .groupBy(["category", "source_id"])
        .orderBy(sql`sum(${sql.ref(`${options.pollutant}_g`)})`, "desc")
        .orderBy("source_id")
        .limit(options.limit)
        .offset(options.offset)
        .execute();
      return {
        total: Number(totalRow?.n ?? 0),
        sources: rows.map(toSourceTotal),
      };
    },

    async yearlyTotals(port) {
      const headers = await db
        .selectFrom("emission_inventories")
        .select(["year", "summary_json"])
        .where("port", "=", port)
        .orderBy("year")
        .execute();
      const byYear = new Map<number, { year: number; tailpipe: PollutantGrams; grid: PollutantGrams }>();
      const unsummarised: number[] = [];
      for (const h of headers) {
        const year = Number(h.year);
        if (h.summary_json === null) {
          unsummarised.push(year);
          continue;
        }
        const { scopes } = JSON.parse(h.summary_json) as InventorySummary;
        byYear.set(year, { year, tailpipe: scopes.tailpipe.total, grid: scopes.grid.total });
      }
      if (unsummarised.length > 0) {
        // Inventories stored before summaries were kept: sum their lines.
        const sums = POLLUTANT_COLUMNS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));
        const rows = await db
          .selectFrom("emission_lines")
          .select(["year", "scope", ...sums])
          .where("port", "=", port)
          .where("year", "in", unsummarised)
          .groupBy(["year", "scope"])
          .execute();
        for (const r of rows) {
          const year = Number(r.year);
          let y = byYear.get(year);
          if (!y) {
            y = { year, tailpipe: zeroPollutants(), grid: zeroPollutants() };
            byYear.set(year, y);
          }
          if (r.scope === "tailpipe" || r.scope === "grid") y[r.scope] = gramsOf(r);
        }
      }
      return [...byYear.values()].sort((a, b) => a.year - b.year);
    },

    async setBaseline(b) {
      const existing = await db
        .selectFrom("emission_baselines")
        .selectAll()
        .where("port", "=", b.port)
        .where("pollutant", "=", b.pollutant)
        .where("year", "=", b.year)
        .executeTakeFirst();
      if (existing && Number(existing.tonnes) === b.tonnes && existing.source === b.source)
        return "unchanged";
      await db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom("emission_baselines")
          .where("port", "=", b.port)
          .where("pollutant", "=", b.pollutant)
          .where("year", "=", b.year)
          .execute();
        await tx
          .insertInto("emission_baselines")
          .values({
            port: b.port,
            pollutant: b.pollutant,
            year: b.year,
            tonnes: b.tonnes,
            source: b.source,
            entered_at: b.enteredAt,
          })
          .execute();
      });
      return existing ? "updated" : "added";
    },

    async baselines(port) {
      const rows = await db
        .selectFrom("emission_baselines")
        .selectAll()
        .where("port", "=", port)
        .orderBy("pollutant")
        .orderBy("year")
        .execute();
      return rows.map((r) => ({
        port: r.port,
        pollutant: r.pollutant as Baseline["pollutant"],
        year: Number(r.year),
        tonnes: Number(r.tonnes),
        source: r.source,
        enteredAt: r.entered_at,
      }));
    },
  };
}

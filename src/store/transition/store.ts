/** TransitionStore on Kysely: one code path for SQLite and PostgreSQL. */
import type { Kysely, Transaction } from "kysely";
import type { TransitionIngestRun, TransitionStore, WriteOutcome } from "../../transition/store.ts";
import type {
  Equipment,
  EquipmentCategory,
  EquipmentStatus,
  Powertrain,
  Telemetry,
  TransitionReject,
} from "../../transition/wire.ts";
import { chunks } from "../chunks.ts";
import { createScenarioStore } from "./scenario-store.ts";
import type { TransitionDatabase, TransitionEquipmentTable, TransitionTelemetryTable } from "./schema.ts";

/** Rows per INSERT: 12 columns × 200 stays far under SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 200;
const KEYS_PER_SELECT = 400;

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function equipmentFromRow(r: TransitionEquipmentTable): Equipment {
  return {
    port: r.port,
    unitId: r.unit_id,
    category: r.category as EquipmentCategory,
    powertrain: r.powertrain as Powertrain,
    modelYear: num(r.model_year),
    ratedPowerKw: num(r.rated_power_kw),
    engineTier: r.engine_tier,
    owner: r.owner,
    status: r.status as EquipmentStatus,
    programme: r.programme,
    replaces: r.replaces,
  };
}

function equipmentToRow(e: Equipment, now: string): TransitionEquipmentTable {
  return {
    port: e.port,
    unit_id: e.unitId,
    category: e.category,
    powertrain: e.powertrain,
    model_year: e.modelYear,
    rated_power_kw: e.ratedPowerKw,
    engine_tier: e.engineTier,
    owner: e.owner,
    status: e.status,
    programme: e.programme,
    replaces: e.replaces,
    updated_at: now,
  };
}

function telemetryFromRow(r: TransitionTelemetryTable): Telemetry {
  return {
    port: r.port,
    unitId: r.unit_id,
    periodStartS: Number(r.period_start_s),
    periodEndS: Number(r.period_end_s),
    operatingH: Number(r.operating_h),
    moves: num(r.moves),
    miles: num(r.miles),
    chargedKwh: num(r.charged_kwh),
    h2Kg: num(r.h2_kg),
    dieselL: num(r.diesel_l),
    downtimeH: Number(r.downtime_h),
    downtimeReason: r.downtime_reason,
  };
}

function telemetryToRow(t: Telemetry): TransitionTelemetryTable {
  return {
    port: t.port,
    unit_id: t.unitId,
    period_start_s: t.periodStartS,
    period_end_s: t.periodEndS,
    operating_h: t.operatingH,
    moves: t.moves,
    miles: t.miles,
    charged_kwh: t.chargedKwh,
    h2_kg: t.h2Kg,
    diesel_l: t.dieselL,
    downtime_h: t.downtimeH,
    downtime_reason: t.downtimeReason,
  };
}

/** Same facts (field by field, in the model's order). */
const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

async function recordRun(
  trx: Transaction<TransitionDatabase>,
  run: TransitionIngestRun | null,
  rejects: readonly TransitionReject[],
): Promise<void> {
  if (run === null) return;
  await trx
    .insertInto("transition_ingest_runs")
    .values({
      id: run.id,
      kind: run.kind,
      file: run.file,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      read: run.read,
      accepted: run.accepted,
      updated: run.updated,
      rejected: run.rejected,
      duplicates: run.duplicates,
    })
    .execute();
  for (const part of chunks(rejects, ROWS_PER_INSERT))
    await trx
      .insertInto("transition_rejects")
      .values(
        part.map((r) => ({ run_id: run.id, file: r.file, line: r.line, field: r.field, reason: r.reason })),
      )
      .execute();
}

export function createTransitionStore(db: Kysely<TransitionDatabase>): TransitionStore {
  async function storedEquipment(
    q: Kysely<TransitionDatabase> | Transaction<TransitionDatabase>,
    port: string,
    unitIds: readonly string[],
  ): Promise<Map<string, Equipment>> {
    const out = new Map<string, Equipment>();
    for (const part of chunks([...new Set(unitIds)], KEYS_PER_SELECT)) {
      if (part.length === 0) continue;
      const rows = await q
        .selectFrom("transition_equipment")
        .selectAll()
        .where("port", "=", port)
        .where("unit_id", "in", part)
        .execute();
      for (const r of rows) out.set(r.unit_id, equipmentFromRow(r));
    }
    return out;
  }

  return {
    ...createScenarioStore(db),
    async writeEquipment(units, rejects, finish) {
      const now = new Date().toISOString();
      const outcome: WriteOutcome = { inserted: 0, updated: 0, unchanged: 0 };
      return db.transaction().execute(async (trx) => {
        const byPort = new Map<string, Equipment[]>();
        for (const u of units) byPort.set(u.port, [...(byPort.get(u.port) ?? []), u]);
        for (const [port, list] of byPort) {
          const stored = await storedEquipment(
            trx,
            port,
            list.map((u) => u.unitId),
          );
          const fresh: Equipment[] = [];
          for (const u of list) {
            const before = stored.get(u.unitId);
            if (before === undefined) fresh.push(u);
            else if (same(before, u)) outcome.unchanged++;
            else {
              const { port: p, unit_id, ...set } = equipmentToRow(u, now);
              await trx
                .updateTable("transition_equipment")
                .set(set)
                .where("port", "=", p)
                .where("unit_id", "=", unit_id)
                .execute();
              outcome.updated++;
            }
          }
          for (const part of chunks(fresh, ROWS_PER_INSERT))
            await trx
              .insertInto("transition_equipment")
              .values(part.map((u) => equipmentToRow(u, now)))
              .execute();
          outcome.inserted += fresh.length;
        }
        await recordRun(trx, finish?.(outcome) ?? null, rejects);
        return outcome;
      });
    },

    async writeTelemetry(records, rejects, finish) {
      const outcome: WriteOutcome = { inserted: 0, updated: 0, unchanged: 0 };
      return db.transaction().execute(async (trx) => {
        const key = (t: { port: string; unitId: string; periodStartS: number }) =>
          `${t.port}|${t.unitId}|${t.periodStartS}`;
        const stored = new Map<string, Telemetry>();
        const groups = new Map<string, Telemetry[]>();
        for (const t of records)
          groups.set(`${t.port}|${t.unitId}`, [...(groups.get(`${t.port}|${t.unitId}`) ?? []), t]);
        for (const list of groups.values()) {
          const first = list[0]!;
          for (const part of chunks(
            list.map((t) => t.periodStartS),
            KEYS_PER_SELECT,
          )) {
            const rows = await trx
              .selectFrom("transition_telemetry")
              .selectAll()
              .where("port", "=", first.port)
              .where("unit_id", "=", first.unitId)
              .where("period_start_s", "in", part)
              .execute();
            for (const r of rows) {
              const t = telemetryFromRow(r);
              stored.set(key(t), t);
            }
          }
        }
        const fresh: Telemetry[] = [];
        for (const t of records) {
          const before = stored.get(key(t));
          if (before === undefined) fresh.push(t);
          else if (same(before, t)) outcome.unchanged++;
          else {
            const { port, unit_id, period_start_s, ...set } = telemetryToRow(t);
            await trx
              .updateTable("transition_telemetry")
              .set(set)
              .where("port", "=", port)
              .where("unit_id", "=", unit_id)
              .where("period_start_s", "=", period_start_s)
              .execute();
            outcome.updated++;
          }
        }
        for (const part of chunks(fresh, ROWS_PER_INSERT))
          await trx.insertInto("transition_telemetry").values(part.map(telemetryToRow)).execute();
        outcome.inserted = fresh.length;
        await recordRun(trx, finish?.(outcome) ?? null, rejects);
        return outcome;
      });
    },

    async listEquipment(query) {
      let q = db.selectFrom("transition_equipment").selectAll();
      if (query.port !== undefined) q = q.where("port", "=", query.port);
      if (query.status !== undefined) q = q.where("status", "=", query.status);
      if (query.category !== undefined) q = q.where("category", "=", query.category);
      if (query.programme !== undefined) q = q.where("programme", "=", query.programme);
      const rows = await q.orderBy("port").orderBy("unit_id").execute();
      return rows.map(equipmentFromRow);
    },

    equipmentByIds: (port, unitIds) => storedEquipment(db, port, unitIds),

    async telemetry(query) {
      let q = db.selectFrom("transition_telemetry").selectAll().where("port", "=", query.port);
      if (query.unitIds !== undefined) {
        if (query.unitIds.length === 0) return [];
        q = q.where("unit_id", "in", [...query.unitIds]);
      }
      if (query.fromS !== undefined) q = q.where("period_start_s", ">=", query.fromS);
      if (query.toS !== undefined) q = q.where("period_start_s", "<", query.toS);
      const rows = await q.orderBy("unit_id").orderBy("period_start_s").execute();
      return rows.map(telemetryFromRow);
    },

    async ingestRuns(limit) {
      const rows = await db
        .selectFrom("transition_ingest_runs")
        .selectAll()
        .orderBy("started_at", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind as TransitionIngestRun["kind"],
        file: r.file,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        read: Number(r.read),
        accepted: Number(r.accepted),
        updated: Number(r.updated),
        rejected: Number(r.rejected),
        duplicates: Number(r.duplicates),
      }));
    },

    async rejects(runId) {
      const rows = await db
        .selectFrom("transition_rejects")
        .select(["file", "line", "field", "reason"])
        .where("run_id", "=", runId)
        .orderBy("line")
        .execute();
      return rows.map((r) => ({ ...r, line: Number(r.line) }));
    },
  };
}

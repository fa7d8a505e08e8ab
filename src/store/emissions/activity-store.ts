/** EmissionActivityStore on Kysely: one code path for SQLite and PostgreSQL. */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  ACTIVITY_KINDS,
  type ActivityImportCounts,
  type ActivityKind,
  type ActivityReject,
  type EmissionActivityStore,
  emptyActivity,
  type NonshipActivity,
  type StoredActivityImport,
  type YearMonth,
} from "../../emissions/nonship/index.ts";
import { chunks } from "../chunks.ts";
import type { EmissionActivityDatabase, EmissionActivityTable } from "./schema.ts";

/** Rows per statement: 9 columns × 400 stays under SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 400;
const KEYS_PER_SELECT = 500;

function pushRecord(
  activity: NonshipActivity,
  row: Pick<EmissionActivityTable, "kind" | "record_json" | "source_file" | "source_line">,
) {
  const record = {
    ...JSON.parse(row.record_json),
    ref: { file: row.source_file, line: Number(row.source_line) },
  };
  switch (row.kind as ActivityKind) {
    case "che":
      activity.che.push(record);
      break;
    case "harbor-craft":
      activity.harborCraft.push(record);
      break;
    case "drayage":
      activity.drayage.push(record);
      break;
    case "rail":
      activity.rail.push(record);
      break;
    case "factors":
      activity.factors.push(record);
      break;
  }
}

export function createEmissionActivityStore(db: Kysely<EmissionActivityDatabase>): EmissionActivityStore {
  const columns = ["kind", "record_json", "source_file", "source_line"] as const;
  return {
    async importRecords(input) {
      const now = new Date().toISOString();
      const counts: ActivityImportCounts = {
        read: input.read,
        accepted: 0,
        added: 0,
        updated: 0,
        rejected: input.read - input.records.length - input.inFileDuplicates,
        duplicates: input.inFileDuplicates,
      };
      await db.transaction().execute(async (tx) => {
        const stored = new Map<string, string>();
        for (const part of chunks(input.records, KEYS_PER_SELECT)) {
          const rows = await tx
            .selectFrom("emission_activity")
            .select(["record_key", "record_json"])
            .where("port", "=", input.port)
            .where("kind", "=", input.kind)
            .where(
              "record_key",
              "in",
              part.map((r) => r.key),
            )
            .execute();
          for (const r of rows) stored.set(r.record_key, r.record_json);
        }
        const changed: EmissionActivityTable[] = [];
        for (const r of input.records) {
          const json = JSON.stringify(r.record);
          const before = stored.get(r.key);
          if (before === json) {
            counts.duplicates++;
            continue;
          }
          if (before === undefined) counts.added++;
          else counts.updated++;
          const rec = r.record as { year?: unknown; month?: unknown };
          changed.push({
            port: input.port,
            kind: input.kind,
            record_key: r.key,
            year: typeof rec.year === "number" ? rec.year : null,
            month: typeof rec.month === "number" ? rec.month : null,
            record_json: json,
            source_file: input.sourceFile,
            source_line: r.line,
            imported_at: now,
          });
        }
        counts.accepted = counts.added + counts.updated;
        for (const part of chunks(changed, ROWS_PER_INSERT)) {
          await tx
            .insertInto("emission_activity")
            .values(part)
            .onConflict((oc) =>
              oc.columns(["port", "kind", "record_key"]).doUpdateSet((eb) => ({
                year: eb.ref("excluded.year"),
                month: eb.ref("excluded.month"),
                record_json: eb.ref("excluded.record_json"),
                source_file: eb.ref("excluded.source_file"),
                source_line: eb.ref("excluded.source_line"),
                imported_at: eb.ref("excluded.imported_at"),
              })),
            )
            .execute();
        }
        await tx
          .deleteFrom("emission_activity_rejects")
          .where("port", "=", input.port)
          .where("kind", "=", input.kind)
          .where("source_file", "=", input.sourceFile)
          .execute();
        const seqByLine = new Map<number, number>();
        const rejectRows = input.rejects.map((r) => {
          const seq = seqByLine.get(r.line) ?? 0;
          seqByLine.set(r.line, seq + 1);
          return {
            port: input.port,
            kind: input.kind,
            source_file: input.sourceFile,
            line: r.line,
            seq,
            field: r.field,
            reason: r.reason,
            text: r.text,
          };
        });
        for (const part of chunks(rejectRows, ROWS_PER_INSERT))
          await tx.insertInto("emission_activity_rejects").values(part).execute();
        await tx
          .insertInto("emission_activity_imports")
          .values({
            id: randomUUID(),
            port: input.port,
            kind: input.kind,
            source_file: input.sourceFile,
            imported_at: now,
            ...counts,
            detail_json: JSON.stringify({ ignoredColumns: input.ignoredColumns ?? [] }),
          })
          .execute();
      });
      return counts;
    },

    async activity(port) {
      const rows = await db
        .selectFrom("emission_activity")
        .select(columns)
        .where("port", "=", port)
        .orderBy("kind")
        .orderBy("source_file")
        .orderBy("source_line")
        .execute();
      const out = emptyActivity();
      for (const r of rows) pushRecord(out, r);
      return out;
    },

    async activityFor(port, from: YearMonth, to: YearMonth) {
      const rows = await db
        .selectFrom("emission_activity")
        .select([...columns, "year", "month"])
        .where("port", "=", port)
        .where((eb) =>
          eb.or([
            eb("kind", "=", "factors"),
            eb.and([eb("year", ">=", from.year), eb("year", "<=", to.year)]),
          ]),
        )
        .orderBy("kind")
        .orderBy("source_file")
        .orderBy("source_line")
        .execute();
      const lo = from.year * 100 + from.month;
      const hi = to.year * 100 + to.month;
      const out = emptyActivity();
      for (const r of rows) {
        if (r.kind !== "factors" && r.month !== null && r.year !== null) {
          const ym = Number(r.year) * 100 + Number(r.month);
          if (ym < lo || ym > hi) continue;
        }
        pushRecord(out, r);
      }
      return out;
    },

    async rejects(port, kind) {
      let q = db
        .selectFrom("emission_activity_rejects")
        .select(["source_file", "line", "field", "reason", "text"])
        .where("port", "=", port);
      if (kind !== undefined) q = q.where("kind", "=", kind);
      const rows = await q.orderBy("source_file").orderBy("line").orderBy("seq").execute();
      return rows.map(
        (r): ActivityReject => ({
          file: r.source_file,
          line: Number(r.line),
          field: r.field,
          reason: r.reason,
          text: r.text,
        }),
      );
    },

    async imports(port) {
      const rows = await db
        .selectFrom("emission_activity_imports")
        .selectAll()
        .where("port", "=", port)
        .orderBy("imported_at")
        .execute();
      return rows.map(
        (r): StoredActivityImport => ({
          id: r.id,
          port: r.port,
          kind: r.kind as ActivityKind,
          sourceFile: r.source_file,
          importedAt: r.imported_at,
          counts: {
            read: Number(r.read),
            accepted: Number(r.accepted),
            added: Number(r.added),
            updated: Number(r.updated),
            rejected: Number(r.rejected),
            duplicates: Number(r.duplicates),
          },
        }),
      );
    },

    async counts(port) {
      const rows = await db
        .selectFrom("emission_activity")
        .select((eb) => ["kind", eb.fn.countAll<number>().as("n")])
        .where("port", "=", port)
        .groupBy("kind")
        .execute();
      const out = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Record<ActivityKind, number>;
      for (const r of rows)
        if ((ACTIVITY_KINDS as readonly string[]).includes(r.kind)) out[r.kind as ActivityKind] = Number(r.n);
      return out;
    },
  };
}

/** OperationsStore on Kysely: one code path for SQLite and PostgreSQL. */
import {
  type Compilable,
  type CompiledQuery,
  type Kysely,
  type RawBuilder,
  sql,
  type Transaction,
} from "kysely";
import type { ReceivingRules } from "../../operations/empty-return.ts";
import type { ForecastInputsState } from "../../operations/forecast.ts";
import {
  type ContainerEvent,
  newContainerEvent,
  type RailMove,
  type TruckVisit,
} from "../../operations/model.ts";
import {
  type HistogramMetric,
  HOURLY_SUMS,
  type HourlyRollup,
  type HourlySum,
  splitByMonths,
} from "../../operations/rollup.ts";
import type {
  ContainerState,
  OperationsIngestRun,
  OperationsStore,
  OperationsWriter,
  SignalKind,
} from "../../operations/store.ts";
import { chunks } from "../chunks.ts";
import { createAlertOutboxWriter, createOperationsAlertStore } from "./alerts-store.ts";
import { freshKeys, timeFactKey } from "./fact-keys.ts";
import { HOURLY_SUM_COLUMNS } from "./migrations.ts";
import type { OperationsDatabase, OpsDailyTable, OpsHourlyTable } from "./schema.ts";

/** Rows per INSERT: under PostgreSQL's 65,535 parameters and SQLite's 32,766 (hourly rows have 27 columns). */
const ROWS_PER_INSERT = 400;

type SumColumn = (typeof HOURLY_SUM_COLUMNS)[number];
/** rollup.ts's field → its column (same order as both lists). */
const COLUMN_OF = Object.fromEntries(HOURLY_SUMS.map((k, i) => [k, HOURLY_SUM_COLUMNS[i]])) as Record<
  HourlySum,
  SumColumn
>;

/** First of each id (the input may repeat a record); `seen` counts the repeats. */
function firstById<T>(items: readonly T[], id: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = id(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const parse = <T>(json: string): T => JSON.parse(json) as T;

function stateFromRow(r: OperationsDatabase["ops_container_state"]): ContainerState {
  const size = r.size_ft === null ? null : Number(r.size_ft);
  return {
    port: r.port,
    containerNumber: r.container_number,
    dischargeS: r.discharge_s === null ? null : Number(r.discharge_s),
    dischargeTerminal: r.discharge_terminal,
    sizeFt: size === 20 || size === 40 || size === 45 ? size : null,
    exitS: r.exit_s === null ? null : Number(r.exit_s),
    exitMode: r.exit_mode === "truck" || r.exit_mode === "rail" ? r.exit_mode : null,
    exitTerminal: r.exit_terminal,
  };
}

/** A rollup from an hour row, or from a day row (ops_daily: `hour` 0). */
function hourlyFromRow(r: OpsDailyTable & { hour?: OpsHourlyTable["hour"] }): HourlyRollup {
  const row = {
    port: r.port,
    terminal: r.terminal,
    day: Number(r.day),
    hour: r.hour === undefined ? 0 : Number(r.hour),
  } as HourlyRollup;
  for (const k of HOURLY_SUMS) row[k] = Number(r[COLUMN_OF[k]]);
  return row;
}

/** A batch's hour deltas summed per port, terminal and day (the ops_daily deltas). */
function dailyOf(hourly: readonly HourlyRollup[]): HourlyRollup[] {
  const days = new Map<string, HourlyRollup>();
  for (const h of hourly) {
    const key = `${h.port}|${h.terminal}|${h.day}`;
    const d = days.get(key);
    if (!d) days.set(key, { ...h, hour: 0 });
    else for (const k of HOURLY_SUMS) d[k] += h[k];
  }
  return [...days.values()];
}

function dailyToRow(h: HourlyRollup): OpsDailyTable {
  const row = { port: h.port, terminal: h.terminal, day: h.day } as OpsDailyTable;
  for (const k of HOURLY_SUMS) row[COLUMN_OF[k]] = h[k];
  return row;
}

function hourlyToRow(h: HourlyRollup): OpsHourlyTable {
  const row = { port: h.port, terminal: h.terminal, day: h.day, hour: h.hour } as OpsHourlyTable;
  for (const k of HOURLY_SUMS) row[COLUMN_OF[k]] = h[k];
  return row;
}

function runFromRow(r: OperationsDatabase["ops_ingest_runs"]): OperationsIngestRun {
  return {
    id: r.id,
    port: r.port,
    file: r.file,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    read: Number(r.read),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    duplicates: Number(r.duplicates),
  };
}

/**
 * better-sqlite3's statements, for running a Kysely-compiled text directly (store/dialect.ts):
 * absent on PostgreSQL.
 */
export interface DirectStatements {
  prepare(sql: string): {
    reader: boolean;
    all(params: readonly unknown[]): unknown[];
    run(params: readonly unknown[]): { changes: number };
  };
}

/** A write transaction, and on SQLite its connection's statements (the same connection: same transaction). */
interface Tx {
  trx: Transaction<OperationsDatabase>;
  direct: DirectStatements | undefined;
}

/**
 * Runs the statement `query` builds over all rows and returns what it returned. `rows` must hold
 * every column in the order the statement names them (objects made by one function).
 * - PostgreSQL: 400 rows a statement (one round trip each); the statement of a full chunk is compiled
 *   once and reused with each chunk's values — Kysely's building and compiling of a 400-row VALUES
 *   list, each time, cost more than the insert itself.
 * - SQLite: the one-row statement, compiled and prepared once, run row by row synchronously: in
 *   process there is no round trip to save, and binding a 400-row list cost more than 400 runs of a
 *   prepared one-row statement (ingest of a year at Los Angeles: bench/ops-ingest.bench.ts).
 */
async function insertEach<R extends object, O>(
  tx: Tx,
  rows: readonly R[],
  query: (rows: R[]) => Compilable<O>,
): Promise<O[]> {
  const out: O[] = [];
  if (rows.length === 0) return out;
  if (tx.direct) {
    const statement = tx.direct.prepare(query(rows.slice(0, 1)).compile().sql);
    if (statement.reader)
      for (const r of rows) for (const o of statement.all(Object.values(r))) out.push(o as O);
    else for (const r of rows) statement.run(Object.values(r));
    return out;
  }
  let full: CompiledQuery<O> | undefined;
  for (const part of chunks(rows, ROWS_PER_INSERT)) {
    let compiled: CompiledQuery<O>;
    if (part.length === ROWS_PER_INSERT) {
      full ??= query(part).compile();
      compiled = { ...full, parameters: part.flatMap((r) => Object.values(r)) };
    } else compiled = query(part).compile();
    const result = await tx.trx.executeQuery<O>(compiled);
    for (const r of result.rows) out.push(r);
  }
  return out;
}

/** A fact table (0760): its id column, the columns after `id_key`, and a fact's values in their order. */
interface FactTable<T> {
  table: "ops_events" | "ops_truck_visits" | "ops_rail_moves";
  idColumn: "event_id" | "visit_id" | "move_id";
  idOf: (fact: T) => string;
  /** The fact's key at a probe (fact-keys.ts: time first since 0792). */
  keyOf: (fact: T, probe: number) => number;
  /** Every column but id_key, in insert order (the id column first). */
  columns: readonly string[];
  /** Writes the fact's values (as `columns` orders them) into `out` from `at`. */
  write: (fact: T, out: unknown[], at: number) => void;
}

/**
 * SQLite statement texts by a name of what they do and on which table ("insert|ops_events"), each
 * compiled once per process (a Kysely compile costs ~0.1–1 ms); only the SQLite paths use them.
 */
const compiledTexts = new Map<string, string>();
function compiledText(key: string, build: () => Compilable<unknown>): string {
  let text = compiledTexts.get(key);
  if (text === undefined) {
    text = build().compile().sql;
    compiledTexts.set(key, text);
  }
  return text;
}

/**
 * Inserts the facts whose (id, hour) is not stored yet and returns those with their keys, in order
 * (a fact repeated in the input counts once). A fact's key is the first of its probe sequence that
 * is free or holds its id (fact-keys.ts, which says what happens to an id sent again with another time):
 * - SQLite: per fact, the one-row INSERT … ON CONFLICT DO NOTHING of its first key, prepared once,
 *   its values written into one reused array (a row object and its Object.values array per fact
 *   were the ingest's most allocated objects); only when that stored nothing is the stored id read
 *   (the same id: a duplicate; another: the next probe). A 16- to 80-row INSERT was slower per
 *   row than the one-row statement run 16–80 times (better-sqlite3, 300,000 rows).
 * - PostgreSQL: the keys looked up first (`freshKeys`), then 400 rows per statement (one round
 *   trip each), ON CONFLICT DO NOTHING RETURNING the keys, so that a fact another transaction
 *   stored meanwhile counts as a duplicate, not twice.
 */
async function insertFacts<T>(
  tx: Tx,
  fact: FactTable<T>,
  items: readonly T[],
): Promise<{ item: T; key: number }[]> {
  if (items.length === 0) return [];
  const width = fact.columns.length + 1;
  const db = tx.trx as unknown as Kysely<Record<string, Record<string, string | number | null>>>;
  const blank = Object.fromEntries(["id_key", ...fact.columns].map((c) => [c, null]));
  const insert = (rows: number) =>
    db
      .insertInto(fact.table)
      .values(Array.from({ length: rows }, () => blank))
      .onConflict((oc) => oc.column("id_key").doNothing());
  const lookup = (keys: readonly number[]) =>
    db.selectFrom(fact.table).select(["id_key", fact.idColumn]).where("id_key", "in", keys);
  if (tx.direct) {
    const insertOne = tx.direct.prepare(compiledText(`insert|${fact.table}`, () => insert(1)));
    const storedAt = tx.direct.prepare(compiledText(`key|${fact.table}`, () => lookup([0])));
    const out: { item: T; key: number }[] = [];
    const values: unknown[] = new Array(width);
    for (const item of items) {
      const id = fact.idOf(item);
      fact.write(item, values, 1);
      for (let probe = 0; ; probe++) {
        const key = fact.keyOf(item, probe);
        values[0] = key;
        if (insertOne.run(values).changes > 0) {
          out.push({ item, key });
          break;
        }
        const [stored] = storedAt.all([key]) as Record<string, unknown>[];
        if (stored?.[fact.idColumn] === id) break; // stored before, or earlier in this input
      }
    }
    return out;
  }
  const fresh = await freshKeys(items, fact.idOf, fact.keyOf, async (keys) => {
    const found = new Map<number, string>();
    for (const part of chunks(keys, ROWS_PER_INSERT))
      for (const r of await lookup(part).execute()) found.set(Number(r.id_key), String(r[fact.idColumn]));
    return found;
  });
  const stored = new Set<number>();
  const full = insert(ROWS_PER_INSERT).returning("id_key").compile();
  for (const part of chunks(fresh, ROWS_PER_INSERT)) {
    const values: unknown[] = new Array(part.length * width);
    part.forEach(({ item, key }, r) => {
      values[r * width] = key;
      fact.write(item, values, r * width + 1);
    });
    const compiled =
      part.length === ROWS_PER_INSERT ? full : insert(part.length).returning("id_key").compile();
    const result = await tx.trx.executeQuery<{ id_key: number }>({ ...compiled, parameters: values });
    for (const r of result.rows) stored.add(Number(r.id_key));
  }
  return fresh.filter((f) => stored.has(f.key));
}

const factsOf = <T>(fresh: readonly { item: T }[]): T[] => fresh.map((f) => f.item);

/**
 * A fact's stored JSON: the record without the fields its row's columns hold and without the fields
 * equal to their default (null, [], {}, or as `defaults` gives) — the reader puts both back
 * (`eventFromRow`, …). Half the bytes of the whole record, and an ingest writes every byte twice
 * (WAL, then the table). Rows stored whole by earlier releases read back the same.
 * Example: a DISC event with only equipment fields set stores
 * {"source":"dcsa","eventType":"EQUIPMENT","isoEquipmentCode":"45G1","sizeFt":40,…}.
 * `ownKey` has a default of the record's own (an event's createdAtS is its eventAtS unless said):
 * given apart, not by a copy of `defaults` per fact (that copy was the most allocated object of an
 * ingest).
 */
function packFact(
  record: object,
  columns: ReadonlySet<string>,
  defaults: Readonly<Record<string, unknown>>,
  ownKey?: string,
  ownDefault?: unknown,
): string {
  const out: Record<string, unknown> = {};
  const fields = record as Record<string, unknown>;
  // for…in, not Object.entries: no pair allocated per field (this runs once per stored fact).
  for (const k in fields) {
    const v = fields[k];
    if (columns.has(k)) continue;
    if (k === ownKey) {
      if (v !== ownDefault) out[k] = v;
      continue;
    }
    if (k in defaults) {
      const d = defaults[k];
      if (v === d) continue;
      if (Array.isArray(v) && v.length === 0 && Array.isArray(d)) continue;
      if (isEmptyObject(v) && d !== null && typeof d === "object") continue;
    }
    out[k] = v;
  }
  return JSON.stringify(out);
}

function isEmptyObject(v: unknown): boolean {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  for (const _ in v) return false;
  return true;
}

const EVENT_COLUMNS = new Set([
  "eventId",
  "port",
  "terminal",
  "eventAtS",
  "eventCode",
  "containerNumber",
  "transportDocumentReference",
  "carrierBookingReference",
]);
/** The fields newContainerEvent gives a default (createdAtS defaults to eventAtS: compared per event). */
const EVENT_DEFAULTS: Readonly<Record<string, unknown>> = (() => {
  const {
    eventId: _i,
    source: _s,
    eventType: _t,
    eventCode: _c,
    eventAtS: _a,
    ...defaults
  } = newContainerEvent({
    eventId: "",
    source: "dcsa",
    eventType: "EQUIPMENT",
    eventCode: "DISC",
    eventAtS: 0,
  });
  return defaults;
})();

const EVENT_ROW_COLUMNS = [
  "event_id",
  "port",
  "terminal",
  "event_s",
  "event_code",
  "container_number",
  "bl",
  "booking",
  "record_json",
] as const;
type EventColumn = (typeof EVENT_ROW_COLUMNS)[number];

const EVENTS: FactTable<ContainerEvent> = {
  table: "ops_events",
  idColumn: "event_id",
  idOf: (e) => e.eventId,
  keyOf: (e, probe) => timeFactKey(e.eventAtS, e.eventId, probe),
  columns: EVENT_ROW_COLUMNS,
  write(e, out, at) {
    out[at] = e.eventId;
    out[at + 1] = e.port;
    out[at + 2] = e.terminal;
    out[at + 3] = e.eventAtS;
    out[at + 4] = e.eventCode;
    out[at + 5] = e.containerNumber;
    out[at + 6] = e.transportDocumentReference;
    out[at + 7] = e.carrierBookingReference;
    out[at + 8] = packFact(e, EVENT_COLUMNS, EVENT_DEFAULTS, "createdAtS", e.eventAtS);
  },
};

/** A stored event row back into the event (exported for the migration that reads stored facts). */
export function eventFromStoredRow(
  r: Pick<OperationsDatabase["ops_events"], EventColumn | "record_json">,
): ContainerEvent {
  const rest = parse<Pick<ContainerEvent, "source" | "eventType"> & Partial<ContainerEvent>>(r.record_json);
  return newContainerEvent({
    eventId: r.event_id,
    port: r.port,
    terminal: r.terminal,
    eventAtS: Number(r.event_s),
    eventCode: r.event_code as ContainerEvent["eventCode"],
    containerNumber: r.container_number,
    transportDocumentReference: r.bl,
    carrierBookingReference: r.booking,
    ...rest,
  });
}

const VISIT_COLUMNS = new Set(["visitId", "port", "terminal", "gateInS"]);
const VISIT_DEFAULTS = {
  licencePlate: null,
  queueArrivalS: null,
  appointmentId: null,
  troubleTicket: null,
  carrierScac: null,
};

const VISITS: FactTable<TruckVisit> = {
  table: "ops_truck_visits",
  idColumn: "visit_id",
  idOf: (v) => v.visitId,
  keyOf: (v, probe) => timeFactKey(v.gateInS, v.visitId, probe),
  // carrier_scac is also in the record; a column so that one company's visits are read by index.
  columns: ["visit_id", "port", "terminal", "gate_in_s", "carrier_scac", "record_json"],
  write(v, out, at) {
    out[at] = v.visitId;
    out[at + 1] = v.port;
    out[at + 2] = v.terminal;
    out[at + 3] = v.gateInS;
    out[at + 4] = v.carrierScac;
    out[at + 5] = packFact(v, VISIT_COLUMNS, VISIT_DEFAULTS);
  },
};

const RAIL_MOVES: FactTable<RailMove> = {
  table: "ops_rail_moves",
  idColumn: "move_id",
  idOf: (m) => m.moveId,
  keyOf: (m, probe) => timeFactKey(m.atS, m.moveId, probe),
  columns: ["move_id", "port", "terminal", "container_number", "at_s", "record_json"],
  write(m, out, at) {
    out[at] = m.moveId;
    out[at + 1] = m.port;
    out[at + 2] = m.terminal;
    out[at + 3] = m.containerNumber;
    out[at + 4] = m.atS;
    out[at + 5] = JSON.stringify(m);
  },
};

const visitFromRow = (r: OperationsDatabase["ops_truck_visits"]): TruckVisit => ({
  visitId: r.visit_id,
  port: r.port,
  terminal: r.terminal,
  gateInS: Number(r.gate_in_s),
  ...VISIT_DEFAULTS,
  ...parse<Omit<TruckVisit, "visitId" | "port" | "terminal" | "gateInS">>(r.record_json),
});

const stateRow = (s: ContainerState) => ({
  port: s.port,
  container_number: s.containerNumber,
  discharge_s: s.dischargeS,
  discharge_terminal: s.dischargeTerminal,
  size_ft: s.sizeFt,
  exit_s: s.exitS,
  exit_mode: s.exitMode,
  exit_terminal: s.exitTerminal,
});

/**
 * Adds a batch's bin counts to the packed histograms (ops_histogram_bins: one row per port ×
 * terminal × metric × day or month, bins as {"bin": count}): the stored rows of the periods the
 * batch touches are read, their bins added to, and written back. A batch covers a few days, so
 * this is tens of rows where a row per bin was thousands.
 */
async function addPackedBins(
  tx: Tx,
  grain: "day" | "month",
  deltas: readonly {
    port: string;
    terminal: string;
    metric: string;
    period: number;
    bin: number;
    count: number;
  }[],
): Promise<void> {
  if (deltas.length === 0) return;
  const packed = new Map<
    string,
    { port: string; terminal: string; metric: string; period: number; bins: Record<string, number> }
  >();
  let [low, high] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const ports = new Set<string>();
  for (const d of deltas) {
    const key = `${d.port}|${d.terminal}|${d.metric}|${d.period}`;
    let row = packed.get(key);
    if (!row) {
      row = { port: d.port, terminal: d.terminal, metric: d.metric, period: d.period, bins: {} };
      packed.set(key, row);
    }
    row.bins[d.bin] = (row.bins[d.bin] ?? 0) + d.count;
    ports.add(d.port);
    low = Math.min(low, d.period);
    high = Math.max(high, d.period);
  }
  const stored = await tx.trx
    .selectFrom("ops_histogram_bins")
    .select(["port", "terminal", "metric", "period", "bins_json"])
    .where("port", "in", [...ports])
    .where("grain", "=", grain)
    .where("period", ">=", low)
    .where("period", "<=", high)
    .execute();
  for (const r of stored) {
    const row = packed.get(`${r.port}|${r.terminal}|${r.metric}|${Number(r.period)}`);
    if (row)
      for (const [bin, n] of Object.entries(parse<Record<string, number>>(r.bins_json)))
        row.bins[bin] = (row.bins[bin] ?? 0) + n;
  }
  await insertEach(
    tx,
    [...packed.values()].map((r) => ({
      port: r.port,
      terminal: r.terminal,
      metric: r.metric,
      grain,
      period: r.period,
      bins_json: JSON.stringify(r.bins),
    })),
    (rows) =>
      tx.trx
        .insertInto("ops_histogram_bins")
        .values(rows)
        .onConflict((oc) =>
          oc
            .columns(["port", "terminal", "metric", "grain", "period"])
            .doUpdateSet((eb) => ({ bins_json: eb.ref("excluded.bins_json") })),
        ),
  );
}

function writer(
  trx: Transaction<OperationsDatabase>,
  direct: DirectStatements | undefined,
): OperationsWriter {
  const tx: Tx = { trx, direct };
  return {
    insertEvents: async (events) => factsOf(await insertFacts(tx, EVENTS, events)),

    async insertVisits(visits) {
      const added = await insertFacts(tx, VISITS, visits);
      const moves = added.flatMap(({ item, key }) =>
        item.moves.map((m) => ({
          visit_key: key,
          container_number: m.containerNumber,
          direction: m.direction,
        })),
      );
      await insertEach(tx, moves, (rows) => trx.insertInto("ops_gate_moves").values(rows));
      return factsOf(added);
    },

    insertRailMoves: async (moves) => factsOf(await insertFacts(tx, RAIL_MOVES, moves)),

    async containerStates(port, containerNumbers) {
      const out = new Map<string, ContainerState>();
      const query = (part: readonly string[]) =>
        trx
          .selectFrom("ops_container_state")
          .selectAll()
          .where("port", "=", port)
          .where("container_number", "in", part);
      if (direct) {
        // One prepared one-key look-up per box: a 400-key IN list built and compiled by Kysely per
        // chunk cost more than the look-ups (bench/ops-ingest profile).
        const one = direct.prepare(compiledText("container-state", () => query([""])));
        for (const c of containerNumbers)
          for (const r of one.all([port, c]) as OperationsDatabase["ops_container_state"][])
            out.set(r.container_number, stateFromRow(r));
        return out;
      }
      for (const part of chunks(containerNumbers, ROWS_PER_INSERT))
        for (const r of await query(part).execute()) out.set(r.container_number, stateFromRow(r));
      return out;
    },

    async putContainerStates(states) {
      const open = states.filter((s) => s.dischargeS !== null || s.exitS !== null);
      const closed = states.filter((s) => s.dischargeS === null && s.exitS === null);
      await insertEach(
        tx,
        closed.map((s) => ({ port: s.port, container_number: s.containerNumber })),
        (rows) =>
          trx
            .deleteFrom("ops_container_state")
            .where((eb) =>
              eb.or(
                rows.map((r) =>
                  eb.and([eb("port", "=", r.port), eb("container_number", "=", r.container_number)]),
                ),
              ),
            ),
      );
      await insertEach(tx, open.map(stateRow), (rows) =>
        trx
          .insertInto("ops_container_state")
          .values(rows)
          .onConflict((oc) =>
            oc.columns(["port", "container_number"]).doUpdateSet((eb) => ({
              discharge_s: eb.ref("excluded.discharge_s"),
              discharge_terminal: eb.ref("excluded.discharge_terminal"),
              size_ft: eb.ref("excluded.size_ft"),
              exit_s: eb.ref("excluded.exit_s"),
              exit_mode: eb.ref("excluded.exit_mode"),
              exit_terminal: eb.ref("excluded.exit_terminal"),
            })),
          ),
      );
    },

    async dropUnpairedExits(port, beforeS) {
      // Read in 0794's partial index of exit-only states: the old end of it, not every state.
      const r = await trx
        .deleteFrom("ops_container_state")
        .where("port", "=", port)
        .where("discharge_s", "is", null)
        .where("exit_s", "<", beforeS)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async addRollups({ hourly, histograms, monthHistograms, vesselMoves }) {
      // Each column is added to what is stored: `x = stored.x + excluded.x`.
      const sums = Object.fromEntries(
        HOURLY_SUM_COLUMNS.map((c) => [
          c,
          sql<number>`${sql.ref(`ops_hourly.${c}`)} + ${sql.ref(`excluded.${c}`)}`,
        ]),
      ) as Record<SumColumn, RawBuilder<number>>;
      await insertEach(tx, hourly.map(hourlyToRow), (rows) =>
        trx
          .insertInto("ops_hourly")
          .values(rows)
          .onConflict((oc) => oc.columns(["port", "terminal", "day", "hour"]).doUpdateSet(sums)),
      );
      const daySums = Object.fromEntries(
        HOURLY_SUM_COLUMNS.map((c) => [
          c,
          sql<number>`${sql.ref(`ops_daily.${c}`)} + ${sql.ref(`excluded.${c}`)}`,
        ]),
      ) as Record<SumColumn, RawBuilder<number>>;
      await insertEach(tx, dailyOf(hourly).map(dailyToRow), (rows) =>
        trx
          .insertInto("ops_daily")
          .values(rows)
          .onConflict((oc) => oc.columns(["port", "terminal", "day"]).doUpdateSet(daySums)),
      );
      await addPackedBins(
        tx,
        "day",
        histograms.map((h) => ({ ...h, period: h.day })),
      );
      await addPackedBins(
        tx,
        "month",
        monthHistograms.map((h) => ({ ...h, period: h.month })),
      );
      await insertEach(
        tx,
        vesselMoves.map((m) => ({
          port: m.port,
          terminal: m.terminal,
          vessel_imo: m.vesselImo,
          hour_s: m.hourS,
          discharges: m.discharges,
          loads: m.loads,
        })),
        (rows) =>
          trx
            .insertInto("ops_vessel_moves")
            .values(rows)
            .onConflict((oc) =>
              oc.columns(["port", "hour_s", "vessel_imo", "terminal"]).doUpdateSet((eb) => ({
                discharges: eb("ops_vessel_moves.discharges", "+", eb.ref("excluded.discharges")),
                loads: eb("ops_vessel_moves.loads", "+", eb.ref("excluded.loads")),
              })),
            ),
      );
    },

    async insertRejects(runId, rejects) {
      const unique = firstById(rejects, (r) => `${r.file}\n${r.line}\n${r.field}`);
      const added = await insertEach(
        tx,
        unique.map((r) => ({ run_id: runId, file: r.file, line: r.line, field: r.field, reason: r.reason })),
        (rows) =>
          trx
            .insertInto("ops_rejects")
            .values(rows)
            .onConflict((oc) => oc.columns(["file", "line", "field"]).doNothing())
            .returning("line"),
      );
      return added.length;
    },

    async recordRun(run) {
      await trx
        .insertInto("ops_ingest_runs")
        .values({
          id: run.id,
          port: run.port,
          file: run.file,
          started_at: run.startedAt,
          finished_at: run.finishedAt,
          read: run.read,
          accepted: run.accepted,
          rejected: run.rejected,
          duplicates: run.duplicates,
        })
        // A run stored in several transactions (a file read in batches): its counts add up.
        .onConflict((oc) =>
          oc.column("id").doUpdateSet({
            finished_at: (eb) => eb.ref("excluded.finished_at"),
            read: sql<number>`ops_ingest_runs.read + excluded.read`,
            accepted: sql<number>`ops_ingest_runs.accepted + excluded.accepted`,
            rejected: sql<number>`ops_ingest_runs.rejected + excluded.rejected`,
            duplicates: sql<number>`ops_ingest_runs.duplicates + excluded.duplicates`,
          }),
        )
        .execute();
    },

    async insertReceivingRules(rules) {
      const unique = firstById(rules, (r) => `${r.port}|${r.terminal}|${r.day}|${r.publishedAtS}`);
      const fresh = await insertEach(
        tx,
        unique.map((r) => ({
          port: r.port,
          terminal: r.terminal,
          day: r.day,
          published_s: r.publishedAtS,
          rules_json: JSON.stringify(r.rules),
        })),
        (rows) =>
          trx
            .insertInto("ops_receiving_rules")
            .values(rows)
            .onConflict((oc) => oc.columns(["port", "terminal", "day", "published_s"]).doNothing())
            .returning(["port", "terminal", "day", "published_s"]),
      );
      const keys = new Set(fresh.map((r) => `${r.port}|${r.terminal}|${r.day}|${Number(r.published_s)}`));
      return unique.filter((r) => keys.has(`${r.port}|${r.terminal}|${r.day}|${r.publishedAtS}`));
    },

    forecastInputs: (port) => forecastInputsOf(trx, port),

    async putForecastInputs(port, state) {
      const state_json = JSON.stringify(state);
      await trx
        .insertInto("ops_forecast_inputs")
        .values({ port, state_json })
        .onConflict((oc) => oc.column("port").doUpdateSet({ state_json }))
        .execute();
    },

    async putSignal(sig) {
      const row = {
        as_of_s: sig.asOfS,
        computed_s: sig.computedAtS,
        result_json: JSON.stringify(sig.result),
      };
      await trx
        .insertInto("ops_signals")
        .values({ port: sig.port, kind: sig.kind, ...row })
        .onConflict((oc) => oc.columns(["port", "kind"]).doUpdateSet(row))
        .execute();
    },

    alerts: createAlertOutboxWriter(trx),
  };
}

async function forecastInputsOf(
  db: Kysely<OperationsDatabase> | Transaction<OperationsDatabase>,
  port: string,
): Promise<ForecastInputsState | null> {
  const row = await db
    .selectFrom("ops_forecast_inputs")
    .select("state_json")
    .where("port", "=", port)
    .executeTakeFirst();
  return row ? parse<ForecastInputsState>(row.state_json) : null;
}

export function createOperationsStore(
  db: Kysely<OperationsDatabase>,
  direct?: DirectStatements,
): OperationsStore {
  return {
    write: (work) => db.transaction().execute((trx) => work(writer(trx, direct))),
    alerts: createOperationsAlertStore(db),

    async hourlyRollups(q, by = "hour") {
      if (by === "hour") {
        let query = db
          .selectFrom("ops_hourly")
          .selectAll()
          .where("port", "=", q.port)
          .where("day", ">=", q.fromDay)
          .where("day", "<=", q.toDay);
        if (q.terminal !== undefined) query = query.where("terminal", "=", q.terminal);
        const rows = await query.orderBy("terminal").orderBy("day").orderBy("hour").execute();
        return rows.map(hourlyFromRow);
      }
      // The day sums kept beside the hours (ops_daily): a terminal-month is 31 rows, not 744.
      let query = db
        .selectFrom("ops_daily")
        .selectAll()
        .where("port", "=", q.port)
        .where("day", ">=", q.fromDay)
        .where("day", "<=", q.toDay);
      if (q.terminal !== undefined) query = query.where("terminal", "=", q.terminal);
      const rows = await query.orderBy("terminal").orderBy("day").execute();
      return rows.map(hourlyFromRow);
    },

    async histograms(q, metrics) {
      if (metrics.length === 0) return [];
      const { months, days } = splitByMonths(q.fromDay, q.toDay);
      // Per terminal and metric, bin → count (keys per stored row, not per bin: a month of a
      // terminal is a few rows of hundreds of bins each).
      const sum = new Map<string, { terminal: string; metric: HistogramMetric; bins: Map<number, number> }>();
      const add = (rows: { terminal: string; metric: string; bins_json: string }[]) => {
        for (const r of rows) {
          const key = `${r.terminal}|${r.metric}`;
          let seen = sum.get(key);
          if (!seen) {
            seen = { terminal: r.terminal, metric: r.metric as HistogramMetric, bins: new Map() };
            sum.set(key, seen);
          }
          const counts = parse<Record<string, number>>(r.bins_json);
          for (const bin in counts) {
            const b = Number(bin);
            seen.bins.set(b, (seen.bins.get(b) ?? 0) + (counts[bin] as number));
          }
        }
      };
      if (months) {
        let query = db
          .selectFrom("ops_histogram_bins")
          .select(["terminal", "metric", "bins_json"])
          .where("port", "=", q.port)
          .where("metric", "in", metrics)
          .where("grain", "=", "month")
          .where("period", ">=", months[0])
          .where("period", "<=", months[1]);
        if (q.terminal !== undefined) query = query.where("terminal", "=", q.terminal);
        add(await query.execute());
      }
      for (const [fromDay, toDay] of days) {
        let query = db
          .selectFrom("ops_histogram_bins")
          .select(["terminal", "metric", "bins_json"])
          .where("port", "=", q.port)
          .where("metric", "in", metrics)
          .where("grain", "=", "day")
          .where("period", ">=", fromDay)
          .where("period", "<=", toDay);
        if (q.terminal !== undefined) query = query.where("terminal", "=", q.terminal);
        add(await query.execute());
      }
      const out: { terminal: string; metric: HistogramMetric; bin: number; count: number }[] = [];
      for (const h of sum.values())
        for (const [bin, count] of h.bins) out.push({ terminal: h.terminal, metric: h.metric, bin, count });
      return out.sort((a, b) => (a.terminal < b.terminal ? -1 : a.terminal > b.terminal ? 1 : a.bin - b.bin));
    },

    async movesInWindows(port, windows) {
      const out: number[] = [];
      // One statement per 400 windows: each window's sum read by 0790's (port, vessel_imo, hour_s)
      // index — tens of rows a call, not the thousands of every vessel's moves in the calls' hours.
      // CROSS JOIN keeps the windows the outer loop in SQLite: from ~100 windows on, its planner
      // otherwise scanned every move of the port against them (a port-month: 14.6 ms, now 1.2 ms).
      for (const part of chunks(windows, ROWS_PER_INSERT)) {
        const values = sql.join(
          part.map(
            (w, i) =>
              sql`(${i}, cast(${w.vesselImo} as bigint), cast(${w.fromHourS} as bigint), cast(${w.toHourS} as bigint))`,
          ),
        );
        const { rows } = await sql<{ i: number | string; moves: number | string }>`
          with w (i, imo, from_s, to_s) as (values ${values})
          select w.i as i, coalesce(sum(m.discharges + m.loads), 0) as moves
          from w cross join ops_vessel_moves m
          where m.port = ${port} and m.vessel_imo = w.imo and m.hour_s >= w.from_s and m.hour_s <= w.to_s
          group by w.i`.execute(db);
        const sums = new Array<number>(part.length).fill(0);
        for (const r of rows) sums[Number(r.i)] = Number(r.moves);
        out.push(...sums);
      }
      return out;
    },

    async boxesInYard(port, beforeS, terminal) {
      if (beforeS.length === 0) return [];
      let query = db
        .selectFrom("ops_container_state")
        .select([
          sql<string>`coalesce(discharge_terminal, '')`.as("terminal"),
          ...beforeS.map((s, i) =>
            sql<number>`sum(case when discharge_s < cast(${s} as bigint) then 1 else 0 end)`.as(`n${i}`),
          ),
        ])
        .where("port", "=", port)
        .where("discharge_s", "<", Math.max(...beforeS));
      if (terminal !== undefined) query = query.where("discharge_terminal", "=", terminal);
      // Counted in the (port, terminal, discharge) index: only the old part of each terminal's range.
      const rows = (await query.groupBy("discharge_terminal").execute()) as unknown as Record<
        string,
        unknown
      >[];
      return rows.map((r) => ({
        terminal: String(r.terminal),
        boxes: beforeS.map((_, i) => Number(r[`n${i}`] ?? 0)),
      }));
    },

    async containersByReference(ref, limit) {
      const rows = await db
        .selectFrom("ops_events")
        .select("container_number")
        .distinct()
        .where("container_number", "is not", null)
        .where((eb) => eb.or([eb("container_number", "=", ref), eb("bl", "=", ref), eb("booking", "=", ref)]))
        .orderBy("container_number")
        .limit(limit)
        .execute();
      const out = rows.map((r) => r.container_number as string);
      if (out.length === 0) {
        // A box seen only at the gate or on a train.
        const gate = await db
          .selectFrom("ops_gate_moves")
          .select("container_number")
          .where("container_number", "=", ref)
          .limit(1)
          .execute();
        const rail = await db
          .selectFrom("ops_rail_moves")
          .select("container_number")
          .where("container_number", "=", ref)
          .limit(1)
          .execute();
        if (gate.length + rail.length > 0) out.push(ref);
      }
      return out;
    },

    async containerFacts(containerNumbers, references) {
      if (containerNumbers.length === 0 && references.length === 0)
        return { events: [], visits: [], railMoves: [] };
      const events = await db
        .selectFrom("ops_events")
        .select(EVENT_ROW_COLUMNS)
        .where((eb) =>
          eb.or([
            ...(containerNumbers.length > 0 ? [eb("container_number", "in", containerNumbers)] : []),
            ...(references.length > 0 ? [eb("bl", "in", references), eb("booking", "in", references)] : []),
          ]),
        )
        .orderBy("event_s")
        .orderBy("event_id")
        .execute();
      const visits =
        containerNumbers.length === 0
          ? []
          : await db
              .selectFrom("ops_truck_visits")
              .selectAll()
              .where(
                "id_key",
                "in",
                db
                  .selectFrom("ops_gate_moves")
                  .select("visit_key")
                  .where("container_number", "in", containerNumbers),
              )
              .orderBy("gate_in_s")
              .execute();
      const rail =
        containerNumbers.length === 0
          ? []
          : await db
              .selectFrom("ops_rail_moves")
              .select("record_json")
              .where("container_number", "in", containerNumbers)
              .orderBy("at_s")
              .execute();
      return {
        events: events.map(eventFromStoredRow),
        visits: visits.map(visitFromRow),
        railMoves: rail.map((r) => parse<RailMove>(r.record_json)),
      };
    },

    async truckVisits(query) {
      let q = db
        .selectFrom("ops_truck_visits")
        .selectAll()
        .where("port", "=", query.port)
        .where("gate_in_s", ">=", query.fromS)
        .where("gate_in_s", "<", query.toS);
      if (query.carrierScac !== undefined) q = q.where("carrier_scac", "=", query.carrierScac);
      if (query.terminal !== undefined) q = q.where("terminal", "=", query.terminal);
      const rows = await q
        .orderBy("gate_in_s", "desc")
        .orderBy("visit_id", "desc")
        .limit(query.limit)
        .execute();
      return rows.map(visitFromRow);
    },

    async receivingRules(port, fromS, toS) {
      const rows = await db
        .selectFrom("ops_receiving_rules")
        .selectAll()
        .where("port", "=", port)
        .where("published_s", ">=", fromS)
        .where("published_s", "<", toS)
        .orderBy("published_s")
        .orderBy("terminal")
        .execute();
      return rows.map((r) => ({
        port: r.port,
        terminal: r.terminal,
        day: r.day,
        publishedAtS: Number(r.published_s),
        rules: parse<ReceivingRules["rules"]>(r.rules_json),
      }));
    },

    async signal(port, kind) {
      const r = await db
        .selectFrom("ops_signals")
        .selectAll()
        .where("port", "=", port)
        .where("kind", "=", kind)
        .executeTakeFirst();
      return r
        ? {
            port: r.port,
            kind: r.kind as SignalKind,
            asOfS: Number(r.as_of_s),
            computedAtS: Number(r.computed_s),
            result: parse<unknown>(r.result_json),
          }
        : null;
    },

    async signalPorts() {
      const rows = await db
        .selectFrom("ops_forecast_inputs")
        .select("port")
        .union(db.selectFrom("ops_receiving_rules").select("port").distinct())
        .execute();
      return [...new Set(rows.map((r) => r.port))].sort();
    },

    forecastInputs: (port) => forecastInputsOf(db, port),

    async ingestRuns(port, limit) {
      let query = db.selectFrom("ops_ingest_runs").selectAll();
      if (port !== undefined) query = query.where("port", "=", port);
      const rows = await query.orderBy("started_at", "desc").orderBy("id").limit(limit).execute();
      return rows.map(runFromRow);
    },

    async rejects(runId, limit) {
      let query = db.selectFrom("ops_rejects").selectAll();
      if (runId !== undefined) query = query.where("run_id", "=", runId);
      const rows = await query.orderBy("file").orderBy("line").orderBy("field").limit(limit).execute();
      return rows.map((r) => ({
        runId: r.run_id,
        file: r.file,
        line: Number(r.line),
        field: r.field,
        reason: r.reason,
      }));
    },
  };
}

/**
 * Migrations of the operations capability (tables in schema.ts beside this file). A released
 * migration is never edited — add a new one (migrator.ts says how to name it).
 */
import { type Kysely, type Migration, sql } from "kysely";
import type { DialectKind } from "../dialect.ts";
import { factKey, freshKeys, timeFactKey } from "./fact-keys.ts";
import type { OperationsDatabase } from "./schema.ts";

/** The hourly sum columns 0300 and 0440 made (frozen: released migrations must not change). */
const HOURLY_SUM_COLUMNS_0300 = [
  "truck_visits",
  "turn_count",
  "turn_sum_s",
  "queue_sum_s",
  "in_terminal_sum_s",
  "gate_moves_in",
  "gate_moves_out",
  "trouble_known",
  "trouble_tickets",
  "gate_in_events",
  "gate_out_events",
  "rail_loads",
  "rail_discharges",
  "vessel_discharges",
  "vessel_loads",
  "dwell_truck_count",
  "dwell_truck_sum_s",
  "dwell_truck_over5d",
  "dwell_truck_over9d",
  "dwell_rail_count",
  "dwell_rail_sum_s",
  "dwell_rail_over5d",
  "dwell_rail_over9d",
] as const;

/** The hourly sum columns (rollup.ts HOURLY_SUMS in snake case); bigint: seconds summed over a year exceed 2³¹. */
export const HOURLY_SUM_COLUMNS = [...HOURLY_SUM_COLUMNS_0300, "vessel_teu_quarters"] as const;

export function operationsMigrations(_kind: DialectKind): Record<string, Migration> {
  return {
    "0300_operations": {
      async up(db: Kysely<unknown>) {
        // Facts: one row per event / visit / rail move by its id; the record as JSON.
        await db.schema
          .createTable("ops_events")
          .addColumn("event_id", "text", (c) => c.primaryKey())
          .addColumn("port", "text")
          .addColumn("terminal", "text")
          .addColumn("event_s", "bigint", (c) => c.notNull())
          .addColumn("event_code", "text", (c) => c.notNull())
          .addColumn("container_number", "text")
          .addColumn("bl", "text")
          .addColumn("booking", "text")
          .addColumn("record_json", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("ops_events_container_number")
          .on("ops_events")
          .column("container_number")
          .execute();
        // Most equipment events carry no B/L or booking: partial indexes cost those nothing.
        for (const col of ["bl", "booking"])
          await db.schema
            .createIndex(`ops_events_${col}`)
            .on("ops_events")
            .column(col)
            .where(sql.ref(col), "is not", null)
            .execute();

        await db.schema
          .createTable("ops_truck_visits")
          .addColumn("visit_id", "text", (c) => c.primaryKey())
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("terminal", "text", (c) => c.notNull())
          .addColumn("gate_in_s", "bigint", (c) => c.notNull())
          .addColumn("record_json", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("ops_gate_moves")
          .addColumn("visit_id", "text", (c) => c.notNull())
          .addColumn("container_number", "text", (c) => c.notNull())
          .addColumn("direction", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("ops_gate_moves_container")
          .on("ops_gate_moves")
          .column("container_number")
          .execute();

        await db.schema
          .createTable("ops_rail_moves")
          .addColumn("move_id", "text", (c) => c.primaryKey())
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("terminal", "text", (c) => c.notNull())
          .addColumn("container_number", "text", (c) => c.notNull())
          .addColumn("at_s", "bigint", (c) => c.notNull())
          .addColumn("record_json", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("ops_rail_moves_container")
          .on("ops_rail_moves")
          .column("container_number")
          .execute();

        // Ingest ledger and the records refused (once per file, line and field).
        await db.schema
          .createTable("ops_ingest_runs")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("file", "text", (c) => c.notNull())
          .addColumn("started_at", "text", (c) => c.notNull())
          .addColumn("finished_at", "text", (c) => c.notNull())
          .addColumn("read", "bigint", (c) => c.notNull())
          .addColumn("accepted", "bigint", (c) => c.notNull())
          .addColumn("rejected", "bigint", (c) => c.notNull())
          .addColumn("duplicates", "bigint", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("ops_ingest_runs_port")
          .on("ops_ingest_runs")
          .columns(["port", "started_at"])
          .execute();
        await db.schema
          .createTable("ops_rejects")
          .addColumn("run_id", "text", (c) => c.notNull())
          .addColumn("file", "text", (c) => c.notNull())
          .addColumn("line", "integer", (c) => c.notNull())
          .addColumn("field", "text", (c) => c.notNull())
          .addColumn("reason", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("ops_rejects_pk", ["file", "line", "field"])
          .execute();
        await db.schema.createIndex("ops_rejects_run").on("ops_rejects").column("run_id").execute();

        // Open import dwells per container (discharge not yet closed by an exit, or the reverse).
        await db.schema
          .createTable("ops_container_state")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("container_number", "text", (c) => c.notNull())
          .addColumn("discharge_s", "bigint")
          .addColumn("discharge_terminal", "text")
          .addColumn("size_ft", "integer")
          .addColumn("exit_s", "bigint")
          .addColumn("exit_mode", "text")
          .addColumn("exit_terminal", "text")
          .addPrimaryKeyConstraint("ops_container_state_pk", ["port", "container_number"])
          .execute();
        await db.schema
          .createIndex("ops_container_state_yard")
          .on("ops_container_state")
          .columns(["port", "discharge_terminal", "discharge_s"])
          .execute();

        // Rollups, added to by each ingest in its transaction.
        let hourly = db.schema
          .createTable("ops_hourly")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("terminal", "text", (c) => c.notNull())
          .addColumn("day", "integer", (c) => c.notNull())
          .addColumn("hour", "integer", (c) => c.notNull());
        for (const col of HOURLY_SUM_COLUMNS_0300)
          hourly = hourly.addColumn(col, "bigint", (c) => c.notNull().defaultTo(0));
        await hourly.addPrimaryKeyConstraint("ops_hourly_pk", ["port", "terminal", "day", "hour"]).execute();
        await db.schema.createIndex("ops_hourly_day").on("ops_hourly").columns(["port", "day"]).execute();

        await db.schema
          .createTable("ops_histograms")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("terminal", "text", (c) => c.notNull())
          .addColumn("day", "integer", (c) => c.notNull())
          .addColumn("metric", "text", (c) => c.notNull())
          .addColumn("bin", "integer", (c) => c.notNull())
          .addColumn("count", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("ops_histograms_pk", ["port", "terminal", "metric", "day", "bin"])
          .execute();
        await db.schema
          .createIndex("ops_histograms_day")
          .on("ops_histograms")
          .columns(["port", "metric", "day"])
          .execute();

        await db.schema
          .createTable("ops_histograms_monthly")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("terminal", "text", (c) => c.notNull())
          .addColumn("month", "integer", (c) => c.notNull())
          .addColumn("metric", "text", (c) => c.notNull())
          .addColumn("bin", "integer", (c) => c.notNull())
          .addColumn("count", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("ops_histograms_monthly_pk", [
            "port",
            "terminal",
            "metric",
            "month",
            "bin",
          ])
          .execute();
        await db.schema
          .createIndex("ops_histograms_monthly_month")
          .on("ops_histograms_monthly")
          .columns(["port", "metric", "month"])
          .execute();

        await db.schema
          .createTable("ops_vessel_moves")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("terminal", "text", (c) => c.notNull())
          .addColumn("vessel_imo", "integer", (c) => c.notNull())
          .addColumn("hour_s", "bigint", (c) => c.notNull())
          .addColumn("discharges", "bigint", (c) => c.notNull())
          .addColumn("loads", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("ops_vessel_moves_pk", ["port", "vessel_imo", "hour_s", "terminal"])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const t of [
          "ops_vessel_moves",
          "ops_histograms_monthly",
          "ops_histograms",
          "ops_hourly",
          "ops_container_state",
          "ops_rejects",
          "ops_ingest_runs",
          "ops_rail_moves",
          "ops_gate_moves",
          "ops_truck_visits",
          "ops_events",
        ])
          await db.schema.dropTable(t).execute();
      },
    },
    // The import forecast, the empty-return board and what they are computed from (issue 12).
    "0310_operations_signals": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("ops_receiving_rules")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("terminal", "text", (c) => c.notNull())
          .addColumn("day", "text", (c) => c.notNull())
          .addColumn("published_s", "bigint", (c) => c.notNull())
          .addColumn("rules_json", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("ops_receiving_rules_pk", ["port", "terminal", "day", "published_s"])
          .execute();
        await db.schema
          .createIndex("ops_receiving_rules_published")
          .on("ops_receiving_rules")
          .columns(["port", "published_s"])
          .execute();
        await db.schema
          .createTable("ops_forecast_inputs")
          .addColumn("port", "text", (c) => c.primaryKey())
          .addColumn("state_json", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("ops_signals")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("as_of_s", "bigint", (c) => c.notNull())
          .addColumn("computed_s", "bigint", (c) => c.notNull())
          .addColumn("result_json", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("ops_signals_pk", ["port", "kind"])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const t of ["ops_signals", "ops_forecast_inputs", "ops_receiving_rules"])
          await db.schema.dropTable(t).execute();
      },
    },
    // Webhook alerts (issue 12): subscriptions, the outbox, delivery attempts.
    "0420_operations_alerts": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("ops_alert_subscriptions")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("url", "text", (c) => c.notNull())
          .addColumn("secret", "text", (c) => c.notNull())
          .addColumn("kinds_json", "text", (c) => c.notNull())
          .addColumn("owner", "text", (c) => c.notNull())
          .addColumn("created_s", "bigint", (c) => c.notNull())
          .addColumn("active", "integer", (c) => c.notNull())
          .addColumn("disabled_reason", "text")
          .execute();
        await db.schema
          .createIndex("ops_alert_subscriptions_port")
          .on("ops_alert_subscriptions")
          .columns(["port", "active"])
          .execute();
        await db.schema
          .createTable("ops_alert_watch")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("container_number", "text", (c) => c.notNull())
          .addColumn("subscription_id", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("ops_alert_watch_pk", ["port", "container_number", "subscription_id"])
          .execute();
        await db.schema
          .createIndex("ops_alert_watch_subscription")
          .on("ops_alert_watch")
          .column("subscription_id")
          .execute();
        await db.schema
          .createTable("ops_alert_outbox")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
          .addColumn("subscription_id", "text", (c) => c.notNull())
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("type", "text", (c) => c.notNull())
          .addColumn("data_json", "text", (c) => c.notNull())
          .addColumn("created_s", "bigint", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("attempts", "integer", (c) => c.notNull())
          .addColumn("next_attempt_s", "bigint")
          .execute();
        // The sender's question: what is pending and due.
        await db.schema
          .createIndex("ops_alert_outbox_due")
          .on("ops_alert_outbox")
          .columns(["status", "next_attempt_s"])
          .execute();
        await db.schema
          .createIndex("ops_alert_outbox_subscription")
          .on("ops_alert_outbox")
          .columns(["subscription_id", "created_s"])
          .execute();
        await db.schema
          .createTable("ops_alert_attempts")
          .addColumn("message_id", "text", (c) => c.notNull())
          .addColumn("attempt", "integer", (c) => c.notNull())
          .addColumn("at_s", "bigint", (c) => c.notNull())
          .addColumn("status_code", "integer")
          .addColumn("latency_ms", "integer", (c) => c.notNull())
          .addColumn("error", "text")
          .addPrimaryKeyConstraint("ops_alert_attempts_pk", ["message_id", "attempt"])
          .execute();
        // Turn-time p90 per terminal-hour reads the visits of the last hours (no hourly histogram is kept).
        await db.schema
          .createIndex("ops_truck_visits_gate_in")
          .on("ops_truck_visits")
          .columns(["port", "gate_in_s"])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropIndex("ops_truck_visits_gate_in").execute();
        for (const t of [
          "ops_alert_attempts",
          "ops_alert_outbox",
          "ops_alert_watch",
          "ops_alert_subscriptions",
        ])
          await db.schema.dropTable(t).execute();
      },
    },
    // Histograms packed: one row per terminal × metric × day (or month) holding its bins, instead of a
    // row per bin. An ingest batch then writes tens of rows, not tens of thousands, and a
    // terminal-month KPI reads ≤ one row per metric. The rows already stored are carried over.
    "0430_operations_packed_histograms": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("ops_histogram_bins")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("terminal", "text", (c) => c.notNull())
          .addColumn("metric", "text", (c) => c.notNull())
          .addColumn("grain", "text", (c) => c.notNull())
          .addColumn("period", "integer", (c) => c.notNull())
          .addColumn("bins_json", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("ops_histogram_bins_pk", ["port", "terminal", "metric", "grain", "period"])
          .execute();
        await db.schema
          .createIndex("ops_histogram_bins_period")
          .on("ops_histogram_bins")
          .columns(["port", "grain", "period"])
          .execute();
        for (const [grain, table] of ROW_PER_BIN_TABLES) {
          await packBins(db, table, grain);
          await db.schema.dropTable(table).execute();
        }
      },
      async down(db: Kysely<unknown>) {
        for (const [grain, table] of ROW_PER_BIN_TABLES) {
          await db.schema
            .createTable(table)
            .addColumn("port", "text", (c) => c.notNull())
            .addColumn("terminal", "text", (c) => c.notNull())
            .addColumn(grain, "integer", (c) => c.notNull())
            .addColumn("metric", "text", (c) => c.notNull())
            .addColumn("bin", "integer", (c) => c.notNull())
            .addColumn("count", "bigint", (c) => c.notNull())
            .addPrimaryKeyConstraint(`${table}_pk`, ["port", "terminal", "metric", grain, "bin"])
            .execute();
          await unpackBins(db, table, grain);
        }
        await db.schema.dropTable("ops_histogram_bins").execute();
      },
    },
    // Day sums beside the hour sums: the KPI page reads a terminal-month by day from 31 rows instead
    // of summing 744 hour rows on every request. Filled from the hour rows already stored.
    "0440_operations_daily": {
      async up(db: Kysely<unknown>) {
        let daily = db.schema
          .createTable("ops_daily")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("terminal", "text", (c) => c.notNull())
          .addColumn("day", "integer", (c) => c.notNull());
        for (const col of HOURLY_SUM_COLUMNS_0300)
          daily = daily.addColumn(col, "bigint", (c) => c.notNull().defaultTo(0));
        await daily.addPrimaryKeyConstraint("ops_daily_pk", ["port", "terminal", "day"]).execute();
        await db.schema.createIndex("ops_daily_day").on("ops_daily").columns(["port", "day"]).execute();
        const cols = sql.join(HOURLY_SUM_COLUMNS_0300.map((c) => sql.ref(c)));
        const sums = sql.join(HOURLY_SUM_COLUMNS_0300.map((c) => sql`sum(${sql.ref(c)})`));
        await sql`insert into ops_daily (port, terminal, day, ${cols})
          select port, terminal, day, ${sums} from ops_hourly group by port, terminal, day`.execute(db);
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable("ops_daily").execute();
      },
    },
    // A subscription can be re-enabled (after a 410 Gone, or disabled by a user): alerts are then
    // raised for what happens from the re-enabling on, not for what happened while it was off.
    // Until now that instant was the creation.
    "0720_operations_alert_since": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable("ops_alert_subscriptions")
          .addColumn("since_s", "bigint", (c) => c.notNull().defaultTo(0))
          .execute();
        await sql`update ops_alert_subscriptions set since_s = created_s`.execute(db);
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable("ops_alert_subscriptions").dropColumn("since_s").execute();
      },
    },
    // Truck visits name their trucking company (SCAC) when the gate data does (issue 14: a trucking
    // company's principal reads its own visits). Visits stored before: no company known.
    "0741_operations_visit_carrier": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("ops_truck_visits").addColumn("carrier_scac", "text").execute();
        await db.schema
          .createIndex("ops_truck_visits_carrier")
          .on("ops_truck_visits")
          .columns(["port", "carrier_scac", "gate_in_s"])
          .execute();
      },
    },
    // TEU handled (issue 15's emissions per TEU): the vessel moves' boxes by size, in quarter-TEU,
    // filled for the facts already stored as an ingest would have added them.
    "0750_operations_vessel_teu": {
      async up(db: Kysely<unknown>) {
        for (const table of ["ops_hourly", "ops_daily"])
          await db.schema
            .alterTable(table)
            .addColumn("vessel_teu_quarters", "bigint", (c) => c.notNull().defaultTo(0))
            .execute();
        await fillVesselTeu(db);
      },
      async down(db: Kysely<unknown>) {
        for (const table of ["ops_hourly", "ops_daily"])
          await db.schema.alterTable(table).dropColumn("vessel_teu_quarters").execute();
      },
    },
    // Facts keyed by a 53-bit integer key of their id (fact-keys.ts) in place of the id text: the
    // unique index an ingest writes in random order (ids are random UUIDs) shrinks to a third, and
    // the rows themselves are stored in arrival order. Gate moves name their visit by its key. The
    // rows already stored are carried over with their keys. Vessel moves are keyed hour first.
    "0760_operations_fact_keys": {
      async up(db: Kysely<unknown>) {
        for (const fact of FACT_TABLES) {
          await db.schema.alterTable(fact.table).renameTo(`${fact.table}_0300`).execute();
          await createFactTable(db, fact, "key");
        }
        await db.schema.alterTable("ops_gate_moves").renameTo("ops_gate_moves_0300").execute();
        await db.schema
          .createTable("ops_gate_moves")
          .addColumn("visit_key", "bigint", (c) => c.notNull())
          .addColumn("container_number", "text", (c) => c.notNull())
          .addColumn("direction", "text", (c) => c.notNull())
          .execute();
        for (const fact of FACT_TABLES)
          await copyFacts(db, fact, `${fact.table}_0300`, fact.id, (r, probe) =>
            factKey(String(r[fact.id]), probe),
          );
        await sql`insert into ops_gate_moves (visit_key, container_number, direction)
          select v.id_key, g.container_number, g.direction
          from ops_gate_moves_0300 g join ops_truck_visits v on v.visit_id = g.visit_id`.execute(db);
        for (const fact of FACT_TABLES) await db.schema.dropTable(`${fact.table}_0300`).execute();
        await db.schema.dropTable("ops_gate_moves_0300").execute();
        for (const fact of FACT_TABLES) await createFactIndexes(db, fact);
        await createGateMoveIndexes(db);
        // Vessel moves keyed by hour first: a batch's rows go to the end of the key, not to one
        // place per vessel (~700 pages dirtied per batch of a year at Los Angeles, now tens).
        await rekeyVesselMoves(db, ["port", "hour_s", "vessel_imo", "terminal"]);
      },
      async down(db: Kysely<unknown>) {
        await rekeyVesselMoves(db, ["port", "vessel_imo", "hour_s", "terminal"]);
        for (const fact of FACT_TABLES) {
          await db.schema.alterTable(fact.table).renameTo(`${fact.table}_0760`).execute();
          await createFactTable(db, fact, "id");
        }
        await db.schema.alterTable("ops_gate_moves").renameTo("ops_gate_moves_0760").execute();
        await db.schema
          .createTable("ops_gate_moves")
          .addColumn("visit_id", "text", (c) => c.notNull())
          .addColumn("container_number", "text", (c) => c.notNull())
          .addColumn("direction", "text", (c) => c.notNull())
          .execute();
        for (const fact of FACT_TABLES) await copyFacts(db, fact, `${fact.table}_0760`, fact.id, null);
        await sql`insert into ops_gate_moves (visit_id, container_number, direction)
          select v.visit_id, g.container_number, g.direction
          from ops_gate_moves_0760 g join ops_truck_visits_0760 v on v.id_key = g.visit_key`.execute(db);
        for (const fact of FACT_TABLES) await db.schema.dropTable(`${fact.table}_0760`).execute();
        await db.schema.dropTable("ops_gate_moves_0760").execute();
        for (const fact of FACT_TABLES) await createFactIndexes(db, fact);
        await createGateMoveIndexes(db);
      },
    },
    // The KPI read of the port calls' moves by vessel: a terminal-month's calls name tens of vessels,
    // and the hour-first key (0760) held every terminal's moves of the month (~10,000 rows a month at
    // Los Angeles) to be read for them.
    // A call's moves are read by vessel (the KPI read of a terminal-month). The trade-off: this index
    // is written at one place per vessel again, as 0760's key was before it went hour first; the
    // rows per batch are few (one per vessel, terminal and hour), and the read went from every
    // terminal's moves of the month to the call's own.
    "0790_operations_vessel_moves_by_vessel": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex("ops_vessel_moves_vessel")
          .on("ops_vessel_moves")
          .columns(["port", "vessel_imo", "hour_s"])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropIndex("ops_vessel_moves_vessel").execute();
      },
    },
    // Facts keyed time first (fact-keys.ts `timeFactKey`: the hour of the fact's time, then its id's
    // hash): a feed in time order writes the key's unique index near its end, not at random places
    // (1 M events: 7.5 s of CPU on that index with 0760's key, 3.6 s time first). The identity of a
    // fact becomes its id and the hour of its time — fact-keys.ts says why that holds for DCSA
    // T&T 2.2.0 and what happens to an id sent again with another time. Stored facts are given their
    // new keys (gate moves follow their visit's).
    "0792_operations_fact_time_keys": {
      async up(db: Kysely<unknown>) {
        await rekeyFacts(
          db,
          "0792",
          (fact) => (r, probe) => timeFactKey(Number(r[fact.time]), String(r[fact.id]), probe),
        );
      },
      async down(db: Kysely<unknown>) {
        await rekeyFacts(db, "0792", (fact) => (r, probe) => factKey(String(r[fact.id]), probe));
      },
    },
    // 0790's index with the move counts in it: a call's sum is read from the index alone, not from
    // a table row per vessel-hour (a terminal-month's 31 calls: 0.24 → 0.13 ms in SQLite).
    "0793_operations_vessel_moves_covering": {
      async up(db: Kysely<unknown>) {
        await db.schema.dropIndex("ops_vessel_moves_vessel").execute();
        await db.schema
          .createIndex("ops_vessel_moves_vessel")
          .on("ops_vessel_moves")
          .columns(["port", "vessel_imo", "hour_s", "discharges", "loads"])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropIndex("ops_vessel_moves_vessel").execute();
        await db.schema
          .createIndex("ops_vessel_moves_vessel")
          .on("ops_vessel_moves")
          .columns(["port", "vessel_imo", "hour_s"])
          .execute();
      },
    },
    // The exits still waiting for their discharge (rollup.ts UNPAIRED_EXIT_DAYS), by time: each
    // ingest drops the ones past the wait from the old end of this index. Before it, a gate-out told
    // twice (GTOT event and gate visit) left an exit-only state for nearly every box trucked out.
    "0794_operations_unpaired_exits": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex("ops_container_state_unpaired")
          .on("ops_container_state")
          .columns(["port", "exit_s"])
          .where(sql.ref("discharge_s"), "is", null)
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropIndex("ops_container_state_unpaired").execute();
      },
    },
  };
}

/**
 * 0750 up: each stored vessel discharge / load adds its box's quarter-TEU to the hour and day rows
 * its ingest added its move to. An event stored without a port counted for the port its ingest
 * named, which is the one port whose rollups hold its terminal (a terminal belongs to one port).
 */
export async function fillVesselTeu(db: Kysely<unknown>): Promise<void> {
  // Imported here: store.ts imports this module's column list at load time.
  const { eventFromStoredRow } = await import("./store.ts");
  const { loadPortRegistry } = await import("../../geo/index.ts");
  const { clockFor, vesselMoveTeuQuarters } = await import("../../operations/index.ts");
  const q = db as unknown as Kysely<OperationsDatabase>;
  const registry = loadPortRegistry();
  const portsOf = new Map<string, string[]>();
  for (const r of await q.selectFrom("ops_hourly").select(["port", "terminal"]).distinct().execute())
    portsOf.set(r.terminal, [...(portsOf.get(r.terminal) ?? []), r.port]);
  const hours = new Map<
    string,
    { port: string; terminal: string; day: number; hour: number; quarters: number }
  >();
  let after = "";
  for (;;) {
    const rows = await q
      .selectFrom("ops_events")
      .selectAll()
      .where("event_code", "in", ["DISC", "LOAD"])
      .where("event_id", ">", after)
      .orderBy("event_id")
      .limit(5000)
      .execute();
    for (const row of rows) {
      const e = eventFromStoredRow(row);
      const owners = portsOf.get(e.terminal ?? "") ?? [];
      const port = e.port ?? (owners.length === 1 ? owners[0] : undefined);
      const timeZone = port === undefined ? undefined : registry.get(port)?.timeZone;
      if (port === undefined || timeZone === undefined) continue;
      const quarters = vesselMoveTeuQuarters(port, e);
      if (quarters === 0) continue;
      const { day, hour } = clockFor(timeZone)(e.eventAtS);
      const terminal = e.terminal ?? "";
      const key = `${port}|${terminal}|${day}|${hour}`;
      const h = hours.get(key) ?? { port, terminal, day, hour, quarters: 0 };
      h.quarters += quarters;
      hours.set(key, h);
    }
    if (rows.length < 5000) break;
    after = rows[rows.length - 1]?.event_id ?? after;
  }
  const days = new Map<string, { port: string; terminal: string; day: number; quarters: number }>();
  for (const h of hours.values()) {
    await q
      .updateTable("ops_hourly")
      .set({ vessel_teu_quarters: h.quarters })
      .where("port", "=", h.port)
      .where("terminal", "=", h.terminal)
      .where("day", "=", h.day)
      .where("hour", "=", h.hour)
      .execute();
    const key = `${h.port}|${h.terminal}|${h.day}`;
    const d = days.get(key) ?? { port: h.port, terminal: h.terminal, day: h.day, quarters: 0 };
    d.quarters += h.quarters;
    days.set(key, d);
  }
  for (const d of days.values())
    await q
      .updateTable("ops_daily")
      .set({ vessel_teu_quarters: d.quarters })
      .where("port", "=", d.port)
      .where("terminal", "=", d.terminal)
      .where("day", "=", d.day)
      .execute();
}

/** The row-per-bin histogram tables of 0300, by grain (their period column is named after it). */
const ROW_PER_BIN_TABLES = [
  ["day", "ops_histograms"],
  ["month", "ops_histograms_monthly"],
] as const;

type Row = Record<string, string | number>;

/** 0430 up: a 0300 row-per-bin table into ops_histogram_bins, a terminal × metric × period a row. */
async function packBins(db: Kysely<unknown>, from: string, grain: "day" | "month"): Promise<void> {
  const q = db as Kysely<Record<string, Row>>;
  const rows = await q
    .selectFrom(from)
    .select(["port", "terminal", "metric", grain, "bin", "count"])
    .execute();
  const packed = new Map<string, { row: Row; bins: Record<string, number> }>();
  for (const r of rows) {
    const key = `${r.port}|${r.terminal}|${r.metric}|${r[grain]}`;
    let p = packed.get(key);
    if (!p) {
      p = {
        row: { port: r.port, terminal: r.terminal, metric: r.metric, grain, period: Number(r[grain]) },
        bins: {},
      };
      packed.set(key, p);
    }
    p.bins[String(r.bin)] = Number(r.count);
  }
  const out = [...packed.values()].map((p) => ({ ...p.row, bins_json: JSON.stringify(p.bins) }));
  for (let i = 0; i < out.length; i += 400)
    await q
      .insertInto("ops_histogram_bins")
      .values(out.slice(i, i + 400))
      .execute();
}

/** 0430 down: ops_histogram_bins of one grain back into its 0300 row-per-bin table. */
async function unpackBins(db: Kysely<unknown>, to: string, grain: "day" | "month"): Promise<void> {
  const q = db as Kysely<Record<string, Row>>;
  const rows = await q.selectFrom("ops_histogram_bins").selectAll().where("grain", "=", grain).execute();
  const out = rows.flatMap((r) =>
    Object.entries(JSON.parse(String(r.bins_json)) as Record<string, number>).map(
      ([bin, count]): Row => ({
        port: String(r.port),
        terminal: String(r.terminal),
        metric: String(r.metric),
        [grain]: Number(r.period),
        bin: Number(bin),
        count,
      }),
    ),
  );
  for (let i = 0; i < out.length; i += 400)
    await q
      .insertInto(to)
      .values(out.slice(i, i + 400))
      .execute();
}

/** ops_vessel_moves rebuilt with its primary key on `key` (0300: vessel first; 0760: hour first). */
type VesselMoveColumn = "port" | "terminal" | "vessel_imo" | "hour_s";
async function rekeyVesselMoves(db: Kysely<unknown>, key: VesselMoveColumn[]): Promise<void> {
  // PostgreSQL names the key's index after the constraint: the renamed table still holds the old name.
  const name = key[1] === "hour_s" ? "ops_vessel_moves_hour_pk" : "ops_vessel_moves_pk";
  await db.schema.alterTable("ops_vessel_moves").renameTo("ops_vessel_moves_old").execute();
  await db.schema
    .createTable("ops_vessel_moves")
    .addColumn("port", "text", (c) => c.notNull())
    .addColumn("terminal", "text", (c) => c.notNull())
    .addColumn("vessel_imo", "integer", (c) => c.notNull())
    .addColumn("hour_s", "bigint", (c) => c.notNull())
    .addColumn("discharges", "bigint", (c) => c.notNull())
    .addColumn("loads", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint(name, key)
    .execute();
  await sql`insert into ops_vessel_moves (port, terminal, vessel_imo, hour_s, discharges, loads)
    select port, terminal, vessel_imo, hour_s, discharges, loads from ops_vessel_moves_old`.execute(db);
  await db.schema.dropTable("ops_vessel_moves_old").execute();
}

/** The fact tables (0300) and their columns; `id` names the fact's id column, `time` its time's (0792's key). */
const FACT_TABLES = [
  {
    table: "ops_events",
    id: "event_id",
    time: "event_s",
    columns: [
      ["port", "text", false],
      ["terminal", "text", false],
      ["event_s", "bigint", true],
      ["event_code", "text", true],
      ["container_number", "text", false],
      ["bl", "text", false],
      ["booking", "text", false],
      ["record_json", "text", true],
    ],
  },
  {
    table: "ops_truck_visits",
    id: "visit_id",
    time: "gate_in_s",
    columns: [
      ["port", "text", true],
      ["terminal", "text", true],
      ["gate_in_s", "bigint", true],
      ["carrier_scac", "text", false],
      ["record_json", "text", true],
    ],
  },
  {
    table: "ops_rail_moves",
    id: "move_id",
    time: "at_s",
    columns: [
      ["port", "text", true],
      ["terminal", "text", true],
      ["container_number", "text", true],
      ["at_s", "bigint", true],
      ["record_json", "text", true],
    ],
  },
] as const;
type FactTable = (typeof FACT_TABLES)[number];

/**
 * A fact table keyed by its id text (0300: `id`) or by the id's key (0760: `key`, the id kept as a
 * plain column). Its other indexes are made after its rows are copied in (createFactIndexes).
 */
async function createFactTable(db: Kysely<unknown>, fact: FactTable, keyed: "id" | "key"): Promise<void> {
  let t = db.schema.createTable(fact.table);
  if (keyed === "key")
    t = t.addColumn("id_key", "bigint", (c) => c.notNull()).addColumn(fact.id, "text", (c) => c.notNull());
  else t = t.addColumn(fact.id, "text", (c) => c.primaryKey());
  for (const [name, type, notNull] of fact.columns)
    t = t.addColumn(name, type, (c) => (notNull ? c.notNull() : c));
  await t.execute();
  // Made before the rows are copied in: the copy looks keys up in it.
  if (keyed === "key")
    await db.schema.createIndex(`${fact.table}_key`).on(fact.table).column("id_key").unique().execute();
}

/** The indexes of 0300 and 0420 on a fact table (its key's unique index is made with the table). */
async function createFactIndexes(db: Kysely<unknown>, fact: FactTable): Promise<void> {
  if (fact.table === "ops_events") {
    await db.schema
      .createIndex("ops_events_container_number")
      .on("ops_events")
      .column("container_number")
      .execute();
    for (const col of ["bl", "booking"])
      await db.schema
        .createIndex(`ops_events_${col}`)
        .on("ops_events")
        .column(col)
        .where(sql.ref(col), "is not", null)
        .execute();
  } else if (fact.table === "ops_truck_visits") {
    await db.schema
      .createIndex("ops_truck_visits_gate_in")
      .on("ops_truck_visits")
      .columns(["port", "gate_in_s"])
      .execute();
    // 0741's: a trucking company's own visits.
    await db.schema
      .createIndex("ops_truck_visits_carrier")
      .on("ops_truck_visits")
      .columns(["port", "carrier_scac", "gate_in_s"])
      .execute();
  } else
    await db.schema
      .createIndex("ops_rail_moves_container")
      .on("ops_rail_moves")
      .column("container_number")
      .execute();
}

async function createGateMoveIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("ops_gate_moves_container")
    .on("ops_gate_moves")
    .column("container_number")
    .execute();
}

/**
 * Copies the rows of a renamed fact table (`from`) into the new one, 5,000 at a time in the order
 * of `pageBy` (an indexed column of `from`): with `keyOf`, each gets its key as an ingest would
 * (fact-keys.ts, probing on a collision); without, the keys are left behind (an id-keyed table).
 */
async function copyFacts(
  db: Kysely<unknown>,
  fact: FactTable,
  from: string,
  pageBy: string,
  keyOf: ((row: Row, probe: number) => number) | null,
): Promise<void> {
  const q = db as Kysely<Record<string, Row>>;
  const columns = [fact.id, ...fact.columns.map(([name]) => name)];
  let after: string | number | null = null;
  for (;;) {
    let page = q
      .selectFrom(from)
      .select([...new Set([pageBy, ...columns])])
      .orderBy(pageBy)
      .limit(5000);
    if (after !== null) page = page.where(pageBy, ">", after);
    const rows = await page.execute();
    const last = rows.at(-1);
    if (last === undefined) return;
    after = pageBy === fact.id ? String(last[pageBy]) : Number(last[pageBy]);
    const bare = (r: Row) => Object.fromEntries(columns.map((c) => [c, r[c]])) as Row;
    const out =
      keyOf === null
        ? rows.map(bare)
        : (
            await freshKeys(
              rows,
              (r) => String(r[fact.id]),
              keyOf,
              async (keys) => {
                const stored = new Map<number, string>();
                for (let i = 0; i < keys.length; i += 400) {
                  const found = await q
                    .selectFrom(fact.table)
                    .select(["id_key", fact.id])
                    .where("id_key", "in", keys.slice(i, i + 400))
                    .execute();
                  for (const r of found) stored.set(Number(r.id_key), String(r[fact.id]));
                }
                return stored;
              },
            )
          ).map(({ item, key }) => ({ id_key: key, ...bare(item) }));
    for (let i = 0; i < out.length; i += 400)
      await q
        .insertInto(fact.table)
        .values(out.slice(i, i + 400))
        .execute();
  }
}

/**
 * Rebuilds the fact tables (0760 layout) with each fact's key given by `keyOf`, and the gate moves
 * naming their visit by its new key: each table renamed to `<table>_<suffix>`, made again, its rows
 * copied over in key order, the old one dropped, the indexes made on the new one.
 */
async function rekeyFacts(
  db: Kysely<unknown>,
  suffix: string,
  keyOf: (fact: FactTable) => (row: Row, probe: number) => number,
): Promise<void> {
  for (const fact of FACT_TABLES) {
    await db.schema.alterTable(fact.table).renameTo(`${fact.table}_${suffix}`).execute();
    // Index names are the schema's, not the table's: the old key index goes before the new is made,
    // and the old table gets one of its own name, which copyFacts pages by (without it, each page of
    // 5,000 would scan and sort the whole table).
    await db.schema.dropIndex(`${fact.table}_key`).execute();
    await db.schema
      .createIndex(`${fact.table}_${suffix}_key`)
      .on(`${fact.table}_${suffix}`)
      .column("id_key")
      .execute();
    await createFactTable(db, fact, "key");
  }
  await db.schema.alterTable("ops_gate_moves").renameTo(`ops_gate_moves_${suffix}`).execute();
  await db.schema.dropIndex("ops_gate_moves_container").execute();
  await db.schema
    .createTable("ops_gate_moves")
    .addColumn("visit_key", "bigint", (c) => c.notNull())
    .addColumn("container_number", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .execute();
  for (const fact of FACT_TABLES) await copyFacts(db, fact, `${fact.table}_${suffix}`, "id_key", keyOf(fact));
  await sql`insert into ops_gate_moves (visit_key, container_number, direction)
    select v.id_key, g.container_number, g.direction
    from ${sql.table(`ops_gate_moves_${suffix}`)} g
    join ${sql.table(`ops_truck_visits_${suffix}`)} o on o.id_key = g.visit_key
    join ops_truck_visits v on v.visit_id = o.visit_id`.execute(db);
  for (const fact of FACT_TABLES) await db.schema.dropTable(`${fact.table}_${suffix}`).execute();
  await db.schema.dropTable(`ops_gate_moves_${suffix}`).execute();
  for (const fact of FACT_TABLES) await createFactIndexes(db, fact);
  await createGateMoveIndexes(db);
}

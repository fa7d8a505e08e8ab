/**
 * Facts keyed by a 53-bit key (fact-keys.ts): 0760's the hash of their id (cyrb53 as published),
 * 0792's time first (the hour of the fact's time, then the hash); two ids on one key are both stored
 * (the later one on its next probe) and each is a duplicate when ingested again; an id sent again
 * with another time is a duplicate in the same hour and a second fact in another; facts stored
 * before 0760 (id-keyed tables) read back the same after 0760 and 0792, with 0792's keys, and
 * ingesting them again adds nothing. Run on SQLite and PostgreSQL.
 */
import { Kysely, Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabaseKinds } from "../../../test/helpers/databases.ts";
import { BOX, event, operationsDay, PORT, parsedOf, ZONE } from "../../../test/helpers/operations.ts";
import { ingestOperations } from "../../operations/index.ts";
import { openDialect } from "../dialect.ts";
import { openStore, type Store } from "../index.ts";
import { migrationsFor } from "../migrator.ts";
import { factKey, freshKeys, timeFactKey } from "./fact-keys.ts";

const options = { port: PORT, timeZone: ZONE };

describe("factKey", () => {
  it("is cyrb53 (bryc's published values) seeded with the probe number", () => {
    // https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js: cyrb53('a') = 7929297801672961,
    // cyrb53('b') = 8684336938537663, cyrb53('revenge') = 4051478007546757, cyrb53('revenue') = 8309097637345594.
    expect(factKey("a", 0)).toBe(7929297801672961);
    expect(factKey("b", 0)).toBe(8684336938537663);
    expect(factKey("revenge", 0)).toBe(4051478007546757);
    expect(factKey("revenue", 0)).toBe(8309097637345594);
    // Another probe, another key; all below 2^53 (exact in a double and in a 64-bit integer).
    expect(factKey("a", 1)).not.toBe(factKey("a", 0));
    expect(factKey("a", 1)).toBeLessThan(2 ** 53);
  });
});

describe("timeFactKey", () => {
  it("is the hour since 1970 times 2^33 plus the id's hash mod 2^33", () => {
    // cyrb53('a') = 7929297801672961; mod 2^33 (8589934592) = 6489209089 (7929297801672961 − 923091 × 2^33).
    expect(timeFactKey(0, "a", 0)).toBe(6489209089);
    expect(timeFactKey(3600, "a", 0)).toBe(8589934592 + 6489209089);
    expect(timeFactKey(7199, "a", 0)).toBe(8589934592 + 6489209089); // the same hour
    // 2026-03-10T16:05:00Z = 1,773,158,700 s → hour 492,544.
    expect(Math.floor(timeFactKey(1_773_158_700, "b", 0) / 2 ** 33)).toBe(492_544);
    // Time first: any id of a later hour sorts after every id of an earlier hour.
    expect(timeFactKey(7200, "a", 0)).toBeGreaterThan(timeFactKey(3600, "revenue", 0));
    // Before 1970 the first hour, past 2089 the last: still below 2^53.
    expect(timeFactKey(-5, "a", 0)).toBe(timeFactKey(0, "a", 0));
    expect(timeFactKey(4e9, "a", 1)).toBeLessThan(2 ** 53);
  });
});

describe("freshKeys", () => {
  it("drops stored and repeated ids and probes past a key another id holds", async () => {
    const stored = new Map<number, string>([
      [factKey("stored", 0), "stored"],
      [factKey("new-on-a-taken-key", 0), "another id"],
    ]);
    const asked: number[][] = [];
    const fresh = await freshKeys(
      ["new", "stored", "new", "new-on-a-taken-key"],
      String,
      factKey,
      async (keys) => {
        asked.push(keys);
        return new Map(keys.flatMap((k) => (stored.has(k) ? [[k, stored.get(k) as string] as const] : [])));
      },
    );
    expect(fresh).toEqual([
      { item: "new", key: factKey("new", 0) },
      { item: "new-on-a-taken-key", key: factKey("new-on-a-taken-key", 1) },
    ]);
    // One look-up for the batch, one more for the probed id.
    expect(asked).toEqual([
      ["new", "stored", "new", "new-on-a-taken-key"].map((id) => factKey(id, 0)),
      [factKey("new-on-a-taken-key", 1)],
    ]);
  });
});

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`fact keys on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;
    const day = operationsDay();

    beforeAll(async () => {
      // Reference rows: the day stored by today's store in a database of its own.
      const reference = await kind.create();
      const refStore = openStore({ databaseUrl: reference.url });
      await refStore.migrate();
      await ingestOperations(refStore.operations, parsedOf(day), { ...options, file: "day.json" });
      const ref = new Kysely<Record<string, Record<string, unknown>>>({
        dialect: openDialect(reference.url).dialect,
      });
      const rows = async (table: string) => ref.selectFrom(table).selectAll().execute();
      const events = await rows("ops_events");
      const visits = await rows("ops_truck_visits");
      const rail = await rows("ops_rail_moves");
      const gate = await rows("ops_gate_moves");
      await ref.destroy();
      await refStore.close();
      await reference.drop();

      // The database as 0750 left it (facts keyed by their id text), holding the same facts.
      db = await kind.create();
      const kysely = new Kysely<Record<string, Record<string, unknown>>>({
        dialect: openDialect(db.url).dialect,
      });
      const migrator = new Migrator({
        db: kysely,
        provider: { getMigrations: async () => migrationsFor(kind.kind) },
      });
      expect((await migrator.migrateTo("0750_operations_vessel_teu")).error).toBeUndefined();
      const withoutKey = (r: Record<string, unknown>) => {
        const { id_key: _, ...rest } = r;
        return rest;
      };
      await kysely.insertInto("ops_events").values(events.map(withoutKey)).execute();
      await kysely.insertInto("ops_truck_visits").values(visits.map(withoutKey)).execute();
      await kysely.insertInto("ops_rail_moves").values(rail.map(withoutKey)).execute();
      const visitIdOf = new Map(visits.map((v) => [Number(v.id_key), v.visit_id]));
      await kysely
        .insertInto("ops_gate_moves")
        .values(
          gate.map((g) => ({
            visit_id: visitIdOf.get(Number(g.visit_key)),
            container_number: g.container_number,
            direction: g.direction,
          })),
        )
        .execute();
      await kysely.destroy();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("reads back the facts stored before 0760, and ingesting them again adds nothing", async () => {
      const facts = await store.operations.containerFacts([BOX.A], []);
      expect(facts.events.map((e) => e.eventId).sort()).toEqual(
        day.events
          .filter((e) => e.containerNumber === BOX.A)
          .map((e) => e.eventId)
          .sort(),
      );
      expect(facts.visits.length).toBeGreaterThan(0);
      expect(facts.visits).toEqual(
        day.visits.filter((v) => v.moves.some((m) => m.containerNumber === BOX.A)),
      );
      const again = await ingestOperations(store.operations, parsedOf(day), {
        ...options,
        file: "again.json",
      });
      expect(again).toMatchObject({ accepted: 0, duplicates: again.read });
      // Keyed as 0792 keys them: time first, probe 0 (no two of these ids share a key).
      const keys = await sql<{ id_key: number | string; event_id: string; event_s: number | string }>`
        select id_key, event_id, event_s from ops_events`.execute(store.db);
      expect(keys.rows.length).toBe(day.events.length);
      for (const r of keys.rows) expect(Number(r.id_key)).toBe(timeFactKey(Number(r.event_s), r.event_id, 0));
    });

    it("takes an id sent again with another time as a duplicate in the same hour, a second fact in another", async () => {
      const first = event({
        eventId: "0d8e5f1a-0000-4000-a000-00000000d001",
        eventCode: "GTIN",
        eventAtS: 1_767_310_000, // 2026-01-01T23:26:40Z
        containerNumber: BOX.X,
        mode: "TRUCK",
      });
      const sameHour = { ...first, eventAtS: first.eventAtS + 600 }; // 23:36:40Z
      const nextHour = { ...first, eventAtS: first.eventAtS + 3600 }; // 2026-01-02T00:26:40Z
      const a = await ingestOperations(store.operations, parsedOf({ events: [first] }), {
        ...options,
        file: "a",
      });
      expect(a).toMatchObject({ accepted: 1, duplicates: 0 });
      const b = await ingestOperations(store.operations, parsedOf({ events: [sameHour] }), {
        ...options,
        file: "b",
      });
      expect(b).toMatchObject({ accepted: 0, duplicates: 1 });
      // Not detected (fact-keys.ts says why): stored beside the first.
      const c = await ingestOperations(store.operations, parsedOf({ events: [nextHour] }), {
        ...options,
        file: "c",
      });
      expect(c).toMatchObject({ accepted: 1, duplicates: 0 });
      const facts = await store.operations.containerFacts([BOX.X], []);
      expect(facts.events.filter((x) => x.eventId === first.eventId).map((x) => x.eventAtS)).toEqual([
        first.eventAtS,
        nextHour.eventAtS,
      ]);
    });

    it("stores an id whose key another id holds on its next probe; again it is a duplicate", async () => {
      const e = event({
        eventId: "6f1c2a44-0000-4000-a000-00000000c011",
        eventCode: "GTIN",
        eventAtS: 1_767_300_000,
        containerNumber: BOX.X,
        mode: "TRUCK",
      });
      // Another id already on this id's first key (as a 53-bit collision would leave it).
      await sql`insert into ops_events (id_key, event_id, port, terminal, event_s, event_code, container_number, bl, booking, record_json)
        values (${timeFactKey(e.eventAtS, e.eventId, 0)}, ${"someone-else"}, ${PORT}, ${null}, ${1}, ${"GTIN"}, ${null}, ${null}, ${null}, ${'{"source":"dcsa","eventType":"EQUIPMENT"}'})`.execute(
        store.db,
      );
      const first = await ingestOperations(store.operations, parsedOf({ events: [e] }), {
        ...options,
        file: "probe.json",
      });
      expect(first).toMatchObject({ read: 1, accepted: 1, duplicates: 0 });
      const second = await ingestOperations(store.operations, parsedOf({ events: [e, e] }), {
        ...options,
        file: "probe.json",
      });
      expect(second).toMatchObject({ read: 2, accepted: 0, duplicates: 2 });
      const facts = await store.operations.containerFacts([e.containerNumber as string], []);
      expect(facts.events.filter((x) => x.eventId === e.eventId)).toHaveLength(1);
    });
  });
}

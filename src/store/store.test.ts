import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_AT_B291D57 } from "../../test/fixtures/store/read-store.ts";
import { type TestDatabase, testDatabaseKinds } from "../../test/helpers/databases.ts";
import { samplePort } from "../../test/helpers/ports.ts";
import { openStore, type Store } from "./index.ts";
import { migrationsFor } from "./migrator.ts";

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`store on ${kind.kind}`, () => {
    let database: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      database = await kind.create();
      store = openStore({ databaseUrl: database.url });
    });
    afterAll(async () => {
      await store?.close();
      await database?.drop();
    });

    it("applies every migration once, in order", async () => {
      // Names and order may never change: databases that exist already have run them.
      expect(Object.keys(migrationsFor(kind.kind))).toEqual([
        ...MIGRATIONS_AT_B291D57,
        "0300_operations",
        "0310_operations_signals",
        "0400_transition_fleet",
        "0410_transition_scenarios",
        "0420_operations_alerts",
        "0430_operations_packed_histograms",
        "0440_operations_daily",
        "0600_exchange",
        "0700_access",
        "0720_operations_alert_since",
        "0730_exchange_peer_keys",
        "0740_access_audit_paging",
        "0741_operations_visit_carrier",
        "0750_operations_vessel_teu",
        "0760_operations_fact_keys",
        "0790_operations_vessel_moves_by_vessel",
        "0791_calls_berth_arrival",
        "0792_operations_fact_time_keys",
        "0793_operations_vessel_moves_covering",
        "0794_operations_unpaired_exits",
      ]);
      expect(await store.migrationStatus()).toEqual({
        applied: [],
        pending: Object.keys(migrationsFor(kind.kind)),
      });
      expect(await store.migrate()).toEqual(Object.keys(migrationsFor(kind.kind)));
      expect(await store.migrate()).toEqual([]);
      expect((await store.migrationStatus()).pending).toEqual([]);
      expect(store.kind).toBe(kind.kind);
    });

    it("stores ports once: re-loading the same registry changes nothing", async () => {
      const la = samplePort();
      const ngo = samplePort({
        locode: "JPNGO",
        name: { en: "Port of Nagoya", ja: "名古屋港" },
        timeZone: "Asia/Tokyo",
      });
      expect(await store.ports.upsertPorts([la, ngo])).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
      expect(await store.ports.upsertPorts([la, ngo])).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
      const changed = { ...ngo, zoom: 10.5 };
      expect(await store.ports.upsertPorts([la, changed])).toEqual({ inserted: 0, updated: 1, unchanged: 1 });

      const listed = await store.ports.listPorts();
      expect(listed.map((p) => p.locode)).toEqual(["USLAX", "JPNGO"]);
      expect(await store.ports.getPort("JPNGO")).toEqual(changed);
      expect(await store.ports.getPort("USLAX")).toEqual(la);
      expect(await store.ports.getPort("XXXXX")).toBeUndefined();
    });

    it("keeps what was stored when a write fails part-way (one transaction)", async () => {
      const before = await store.ports.listPorts();
      const good = { ...samplePort(), zoom: 3 };
      // name_en is NOT NULL (a JSON null gets past the types): the second record fails after the
      // first was written in the transaction.
      const bad = { ...samplePort({ locode: "JPNGO" }), name: { en: JSON.parse("null"), ja: "x" } };
      await expect(store.ports.upsertPorts([good, bad])).rejects.toThrow();
      expect(await store.ports.listPorts()).toEqual(before);
    });
  });
}

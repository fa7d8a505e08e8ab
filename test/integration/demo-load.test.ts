/** First start: the demo world goes into an empty database once, and never over real data. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoGeographyExtras, loadDemoIfEmpty } from "../../src/cli/demo-load.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

describe("demo data on first start", () => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await testDatabaseKinds()[0]!.create();
    store = openStore({ databaseUrl: database.url });
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it("loads both ports' traffic ending at the given time, with particulars, and only once", async () => {
    const end = new Date("2026-11-27T04:30:00Z");
    expect(await demoGeographyExtras(store.ais)).toBeUndefined();
    const first = await loadDemoIfEmpty(store.ais, { seed: 7, days: 0.5, scale: 0.5, end });
    expect(first).not.toBeNull();
    expect(first!.window).toEqual({ from: "2026-11-26T16:00:00.000Z", to: "2026-11-27T04:00:00.000Z" });
    expect(first!.counts.accepted).toBeGreaterThan(1000);
    expect(first!.counts.read).toBe(
      first!.counts.accepted + first!.counts.rejected + first!.counts.duplicates,
    );
    expect(first!.particulars).toBeGreaterThan(0);
    // Vessels are where the ports are, and the newest report is at the end of the window.
    const la = await store.ais.latestPositions(0, [-119.2, 32.9, -117.4, 34.4]);
    const nagoya = await store.ais.latestPositions(0, [136.4, 34.2, 137.3, 35.2]);
    expect(la.length).toBeGreaterThan(5);
    expect(nagoya.length).toBeGreaterThan(5);
    const newest = Math.max(...[...la, ...nagoya].map((p) => p.timeS));
    expect(newest).toBeGreaterThan(Date.parse("2026-11-27T03:00:00Z") / 1000);
    expect(newest).toBeLessThanOrEqual(Date.parse("2026-11-27T04:00:00Z") / 1000);
    expect(await loadDemoIfEmpty(store.ais, { seed: 7, days: 0.5, scale: 0.5, end })).toBeNull();
    expect((await store.ais.ingestRuns(5)).map((r) => r.kind)).toEqual(["demo"]);
    // With demo data loaded, port calls also know the demo's hand-placed berths and anchorages.
    const extras = await demoGeographyExtras(store.ais);
    expect(Object.keys(extras ?? {}).sort()).toEqual(["JPNGO", "USLAX"]);
    expect(extras!.JPNGO!.some((f) => f.properties.kind === "anchorage")).toBe(true);
  });
});

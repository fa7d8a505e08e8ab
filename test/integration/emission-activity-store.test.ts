/**
 * Non-ship activity on SQLite and PostgreSQL: files (plain, .gz, .zip) imported with counts that
 * balance, re-import adds nothing, a changed row updates, rejects are stored per file, month ranges
 * load the right records, and the stored activity computes the same lines as the parsed one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  computeNonshipLines,
  type EmissionActivityStore,
  importActivityFile,
  loadNonshipTables,
  portGridFactor,
} from "../../src/emissions/nonship/index.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { writeZip } from "../helpers/zip.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-activity-"));
const terminals = new Set(["uslax-terminal-yti", "uslax-terminal-fenix"]);

const CHE = [
  "unit_id,terminal,equipment_type,powertrain,rated_hp,model_year,year,month,hours,energy_kwh",
  "YT-1,uslax-terminal-yti,yard tractor,diesel,200,2018,2025,1,150,",
  "YT-1,uslax-terminal-yti,yard tractor,diesel,200,2018,2025,2,140,",
  "YT-2,uslax-terminal-fenix,yard tractor,battery-electric,,,2025,1,160,21000",
  "YT-3,uslax-terminal-yti,yard tractor,diesel,200,2015,2024,,1800,",
  "BAD-1,uslax-terminal-yti,crane thing,diesel,200,2018,2025,1,150,",
  "BAD-2,nowhere,yard tractor,diesel,200,2018,2025,1,150,",
  "YT-1,uslax-terminal-yti,yard tractor,diesel,200,2018,2025,1,150,",
].join("\n");

const FACTORS = [
  "category,key,pollutant,value,unit,source",
  "drayage,diesel,NOx,2.5,g/mi,test",
  "drayage,diesel,NOx,20,g/h,test",
].join("\n");

const DRAYAGE = [
  "terminal,year,month,powertrain,model_year_group,gate_visits,one_way_mi,idle_min_per_visit",
  "uslax-terminal-yti,2025,1,diesel,2014+,10000,3,30",
  "uslax-terminal-yti,2025,3,diesel,2014+,11000,3,30",
].join("\n");

function write(name: string, text: string, how: "plain" | "gz" | "zip" = "plain"): string {
  const file = path.join(dir, name);
  if (how === "gz") fs.writeFileSync(file, gzipSync(Buffer.from(text)));
  else if (how === "zip") writeZip(file, "activity.csv", Buffer.from(text));
  else fs.writeFileSync(file, text);
  return file;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`emission activity store on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;
    let activity: EmissionActivityStore;
    beforeAll(async () => {
      db = await kind.create();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
      activity = store.emissionActivity;
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("imports with balanced counts; re-importing adds nothing, whatever the compression", async () => {
      const plain = write("che.csv", CHE);
      const first = await importActivityFile(activity, {
        port: "USLAX",
        kind: "che",
        file: plain,
        terminals,
      });
      expect(first.counts).toEqual({
        read: 7,
        accepted: 4,
        added: 4,
        updated: 0,
        rejected: 2,
        duplicates: 1,
      });
      const again = await importActivityFile(activity, {
        port: "USLAX",
        kind: "che",
        file: plain,
        terminals,
      });
      expect(again.counts).toEqual({
        read: 7,
        accepted: 0,
        added: 0,
        updated: 0,
        rejected: 2,
        duplicates: 5,
      });
      for (const how of ["gz", "zip"] as const) {
        const c = await importActivityFile(activity, {
          port: "USLAX",
          kind: "che",
          file: write(`che.csv.${how}`, CHE, how),
          terminals,
        });
        expect(c.counts).toMatchObject({ read: 7, accepted: 0, rejected: 2, duplicates: 5 });
      }
      expect((await activity.counts("USLAX")).che).toBe(4);
      expect((await activity.counts("JPNGO")).che).toBe(0);
      const rejects = await activity.rejects("USLAX", "che");
      // One set per file (re-importing a file replaces its rejects): plain, .gz and .zip.
      expect(rejects.filter((r) => r.file === plain).map((r) => `${r.line} ${r.field}`)).toEqual([
        "6 equipment_type",
        "7 terminal",
      ]);
      expect(rejects).toHaveLength(6);
      const runs = await activity.imports("USLAX");
      expect(runs).toHaveLength(4);
      for (const r of runs)
        expect(r.counts.read).toBe(r.counts.accepted + r.counts.rejected + r.counts.duplicates);
    });

    it("a changed row replaces the stored record", async () => {
      const changed = CHE.replace(
        "YT-1,uslax-terminal-yti,yard tractor,diesel,200,2018,2025,2,140,",
        "YT-1,uslax-terminal-yti,yard tractor,diesel,200,2018,2025,2,145,",
      );
      const c = await importActivityFile(activity, {
        port: "USLAX",
        kind: "che",
        file: write("che-fixed.csv", changed),
        terminals,
      });
      expect(c.counts).toMatchObject({ accepted: 1, added: 0, updated: 1, duplicates: 4, rejected: 2 });
      const stored = await activity.activity("USLAX");
      const feb = stored.che.find((r) => r.unitId === "YT-1" && r.month === 2)!;
      expect(feb.hours).toBe(145);
      expect(feb.ref).toEqual({ file: path.join(dir, "che-fixed.csv"), line: 3 });
    });

    it("loads a month range (whole-year rows of those years, every user factor)", async () => {
      await importActivityFile(activity, { port: "USLAX", kind: "factors", file: write("f.csv", FACTORS) });
      await importActivityFile(activity, {
        port: "USLAX",
        kind: "drayage",
        file: write("d.csv", DRAYAGE),
        terminals,
      });
      const jan = await activity.activityFor("USLAX", { year: 2025, month: 1 }, { year: 2025, month: 1 });
      expect(jan.che.map((r) => `${r.unitId} ${r.month}`).sort()).toEqual(["YT-1 1", "YT-2 1"]);
      expect(jan.drayage.map((r) => r.month)).toEqual([1]);
      expect(jan.factors).toHaveLength(2);
      const fy = await activity.activityFor("USLAX", { year: 2024, month: 4 }, { year: 2025, month: 3 });
      expect(fy.che.map((r) => r.unitId).sort()).toEqual(["YT-1", "YT-1", "YT-2", "YT-3"]);
      expect(fy.drayage).toHaveLength(2);
    });

    it("stored activity computes the same lines as parsed activity", async () => {
      const tables = loadNonshipTables();
      const all = await activity.activity("USLAX");
      const r = computeNonshipLines(tables, all, {
        port: "USLAX",
        gwp: "AR5",
        wellToWheel: false,
        gridFactor: portGridFactor("USLAX", tables),
      });
      // Only NOx factors were imported for drayage: the other pollutants are reported as not estimated.
      expect(r.warnings.map((w) => w.code)).toEqual(["missing_pollutant_factors"]);
      const grid = r.lines.find((l) => l.scope === "grid")!;
      expect(grid.grams.co2e).toBeCloseTo(21000 * 0.2985 * 1000, 6); // LCFS 2020, latest ≤ 2025
      const dray = r.lines.filter((l) => l.category === "drayage");
      expect(dray.map((l) => l.grams.nox)).toEqual([
        10000 * 6 * 2.5 + 5000 * 20,
        11000 * 6 * 2.5 + 5500 * 20,
      ]);
    });
  });
}

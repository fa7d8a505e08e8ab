import { describe, expect, it } from "vitest";
import { parseEquipmentCsv, parseTelemetryCsv } from "../transition/index.ts";
import { generateDemoFleet } from "./transition.ts";

const END = new Date("2026-03-29T12:00:00Z");

describe("generateDemoFleet", () => {
  for (const [port, zone, units] of [
    ["USLAX", "America/Los_Angeles", 11],
    ["JPNGO", "Asia/Tokyo", 8],
  ] as const)
    it(`${port}: every unit and every telemetry row is valid input, labelled demo, deterministic`, () => {
      const files = generateDemoFleet({ seed: 1, port, end: END, days: 28 });
      expect(generateDemoFleet({ seed: 1, port, end: END, days: 28 })).toEqual(files);
      expect(generateDemoFleet({ seed: 2, port, end: END, days: 28 }).telemetryCsv).not.toBe(
        files.telemetryCsv,
      );
      const eq = parseEquipmentCsv(files.equipmentCsv, "eq.csv");
      expect(eq.rejects).toEqual([]);
      expect(eq.records).toHaveLength(units);
      expect(eq.records.every((r) => r.equipment.owner?.startsWith("demo data"))).toBe(true);
      const byId = new Map(eq.records.map((r) => [r.equipment.unitId, r.equipment]));
      for (const r of eq.records) if (r.equipment.replaces) expect(byId.has(r.equipment.replaces)).toBe(true);
      const tel = parseTelemetryCsv(files.telemetryCsv, "tel.csv", {
        unit: (_p, id) => byId.get(id),
        timeZone: () => zone,
        h2LhvKwhPerKg: 33.33,
      });
      expect(tel.rejects).toEqual([]);
      expect(tel.records).toHaveLength(units * 28);
      // The last day is the day before END's local date.
      const last = Math.max(...tel.records.map((r) => r.telemetry.periodEndS));
      expect(new Date(last * 1000).toLocaleDateString("en-CA", { timeZone: zone })).toBe("2026-03-29");
    });
});

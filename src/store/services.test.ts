import { describe, expect, it } from "vitest";
import { portRegistry, referenceTables } from "./services.ts";

describe("services composed from the store", () => {
  it("reads the shipped reference and registry once per process", () => {
    const tables = referenceTables();
    expect(referenceTables()).toBe(tables);
    expect(portRegistry()).toBe(portRegistry());
    // Both sister ports have emissions settings and are in the registry.
    for (const port of ["USLAX", "JPNGO"]) {
      expect(tables.reference.settings.has(port)).toBe(true);
      expect(portRegistry().get(port)?.locode).toBe(port);
    }
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildFacilityLookup, parseTerminalCodes } from "./facilities.ts";
import { loadFacilityLookup, TERMINAL_CODES_FILE } from "./facilities-io.ts";

describe("facility lookup", () => {
  const lookup = loadFacilityLookup();

  it("resolves SMDG codes under their UN/LOCODE (SMDG Terminal Code List rows, berth ranges compared by hand)", () => {
    // SMDG: USLAX YUSEN "Berths 212-225" = our YTI (212-225); USLGB LBCT "Pier E, E24-E26"; JPNGO NCB "R1/2/3".
    expect(lookup.resolve("USLAX", "YUSEN")).toEqual({
      terminal: "uslax-terminal-yti",
      port: "USLAX",
      timeZone: "America/Los_Angeles",
    });
    expect(lookup.resolve("USLGB", "LBCT")?.terminal).toBe("uslax-terminal-lgb-lbct");
    expect(lookup.resolve("JPNGO", "NCB")).toMatchObject({
      terminal: "jpngo-terminal-ncb",
      timeZone: "Asia/Tokyo",
    });
    // A code is only meaningful under its own port.
    expect(lookup.resolve("JPNGO", "YUSEN")).toBeNull();
    expect(lookup.resolve(null, "YUSEN")).toBeNull();
  });

  it("matches our own terminal ids at any port, including those without an SMDG code", () => {
    expect(lookup.resolve(null, "uslax-terminal-wbct-100")?.port).toBe("USLAX");
    expect(lookup.resolve("USLAX", "WBCT")).toBeNull();
    expect(lookup.resolve(null, "nowhere")).toBeNull();
  });

  it("knows our ports' zones", () => {
    expect(lookup.timeZoneOf("JPNGO")).toBe("Asia/Tokyo");
    expect(lookup.timeZoneOf("ITGOA")).toBeNull();
  });

  it("refuses a code table naming a terminal we do not have (it ships with us)", () => {
    const codes = parseTerminalCodes(readFileSync(TERMINAL_CODES_FILE, "utf8"), "terminal-codes.csv");
    expect(codes).toHaveLength(16);
    expect(() => buildFacilityLookup([], codes)).toThrow(/unknown terminal/);
  });
});

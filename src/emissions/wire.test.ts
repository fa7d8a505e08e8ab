import { describe, expect, it } from "vitest";
import { warningText } from "./cli.ts";
import { inventoryMeta } from "./wire.ts";

describe("inventory warnings", () => {
  it("reads a run stored with English sentences (before codes) and one stored with codes", () => {
    const old = inventoryMeta({
      coverage: { calls: 3 },
      warnings: ["12 of 40 calls: vessel particulars estimated"],
    });
    expect(old).toEqual({
      coverage: { calls: 3 },
      warnings: [{ code: "text", params: { text: "12 of 40 calls: vessel particulars estimated" } }],
    });
    const coded = { code: "estimated_particulars", params: { estimated: 12, calls: 40 } };
    expect(inventoryMeta({ warnings: [coded] }).warnings).toEqual([coded]);
    expect(inventoryMeta({}).warnings).toEqual([]);
  });

  it("words a warning in the terminal's language; a stored sentence as written", () => {
    const w = { code: "estimated_particulars", params: { estimated: 12, calls: 40 } };
    expect(warningText(w, "en")).toBe(
      "12 of 40 calls: vessel particulars estimated from AIS type and size (no imported particulars)",
    );
    expect(warningText(w, "ja")).toContain("入港 40 件のうち 12 件");
    const note = { code: "ulsd_assumed", params: { ppm: 15 } };
    expect(warningText(note, "ja")).toContain("15 ppm の超低硫黄軽油");
    expect(warningText({ code: "text", params: { text: "as stored" } }, "ja")).toBe("as stored");
  });
});

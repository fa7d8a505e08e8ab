import { describe, expect, it } from "vitest";
import { stableUuid } from "./stable-uuid.ts";

describe("stableUuid", () => {
  it("is a version-5-layout UUID, the same for the same parts and different otherwise", () => {
    const a = stableUuid("gate", "uslax-terminal-yti", "TRK1", "1767225600");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid("gate", "uslax-terminal-yti", "TRK1", "1767225600")).toBe(a);
    expect(stableUuid("gate", "uslax-terminal-yti", "TRK1", "1767225601")).not.toBe(a);
    // Parts are separated, not concatenated: ("ab", "c") differs from ("a", "bc").
    expect(stableUuid("ab", "c")).not.toBe(stableUuid("a", "bc"));
  });
});

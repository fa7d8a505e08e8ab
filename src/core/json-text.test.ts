import { describe, expect, it } from "vitest";
import { textOf } from "./json-text.ts";

describe("textOf", () => {
  it("words what String() cannot: objects whose toString / valueOf are data", () => {
    const poisoned = JSON.parse('{"toString":1,"valueOf":2}') as unknown;
    expect(() => String(poisoned)).toThrow(TypeError); // why textOf exists
    expect(textOf(poisoned)).toBe('{"toString":1,"valueOf":2}');
    expect(textOf({ toString: 1 })).toBe('{"toString":1}');
  });
  it("keeps scalars as String() words them", () => {
    expect(textOf("a")).toBe("a");
    expect(textOf(12)).toBe("12");
    expect(textOf(null)).toBe("null");
    expect(textOf(undefined)).toBe("undefined");
    expect(textOf(false)).toBe("false");
    expect(textOf([1, "x"])).toBe('[1,"x"]');
  });
});

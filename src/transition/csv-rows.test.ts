import { describe, expect, it } from "vitest";
import { csvRows, token } from "./csv-rows.ts";

describe("csvRows", () => {
  it("keys rows by the header, case-insensitively (doc example)", () => {
    const r = csvRows("A,b\n1,2\n\n", "f.csv", ["a"]);
    expect(r.read).toBe(1);
    expect(r.rows[0]?.get("b")).toBe("2");
    expect(r.rows[0]?.get("a")).toBe("1");
    expect(r.rows[0]?.line).toBe(2);
  });
  it("rejects a short line and an unterminated quote, counting them as read", () => {
    const r = csvRows('a,b\n1\n"x,2\n3,4\n', "f.csv", ["a", "b"]);
    expect(r.read).toBe(3);
    expect(r.rows).toHaveLength(1);
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [2, "line"],
      [3, "line"],
    ]);
  });
});

describe("token", () => {
  it('normalises words: " Fuel-Cell " → "fuel_cell"', () => {
    expect(token(" Fuel-Cell ")).toBe("fuel_cell");
    expect(token("RTG crane")).toBe("rtg_crane");
  });
});

import { describe, expect, it } from "vitest";
import { csvCell, referenceRecords, splitCsvLine, userCsv } from "./csv.ts";

// Expected values are RFC 4180's own rules (section 2, rules 5–7): a field holding a comma or a
// double quote is enclosed in double quotes, and a double quote inside is written twice.
describe("CSV", () => {
  it("splits quoted CSV as in the doc example", () => {
    const out: string[] = [];
    expect(splitCsvLine('1,"A, B",""""', out)).toBe(3);
    expect(out.slice(0, 3)).toEqual(["1", "A, B", '"']);
    expect(splitCsvLine('1,"open', out)).toBe(-1);
  });

  it("writes a field as RFC 4180 quotes it", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell(12.5)).toBe("12.5");
  });

  it("reads a header-keyed table and names file, line and reason when it is malformed", () => {
    const rows = referenceRecords("\uFEFFa,b\n1, x \n\n2,y\n", "t.csv");
    expect(rows.map((r) => [r.line, r.get("a"), r.get("b")])).toEqual([
      [2, "1", "x"],
      [4, "2", "y"],
    ]);
    expect(() => referenceRecords("a,b\n1\n", "t.csv")).toThrow(
      /t\.csv: line 2: 1 cells where the header has 2/,
    );
  });

  it("reads a user's CSV by header: case-insensitive columns, blank lines skipped, bad lines named, nothing thrown", () => {
    const text = '\uFEFFHour, KG ,note\r\n1,2,x\n\n3,"4\n5,6\n7,8,"a, b"\n';
    const csv = userCsv(text, ["hour", "kg"]);
    expect(csv.missing).toEqual([]);
    expect(csv.lines).toBe(4);
    expect(
      csv.records.map((r) => [r.line, r.get("hour"), r.get("kg"), r.get("note"), r.get("absent")]),
    ).toEqual([
      [2, "1", "2", "x", ""],
      [6, "7", "8", "a, b", ""],
    ]);
    expect(csv.bad).toEqual([
      { line: 4, reason: "unterminated quoted field" },
      { line: 5, reason: "2 cells where the header has 3" },
    ]);
    // Short lines read as blanks when cells need not match; a missing column reads no record.
    expect(userCsv(text, ["hour"], false).records.map((r) => r.line)).toEqual([2, 5, 6]);
    const missing = userCsv("a,b\n1,2\n", ["a", "c", "d"]);
    expect([missing.missing, missing.records.length, missing.lines]).toEqual([["c", "d"], 0, 1]);
  });
});

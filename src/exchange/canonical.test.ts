import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalHash, canonicalJson } from "./canonical.ts";

describe("canonical JSON (RFC 8785)", () => {
  it("serialises RFC 8785 §3.2.2's example as the RFC prints it", () => {
    // The RFC's input, written as a JS object (its number literals parse to the same doubles).
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts keys by UTF-16 code units (RFC 8785 §3.2.3)", () => {
    const input = {
      "€": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    // Read the values off the text (JSON.parse would put the integer-like key "1" first again).
    const values = [...canonicalJson(input).matchAll(/:"([^"]*)"/g)].map((m) => m[1]);
    // The RFC's expected order of the values.
    expect(values).toEqual([
      "Carriage Return",
      "One",
      "Control",
      "Latin Small Letter O With Diaeresis",
      "Euro Sign",
      "Emoji: Grinning Face",
      "Hebrew Letter Dalet With Dagesh",
    ]);
  });

  it("prints numbers as RFC 8785 Appendix B lists them (IEEE 754 bit patterns)", () => {
    const fromBits = (hex: string) => Buffer.from(hex, "hex").readDoubleBE(0);
    const table: [string, string][] = [
      ["0000000000000000", "0"],
      ["8000000000000000", "0"],
      ["0000000000000001", "5e-324"],
      ["8000000000000001", "-5e-324"],
      ["7fefffffffffffff", "1.7976931348623157e+308"],
      ["ffefffffffffffff", "-1.7976931348623157e+308"],
      ["4340000000000000", "9007199254740992"],
      ["c340000000000000", "-9007199254740992"],
      ["4430000000000000", "295147905179352830000"],
      ["44b52d02c7e14af5", "9.999999999999997e+22"],
      ["44b52d02c7e14af6", "1e+23"],
      ["3eb0c6f7a0b5ed8d", "0.000001"],
      ["41b3de4355555553", "333333333.3333332"],
      ["41b3de4355555555", "333333333.3333333"],
      ["41b3de4355555556", "333333333.3333334"],
    ];
    for (const [bits, text] of table) expect(canonicalJson(fromBits(bits))).toBe(text);
    expect(() => canonicalJson(fromBits("7ff0000000000000"))).toThrow(); // Infinity
    expect(() => canonicalJson(Number.NaN)).toThrow();
  });

  it("ignores key order and whitespace of the input; leaves out undefined members", () => {
    expect(canonicalJson(JSON.parse('{ "b" : [1, {"y":2,"x":1}], "a": "z" }'))).toBe(
      '{"a":"z","b":[1,{"x":1,"y":2}]}',
    );
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it("hashes the canonical bytes: SHA-256 of {} (doc comment example)", () => {
    // `printf '{}' | sha256sum` → 44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a
    expect(Buffer.from(canonicalHash({}), "base64url").toString("hex")).toBe(
      "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    );
    expect(canonicalHash({ b: 1, a: 2 })).toBe(
      createHash("sha256").update('{"a":2,"b":1}').digest("base64url"),
    );
  });
});

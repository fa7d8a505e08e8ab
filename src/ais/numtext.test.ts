import { describe, expect, it } from "vitest";
import { writeNumber, writeUint } from "./numtext.ts";

const buf = new Uint8Array(64);
function text(x: number | null): string {
  return Buffer.from(buf.buffer, 0, writeNumber(buf, 0, x)).toString("latin1");
}

// The reference is the language itself: ECMAScript Number::toString (what JSON.stringify writes).
describe("writeNumber writes what String(x) writes", () => {
  it("doc-comment examples, integers, null and -0", () => {
    expect(text(219.3)).toBe("219.3");
    expect(text(-122.34161833333333)).toBe("-122.34161833333333");
    expect(text(0)).toBe("0");
    expect(text(-0)).toBe("0");
    expect(text(null)).toBe("null");
    for (const x of [
      1,
      9,
      10,
      99,
      100,
      366053209,
      2147483647,
      -2147483648,
      2 ** 31,
      1700000000.5,
      1e21,
      5e-7,
    ]) {
      expect(text(x)).toBe(String(x));
    }
    const u = new Uint8Array(16);
    expect(Buffer.from(u.buffer, 0, writeUint(u, 0, 1234567890)).toString()).toBe("1234567890");
  });

  it("every position AIS can carry (1/10 000 min and 1/10 min), sampled over the whole range", () => {
    let mismatches = 0;
    for (let raw = -108_000_000; raw <= 108_000_000; raw += 997)
      if (text(raw / 600000) !== String(raw / 600000)) mismatches++;
    for (let raw = -108_600; raw <= 108_600; raw++) if (text(raw / 600) !== String(raw / 600)) mismatches++;
    expect(mismatches).toBe(0);
  });

  it("tenths (speed, course, draught, rate of turn) and random doubles", () => {
    let mismatches = 0;
    for (let raw = -40_000; raw <= 40_000; raw++) if (text(raw / 10) !== String(raw / 10)) mismatches++;
    for (let r = -127; r <= 127; r++) {
      const v = r / 4.733;
      const rot = Math.round((r < 0 ? -v * v : v * v) * 10) / 10;
      if (text(rot) !== String(rot)) mismatches++;
    }
    let seed = 7;
    for (let i = 0; i < 100_000; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const x = (seed / 2 ** 32 - 0.5) * 2000;
      if (text(x) !== String(x)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

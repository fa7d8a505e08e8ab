import { describe, expect, it } from "vitest";
import { fillTemplate, messages } from "./messages.ts";
import { displayWidth, formatTable } from "./text-table.ts";

describe("messages", () => {
  const msg = messages({ en: { calls: "{n} calls at {port}" }, ja: { calls: "{port} の入港 {n} 件" } });

  it("fills a template in the language asked", () => {
    expect(msg("calls", { n: 3, port: "USLAX" }, "en")).toBe("3 calls at USLAX");
    expect(msg("calls", { n: 3, port: "USLAX" }, "ja")).toBe("USLAX の入港 3 件");
  });

  it("leaves a parameter the caller forgot visible, and zero is a value", () => {
    expect(fillTemplate("{n} calls at {port}", { n: 0 })).toBe("0 calls at {port}");
  });
});

describe("text tables", () => {
  it("counts East Asian wide characters as two columns", () => {
    // Unicode East Asian Width: 名 and 港 are W (wide), the Latin letters Na (narrow).
    expect(displayWidth("名古屋港")).toBe(8);
    expect(displayWidth("Nagoya")).toBe(6);
  });

  it("aligns Japanese and Latin cells under one rule", () => {
    const text = formatTable(
      ["名称", "calls"],
      [
        ["名古屋港", 12],
        ["LA", null],
      ],
    );
    expect(text).toBe("名称      calls\n--------  -----\n名古屋港  12\nLA\n");
  });

  it("right-aligns the figures of a numeric table", () => {
    expect(
      formatTable(
        ["mode", "h"],
        [
          ["berth", "10.5"],
          ["anchor", "2"],
        ],
        { numeric: true },
      ),
    ).toBe("mode       h\n------  ----\nberth   10.5\nanchor     2\n");
  });
});

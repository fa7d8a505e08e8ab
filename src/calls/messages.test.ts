import { describe, expect, it } from "vitest";
import { terminalLanguage as callsLanguage } from "../core/language.ts";
import { callsMsg } from "./messages.ts";

describe("calls messages", () => {
  it("picks the language like the rest of the CLI (doc examples)", () => {
    expect(callsLanguage({ LANG: "ja_JP.UTF-8" })).toBe("ja");
    expect(callsLanguage({ SP_LANG: "en", LANG: "ja_JP.UTF-8" })).toBe("en");
    expect(callsLanguage({})).toBe("en");
  });

  it("words a neighbour-port call in English and Japanese", () => {
    const v = { port: "USLGB", of: "USLAX", n: 3 };
    expect(callsMsg("neighbourTag", v, "en")).toBe("[USLGB]");
    expect(callsMsg("neighbourNote", v, "en")).toBe(
      "[USLGB] a call at a USLGB terminal, seen in USLAX's AIS: kept under USLGB, not counted as a USLAX call (3 listed).",
    );
    expect(callsMsg("neighbourNote", v, "ja")).toContain("USLAX の入港には数えません（3 件）");
    expect(callsMsg("berthDistance", { m: 120 }, "ja")).toBe("図示したバースからの距離 120 m（0 = 内側）");
  });
});

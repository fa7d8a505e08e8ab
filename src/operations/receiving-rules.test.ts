import { describe, expect, it } from "vitest";
import { emptyReturnBoard } from "./empty-return.ts";
import { loadFacilityLookup } from "./facilities-io.ts";
import { parseReceivingRulesCsv } from "./receiving-rules.ts";

const facilities = loadFacilityLookup();
const utcS = (iso: string) => Date.parse(iso) / 1000;
const HEADER = "terminal,day,published_at,size_ft,line,accepting";
const rows = [
  /* 2 */ "uslax-terminal-yti,2026-11-20,2026-11-19T15:00:00-08:00,40,*,yes",
  /* 3 */ "uslax-terminal-yti,2026-11-20,2026-11-19T15:00:00-08:00,40,MSCU,no",
  /* 4 */ "uslax-terminal-yti,2026-11-20,2026-11-19T15:00:00-08:00,20,*,open",
  // An update during the day: 40 ft closed for every line from 10:40.
  /* 5 */ "uslax-terminal-yti,2026-11-20,2026-11-20T10:40:00-08:00,40,*,closed",
  /* 6 */ "uslax-terminal-yti,2026-11-20,2026-11-20T10:40:00-08:00,20,*,yes",
  /* 7 */ "uslax-terminal-yti,2026-11-21,2026-11-20T15:00:00-08:00,45,*,yes",
  /* 8 */ "uslax-terminal-yti,2026-11-20,2026-11-19T15:00:00-08:00,40,MSCU,yes",
  /* 9 */ "nowhere,2026-11-20,2026-11-19T15:00:00-08:00,40,*,yes",
  /* 10 */ "uslax-terminal-yti,2026-13-40,2026-11-19T15:00:00-08:00,40,*,yes",
  /* 11 */ "uslax-terminal-yti,2026-11-20,2026-11-19T15:00:00,40,*,yes",
  /* 12 */ "uslax-terminal-yti,2026-11-20,2026-11-19T15:00:00-08:00,30,*,yes",
  /* 13 */ "uslax-terminal-yti,2026-11-20,2026-11-19T15:00:00-08:00,40,M5CU,yes",
  /* 14 */ "uslax-terminal-yti,2026-11-20,2026-11-19T15:00:00-08:00,40,EGLV,maybe",
];

describe("parseReceivingRulesCsv", () => {
  const r = parseReceivingRulesCsv([HEADER, ...rows].join("\n"), "rules.csv", facilities);

  it("counts rows and rejects each bad one with its line, field and reason", () => {
    expect(r.read).toBe(13);
    expect(r.receivingRules.reduce((n, p) => n + p.rules.length, 0) + r.rejects.length).toBe(13);
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [8, "line"],
      [9, "terminal"],
      [10, "day"],
      [11, "published_at"],
      [12, "size_ft"],
      [13, "line"],
      [14, "accepting"],
    ]);
    expect(r.rejects[0]?.reason).toContain("line 3");
    expect(r.rejects[3]?.reason).toContain("no UTC offset");
  });

  it("groups rows into publications by terminal, day and time (the port from the terminal)", () => {
    expect(r.receivingRules.map((p) => [p.terminal, p.day, p.publishedAtS, p.rules.length])).toEqual([
      ["uslax-terminal-yti", "2026-11-20", utcS("2026-11-19T23:00:00Z"), 3],
      ["uslax-terminal-yti", "2026-11-20", utcS("2026-11-20T18:40:00Z"), 2],
      ["uslax-terminal-yti", "2026-11-21", utcS("2026-11-20T23:00:00Z"), 1],
    ]);
    expect(r.receivingRules[0]?.port).toBe("USLAX");
  });

  it("feeds the board: the 10:40 update closes 40 ft, tomorrow shows once published", () => {
    // At 11:00 local (UTC−8): today 2026-11-20 from the 10:40 update, tomorrow from the 15:00 publication.
    const board = emptyReturnBoard(r.receivingRules, utcS("2026-11-20T19:00:00Z"), -8);
    const row = (size: number, line: string) => board.rows.find((x) => x.sizeFt === size && x.line === line);
    expect(row(40, "MSCU")).toMatchObject({ today: "closed", tomorrow: "unknown" });
    // Tomorrow's rules come at 15:00: at 11:00 they are not published yet; at 16:00 they are.
    expect(row(45, "MSCU")).toMatchObject({ today: "unknown", tomorrow: "unknown" });
    const later = emptyReturnBoard(r.receivingRules, utcS("2026-11-21T00:00:00Z"), -8);
    expect(later.rows.find((x) => x.sizeFt === 45 && x.line === "MSCU")?.tomorrow).toBe("open");
    // MSCU 40 ft was closed already: the one change is 40 ft for every other line ("*").
    expect(board.alerts).toEqual([
      {
        kind: "stopped_accepting",
        terminal: "uslax-terminal-yti",
        day: "2026-11-20",
        sizeFt: 40,
        line: "*",
        atS: utcS("2026-11-20T18:40:00Z"),
      },
    ]);
    expect(row(40, "*")).toMatchObject({ today: "closed" });
    expect(row(20, "MSCU")).toMatchObject({ today: "open" });
  });
});

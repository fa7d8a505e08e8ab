import { describe, expect, it } from "vitest";
import { acceptance, emptyReturnBoard, type ReceivingRules } from "./empty-return.ts";

const S = (iso: string) => Date.parse(iso) / 1000;
// Los Angeles in November: UTC−8 (PST), so local 2026-11-20 00:00 = 08:00Z.
const OFFSET_H = -8;

const allOpen = [20, 40, 45].flatMap((sizeFt) =>
  ["MSCU", "ONEU"].map((line) => ({ sizeFt: sizeFt as 20 | 40 | 45, line, accepting: true })),
);

const history: ReceivingRules[] = [
  // Published 15:00 local the day before (23:00Z): all open for the 20th.
  {
    port: "USLAX",
    terminal: "YTI",
    day: "2026-11-20",
    publishedAtS: S("2026-11-19T23:00:00Z"),
    rules: allOpen,
  },
  // 10:40 local on the 20th: 40 ft of MSCU closed.
  {
    port: "USLAX",
    terminal: "YTI",
    day: "2026-11-20",
    publishedAtS: S("2026-11-20T18:40:00Z"),
    rules: [...allOpen, { sizeFt: 40, line: "MSCU", accepting: false }],
  },
  // Tomorrow's rules, published at 15:00 local on the 20th: every 20 ft closed ("*").
  {
    port: "USLAX",
    terminal: "YTI",
    day: "2026-11-21",
    publishedAtS: S("2026-11-20T23:00:00Z"),
    rules: [...allOpen.filter((r) => r.sizeFt !== 20), { sizeFt: 20, line: "*", accepting: false }],
  },
];

describe("acceptance", () => {
  it("lets a line's own rule beat the '*' rule and says unknown with no rule", () => {
    const rules = [
      { sizeFt: 40 as const, line: "*", accepting: false },
      { sizeFt: 40 as const, line: "ONEU", accepting: true },
    ];
    expect(acceptance(rules, 40, "ONEU")).toBe("open");
    expect(acceptance(rules, 40, "MSCU")).toBe("closed");
    expect(acceptance(rules, 20, "MSCU")).toBe("unknown");
  });
});

describe("emptyReturnBoard", () => {
  it("shows today's and tomorrow's status per size × line and alerts on a closure", () => {
    const board = emptyReturnBoard(history, S("2026-11-20T19:02:30Z"), OFFSET_H); // 11:02:30 local
    expect(board.today).toBe("2026-11-20");
    expect(board.tomorrow).toBe("2026-11-21");
    expect(board.refreshedAtS).toBe(S("2026-11-20T19:00:00Z"));
    const row = (size: number, line: string) => board.rows.find((r) => r.sizeFt === size && r.line === line);
    expect(row(40, "MSCU")).toEqual({
      terminal: "YTI",
      sizeFt: 40,
      line: "MSCU",
      today: "closed",
      tomorrow: "unknown",
    });
    expect(row(40, "ONEU")?.today).toBe("open");
    expect(board.rows).toHaveLength(6);
    expect(board.alerts).toEqual([
      {
        kind: "stopped_accepting",
        terminal: "YTI",
        day: "2026-11-20",
        sizeFt: 40,
        line: "MSCU",
        atS: S("2026-11-20T18:40:00Z"),
      },
    ]);
  });

  it("before the update everything is open; after tomorrow's rules, 20 ft is closed tomorrow for every line", () => {
    const before = emptyReturnBoard(history, S("2026-11-20T18:00:00Z"), OFFSET_H);
    expect(before.rows.every((r) => r.today === "open")).toBe(true);
    expect(before.alerts).toEqual([]);
    const evening = emptyReturnBoard(history, S("2026-11-21T00:00:00Z"), OFFSET_H); // 16:00 local
    // The two lines named, and "*" (every other line).
    expect(evening.rows.filter((r) => r.sizeFt === 20).map((r) => r.tomorrow)).toEqual([
      "closed",
      "closed",
      "closed",
    ]);
    // No 45 ft rule for "*" today or tomorrow: no "*" row for 45 ft; the named lines open.
    expect(evening.rows.filter((r) => r.sizeFt === 45).map((r) => [r.line, r.tomorrow])).toEqual([
      ["MSCU", "open"],
      ["ONEU", "open"],
    ]);
  });

  it("alerts when a location resumes accepting", () => {
    const reopened: ReceivingRules = {
      ...history[1]!,
      publishedAtS: S("2026-11-20T22:00:00Z"),
      rules: allOpen,
    };
    const board = emptyReturnBoard([...history, reopened], S("2026-11-20T22:01:00Z"), OFFSET_H);
    expect(board.alerts.map((a) => a.kind)).toEqual(["resumed_accepting", "stopped_accepting"]);
    expect(board.rows.find((r) => r.sizeFt === 40 && r.line === "MSCU")?.today).toBe("open");
  });
});

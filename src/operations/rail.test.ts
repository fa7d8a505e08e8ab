import { describe, expect, it } from "vitest";
import { loadFacilityLookup } from "./facilities-io.ts";
import { parseRailCsv } from "./rail.ts";

const facilities = loadFacilityLookup();
const utcS = (iso: string) => Date.parse(iso) / 1000;
const TRAPAC = "uslax-terminal-trapac";
const text = [
  "container,iso_code,empty_laden,direction,time,terminal,train_id,rail_carrier,inland",
  `CBHU6192031,42G1,laden,load,2026-11-03T06:00:00-08:00,${TRAPAC},Q-LAX-CHI-03,UP,USCHI`,
  `TEMU3412100,22G1,empty,discharge,2026-11-03T07:15:00Z,${TRAPAC},,,`,
  `CBHU6192031,42G1,laden,load,2026-11-03T06:00:00-08:00,${TRAPAC},Q-LAX-CHI-03,UP,USCHI`,
  `MAGU5591240,45G1,laden,load,2026-11-03 06:00,${TRAPAC},,,`,
  `MAGU5591240,45G1,laden,unload,2026-11-03T06:00:00-08:00,${TRAPAC},,,`,
  "MAGU5591240,45G1,laden,load,2026-11-03T06:00:00-08:00,nowhere,,,",
  `MAGU5591240,45X,laden,load,2026-11-03T06:00:00-08:00,${TRAPAC},,,`,
].join("\n");

describe("parseRailCsv", () => {
  const r = parseRailCsv(text, "rail.csv", facilities);

  it("reads moves and derives LOAD/DISC rail events; read = accepted + rejected", () => {
    expect(r.read).toBe(7);
    expect(r.railMoves).toHaveLength(2);
    expect(r.events.length + r.rejects.length).toBe(7);
    // 06:00 PST (UTC−8) → 14:00Z.
    expect(r.railMoves[0]).toMatchObject({
      port: "USLAX",
      terminal: TRAPAC,
      containerNumber: "CBHU6192031",
      direction: "load",
      atS: utcS("2026-11-03T14:00:00Z"),
      trainId: "Q-LAX-CHI-03",
      railCarrier: "UP",
      inland: "USCHI",
      sizeFt: 40,
      emptyIndicator: "LADEN",
    });
    expect(r.events.map((e) => [e.eventCode, e.mode, e.eventId])).toEqual([
      ["LOAD", "RAIL", r.railMoves[0]!.moveId],
      ["DISC", "RAIL", r.railMoves[1]!.moveId],
    ]);
  });

  it("names line, field and reason for each bad row", () => {
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [4, "container"],
      [5, "time"],
      [6, "direction"],
      [7, "terminal"],
      [8, "iso_code"],
    ]);
    expect(r.rejects[0]!.reason).toMatch(/duplicate of line 2/);
    expect(r.rejects[1]!.reason).toMatch(/no UTC offset/);
  });
});

import { describe, expect, it } from "vitest";
import { loadFacilityLookup } from "./facilities-io.ts";
import { parseGateCsv } from "./gate.ts";

const facilities = loadFacilityLookup();
const utcS = (iso: string) => Date.parse(iso) / 1000;
const HEADER =
  "truck_id,licence_plate,container,iso_code,direction,empty_laden,queue_arrival,gate_in,gate_out,terminal,appointment_id,trouble_ticket";
// Container numbers are real ones (the COARRI fixture): their check digits are not ours to compute.
const YTI = "uslax-terminal-yti";
const rows = [
  /* 2 */ `T100,CA 7XYZ123,CBHU6192031,42G1,in,laden,2026-11-02T07:40:00-08:00,2026-11-02T08:05:00-08:00,2026-11-02T08:50:00-08:00,${YTI},APT-1,no`,
  /* 3 */ `T100,CA 7XYZ123,MAGU5591240,45G1,out,laden,2026-11-02T07:40:00-08:00,2026-11-02T08:05:00-08:00,2026-11-02T08:50:00-08:00,${YTI},APT-1,no`,
  /* 4 */ "T200,,TEMU3412100,22G1,out,empty,,2026-11-03T09:00:00+09:00,2026-11-03T09:30:00+09:00,jpngo-terminal-ncb,,yes",
  /* 5 */ `T100,CA 7XYZ123,CBHU6192031,42G1,in,laden,2026-11-02T07:40:00-08:00,2026-11-02T08:05:00-08:00,2026-11-02T08:50:00-08:00,${YTI},APT-1,no`,
  /* 6 */ `T300,,FCIU9908030,45G1,in,laden,,2026-11-02T10:00:00,2026-11-02T10:30:00-08:00,${YTI},,`,
  /* 7 */ `T300,,MAGU5591241,45G1,in,laden,,2026-11-02T10:00:00-08:00,2026-11-02T10:30:00-08:00,${YTI},,`,
  /* 8 */ "T300,,FCIU9908030,45G1,in,laden,,2026-11-02T10:00:00-08:00,2026-11-02T10:30:00-08:00,uslax-terminal-nope,,",
  /* 9 */ `T300,,FCIU9908030,45G1,in,laden,,2026-11-02T10:00:00-08:00,2026-11-02T09:30:00-08:00,${YTI},,`,
  /* 10 */ `T300,,FCIU9908030,45G1,in,laden,2026-11-01T09:00:00-08:00,2026-11-02T10:00:00-08:00,2026-11-02T10:30:00-08:00,${YTI},,`,
  /* 11 */ `T100,CA 7XYZ123,TEMU3412100,22G1,out,empty,2026-11-02T07:40:00-08:00,2026-11-02T08:05:00-08:00,2026-11-02T09:50:00-08:00,${YTI},APT-1,no`,
  /* 12 */ `T300,,FCIU9908030,45G1,sideways,laden,,2026-11-02T10:00:00-08:00,2026-11-02T10:30:00-08:00,${YTI},,`,
  /* 13 */ `T300,,FCIU9908030,45G1,in,laden,2026-11-02T10:10:00-08:00,2026-11-02T10:00:00-08:00,2026-11-02T10:30:00-08:00,${YTI},,`,
];

describe("parseGateCsv", () => {
  const r = parseGateCsv([HEADER, ...rows].join("\n"), "gate.csv", facilities);

  it("counts every row: read = accepted + rejected", () => {
    expect(r.read).toBe(12);
    expect(r.events).toHaveLength(3);
    expect(r.rejects).toHaveLength(9);
  });

  it("groups rows of the same terminal, truck and gate-in into one visit (hand-computed times)", () => {
    expect(r.visits).toHaveLength(2);
    const v = r.visits[0]!;
    // 07:40 / 08:05 / 08:50 PST (UTC−8) → 15:40Z / 16:05Z / 16:50Z: queue 25 min, turn 70 min.
    expect(v).toMatchObject({
      port: "USLAX",
      terminal: YTI,
      truckId: "T100",
      licencePlate: "CA 7XYZ123",
      queueArrivalS: utcS("2026-11-02T15:40:00Z"),
      gateInS: utcS("2026-11-02T16:05:00Z"),
      gateOutS: utcS("2026-11-02T16:50:00Z"),
      appointmentId: "APT-1",
      troubleTicket: false,
    });
    expect((v.gateOutS - v.queueArrivalS!) / 60).toBe(70);
    expect(v.moves.map((m) => `${m.direction}:${m.containerNumber}:${m.sizeFt}`)).toEqual([
      "in:CBHU6192031:40",
      "out:MAGU5591240:40",
    ]);
    expect(r.visits[1]).toMatchObject({ port: "JPNGO", queueArrivalS: null, troubleTicket: true });
  });

  it("derives a GTIN at gate-in and a GTOT at gate-out for the box timelines", () => {
    expect(r.events.map((e) => [e.eventCode, e.containerNumber, e.eventAtS, e.mode])).toEqual([
      ["GTIN", "CBHU6192031", utcS("2026-11-02T16:05:00Z"), "TRUCK"],
      ["GTOT", "MAGU5591240", utcS("2026-11-02T16:50:00Z"), "TRUCK"],
      ["GTOT", "TEMU3412100", utcS("2026-11-03T00:30:00Z"), "TRUCK"],
    ]);
    expect(r.events[0]!.extra.visitId).toBe(r.visits[0]!.visitId);
  });

  it("names line, field and reason for each bad row", () => {
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [5, "container"],
      [6, "gate_in"],
      [7, "container"],
      [8, "terminal"],
      [9, "gate_out"],
      [10, "gate_out"],
      [11, "gate_out"],
      [12, "direction"],
      [13, "queue_arrival"],
    ]);
    expect(r.rejects[0]!.reason).toMatch(/duplicate of line 2/);
    expect(r.rejects[1]!.reason).toMatch(/no UTC offset/);
    expect(r.rejects[2]!.reason).toMatch(/check digit/);
    expect(r.rejects[3]!.reason).toMatch(/unknown terminal "uslax-terminal-nope"/);
    expect(r.rejects[5]!.reason).toMatch(/25\.5 h is not plausible/);
    expect(r.rejects[6]!.reason).toMatch(/differs from line 2, the same truck visit/);
  });

  it("gives the same visit and event ids on a second parse", () => {
    const again = parseGateCsv([HEADER, ...rows].join("\n"), "gate.csv", facilities);
    expect(again.visits.map((v) => v.visitId)).toEqual(r.visits.map((v) => v.visitId));
    expect(again.events.map((e) => e.eventId)).toEqual(r.events.map((e) => e.eventId));
  });

  it("refuses a file without a required column, and a row with the wrong number of cells", () => {
    const noTerminal = parseGateCsv("truck_id,container,direction,gate_in,gate_out\n", "h.csv", facilities);
    expect(noTerminal).toMatchObject({ read: 1, rejects: [{ line: 1, field: "terminal" }] });
    const short = parseGateCsv(`${HEADER}\nT1,,CBHU6192031\n`, "s.csv", facilities);
    expect(short).toMatchObject({
      read: 1,
      rejects: [{ line: 2, reason: "3 cells where the header has 12" }],
    });
  });
});

describe("parseGateCsv: the trucking company (carrier_scac, optional)", () => {
  const header = `${HEADER},carrier_scac`;
  const row = (truck: string, scac: string) =>
    `${truck},,CBHU6192031,42G1,in,laden,,2026-11-02T08:05:00-08:00,2026-11-02T08:50:00-08:00,${YTI},,no,${scac}`;
  const r = parseGateCsv(
    [header, row("T1", "hbdy"), row("T2", ""), row("T3", "HB-1"), row("T4", "ABCDE")].join("\n"),
    "gate.csv",
    facilities,
  );

  it("keeps a SCAC in capitals, none when empty, rejects what is not 2 to 4 letters", () => {
    expect(r.visits.map((v) => [v.truckId, v.carrierScac])).toEqual([
      ["T1", "HBDY"],
      ["T2", null],
    ]);
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [4, "carrier_scac"],
      [5, "carrier_scac"],
    ]);
    expect(r.read).toBe(4);
  });

  it("files without the column read as before: no company", () => {
    expect(
      parseGateCsv([HEADER, rows[0]].join("\n"), "gate.csv", facilities).visits[0]?.carrierScac,
    ).toBeNull();
  });
});

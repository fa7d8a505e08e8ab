import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEdifact, tokenizeEdifact } from "./edifact.ts";
import { loadFacilityLookup } from "./facilities-io.ts";

const facilities = loadFacilityLookup();
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/edifact/${name}`, import.meta.url), "utf8");
const utcS = (iso: string) => Date.parse(iso) / 1000;
const counted = (r: { read: number; events: unknown[]; rejects: unknown[] }) =>
  expect(r.events.length + r.rejects.length).toBe(r.read);

describe("parseEdifact on the real COARRI (fixtures/edifact, php-edifact test file)", () => {
  const r = parseEdifact(fixture("coarri_d95b_itgoa-vte_cosco-africa_2016-02.edi"), "coarri.edi", facilities);

  it("reads 21 equipment groups: 2 discharged (BGM 44), 19 loaded (BGM 46), none refused", () => {
    expect(r.read).toBe(21);
    expect(r.rejects).toEqual([]);
    expect(r.events.filter((e) => e.eventCode === "DISC")).toHaveLength(2);
    expect(r.events.filter((e) => e.eventCode === "LOAD")).toHaveLength(19);
  });

  it("maps the first discharge as read by hand from lines 3-20 of the file", () => {
    // BGM+44, TDT+20+031W…3ERX3:103::COSCO AFRICA, LOC+11+ITGOA…+VTE:TER:ZZZ,
    // EQD+CN+FCIU9908030+45G1:102:5++3+5, DTM+203:201602030913:203 (Genoa is not ours: UTC assumed),
    // LOC+9 TRKMX (port of loading), LOC+147 380886 (stowage cell), MEA tare 4000 / gross 8914 kg.
    expect(r.events[0]).toMatchObject({
      source: "coarri",
      eventCode: "DISC",
      classifier: "ACT",
      containerNumber: "FCIU9908030",
      isoEquipmentCode: "45G1",
      sizeFt: 40,
      emptyIndicator: "LADEN",
      port: "ITGOA",
      facilityCode: "VTE",
      terminal: null,
      mode: "VESSEL",
      vesselCallSign: "3ERX3",
      vesselName: "COSCO AFRICA",
      vesselImo: null,
      voyage: "031W",
      eventAtS: utcS("2016-02-03T09:13:00Z"),
      // No DTM+137: the interchange date UNB 160204:1728.
      createdAtS: utcS("2016-02-04T17:28:00Z"),
    });
    expect(r.events[0]!.extra).toMatchObject({
      equipmentStatus: "import",
      "LOC+9": "TRKMX:139:6",
      "LOC+147": "380886::6",
      "MEA+AAE": "T+KGM:4000 | EGW+KGM:8914",
      "msg.NAD+CF": "COE:172:20",
      "msg.DTM+132": "201602020000:203",
    });
  });

  it("maps the first loading with its booking (lines 36-53)", () => {
    expect(r.events[2]).toMatchObject({
      eventCode: "LOAD",
      containerNumber: "CBHU6192031",
      isoEquipmentCode: "42G1",
      voyage: "032E",
      port: "ITGOA",
      carrierBookingReference: "9000157890",
      eventAtS: utcS("2016-02-04T14:38:00Z"),
    });
    expect(r.events[2]!.references).toEqual([{ type: "BN", value: "9000157890" }]);
    // The two 22G1 boxes of the loading report: TEMU3412100 and CAXU3190016.
    expect(r.events.filter((e) => e.sizeFt === 20).map((e) => e.containerNumber)).toEqual([
      "TEMU3412100",
      "CAXU3190016",
    ]);
  });

  it("gives the same event ids on a second parse (re-ingest adds nothing)", () => {
    const again = parseEdifact(
      fixture("coarri_d95b_itgoa-vte_cosco-africa_2016-02.edi"),
      "coarri.edi",
      facilities,
    );
    expect(again.events.map((e) => e.eventId)).toEqual(r.events.map((e) => e.eventId));
    expect(new Set(r.events.map((e) => e.eventId)).size).toBe(21);
  });
});

describe("parseEdifact on our CODECO examples", () => {
  it("maps gate-in and gate-out at YTI with local Los Angeles times", () => {
    const r = parseEdifact(fixture("codeco_d95b_uslax-yti_gate.edi"), "codeco.edi", facilities);
    expect(r.read).toBe(3);
    expect(r.rejects).toEqual([]);
    const [truckIn, railIn, out] = r.events;
    // 2026-11-01 10:00 local: daylight saving ended at 02:00 that day, so PST (UTC−8) → 18:00Z.
    expect(truckIn).toMatchObject({
      source: "codeco",
      eventCode: "GTIN",
      containerNumber: "CBHU6192031",
      sizeFt: 40,
      emptyIndicator: "LADEN",
      mode: "TRUCK",
      port: "USLAX",
      facilityCode: "YUSEN",
      terminal: "uslax-terminal-yti",
      vesselImo: 9321483,
      vesselName: "KING OF THE SEAS",
      voyage: "0426E",
      carrierBookingReference: "ONEYLAXA12345",
      eventAtS: utcS("2026-11-01T18:00:00Z"),
      createdAtS: utcS("2026-11-01T18:30:00Z"),
    });
    // Released separators: "?:" "?'" "?+" are data.
    expect(truckIn!.extra["FTX+AAI"]).toBe("++DOOR HINGE BENT: SEE PHOTO'S 1+2");
    expect(truckIn!.extra["TDT+1"]).toBe("+3+31+ABC TRUCKING+++CA 7XYZ123");
    // 2026-10-31 14:30 PDT (UTC−7) → 21:30Z; TDT mode 2 = rail; EQD full/empty 4 = empty.
    expect(railIn).toMatchObject({
      containerNumber: "TEMU3412100",
      sizeFt: 20,
      emptyIndicator: "EMPTY",
      mode: "RAIL",
    });
    expect(railIn!.eventAtS).toBe(utcS("2026-10-31T21:30:00Z"));
    expect(railIn!.extra["XYZ+UNKNOWN"]).toBe("SEGMENT");
    // D.96A message: a later directory is accepted. 2026-11-02 16:15 PST → 2026-11-03 00:15Z.
    expect(out).toMatchObject({
      eventCode: "GTOT",
      containerNumber: "MAGU5591240",
      transportDocumentReference: "ONEYSHAB98765",
      mode: "TRUCK",
      eventAtS: utcS("2026-11-03T00:15:00Z"),
    });
  });

  it("honours a UNA with its own separators and release character (Nagoya, JST = UTC+9)", () => {
    const r = parseEdifact(fixture("codeco_d95b_jpngo-ncb_own-separators.edi"), "ngo.edi", facilities);
    expect(r.rejects).toEqual([]);
    expect(r.events[0]).toMatchObject({
      eventCode: "GTOT",
      containerNumber: "APZU4812090",
      terminal: "jpngo-terminal-ncb",
      emptyIndicator: "EMPTY",
      eventAtS: utcS("2026-12-03T00:30:00Z"),
      createdAtS: utcS("2026-12-03T00:45:00Z"),
    });
    expect(r.events[0]!.extra["FTX+AAI"]).toBe("++EMPTY RETURN~ OK!");
  });
});

/** A one-message CODECO around `groups`, with a correct UNT count unless told. */
function codeco(
  groups: string[],
  opts: { bgm?: string; unt?: number; unz?: string; version?: string } = {},
): string {
  const body = [
    `UNH+M1+${opts.version ?? "CODECO:D:95B:UN"}`,
    `BGM+${opts.bgm ?? "34"}+DOC1+9`,
    "LOC+165+USLAX:139:6+YUSEN:TER:ZZZ",
    ...groups,
  ];
  const unt = opts.unt ?? body.length + 1;
  return ["UNB+UNOA:2+A+B+261101:1030+REF1", ...body, `UNT+${unt}+M1`, `UNZ+1+${opts.unz ?? "REF1"}`]
    .map((s) => `${s}'`)
    .join("\n");
}
const group = (box: string, extra: string[] = []) => [
  `EQD+CN+${box}+45G1:102:5++3+5`,
  "DTM+7:202611011000:203",
  ...extra,
];

describe("parseEdifact: bad input of every kind", () => {
  it("refuses a broken UNA (too short, repeated separators) as one reject", () => {
    for (const text of ["UNA:+", "UNA::.? 'UNB+UNOA:2'"]) {
      const r = parseEdifact(text, "bad.edi", facilities);
      expect(r).toMatchObject({ read: 1, events: [], rejects: [{ line: 1, field: "UNA" }] });
    }
  });

  it("tokenizes ?' and ?? as data and refuses a release before an ordinary character", () => {
    const t = tokenizeEdifact("FTX+AAI+++IT?'S 50?? OFF'FTX+AAI+++BAD?X'");
    expect(t.segments[0]!.elements[3]).toEqual(["IT'S 50? OFF"]);
    expect(t.segments[0]!.error).toBeNull();
    expect(t.segments[1]!.error).toMatch(/not a service character/);
    // "??'" ends the segment: the release character is itself released.
    const u = tokenizeEdifact("FTX+A+++X??'UNT+2+1'");
    expect(u.segments.map((s) => s.tag)).toEqual(["FTX", "UNT"]);
    expect(u.segments[0]!.elements[3]).toEqual(["X?"]);
  });

  it("rejects the group holding a bad release character with its line", () => {
    const r = parseEdifact(codeco(group("MAGU5591240", ["FTX+AAI+++BAD?X"])), "rel.edi", facilities);
    // UNB 1, UNH 2, BGM 3, LOC 4, EQD 5, DTM 6, FTX 7.
    expect(r.rejects).toMatchObject([{ line: 7, field: "FTX" }]);
    counted(r);
  });

  it("rejects every group of a message whose UNT count is wrong, or that has no UNT", () => {
    const wrong = parseEdifact(
      codeco([...group("MAGU5591240"), ...group("CBHU6192031")], { unt: 5 }),
      "u.edi",
      facilities,
    );
    expect(wrong.events).toEqual([]);
    expect(wrong.rejects).toHaveLength(2);
    expect(wrong.rejects[0]).toMatchObject({
      line: 5,
      field: "UNT",
      reason: expect.stringMatching(/UNT says 5 segments, the message has 8/),
    });
    counted(wrong);
    const missing = parseEdifact(
      ["UNH+M1+CODECO:D:95B:UN", "BGM+34+D+9", ...group("MAGU5591240")].map((s) => `${s}'`).join(""),
      "m.edi",
      facilities,
    );
    expect(missing.rejects).toMatchObject([{ field: "UNT", reason: expect.stringMatching(/no UNT/) }]);
    counted(missing);
  });

  it("rejects the interchange when UNZ's reference does not match UNB's", () => {
    const r = parseEdifact(codeco(group("MAGU5591240"), { unz: "OTHER" }), "z.edi", facilities);
    expect(r.rejects).toMatchObject([
      { field: "UNZ", reason: expect.stringMatching(/UNZ reference OTHER does not match UNB REF1/) },
    ]);
    counted(r);
  });

  it("rejects a container that fails its check digit, naming it", () => {
    const r = parseEdifact(codeco([...group("MAGU5591241"), ...group("CBHU6192031")]), "c.edi", facilities);
    expect(r.events.map((e) => e.containerNumber)).toEqual(["CBHU6192031"]);
    expect(r.rejects).toMatchObject([
      { line: 5, field: "EQD+CN/MAGU5591241", reason: expect.stringMatching(/check digit/) },
    ]);
  });

  it("rejects a message whose CNT+16 disagrees with its groups", () => {
    const r = parseEdifact(codeco([...group("MAGU5591240"), "CNT+16:2"]), "n.edi", facilities);
    expect(r.rejects).toMatchObject([{ field: "CNT+16" }]);
  });

  it("refuses unknown BGM codes, other message types and directories before D.95B", () => {
    expect(
      parseEdifact(codeco(group("MAGU5591240"), { bgm: "99" }), "b.edi", facilities).rejects,
    ).toMatchObject([{ field: "BGM+99" }]);
    expect(
      parseEdifact(codeco(group("MAGU5591240"), { version: "IFTSAI:D:99B:UN" }), "t.edi", facilities).rejects,
    ).toMatchObject([{ field: "UNH/IFTSAI" }]);
    expect(
      parseEdifact(codeco(group("MAGU5591240"), { version: "CODECO:D:93A:UN" }), "v.edi", facilities).rejects,
    ).toMatchObject([{ field: "UNH/CODECO:D:93A" }]);
  });

  it("refuses a group without event time, a bad date format and an impossible date", () => {
    const r = parseEdifact(
      codeco([
        "EQD+CN+MAGU5591240+45G1:102:5++3+5",
        "EQD+CN+CBHU6192031+42G1:102:5++3+5",
        "DTM+7:20261101:203",
        "EQD+CN+TEMU3412100+22G1:102:5++3+5",
        "DTM+7:20260231:102",
      ]),
      "d.edi",
      facilities,
    );
    expect(r.rejects.map((x) => x.field)).toEqual(["EQD+CN/MAGU5591240 DTM", "DTM+7", "DTM+7"]);
    expect(r.rejects[2]!.reason).toMatch(/not a real date/);
    counted(r);
  });

  it("rejects a repeated equipment group (same box, move, time, place) inside one file", () => {
    const r = parseEdifact(codeco([...group("MAGU5591240"), ...group("MAGU5591240")]), "dup.edi", facilities);
    expect(r.events).toHaveLength(1);
    expect(r.rejects).toMatchObject([
      { line: 7, field: "EQD+CN/MAGU5591240", reason: expect.stringMatching(/line 5/) },
    ]);
    counted(r);
  });

  it("reads CRLF line breaks between segments the same as LF", () => {
    const lf = fixture("coarri_d95b_itgoa-vte_cosco-africa_2016-02.edi");
    const crlf = parseEdifact(lf.replaceAll("\n", "\r\n"), "crlf.edi", facilities);
    expect(crlf.rejects).toEqual([]);
    expect(crlf.events.map((e) => e.eventId)).toEqual(
      parseEdifact(lf, "lf.edi", facilities).events.map((e) => e.eventId),
    );
  });

  it("refuses a LOC whose UN/LOCODE has no country", () => {
    const r = parseEdifact(
      codeco(group("MAGU5591240")).replace("USLAX:139:6", "XYABC:139:6"),
      "l.edi",
      facilities,
    );
    expect(r.rejects).toMatchObject([{ field: "LOC+165/XYABC" }]);
  });
});

import { describe, expect, it } from "vitest";
import { AisDecoder, type AisReject, decodeAisLines } from "./decoder.ts";
import { nmeaChecksum } from "./encode.ts";
import type { AisMessage } from "./messages.ts";
import { ARMOR_CHAR, ARMOR_VALUE, BitWriter, readInt, readText, readUint } from "./sixbit.ts";

/** Builds a sentence with a correct checksum from its body (without '!' and '*hh'). */
function sentence(body: string): string {
  return `!${body}*${nmeaChecksum(body)}`;
}

function one(line: string): AisMessage {
  const r = decodeAisLines([line]);
  expect(r.rejects).toEqual([]);
  expect(r.messages).toHaveLength(1);
  return r.messages[0]!;
}

// A known-good position report (gpsd "AIVDM/AIVDO protocol decoding", type 1 example).
const GPSD_TYPE1 = "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C";

describe("six-bit field access", () => {
  it("reads the type, MMSI and text fields of the doc-comment examples", () => {
    const sb = Uint8Array.from("15M67FC000G?ufbE`FepT@3n00Sa", (c) => {
      const v = c.charCodeAt(0) - 48;
      return v > 40 ? v - 8 : v;
    });
    expect(readUint(sb, 0, 6)).toBe(1);
    expect(readUint(sb, 8, 30)).toBe(366053209);
    expect(readInt(Uint8Array.of(0b100000, 0b000000), 0, 8)).toBe(-128);
    // "3FOF8@@" as six-bit values: '3'=51, 'F'=6, 'O'=15, 'F'=6, '8'=56, '@'=0, '@'=0.
    const text = Uint8Array.of(51, 6, 15, 6, 56, 0, 0);
    expect(readText(text, 0, 7)).toBe("3FOF8");
    // Trailing spaces trimmed, all padding → null.
    expect(readText(Uint8Array.of(1, 32, 32), 0, 3)).toBe("A");
    expect(readText(Uint8Array.of(0, 1), 0, 2)).toBeNull();
  });

  it("armours bits with fill bits (BitWriter doc-comment example)", () => {
    expect(new BitWriter().uint(1, 6).uint(0, 2).armor()).toEqual({ payload: "10", fillBits: 4 });
    // Every armour character maps back to its value.
    for (let v = 0; v < 64; v++) expect(ARMOR_VALUE[ARMOR_CHAR[v]!.charCodeAt(0)]).toBe(v);
  });
});

describe("published examples", () => {
  it("type 1 — gpsd AIVDM guide example (also pyais test_msg_type_1_a)", () => {
    const m = one(GPSD_TYPE1);
    expect(m).toMatchObject({
      line: 1,
      channel: "B",
      msgType: 1,
      repeat: 0,
      mmsi: 366053209,
      navStatus: 3,
      rotDegPerMin: 0,
      sogKnots: 0,
      positionAccuracy: 0,
      cogDeg: 219.3,
      headingDeg: 1,
      utcSecond: 59,
      maneuver: null,
      raim: 0,
      radio: 2281,
    });
    if (m.msgType !== 1) throw new Error("type");
    expect(m.lonDeg).toBeCloseTo(-122.341618, 6);
    expect(m.latDeg).toBeCloseTo(37.802118, 6);
  });

  it("type 1 with not-available turn, course and heading — pyais test_msg_type_1_b", () => {
    const m = one("!AIVDM,1,1,,A,15NPOOPP00o?b=bE`UNv4?w428D;,0*24");
    expect(m).toMatchObject({
      mmsi: 367533950,
      navStatus: 0,
      rotDegPerMin: null,
      rotRaw: -128,
      sogKnots: 0,
      positionAccuracy: 1,
      cogDeg: null,
      headingDeg: null,
      utcSecond: 34,
      raim: 1,
      radio: 34059,
    });
    if (m.msgType !== 1) throw new Error("type");
    expect(m.lonDeg).toBeCloseTo(-122.408232, 6);
    expect(m.latDeg).toBeCloseTo(37.808418, 6);
  });

  it("type 3 — pyais test_msg_type_3", () => {
    const m = one("!AIVDM,1,1,,A,35NSH95001G?wopE`beasVk@0E5:,0*6F");
    expect(m).toMatchObject({ msgType: 3, mmsi: 367581220, navStatus: 5, sogKnots: 0.1 });
    expect(m).toMatchObject({ cogDeg: 254.2, headingDeg: 217, utcSecond: 40, raim: 0 });
    if (m.msgType !== 3) throw new Error("type");
    expect(m.latDeg).toBeCloseTo(37.8107, 4);
    expect(m.lonDeg).toBeCloseTo(-122.3343, 4);
  });

  it("type 4 — pyais test_msg_type_4_a / 4_b (gpsd sample.aivdm)", () => {
    const a = one("!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D");
    expect(a).toMatchObject({ msgType: 4, mmsi: 3669702, year: 2007, month: 5, day: 14 });
    expect(a).toMatchObject({ hour: 19, minute: 57, second: 39, positionAccuracy: 1, epfd: 7 });
    if (a.msgType !== 4) throw new Error("type");
    expect(a.lonDeg).toBeCloseTo(-76.352362, 6);
    expect(a.latDeg).toBeCloseTo(36.883767, 6);
    const b = one("!AIVDM,1,1,,B,403OtVAv>lba;o?Ia`E`4G?02H6k,0*44");
    expect(b).toMatchObject({ mmsi: 3669145, year: 2019, month: 11, day: 9, hour: 10, minute: 41 });
    expect(b).toMatchObject({ second: 11, epfd: 15 });
  });

  it("type 5, two sentences — gpsd AIVDM guide example (EVER DIADEM), pyais test_msg_type_5", () => {
    const r = decodeAisLines([
      "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
      "!AIVDM,2,2,1,A,88888888880,2*25",
    ]);
    expect(r.rejects).toEqual([]);
    expect(r.messages[0]).toEqual({
      line: 2,
      channel: "A",
      msgType: 5,
      repeat: 0,
      mmsi: 351759000,
      aisVersion: 0,
      imo: 9134270,
      callsign: "3FOF8",
      shipname: "EVER DIADEM",
      shipType: 70,
      toBowM: 225,
      toSternM: 70,
      toPortM: 1,
      toStarboardM: 31,
      epfd: 1,
      etaMonth: 5,
      etaDay: 15,
      etaHour: 14,
      etaMinute: 0,
      draughtM: 12.2,
      destination: "NEW YORK",
      dte: 0,
    });
  });

  it("type 18 — pyais test_msg_type_18 and test_msg_type_18_speed", () => {
    const m = one("!AIVDM,1,1,,A,B5NJ;PP005l4ot5Isbl03wsUkP06,0*76");
    expect(m).toMatchObject({ msgType: 18, mmsi: 367430530, sogKnots: 0, positionAccuracy: 0 });
    expect(m).toMatchObject({ cogDeg: 0, headingDeg: null, utcSecond: 55, csUnit: 1, display: 0 });
    expect(m).toMatchObject({ dsc: 1, band: 1, msg22: 1, assigned: 0, raim: 0 });
    if (m.msgType !== 18) throw new Error("type");
    expect(m.latDeg).toBeCloseTo(37.79, 2);
    expect(m.lonDeg).toBeCloseTo(-122.27, 2);
    expect(one("!AIVDO,1,1,,A,B5NJ;PP2aUl4ot5Isbl6GwsUkP06,0*35")).toMatchObject({
      sogKnots: 67.8,
      cogDeg: 10.1,
    });
  });

  it("type 18 with every position field not available, empty channel — pyais test_empty_channel", () => {
    const m = one("!AIVDO,1,1,,,B>qc:003wk?8mP=18D3Q3wgTiT;T,0*13");
    expect(m).toMatchObject({ channel: null, mmsi: 1000000000, sogKnots: null, lonDeg: null, latDeg: null });
    expect(m).toMatchObject({ cogDeg: null, headingDeg: null, utcSecond: 31, radio: 410340 });
  });

  it("type 19 — gpsd fixture, pyais test_msg_type_19", () => {
    const m = one("!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B");
    expect(m).toMatchObject({
      msgType: 19,
      mmsi: 367059850,
      sogKnots: 8.7,
      positionAccuracy: 0,
      latDeg: 29.543695,
      cogDeg: 335.9,
      headingDeg: null,
      utcSecond: 46,
      shipname: "CAPT.J.RIMES",
      shipType: 70,
      toBowM: 5,
      toSternM: 21,
      toPortM: 4,
      toStarboardM: 4,
      epfd: 1,
      dte: 0,
      assigned: 0,
    });
    if (m.msgType !== 19) throw new Error("type");
    expect(m.lonDeg).toBeCloseTo(-88.810392, 5);
  });

  it("type 21, two sentences — pyais test_msg_type_21 (DFO2)", () => {
    const r = decodeAisLines([
      "!AIVDM,2,1,7,B,E4eHJhPR37q0000000000000000KUOSc=rq4h00000a,0*4A",
      "!AIVDM,2,2,7,B,@20,4*54",
    ]);
    expect(r.messages[0]).toMatchObject({
      line: 2,
      msgType: 21,
      mmsi: 316021442,
      aidType: 1,
      name: "DFO2",
      positionAccuracy: 1,
      latDeg: 48.65457,
      lonDeg: -123.429155,
      toBowM: 0,
      offPosition: 1,
      raim: 1,
      virtualAid: 0,
      assigned: 0,
      epfd: 1,
    });
  });

  it("type 21 of 268 bits (no RAIM/virtual/assigned flags) — pyais test_issue_46_b (STDB CUT 2)", () => {
    const m = one("!AIVDM,1,1,,B,E>lt;KLab21@1bb@I@@@@@@@@@@D8k2tnmvs000003v0@,2*52");
    expect(m).toMatchObject({
      msgType: 21,
      mmsi: 995036013,
      aidType: 25,
      name: "STDB CUT 2",
      positionAccuracy: 1,
      toBowM: 0,
      epfd: 7,
      utcSecond: null,
      offPosition: 0,
      raim: null,
      virtualAid: null,
      assigned: null,
    });
    if (m.msgType !== 21) throw new Error("type");
    expect(m.lonDeg).toBeCloseTo(115.691833, 6);
    expect(m.latDeg).toBeCloseTo(-32.004333, 6);
  });

  it("type 24 part B — pyais test_msg_type_24; 160-bit part A — pyais test_msg_type_24_with_160_bits", () => {
    expect(one("!AIVDM,1,1,,A,H52KMeDU653hhhi0000000000000,0*1A")).toMatchObject({
      msgType: 24,
      mmsi: 338091445,
      partNo: 1,
      shipType: 37,
      vendorId: "FEC",
      callsign: null,
      toBowM: 0,
      toSternM: 0,
      toPortM: 0,
      toStarboardM: 0,
      mothershipMmsi: null,
    });
    // 27 characters with 2 fill bits = 160 bits exactly.
    expect(one("!AIVDO,1,1,,A,H1mg=5@EP4m0hF1<PU000000000,2*77")).toMatchObject({
      msgType: 24,
      partNo: 0,
      mmsi: 123456789,
    });
    // The same with 168 bits (pyais test_msg_type_24_with_168_bits).
    expect(one("!AIVDO,1,1,,A,H1mg=5@EP4m0hF1<PU0000000000,0*45")).toMatchObject({
      partNo: 0,
      mmsi: 123456789,
    });
  });

  it("type 27 — pyais test_msg_type_27 and test_msg_type_27_signed", () => {
    const m = one("!AIVDM,1,1,,B,KC5E2b@U19PFdLbMuc5=ROv62<7m,0*16");
    expect(m).toMatchObject({ msgType: 27, mmsi: 206914217, positionAccuracy: 0, raim: 0, navStatus: 2 });
    expect(m).toMatchObject({ latDeg: 4.84, sogKnots: 57, cogDeg: 167, gnss: 0 });
    if (m.msgType !== 27) throw new Error("type");
    expect(m.lonDeg).toBeCloseTo(137.023333, 6);
    const s = one("!AIVDO,1,1,,A,K01;FQh?PbtE3P00,0*75");
    if (s.msgType !== 27) throw new Error("type");
    expect(s.mmsi).toBe(1234567);
    expect(s.lonDeg).toBeCloseTo(-13.368333, 6);
    expect(s.latDeg).toBeCloseTo(-50.121667, 6);
  });
});

describe("decodeAisLines", () => {
  it("gives the doc-comment example: one message and one not_ais reject", () => {
    const r = decodeAisLines([GPSD_TYPE1, "junk"]);
    expect(r.messages.map((m) => m.mmsi)).toEqual([366053209]);
    expect(r.rejects).toEqual([{ line: 2, reason: "not_ais", text: "junk" }]);
  });
});

describe("sentence tolerance", () => {
  it("accepts other talker IDs and !AIVDO", () => {
    const body = "15M67FC000G?ufbE`FepT@3n00Sa,0";
    for (const talker of ["BSVDM", "ABVDM", "AIVDO"]) {
      expect(one(sentence(`${talker},1,1,,B,${body}`)).mmsi).toBe(366053209);
    }
  });

  it("tolerates USCG receiver metadata after the checksum and a trailing CR", () => {
    expect(one(`${GPSD_TYPE1},s1234,d-096,T12.3,x1,r003669945,1230000000`).mmsi).toBe(366053209);
    expect(one(`${GPSD_TYPE1}\r`).mmsi).toBe(366053209);
  });

  it("accepts over-long type 1 (extra bits ignored) and rejects a truncated one", () => {
    const long = sentence("AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa00,0");
    expect(one(long).mmsi).toBe(366053209);
    // 144 bits: the report stops inside its position fields (149 bits reach RAIM).
    const short = sentence("AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n,0");
    expect(decodeAisLines([short]).rejects).toEqual([{ line: 1, reason: "truncated", text: short }]);
  });
});

describe("rejects: every class has its reason and the lines around it still decode", () => {
  const cases: [string, AisReject["reason"]][] = [
    ["!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5D", "bad_checksum"],
    [sentence("AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3,0"), "truncated"],
    [sentence("AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,7"), "bad_fill_bits"],
    [sentence("AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,"), "bad_fill_bits"],
    // Type 0 is not defined by M.1371-5 (pyais test_decode_pos_1_2_3 reads it as a position).
    ["!AIVDM,1,1,,B,0S9edj0P03PecbBN`ja@0?w42cFC,0*7C", "unsupported_type"],
    [sentence("AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00S~,0"), "bad_armor_character"],
    [sentence("AIVDM,1,1,,B,15M67FC000G?ufbE`FepTX3n00Sa,0"), "bad_armor_character"],
    [sentence("AIVDM,2,2,3,B,88888888880,2"), "orphan_part"],
    [sentence("AIVDM,1,1,,B,,0"), "empty_payload"],
    [`\\s:rx1,c:1700000000*00\\${GPSD_TYPE1}`, "bad_tag_block_checksum"],
    [`\\s:rx1,c:1700000000\\${GPSD_TYPE1}`, "bad_tag_block_checksum"],
    ["$GPGGA,064036.289,4836.5375,N,00740.9373,E,1,04,3.2,200.2,M,,,,0000*0E", "not_ais"],
    ["garbage", "not_ais"],
    ["!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0", "malformed_sentence"],
    [sentence("AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0,extra"), "malformed_sentence"],
    [sentence("AIVDM,1,3,,B,15M67FC000G?ufbE`FepT@3n00Sa,0"), "malformed_sentence"],
  ];
  for (const [bad, reason] of cases) {
    it(`${reason}: ${bad.slice(0, 50)}`, () => {
      const r = decodeAisLines([GPSD_TYPE1, bad, GPSD_TYPE1]);
      expect(r.rejects).toEqual([{ line: 2, reason, text: bad }]);
      expect(r.messages.map((m) => m.line)).toEqual([1, 3]);
      expect(r.stats.byReason[reason]).toBe(1);
      expect(r.stats.lines).toBe(r.stats.blankLines + r.stats.linesInMessages + r.stats.rejected);
    });
  }

  it("mismatched_part: a part that does not continue the pending message", () => {
    const p1 = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
    const wrong = sentence("AIVDM,3,2,1,A,88888888880,2");
    const r = decodeAisLines([p1, wrong, GPSD_TYPE1]);
    expect(r.rejects).toEqual([
      { line: 1, reason: "mismatched_part", text: p1 },
      { line: 2, reason: "mismatched_part", text: wrong },
    ]);
    expect(r.messages.map((m) => m.line)).toEqual([3]);
  });

  it("blank lines are counted, not rejected", () => {
    const r = decodeAisLines(["", "  ", GPSD_TYPE1]);
    expect(r.stats).toMatchObject({ lines: 3, blankLines: 2, messages: 1, rejected: 0 });
  });
});

describe("multi-sentence reassembly", () => {
  const A1 = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
  const A2 = "!AIVDM,2,2,1,A,88888888880,2*25";
  // pyais test_byte_stream: NORDIC HAMBURG, mmsi 210035000.
  const B1 = "!AIVDM,2,1,9,A,538CQ>02A;h?D9QC800pu8@T>0P4l9E8L0000017Ah:;;5r50Ahm5;C0,0*0F";
  const B2 = "!AIVDM,2,2,9,A,F@V@00000000000,2*3D";

  it("interleaves messages by sequence id, with single sentences between the parts", () => {
    const r = decodeAisLines([A1, B1, GPSD_TYPE1, B2, A2]);
    expect(r.rejects).toEqual([]);
    expect(r.messages.map((m) => [m.line, m.mmsi])).toEqual([
      [3, 366053209],
      [4, 210035000],
      [5, 351759000],
    ]);
    expect(r.messages[1]).toMatchObject({ shipname: "NORDIC HAMBURG" });
  });

  it("keeps parts from different sources apart (tag block s:)", () => {
    const tag = (s: string) => `\\s:${s}*${nmeaChecksum(`s:${s}`)}\\`;
    const r = decodeAisLines([tag("r1") + A1, tag("r2") + A1, tag("r2") + A2, tag("r1") + A2]);
    expect(r.rejects).toEqual([]);
    expect(r.messages.map((m) => [m.line, m.tagSource])).toEqual([
      [3, "r2"],
      [4, "r1"],
    ]);
  });

  it("keeps parts from different USCG receivers apart (metadata ,r<id> after the checksum)", () => {
    const meta = (r: string) => `,s1234,d-096,T12.3,x1,r${r},1230000000`;
    const r = decodeAisLines([
      A1 + meta("003669945"),
      A1 + meta("003669946"),
      A2 + meta("003669946"),
      A2 + meta("003669945"),
    ]);
    expect(r.rejects).toEqual([]);
    expect(r.messages.map((m) => m.line)).toEqual([3, 4]);
    // Metadata without a receiver, or a CR on one part only, changes nothing.
    expect(decodeAisLines([`${A1}\r`, `${A2},s1234`]).messages.map((m) => m.line)).toEqual([2]);
  });

  it("gives up a first part after the timeout (orphan_part) and reports the late second part", () => {
    const filler = Array.from({ length: 40 }, () => GPSD_TYPE1);
    const rejects: AisReject[] = [];
    const dec = new AisDecoder({ partTimeoutLines: 10, onReject: (r) => rejects.push(r) });
    for (const l of [A1, ...filler, A2]) dec.push(l);
    dec.end();
    expect(rejects).toEqual([
      { line: 1, reason: "orphan_part", text: A1 },
      { line: 42, reason: "orphan_part", text: A2 },
    ]);
    expect(dec.stats.messages).toBe(40);
  });

  it("times out by clock for live feeds", () => {
    let t = 0;
    const rejects: AisReject[] = [];
    const dec = new AisDecoder({ partTimeoutMs: 1000, now: () => t, onReject: (r) => rejects.push(r) });
    dec.push(A1);
    t = 5000;
    for (let k = 0; k < 40; k++) dec.push(GPSD_TYPE1);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[1, "orphan_part"]]);
  });

  it("reports an incomplete message at end of input, and a restarted one as orphan", () => {
    const r = decodeAisLines([A1, A1, A2, B1]);
    expect(r.rejects).toEqual([
      { line: 1, reason: "orphan_part", text: A1 },
      { line: 4, reason: "orphan_part", text: B1 },
    ]);
    expect(r.messages.map((m) => m.line)).toEqual([3]);
    expect(r.stats.pendingLines).toBe(0);
    expect(r.stats.lines).toBe(r.stats.linesInMessages + r.stats.rejected);
  });

  it("rejects every part of a reassembled message that is too short (truncated)", () => {
    const p1 = sentence("AIVDM,2,1,4,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn22222222,0");
    const p2 = sentence("AIVDM,2,2,4,A,16L9,0");
    const r = decodeAisLines([p1, p2]);
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [1, "truncated"],
      [2, "truncated"],
    ]);
  });
});

describe("NMEA 4.0 tag blocks", () => {
  function tagged(fields: string, s: string): string {
    return `\\${fields}*${nmeaChecksum(fields)}\\${s}`;
  }

  it("reads s: and c: (seconds, or milliseconds scaled to seconds)", () => {
    expect(one(tagged("s:rORBCOMM000,c:1426118400", GPSD_TYPE1))).toMatchObject({
      mmsi: 366053209,
      tagSource: "rORBCOMM000",
      tagUnixTimeS: 1426118400,
    });
    expect(one(tagged("c:1426118400123,s:x", GPSD_TYPE1))).toMatchObject({ tagUnixTimeS: 1426118400.123 });
  });

  it("ignores other tag fields (n:, d:, t:), reads decimal times, skips a malformed g:", () => {
    expect(one(tagged("n:42,s:rx1,d:rx2,c:1426118400.5,t:hello", GPSD_TYPE1))).toMatchObject({
      tagSource: "rx1",
      tagUnixTimeS: 1426118400.5,
    });
    const m = one(tagged("g:1-1,c:x", GPSD_TYPE1));
    expect(m.tagGroupId).toBeUndefined();
    expect(m.tagUnixTimeS).toBeUndefined();
  });

  it("links parts by g: group even when only the first carries s: and c:", () => {
    const p1 = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
    const p2 = "!AIVDM,2,2,1,A,88888888880,2*25";
    const r = decodeAisLines([
      tagged("g:1-2-1234,s:rx7,c:1700000000", p1),
      tagged("s:rx9", GPSD_TYPE1),
      tagged("g:2-2-1234", p2),
    ]);
    expect(r.rejects).toEqual([]);
    expect(r.messages.map((m) => [m.line, m.msgType, m.tagSource])).toEqual([
      [2, 1, "rx9"],
      [3, 5, "rx7"],
    ]);
    expect(r.messages[1]).toMatchObject({
      tagGroupId: 1234,
      tagUnixTimeS: 1700000000,
      shipname: "EVER DIADEM",
    });
  });
});

describe("pushBytes (lines cut from a byte chunk)", () => {
  it("decodes lines in place, strips CR from reject texts, and reassembles parts", () => {
    const A1 = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
    const A2 = "!AIVDM,2,2,1,A,88888888880,2*25";
    const chunk = Buffer.from(`${A1}\r\nno bang here\r\n${GPSD_TYPE1}\r\n${A2}\r\n`, "latin1");
    const rejects: AisReject[] = [];
    const dec = new AisDecoder({ onReject: (r) => rejects.push(r) });
    const out: AisMessage[] = [];
    let from = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
      const m = dec.pushBytes(chunk, from, nl);
      if (m !== null) out.push(m);
      from = nl + 1;
    }
    dec.end();
    expect(out.map((m) => [m.line, m.mmsi])).toEqual([
      [3, 366053209],
      [4, 351759000],
    ]);
    expect(rejects).toEqual([{ line: 2, reason: "not_ais", text: "no bang here" }]);
  });

  it("rejects a sentence with characters outside Latin-1 instead of aliasing them", () => {
    // U+0140 would become 0x40 ('@') if only its low byte were kept; the checksum still fails.
    const bad = GPSD_TYPE1.replace("15M67", "15M6\u0140");
    expect(decodeAisLines([bad]).rejects.map((r) => [r.reason, r.text])).toEqual([["bad_checksum", bad]]);
  });
});

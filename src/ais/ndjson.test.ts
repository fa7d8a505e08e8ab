import { describe, expect, it } from "vitest";
import { decodeAisLines } from "./decoder.ts";
import { encodeAis, nmeaChecksum } from "./encode.ts";
import type { AisMessage, AisPayload } from "./messages.ts";
import { NdjsonWriter } from "./ndjson.ts";

function tagged(fields: string, s: string): string {
  return `\\${fields}*${nmeaChecksum(fields)}\\${s}`;
}

/**
 * Published sentences of every message type we decode (sources beside each; the same cases the
 * decoder tests check field by field), so the writer meets each type's field set.
 */
const PUBLISHED: string[] = [
  "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C", // 1: gpsd AIVDM guide
  "!AIVDM,1,1,,A,15NPOOPP00o?b=bE`UNv4?w428D;,0*24", // 1, not-available fields: pyais test_msg_type_1_b
  "!AIVDM,1,1,,A,35NSH95001G?wopE`beasVk@0E5:,0*6F", // 3: pyais test_msg_type_3
  "!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D", // 4: pyais test_msg_type_4_a
  "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C", // 5: gpsd guide
  "!AIVDM,2,2,1,A,88888888880,2*25",
  "!AIVDM,1,1,,A,B5NJ;PP005l4ot5Isbl03wsUkP06,0*76", // 18: pyais test_msg_type_18
  "!AIVDO,1,1,,,B>qc:003wk?8mP=18D3Q3wgTiT;T,0*13", // 18, empty channel: pyais test_empty_channel
  "!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B", // 19: pyais test_msg_type_19
  "!AIVDM,2,1,7,B,E4eHJhPR37q0000000000000000KUOSc=rq4h00000a,0*4A", // 21: pyais test_msg_type_21
  "!AIVDM,2,2,7,B,@20,4*54",
  "!AIVDM,1,1,,B,E>lt;KLab21@1bb@I@@@@@@@@@@D8k2tnmvs000003v0@,2*52", // 21, 268 bits: pyais test_issue_46_b
  "!AIVDM,1,1,,A,H52KMeDU653hhhi0000000000000,0*1A", // 24 B: pyais test_msg_type_24
  "!AIVDO,1,1,,A,H1mg=5@EP4m0hF1<PU000000000,2*77", // 24 A, 160 bits: pyais test_msg_type_24_with_160_bits
  "!AIVDM,1,1,,B,KC5E2b@U19PFdLbMuc5=ROv62<7m,0*16", // 27: pyais test_msg_type_27
  "!AIVDO,1,1,,A,K01;FQh?PbtE3P00,0*75", // 27, signed: pyais test_msg_type_27_signed
  // The other types (gpsd test/sample.aivdm unless noted; libais = test/data/typeexamples.nmea).
  "!AIVDM,1,1,,B,6B?n;be:cbapalgc;i6?Ow4,2*4A", // 6
  "!AIVDM,1,1,,A,7IiQ4T`UjA9lC;b:M<MWE@,4*01", // 7, two of four acknowledgements
  "!AIVDM,1,1,,A,85Mwp`1Kf3aCnsNvBWLi=wQuNhA5t43N`5nCuI=p<IBfVqnMgPGs,0*47", // 8
  "!AIVDM,1,1,,B,91b55wi;hbOS@OdQAC062Ch2089h,0*30", // 9
  "!AIVDM,1,1,,B,:5MlU41GMK6@,0*6C", // 10
  "!AIVDM,1,1,,B,;4R33:1uUK2F`q?mOt@@GoQ00000,0*5D", // 11
  "!AIVDM,1,1,,B,<NnJ4`u1=C7>qV3?qoRm,0*1E", // 12 with '"' in its text: libais
  "!AIVDM,1,1,,A,=39UOj0jFs9R,0*65", // 13
  "!AIVDM,1,1,,A,>3R1p10E3;;R0USCR0HO>0@gN10kGJp,2*7F", // 14
  "!AIVDM,1,1,,A,?39a?2PjKFFPD01o:Gq1igvp2<3w,0*0B", // 15
  "!AIVDM,1,1,,A,@01uEO@mMk7P<P00,0*18", // 16
  "!AIVDM,2,1,5,A,A02VqLPA4I6C07h5Ed1h<OrsuBTTwS?r:C?w`?la<gno1RTRwSP9:BcurA8a,0*3A", // 17
  "!AIVDM,2,2,5,A,:Oko02TSwu8<:Jbb,0*11",
  "!AIVDM,1,1,,B,D030p8@2tN?b<`O6DmQO6D0,2*5D", // 20
  "!AIVDM,1,1,,A,F030ot22N2P6aoQbhe4736L20000,0*1A", // 22, regional
  "!AIVDM,1,1,,A,F@@W>gOP00PH=JrN9l000?wB2HH;,0*44", // 22, addressed
  "!AIVDM,1,1,,B,G02:Kn01R`sn@291nj600000900,2*12", // 23
  "!AIVDM,1,1,,A,I8IRGB40QPPa0:<HP::V=gwv0l48,0*0E", // 25
  "!AIVDM,1,1,,A,JB3R0GO7p>vQL8tjw0b5hqpd0706kh9d3lR2vbl0400,2*40", // 26
  "!AIVDM,1,1,,A,13aIkM@P00PJ@qPNL=e@0?wJ28JO,5*63", // 1 cut short: radio null
];

/** Text fields with every character JSON must escape that six-bit text can carry ('"' and '\'). */
const AWKWARD: AisPayload[] = [
  {
    msgType: 5,
    repeat: 0,
    mmsi: 366999999,
    aisVersion: 0,
    imo: 9123456,
    callsign: 'W"\\1',
    shipname: 'SAY "HI" \\ BYE',
    shipType: 70,
    toBowM: 1,
    toSternM: 2,
    toPortM: 3,
    toStarboardM: 4,
    epfd: 1,
    etaMonth: 12,
    etaDay: 31,
    etaHour: 23,
    etaMinute: 59,
    draughtM: 12.3,
    destination: "L0S ANGELES\\",
    dte: 0,
  },
  { msgType: 24, repeat: 0, mmsi: 366999998, partNo: 0, shipname: '"QUOTED"' },
];

function ndjson(messages: AisMessage[]): string {
  const w = new NdjsonWriter(64); // small, so the buffer also has to grow
  for (const m of messages) w.message(m);
  return w.take().toString("utf8");
}

describe("NdjsonWriter writes what JSON.stringify writes", () => {
  it("on every message type of the published cases", () => {
    const r = decodeAisLines(PUBLISHED);
    expect(r.rejects).toEqual([]);
    // Every type M.1371-5 defines, 1..27, except 2 (same writer case as 1 and 3).
    const types = new Set(r.messages.map((m) => m.msgType));
    expect([...types].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 27 }, (_, k) => k + 1).filter((t) => t !== 2),
    );
    expect(r.messages.some((m) => m.msgType === 12 && m.text?.includes('"'))).toBe(true);
    const want = r.messages.map((m) => `${JSON.stringify(m)}\n`).join("");
    expect(ndjson(r.messages)).toBe(want);
  });

  it("on text needing escapes, tag blocks with quotes, control and non-ASCII characters", () => {
    const lines = AWKWARD.flatMap((p) => encodeAis(p, { channel: "B", seqId: 3 }));
    // (A tag block cannot hold '\': it ends the block.)
    lines.push(
      tagged('s:rx"7\u0001é,c:1700000000.25,g:1-1-99', "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C"),
    );
    const body = "AIVDM,1,1,,weird,15M67FC000G?ufbE`FepT@3n00Sa,0";
    lines.push(tagged("s:x,c:1700000000", `!${body}*${nmeaChecksum(body)}`));
    const r = decodeAisLines(lines);
    expect(r.rejects).toEqual([]);
    expect(
      r.messages.map((m) =>
        m.msgType === 5 || (m.msgType === 24 && m.partNo === 0) ? m.shipname : m.tagSource,
      ),
    ).toEqual(['SAY "HI" \\ BYE', '"QUOTED"', 'rx"7\u0001é', "x"]);
    const got = ndjson(r.messages);
    expect(got).toBe(r.messages.map((m) => `${JSON.stringify(m)}\n`).join(""));
    expect(
      got
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual(JSON.parse(JSON.stringify(r.messages)));
  });

  it("appends any text (rejects) and hands the bytes over with take()", () => {
    const w = new NdjsonWriter(8);
    w.text('{"line":2,"reason":"not_ais","text":"é"}\n');
    expect(w.length).toBe(42);
    expect(w.take().toString("utf8")).toBe('{"line":2,"reason":"not_ais","text":"é"}\n');
    expect(w.length).toBe(0);
    expect(w.take().length).toBe(0);
  });
});

/**
 * Other decoders' published test cases, checked field by field against the values their suites
 * assert. Sources (cited beside each case):
 *  - gpsd:  ntpsec/gpsd test/sample.aivdm (sentences) and test/sample.aivdm.chk (expected values, in
 *           gpsd's unscaled form: positions in 1/10 000 min, or 1/10 min for types 17, 22, 23, 27).
 *  - pyais: M0r13n/pyais tests/test_decode.py and tests/test_tag_block.py.
 *  - libais: schwehr/libais test/data/typeexamples.nmea with test/data/typeexamples.json.
 * Where we differ on purpose the case says so and why (see also docs/ais-decoding.md).
 */
import { describe, expect, it } from "vitest";
import { decodeAisLines } from "./decoder.ts";
import { nmeaChecksum } from "./encode.ts";
import type { AisMessage } from "./messages.ts";

function one(...lines: string[]): AisMessage {
  const r = decodeAisLines(lines);
  expect(r.rejects).toEqual([]);
  expect(r.messages).toHaveLength(1);
  return r.messages[0]!;
}

// Unscaled gpsd positions → degrees (M.1371-5: 1/10 000 minute, or 1/10 minute).
const min4 = (raw: number) => raw / 600000;
const min1 = (raw: number) => raw / 600;

describe("gpsd sample.aivdm / sample.aivdm.chk", () => {
  it("type 1 and 2 with ROT ±127 (no rate), radio status", () => {
    expect(one("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A")).toMatchObject({
      mmsi: 371798000,
      navStatus: 0,
      rotRaw: -127,
      rotDegPerMin: null,
      sogKnots: 12.3,
      positionAccuracy: 1,
      lonDeg: min4(-74037230),
      latDeg: min4(29028980),
      cogDeg: 224,
      headingDeg: 215,
      utcSecond: 33,
      radio: 0x84e1,
    });
    expect(one("!AIVDM,1,1,,B,25Cjtd0Oj;Jp7ilG7=UkKBoB0<06,0*60")).toMatchObject({
      msgType: 2,
      mmsi: 356302000,
      rotRaw: 127,
      sogKnots: 13.9,
      lonDeg: min4(-42975686),
      latDeg: min4(24235415),
      cogDeg: 87.7,
      headingDeg: 91,
      utcSecond: 41,
      radio: 0xc006,
    });
  });

  it("type 1 of 163 bits decodes like its 168-bit twin, radio null (gpsd reads a cut-off 0x434)", () => {
    const short = one("!AIVDM,1,1,,A,13aIkM@P00PJ@qPNL=e@0?wJ28JO,5*63");
    const full = one("!AIVDM,1,1,,A,13aIkM@P00PJ@qPNL=e@0?wJ28JO,0*66");
    expect(full).toMatchObject({
      mmsi: 244740981,
      rotRaw: -128,
      lonDeg: min4(3442480),
      latDeg: min4(31919541),
    });
    expect(full).toMatchObject({ utcSecond: 45, raim: 1, radio: 0x869f });
    // Difference on purpose: bits the sentence does not carry are not available, not zero.
    expect({ ...short, radio: 0x869f }).toEqual(full);
    expect(short.msgType === 1 && short.radio).toBeNull();
  });

  it("type 4 with every date, time and position field not available, and one with year 10196", () => {
    expect(one("!AIVDM,1,1,,A,402Fha0000Htt<tSF0l4Q@000d20,0*65")).toMatchObject({
      mmsi: 2470052,
      year: null,
      month: null,
      day: null,
      hour: null,
      minute: null,
      second: null,
      lonDeg: null,
      latDeg: null,
      epfd: null,
      radio: 0x2c080,
    });
    expect(one("!AIVDM,1,1,,B,4>O7m7Iu@<9qUfbtm`vSnwvH20S8,0*46")).toMatchObject({
      mmsi: 972158237,
      year: 10196,
      month: null,
      day: 24,
      hour: 9,
      minute: 57,
      second: 37,
      positionAccuracy: 1,
      lonDeg: min4(123070132),
      latDeg: min4(65599231),
      epfd: 14,
      raim: 1,
      radio: 0x8c8,
    });
  });

  it("type 5 with IMO 0, ETA not available, empty destination; interleaved parts on channels A and B", () => {
    const r = decodeAisLines([
      "!AIVDM,2,1,6,B,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht50000000000,0*3B",
      "!AIVDM,2,1,2,A,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht500000000000000,0*3C",
      "!AIVDM,2,2,2,A,0000002,2*24",
      "!AIVDM,2,2,6,B,00000000000,2*21",
    ]);
    expect(r.rejects).toEqual([]);
    expect(r.messages.map((m) => [m.line, m.channel])).toEqual([
      [3, "A"],
      [4, "B"],
    ]);
    for (const m of r.messages) {
      expect(m).toMatchObject({
        msgType: 5,
        mmsi: 271010059,
        aisVersion: 0,
        imo: null, // gpsd prints 0: "not available"
        callsign: "TCA2350",
        shipname: "HEALTH CONTROL 13",
        shipType: 55,
        toBowM: 6,
        toSternM: 10,
        toPortM: 2,
        toStarboardM: 2,
        epfd: 1,
        etaMonth: null, // gpsd "00-00T24:60Z"
        etaDay: null,
        etaHour: null,
        etaMinute: null,
        draughtM: 2, // gpsd 20 (decimetres)
        destination: null, // gpsd ""
        dte: 0,
      });
    }
  });

  it("type 6: application identifier and data (bits, hex)", () => {
    expect(one("!AIVDM,1,1,,B,6B?n;be:cbapalgc;i6?Ow4,2*4A")).toMatchObject({
      repeat: 1,
      mmsi: 150834090,
      seqNo: 3,
      destMmsi: 313240222,
      retransmit: 0,
      dac: 669,
      fid: 11,
      dataBits: 48,
      dataHex: "eb2f118f7ff1",
    });
    expect(one("!AIVDM,1,1,,A,63u?;TP0`QJ<06P000,4*43")).toMatchObject({
      mmsi: 265538450,
      destMmsi: 2655651,
      dac: 1,
      fid: 40,
      dataBits: 16,
      dataHex: "0000",
    });
    expect(one("!AIVDM,1,1,,A,601uEPprEH2@<P<j00,4*32")).toMatchObject({
      mmsi: 2053507,
      seqNo: 2,
      destMmsi: 244670500,
      dac: 200,
      fid: 3,
      dataBits: 16,
      dataHex: "3200",
    });
  });

  it("type 7: acknowledgements; a cut-off last MMSI is absent, not zero-padded", () => {
    expect(one("!AIVDM,1,1,,A,702R5`hwCjq8,0*6B")).toMatchObject({
      mmsi: 2655651,
      mmsi1: 265538450,
      mmsi2: null,
      mmsi3: null,
      mmsi4: null,
    });
    // gpsd .chk: 158483613|321823389|836359488 from 128 bits; the third MMSI would need bits up to
    // 134, and gpsd fills the missing 6 with zeros (836359488 = 64 × 13068117). We keep two.
    expect(one("!AIVDM,1,1,,A,7IiQ4T`UjA9lC;b:M<MWE@,4*01")).toMatchObject({
      repeat: 1,
      mmsi: 655901842,
      mmsi1: 158483613,
      mmsi2: 321823389,
      mmsi3: null,
    });
  });

  it("type 8: DAC/FI and data, single sentence, two parts with USCG metadata, three parts (510 bits)", () => {
    expect(one("!AIVDM,1,1,,A,85Mwp`1Kf3aCnsNvBWLi=wQuNhA5t43N`5nCuI=p<IBfVqnMgPGs,0*47")).toMatchObject({
      mmsi: 366999712,
      dac: 366,
      fid: 56,
      dataBits: 256,
      dataHex: "3a53dbb7be4a773137f87d7b0445f040dea05d93f593783194ae9b9d9dbe05fb",
    });
    expect(
      one(
        "!AIVDM,2,1,6,A,8>qc9wiKf>d=Cq5r0mdew:?DLq>1LmhHrsqmBCKnJ50,0*30",
        "!AIVDM,2,2,6,A,3OLc=UCRp,0*4A,b003660465",
      ),
    ).toMatchObject({
      mmsi: 999999999,
      dac: 366,
      fid: 56,
      dataBits: 256,
      dataHex: "eb0d4f917a035b2dfca3d4739381735c18ebbe754936f66850037dcacd9538b8",
    });
    expect(
      one(
        "!AIVDM,3,1,7,A,85Mwp=iKfGwushJ?gNlt2QU3osVGe:4?cNhQqf2VH8t,0*08",
        "!AIVDM,3,2,7,A,?A;J6b7AwuiqIGLeNiKCPDR7HQR<u;TTFufegr>kCSF,0*41",
        "!AIVDM,3,3,7,A,Uq:1Kk`e8,4*27",
      ),
    ).toMatchObject({
      mmsi: 366999607,
      dac: 366,
      fid: 57,
      dataBits: 510,
      dataHex:
        "7ffdef068fbded3c0a1943dfb997b4a10fadec21e6e0a6608f0f44b686a8747ff71e595dcb5ec5b4e05221d886233d2e4916f6eb6fe8ecd38d69792816f3a2d0",
    });
  });

  it("type 9: SAR aircraft (altitude in metres, speed in whole knots)", () => {
    expect(one("!AIVDM,1,1,,A,91b77=h3h00nHt0Q3r@@07000<0b,0*69")).toMatchObject({
      mmsi: 111265591,
      altitudeM: 15,
      sogKnots: 0,
      positionAccuracy: 0,
      lonDeg: min4(7128960),
      latDeg: min4(34667073),
      cogDeg: 0,
      utcSecond: 28,
      dte: 0,
      raim: 0,
      radio: 0xc02a,
    });
    expect(one("!AIVDM,1,1,,B,91b55wi;hbOS@OdQAC062Ch2089h,0*30")).toMatchObject({
      mmsi: 111232511,
      altitudeM: 303,
      sogKnots: 42,
      lonDeg: min4(-3767306),
      latDeg: min4(34886400),
      cogDeg: 154.5,
      utcSecond: 15,
      dte: 1,
      radio: 0x8270,
    });
  });

  it("types 10 and 11 (type 4's layout), with USCG metadata after the checksum", () => {
    expect(one("!AIVDM,1,1,,B,:5MlU41GMK6@,0*6C")).toMatchObject({ mmsi: 366814480, destMmsi: 366832740 });
    expect(one("!AIVDM,1,1,,B,:6TMCD1GOS60,0*5B,s36310,d-081,T59.01777335")).toMatchObject({
      mmsi: 440882000,
      destMmsi: 366972000,
    });
    expect(
      one(
        "!AIVDM,1,1,,B,;4R33:1uUK2F`q?mOt@@GoQ00000,0*5D,s28089,d-103,T39.44353985,x147521,r08TPHI1,1242958962",
      ),
    ).toMatchObject({
      msgType: 11,
      mmsi: 304137000,
      year: 2009,
      month: 5,
      day: 22,
      hour: 2,
      minute: 22,
      second: 40,
      positionAccuracy: 1,
      lonDeg: min4(-56644610),
      latDeg: min4(17045470),
      epfd: 1,
      raim: 0,
      radio: 0,
    });
  });

  it("types 12, 13 and 14: safety text (one and two sentences) and its acknowledgement", () => {
    expect(one("!AIVDM,1,1,,A,<02:oP0kKcv0@<51C5PB5@?BDPD?P:?2?EB7PDB16693P381>>5<PikP,0*37")).toMatchObject({
      mmsi: 2275200,
      seqNo: 0,
      destMmsi: 215724000,
      retransmit: 0,
      text: "PLEASE REPORT TO JOBOURG TRAFFIC CHANNEL 13",
    });
    expect(one("!AIVDM,1,1,,A,<5?SIj5Cp;NPD81>H0,4*4C")).toMatchObject({
      mmsi: 351853000,
      seqNo: 1,
      destMmsi: 351809000,
      text: "THANX",
    });
    expect(one("!AIVDM,1,1,,A,<CR3B@<0TO3j5@PmkiP31BCPphPDB13;CPihkP=?D?PmP3B5GPpn,0*3A")).toMatchObject({
      repeat: 1,
      mmsi: 237032000,
      seqNo: 3,
      destMmsi: 2391100,
      retransmit: 1,
      text: "EP 531 CARS 80 TRACKS 103 MOTO 5 CREW 86",
    });
    expect(
      one(
        "!AIVDM,2,1,1,A,<39KdV8jIGtP7E4P@=PjEP>P81@9P>5GPI9BP?<P4P25CP6B=P1<P6E:19B1,0*02",
        "!AIVDM,2,2,1,A,80,4*1B",
      ),
    ).toMatchObject({
      mmsi: 211217560,
      seqNo: 2,
      destMmsi: 211378120,
      text: "GUD PM 2U N HAPI NEW YIR OL D BES FRM AL FUJAIRAH",
    });
    expect(one("!AIVDM,1,1,,A,=39UOj0jFs9R,0*65")).toMatchObject({
      msgType: 13,
      mmsi: 211378120,
      mmsi1: 211217560,
      mmsi2: null,
    });
    expect(one("!AIVDM,1,1,,A,>3R1p10E3;;R0USCR0HO>0@gN10kGJp,2*7F")).toMatchObject({
      mmsi: 237008900,
      text: "EP228 IX48 FG3 DK7 PL56.",
    });
    expect(one("!AIVDM,1,1,,A,>4aDT81@E=@,2*2E")).toMatchObject({ mmsi: 311764000, text: "TEST" });
  });

  it("type 15 in its 88-, 112- and 168-bit forms", () => {
    expect(one("!AIVDM,1,1,,A,?5OP=l00052HD00,2*5B")).toMatchObject({
      mmsi: 368578000,
      mmsi1: 5158,
      mmsi1Type1: 5,
      mmsi1OffsetSlots1: 0,
      mmsi1Type2: null,
      mmsi2: null,
    });
    expect(
      one("!AIVDM,1,1,,B,?h3Ovn1GP<K0<P@59a0,2*04,d-077,S1832,t004248.00,T48.85520485,r07RPAL1,1272415370"),
    ).toMatchObject({
      repeat: 3,
      mmsi: 3669720,
      mmsi1: 367014320,
      mmsi1Type1: 3,
      mmsi1OffsetSlots1: 516,
      mmsi1Type2: 5,
      mmsi1OffsetSlots2: 617,
      mmsi2: null, // gpsd prints 0 for the station the message does not carry
    });
    expect(one("!AIVDM,1,1,,A,?39a?2PjKFFPD01o:Gq1igvp2<3w,0*0B")).toMatchObject({
      mmsi: 211439370,
      mmsi1: 211507560,
      mmsi1Type1: 5,
      mmsi1OffsetSlots1: 0,
      mmsi1Type2: 55,
      mmsi1OffsetSlots2: 663,
      mmsi2: 605843451,
      mmsi2Type1: 32,
      mmsi2OffsetSlots1: 560,
    });
  });

  it("type 16 for one station (96 bits) and two (168 bits)", () => {
    expect(one("!AIVDM,1,1,,A,@01uEO@mMk7P<P00,0*18")).toMatchObject({
      mmsi: 2053501,
      mmsi1: 224251000,
      offsetSlots1: 200,
      incrementSlots1: 0,
      mmsi2: null,
    });
    expect(one("!AIVDM,1,1,,B,@6STUk004lQ206bCKNOBAb6SJ@5s,0*74")).toMatchObject({
      mmsi: 439952844,
      mmsi1: 315920,
      offsetSlots1: 2049,
      incrementSlots1: 681,
      mmsi2: 230137673,
      offsetSlots2: 424,
      incrementSlots2: 419,
    });
  });

  it("type 17: DGNSS reference position (1/10 min) and data, two parts and a negative latitude", () => {
    expect(
      one(
        "!AIVDM,2,1,5,A,A02VqLPA4I6C07h5Ed1h<OrsuBTTwS?r:C?w`?la<gno1RTRwSP9:BcurA8a,0*3A",
        "!AIVDM,2,2,5,A,:Oko02TSwu8<:Jbb,0*11",
      ),
    ).toMatchObject({
      mmsi: 2734450,
      lonDeg: min1(17478),
      latDeg: min1(35992),
      dataBits: 376,
      dataHex:
        "7c0556c07031febbf52924fe33fa2933ffa0fd2932fdb7062922fe3809292afde9122929fcf7002923ffd20c29aaaa",
    });
    expect(
      one(
        "!AIVDM,1,1,1,A,A;wUJKU>io;WlWuwH`W1PpnuN<isf;5iHtOM1S6q?vsvNrNGOqLcr5mfD6t,2*51,d-127,S1378,t024436.00,T36.76385108,r09SCHA1,1272422678",
      ),
    ).toMatchObject({
      mmsi: 804870766,
      lonDeg: min1(80669),
      latDeg: min1(-26818),
      dataBits: 272,
      dataHex: "7f7f6289c1838dbd78cc7bb8b17163c7dd0631b93feefe7ba7977f972be85d6e506f",
    });
  });

  it("type 20 with one, three and four (186-bit) reservations", () => {
    expect(one("!AIVDM,1,1,,A,Dh3OvjB8IN>4,0*1D")).toMatchObject({
      repeat: 3,
      mmsi: 3669705,
      offsetSlots1: 2182,
      slots1: 5,
      timeoutMin1: 7,
      incrementSlots1: 225,
      offsetSlots2: null,
    });
    expect(one("!AIVDM,1,1,,B,D030p8@2tN?b<`O6DmQO6D0,2*5D")).toMatchObject({
      mmsi: 3160097,
      offsetSlots1: 47,
      slots1: 1,
      timeoutMin1: 7,
      incrementSlots1: 250,
      offsetSlots2: 2250,
      slots2: 1,
      timeoutMin2: 7,
      incrementSlots2: 1125,
      offsetSlots3: 856,
      slots3: 5,
      timeoutMin3: 7,
      incrementSlots3: 1125,
      offsetSlots4: null,
    });
    expect(one("!AIVDM,1,1,,2,D02E34iFTg6D000000000000002gjG2,0*75")).toMatchObject({
      mmsi: 2442003,
      offsetSlots1: 1385,
      slots1: 2,
      timeoutMin1: 7,
      incrementSlots1: 1125,
      offsetSlots4: 0,
    });
  });

  it("type 21 with a name extension, and an extra-long one (368 bits)", () => {
    expect(
      one(
        "!AIVDM,2,1,5,B,E1mg=5J1T4W0h97aRh6ba84<h2d;W:Te=eLvH50```q,0*46",
        "!AIVDM,2,2,5,B,:D44QDlp0C1DU00,2*36",
      ),
    ).toMatchObject({
      mmsi: 123456789,
      aidType: 20,
      name: "CHINA ROSE MURPHY EXPRESS ALERT",
      positionAccuracy: 0,
      lonDeg: min4(-73619155),
      latDeg: min4(28752371),
      toBowM: 5,
      epfd: 1,
      utcSecond: 50,
      offPosition: 0,
      raim: 0,
      virtualAid: 0,
    });
    expect(
      one(
        "!AIVDM,2,1,8,B,E03l90w4Q1h3h1:WdPOwwwwwwwwlQdn`:e55020@@@gP0000000000000000,0*47",
        "!AIVDM,2,2,8,B,00,4*19",
      ),
    ).toMatchObject({
      mmsi: 4000003,
      aidType: 30,
      name: "IBC G BUOY",
      positionAccuracy: 1,
      lonDeg: min4(75943336),
      latDeg: min4(22448680),
      epfd: 1,
      utcSecond: 31,
    });
  });

  it("type 22: regional (corners in 1/10 min) and addressed; zone size code n means n + 1 nm", () => {
    expect(one("!AIVDM,1,1,,A,F030ot22N2P6aoQbhe4736L20000,0*1A")).toMatchObject({
      mmsi: 3160048,
      channelA: 2087,
      channelB: 2088,
      txRxMode: 0,
      power: 0,
      neLonDeg: min1(-44100),
      neLatDeg: min1(27330),
      swLonDeg: min1(-48100),
      swLatDeg: min1(25400),
      destMmsi1: null,
      addressed: 0,
      zoneSizeNm: 5,
    });
    expect(one("!AIVDM,1,1,,A,F@@W>gOP00PH=JrN9l000?wB2HH;,0*44")).toMatchObject({
      repeat: 1,
      mmsi: 17419965,
      channelA: 3584,
      channelB: 8,
      txRxMode: 1,
      power: 1,
      neLonDeg: null,
      destMmsi1: 28144881,
      destMmsi2: 268435519,
      addressed: 1,
      zoneSizeNm: 5,
    });
    expect(one("!AIVDM,1,1,,B,Fe3>>MOD@GDF?ThcoCk02?ioQie4,0*03")).toMatchObject({
      repeat: 2,
      mmsi: 875794037,
      channelA: 3396,
      channelB: 373,
      txRxMode: 1,
      destMmsi1: 837968222,
      destMmsi2: 254804543,
      bandA: 0,
      bandB: 1,
      zoneSizeNm: 8,
    });
  });

  it("type 23 (gpsd's corners and station type; its .chk says txrx 2 where its comment and pyais say 0)", () => {
    expect(one("!AIVDM,1,1,,B,G02:Kn01R`sn@291nj600000900,2*12")).toMatchObject({
      mmsi: 2268120,
      neLonDeg: min1(1578),
      neLatDeg: min1(30642),
      swLonDeg: min1(1096),
      swLatDeg: min1(30408),
      stationType: 6,
      shipType: null,
      txRxMode: 0,
      reportInterval: 9,
      quietMin: 0,
    });
  });

  it("type 24 parts A and B (vendor id is 3 characters + model + serial in M.1371-5)", () => {
    expect(one("!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D")).toMatchObject({
      mmsi: 271041815,
      partNo: 0,
      shipname: "PROGUY",
    });
    // gpsd prints the older 7-character vendor id "1D00014" beside model 12 and serial 199796.
    expect(one("!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40")).toMatchObject({
      mmsi: 271041815,
      partNo: 1,
      shipType: 60,
      vendorId: "1D0",
      model: 12,
      serial: 199796,
      callsign: "TC6163",
      toBowM: 0,
      toSternM: 15,
      toPortM: 0,
      toStarboardM: 5,
    });
  });

  it("type 24 'collisions': each part is decoded as it comes (gpsd pairs A with B and drops a lone B)", () => {
    const r = decodeAisLines([
      "!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40",
      "!AIVDM,1,1,,A,H42O3qiA8U10Tp0000000000000,2*37",
      "!AIVDM,1,1,,A,H42O0U0Lu`@Dno4000000000000,2*18",
      "!AIVDM,1,1,,A,H42Mh`lUi2hhljiI=mikk000B050,0*17",
      "!AIVDM,1,1,,A,H42O0U4Ui3hhhlmI=mmhl000H060,0*2E",
    ]);
    expect(r.rejects).toEqual([]);
    expect(r.messages.map((m) => [m.mmsi, m.msgType === 24 ? m.partNo : -1])).toEqual([
      [271041815, 1],
      [271041511, 0],
      [271040660, 0],
      [271020195, 1],
      [271040660, 1],
    ]);
    // gpsd's merged result for 271040660: GOZDEM-1|37|1C00045|12|199989|YM5504|0|24|0|6
    expect(r.messages[2]).toMatchObject({ shipname: "GOZDEM-1" });
    expect(r.messages[4]).toMatchObject({
      shipType: 37,
      vendorId: "1C0",
      model: 12,
      serial: 199989,
      callsign: "YM5504",
      toBowM: 0,
      toSternM: 24,
      toPortM: 0,
      toStarboardM: 6,
    });
  });

  it("types 25 and 26: addressed / broadcast, structured / not; data after DAC/FI, type 26's radio after it", () => {
    expect(one("!AIVDM,1,1,,A,I6SWo?8P00a3PKpEKEVj0?vNP<65,0*73")).toMatchObject({
      mmsi: 440006460,
      addressed: 1,
      structured: 0,
      destMmsi: 134218384,
      dac: null,
      dataBits: 98,
      dataHex: "e06f855b566c803fe7a0306140",
    });
    // gpsd app_id 134 = DAC 2, FI 6 (app_id = DAC × 64 + FI).
    expect(one("!AIVDM,1,1,,A,I8IRGB40QPPa0:<HP::V=gwv0l48,0*0E")).toMatchObject({
      mmsi: 563648328,
      addressed: 0,
      structured: 1,
      destMmsi: null,
      dac: 2,
      fid: 6,
      dataBits: 112,
      dataHex: "082900a31880a2a636fffe034108",
    });
    expect(one("!AIVDM,1,1,,A,I6SWVNP001a3P8FEKNf=Qb0@00S8,0*6B")).toMatchObject({
      mmsi: 440002170,
      dataBits: 128,
      dataHex: "00001a438085956deb8d86a0100008c8",
    });
    // gpsd app_id 23587 = DAC 368, FI 35.
    expect(one("!AIVDM,1,1,,A,JB3R0GO7p>vQL8tjw0b5hqpd0706kh9d3lR2vbl0400,2*40")).toMatchObject({
      repeat: 1,
      mmsi: 137920605,
      addressed: 1,
      structured: 1,
      destMmsi: 838351848,
      dac: 368,
      fid: 35,
      dataBits: 150,
      dataHex: "ccbf02a170e78b001c01b3c09b03d220beab40",
    });
    expect(one("!AIVDM,1,1,,B,JaL0mr5P000DtRDMddr@0?vF06iD,0*75")).toMatchObject({
      repeat: 2,
      mmsi: 633353704,
      structured: 1,
      dac: 24576 >> 6,
      fid: 24576 & 63,
      dataBits: 92,
      dataHex: "0014f2251db2ce9000ff9600",
    });
    // gpsd prints "...182 82e" for 116 bits: its last hex digit holds bits of the radio field;
    // ours pads the last byte with zeros (the digits the data covers are the same).
    const t26 = one("!AIVDM,1,1,,A,J0@00@370>t0Lh3P0000200H:2rN92,4*14");
    expect(t26).toMatchObject({ mmsi: 16777280, addressed: 0, structured: 0, dataBits: 116 });
    expect(t26.msgType === 26 && t26.dataHex.slice(0, 29)).toBe(
      "c700ef007300e0000000080018282e".slice(0, 29),
    );
  });

  it("type 27 of 96 bits (1/10 min position, whole knots and degrees)", () => {
    expect(one("!AIVDM,1,1,,A,KCQ9r=hrFUnH7P00,0*41")).toMatchObject({
      repeat: 1,
      mmsi: 236091959,
      navStatus: 3,
      positionAccuracy: 0,
      lonDeg: min1(-92521),
      latDeg: min1(52239),
      sogKnots: 0,
      cogDeg: 0,
      gnss: 0,
    });
  });

  it("rejects a fragment without its leading '!' ('Invalid packet tests')", () => {
    expect(decodeAisLines(["AIVDM,2,2,1,B,00000000000,2*26"]).rejects.map((r) => r.reason)).toEqual([
      "not_ais",
    ]);
  });
});

describe("pyais tests/test_decode.py", () => {
  it("test_msg_type_6/7/8 (data as pyais bytes)", () => {
    expect(one("!AIVDM,1,1,,A,702R5`hwCjq8,0*6B")).toMatchObject({
      mmsi: 2655651,
      mmsi1: 265538450,
      seqNo1: 0,
    });
    // pyais data b"\x3a\x53\xdb…\x05\xfb": the same 32 bytes as gpsd's hex.
    expect(one("!AIVDM,1,1,,A,85Mwp`1Kf3aCnsNvBWLi=wQuNhA5t43N`5nCuI=p<IBfVqnMgPGs,0*47")).toMatchObject({
      dac: 366,
      fid: 56,
    });
  });

  it("test_msg_type_10_a/b, 11, 12_a/b, 13, 14", () => {
    expect(one("!AIVDM,1,1,,B,:5MlU41GMK6@,0*6C")).toMatchObject({ destMmsi: 366832740, repeat: 0 });
    expect(one("!AIVDM,1,1,,B,:6TMCD1GOS60,0*5B")).toMatchObject({ destMmsi: 366972000, repeat: 0 });
    const t11 = one("!AIVDM,1,1,,B,;4R33:1uUK2F`q?mOt@@GoQ00000,0*5D");
    expect(t11).toMatchObject({ msgType: 11, positionAccuracy: 1, year: 2009, month: 5, day: 22, hour: 2 });
    if (t11.msgType !== 11) throw new Error("type");
    expect(t11.lonDeg).toBeCloseTo(-94.4077, 4);
    expect(t11.latDeg).toBeCloseTo(28.4091, 4);
    expect(one("!AIVDM,1,1,,A,<5?SIj1;GbD07??4,0*38")).toMatchObject({
      mmsi: 351853000,
      seqNo: 0,
      destMmsi: 316123456,
      retransmit: 0,
      text: "GOOD",
    });
    expect(one("!AIVDM,1,1,,A,<42Lati0W:Ov=C7P6B?=Pjoihhjhqq0,2*2B")).toMatchObject({
      mmsi: 271002099,
      destMmsi: 271002111,
      retransmit: 1,
    });
    expect(one("!AIVDM,1,1,,A,=39UOj0jFs9R,0*65")).toMatchObject({ mmsi: 211378120, mmsi1: 211217560 });
    expect(one("!AIVDM,1,1,,A,>5?Per18=HB1U:1@E=B0m<L,2*51")).toMatchObject({
      mmsi: 351809000,
      text: "RCVD YR TEST MSG",
    });
  });

  it("test_msg_type_17_b: lat 2058.2 / lon 8029.0 (pyais: 1/10 min ÷ 10) and its data bytes", () => {
    expect(one("!AIVDM,1,1,,A,A0476BQ>J8`<h2JpH:4P0?j@2mTEw8`=DP1DEnqvj0,0*79")).toMatchObject({
      mmsi: 4310602,
      dataBits: 172,
      dataHex: "26b860a12000fc900b5915fc8a0d520054576e7ec800",
    });
    const m = one("!AIVDM,1,1,,A,A0476BQ>J8`<h2JpH:4P0?j@2mTEw8`=DP1DEnqvj0,0*79");
    if (m.msgType !== 17) throw new Error("type");
    expect(m.latDeg).toBeCloseTo(2058.2 / 60, 12);
    expect(m.lonDeg).toBeCloseTo(8029.0 / 60, 12);
  });

  it("test_msg_type_20, 22_broadcast, 22_addressed, 23", () => {
    expect(one("!AIVDM,1,1,,A,D028rqP<QNfp000000000000000,2*0C")).toMatchObject({
      mmsi: 2243302,
      offsetSlots1: 200,
      slots1: 5,
      timeoutMin1: 7,
      incrementSlots1: 750,
      offsetSlots2: 0,
      incrementSlots4: 0,
    });
    expect(one("!AIVDM,1,1,,B,F030p:j2N2P5aJR0r;6f3rj10000,0*11")).toMatchObject({
      mmsi: 3160107,
      channelA: 2087,
      channelB: 2088,
      power: 0,
      neLonDeg: -7710.0 / 60,
      neLatDeg: 3300.0 / 60,
      swLonDeg: -8020.0 / 60,
      swLatDeg: 3210.0 / 60,
      bandA: 0,
      bandB: 0,
      zoneSizeNm: 2 + 1,
      destMmsi1: null,
    });
    expect(one("!AIVDM,1,1,,A,F@@W>gOP00PH=JrN9l000?wB2HH;,0*44")).toMatchObject({
      destMmsi1: 28144881,
      destMmsi2: 268435519,
      zoneSizeNm: 4 + 1,
      neLonDeg: null,
    });
    const t23 = one("!AIVDM,1,1,,B,G02:Kn01R`sn@291nj600000900,2*12");
    expect(t23).toMatchObject({
      stationType: 6,
      shipType: null,
      txRxMode: 0,
      reportInterval: 9,
      quietMin: 0,
    });
    if (t23.msgType !== 23) throw new Error("type");
    expect(t23.neLonDeg).toBeCloseTo(157.8 / 60, 12);
    expect(t23.swLatDeg).toBeCloseTo(3040.8 / 60, 12);
  });

  it("test_msg_type_25_a/b/c and 26_a/b (pyais data bytes; its type 26 data also holds the radio bits)", () => {
    expect(one("!AIVDO,1,1,,A,I6SWo?<P00a00;Cwwwwwwwwwwww0,0*4A")).toMatchObject({
      mmsi: 440006460,
      addressed: 1,
      structured: 1,
      destMmsi: 134218384,
      dac: 45 >> 6,
      fid: 45 & 63,
      dataHex: "3ffffffffffffffffff000", // b'?\xff\xff\xff\xff\xff\xff\xff\xff\xf0\x00'
    });
    expect(one("!AIVDO,1,1,,A,I6SWo?8P00a0003wwwwwwwwwwww0,0*35")).toMatchObject({
      structured: 0,
      dac: null,
      dataHex: "00003ffffffffffffffffff000", // b'\x00\x00?\xff…\xf0\x00'
    });
    expect(one("!AIVDM,1,1,,A,J0@00@370>t0Lh3P0000200H:2rN92,4*14")).toMatchObject({
      addressed: 0,
      structured: 0,
    });
  });

  it("ROT: pyais rounds ROT_AIS/4.733 before squaring; we square first (M.1371-5), to 0.1 °/min", () => {
    const cases: [string, number][] = [
      ["!AIVDM,1,1,,A,14QIG<5620KF@Gl:L9DI4o8N0P00,0*28", 25],
      ["!AIVDM,1,1,,B,13u><=gsQj0mQW:Q1<wRL28P0@:4,0*32", -16],
      ["!AIVDM,1,1,,A,14SSRt021O0?bK@MO7H6QUA600Rg,0*12", 4],
      ["!AIVDM,1,1,,2,13aB:Hhuh0PHjEFNKJg@11sH08J=,0*1E", -4],
      ["!AIVDM,1,1,,A,16:VFv0k0I`KQPpFATG4SgvT40:v,0*7B", -121],
      ["!AIVDM,1,1,,B,16:D3F0:15`5ogh<O?bk>1Dd2L1<,0*0B", 64],
    ];
    for (const [line, pyaisTurn] of cases) {
      const m = one(line);
      if (m.msgType !== 1 || m.rotDegPerMin === null) throw new Error("type");
      const r = Math.round(Math.sqrt(Math.abs(m.rotDegPerMin)));
      expect(Math.sign(m.rotDegPerMin) * r * r).toBe(pyaisTurn);
    }
  });

  it("test_msg_type_1_c and test_byte_stream (two-part type 5, NORDIC HAMBURG)", () => {
    expect(one("!AIVDM,1,1,,B,181:Kjh01ewHFRPDK1s3IRcn06sd,0*08")).toMatchObject({
      mmsi: 538090443,
      sogKnots: 10.9,
      cogDeg: 87,
      rotDegPerMin: 0,
    });
    const r = decodeAisLines([
      "!AIVDM,2,1,1,A,538CQ>02A;h?D9QC800pu8@T>0P4l9E8L0000017Ah:;;5r50Ahm5;C0,0*07",
      "!AIVDM,2,2,1,A,F@V@00000000000,2*35",
      "!AIVDM,2,1,9,A,538CQ>02A;h?D9QC800pu8@T>0P4l9E8L0000017Ah:;;5r50Ahm5;C0,0*0F",
      "!AIVDM,2,2,9,A,F@V@00000000000,2*3D",
    ]);
    expect(r.rejects).toEqual([]);
    expect(r.messages.map((m) => [m.mmsi, m.msgType === 5 && m.shipname])).toEqual([
      [210035000, "NORDIC HAMBURG"],
      [210035000, "NORDIC HAMBURG"],
    ]);
  });

  it("differences on purpose: type 0, a lone first part, parts out of order, a bad checksum", () => {
    const reasons = (lines: string[]) => decodeAisLines(lines).rejects.map((x) => x.reason);
    // test_decode_pos_1_2_3 reads a type 0 as a position; M.1371-5 defines no type 0.
    expect(reasons(["!AIVDM,1,1,,B,0S9edj0P03PecbBN`ja@0?w42cFC,0*7C"])).toEqual(["unsupported_type"]);
    // test_issue_46_a decodes the first of two parts alone; half a message is not a message.
    expect(reasons(["!ARVDM,2,1,3,B,E>m1c1>9TV`9WW@97QUP0000000F@lEpmdceP00003b,0*5C"])).toEqual([
      "orphan_part",
    ]);
    // test_decode_out_of_order joins part 2 sent before part 1; a stream decoder cannot wait for
    // a part 1 that may never come, so part 2 is an orphan and part 1 incomplete.
    expect(
      reasons([
        "!AIVDM,2,2,4,A,000000000000000,2*20",
        "!AIVDM,2,1,4,A,55O0W7`00001L@gCWGA2uItLth@DqtL5@F22220j1h742t0Ht0000000,0*08",
      ]),
    ).toEqual(["orphan_part", "orphan_part"]);
    // test_msg_with_more_that_82_chars_payload: pyais does not check checksums by default.
    expect(
      reasons(["!AIVDM,1,1,,B,53ktrJ82>ia4=50<0020<5=@Dhv0t8T@u<0000001PV854Si0;mR@CPH13p0hDm1C3h0000,2*35"]),
    ).toEqual(["bad_checksum"]);
  });
});

describe("pyais tests/test_tag_block.py", () => {
  it("s:, c: with unknown q:, T: fields; a block whose checksum is wrong is rejected", () => {
    // test_tag_block_with_line_count: the block's XOR is 5E, not the 1C it carries (pyais does
    // not check tag-block checksums). Difference on purpose: its source and time cannot be trusted.
    const wrong = "\\n:3140,s:FooBar,c:1428451253*1C\\!BSVDM,1,1,,A,13nN34?000QFpgRWnQLLSPpF00SO,0*06";
    expect(decodeAisLines([wrong]).rejects.map((x) => x.reason)).toEqual(["bad_tag_block_checksum"]);
    expect(one(wrong.replace("*1C", "*5E"))).toMatchObject({ tagSource: "FooBar", tagUnixTimeS: 1428451253 });
    expect(
      one(
        "\\s:rORBCOMM000,q:u,c:1426032001,T:2015-03-11 00.00.01*58\\!BSVDM,1,1,,A,13nN34?000QFpgRWnQLLSPpF00SO,0*06",
      ),
    ).toMatchObject({ tagSource: "rORBCOMM000", tagUnixTimeS: 1426032001 });
  });

  it("test_multiple_messages: a lone part 2, g: groups pairing a sentence with a $ARVSI line", () => {
    const r = decodeAisLines([
      "\\s:2573535,c:1671533231*08\\!BSVDM,2,2,8,B,00000000000,2*36",
      "\\s:2573535,c:1671533231*08\\!BSVDM,1,1,,A,13nN34?000QFpgRWnQLLSPpF00SO,0*06",
      "\\s:2573545,c:1671533231*0F\\!BSVDM,1,1,,B,ENjV3A?0`bPQbV::a2hI00000000gtJdD2Uih1088;v010,4*55",
      "\\s:APIDSSRC1,g:1-2-05649,n:08851,c:0002780328*04\\!ARVDM,1,1,,B,15AQoR?P?wSS`@h@@bg>4?w`0HNP,0*39",
      "\\s:APIDSSRC1,g:2-2-05649,n:08852,c:0002780328*04\\$ARVSI,1234567899,,041848.95096061,0427,-098,03*62",
    ]);
    expect(r.messages.map((m) => [m.line, m.msgType, m.tagSource, m.tagUnixTimeS])).toEqual([
      [2, 1, "2573535", 1671533231],
      [3, 21, "2573545", 1671533231],
      [4, 1, "APIDSSRC1", 2780328],
    ]);
    expect(r.messages[2]!.tagGroupId).toBe(5649);
    // The VSI sentence (signal strength) is not AIS: counted as such, not silently dropped.
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [1, "orphan_part"],
      [5, "not_ais"],
    ]);
  });

  it("a lone '\\' or an empty block is no tag block; a block without its checksum is rejected", () => {
    // pyais "No content": b'\\!BSVDM,2,2,8,B,…' is read as a sentence (here an orphan part 2).
    expect(decodeAisLines(["\\!BSVDM,2,2,8,B,00000000000,2*36"]).rejects.map((x) => x.reason)).toEqual([
      "orphan_part",
    ]);
    expect(one("\\!BSVDM,1,1,,A,13nN34?000QFpgRWnQLLSPpF00SO,0*06").tagSource).toBeUndefined();
    expect(one("\\\\!BSVDM,1,1,,A,13nN34?000QFpgRWnQLLSPpF00SO,0*06").tagSource).toBeUndefined();
    // Difference on purpose: a tag block we cannot check could carry a wrong source or time.
    const body = "BSVDM,1,1,,A,13nN34?000QFpgRWnQLLSPpF00SO,0";
    expect(
      decodeAisLines([`\\s:2573535,c:1671533231\\!${body}*${nmeaChecksum(body)}`]).rejects.map(
        (x) => x.reason,
      ),
    ).toEqual(["bad_tag_block_checksum"]);
  });
});

describe("libais test/data/typeexamples.nmea / typeexamples.json", () => {
  // The sentences as published, without the USCG metadata that follows each checksum there.
  const meta = "";

  it("types 7, 10, 11, 12, 13, 14, 16, 20", () => {
    expect(one(`!AIVDM,1,1,,A,71AqOpwIFFI:vJCjWejS9I:QGsFw,0*62${meta}`)).toMatchObject({
      mmsi: 85876707,
      mmsi1: 911628690,
      mmsi2: 1047084199,
      mmsi3: 925419876,
      mmsi4: 676851055,
    });
    expect(one(`!AIVDM,1,1,,B,:KeoLe9SVU;H,0*6D${meta}`)).toMatchObject({
      repeat: 1,
      mmsi: 786291892,
      destMmsi: 417764534,
    });
    const t11 = one(`!AIVDM,1,1,,B,;5NDk68>1pJtJ68HggG88R4fP0GP,0*39${meta}`);
    // libais timestamp "8416-07-16T26:60:26Z": hour 26 and minute 60 are "not available".
    expect(t11).toMatchObject({ mmsi: 367342360, year: 8416, month: 7, day: 16, hour: null, minute: null });
    expect(t11).toMatchObject({ second: 26, epfd: 4, positionAccuracy: 0, raim: 0 });
    if (t11.msgType !== 11) throw new Error("type");
    expect(t11.lonDeg).toBeCloseTo(85.71817016601562, 5); // libais prints float32
    expect(t11.latDeg).toBeCloseTo(-71.43060302734375, 5);
    expect(one(`!AIVDM,1,1,,B,<NnJ4\`u1=C7>qV3?qoRm,0*1E${meta}`)).toMatchObject({
      repeat: 1,
      mmsi: 996574371,
      seqNo: 3,
      destMmsi: 273501299,
      retransmit: 1,
      text: '9&CO97"5',
    });
    expect(one(`!AIVDM,1,1,,A,=nq@w7AlOpV<,0*7C${meta}`)).toMatchObject({
      repeat: 3,
      mmsi: 462700317,
      mmsi1: 488628835,
    });
    expect(one(`!AIVDM,1,1,,B,>IgoUswo3Q6?Ah,4*22${meta}`)).toMatchObject({
      repeat: 1,
      mmsi: 654173679,
      text: "=08Q#4",
    });
    expect(one(`!AIVDM,1,1,,A,@TFtghNJ4G5?C7mV,0*3D${meta}`)).toMatchObject({
      repeat: 2,
      mmsi: 292499393,
      mmsi1: 646208595,
      offsetSlots1: 3377,
      incrementSlots1: 982,
    });
    expect(one(`!AIVDM,1,1,,B,DD2r994wluqiIJv<ah,4*63${meta}`)).toMatchObject({
      repeat: 1,
      mmsi: 271485220,
      offsetSlots1: 1021,
      slots1: 3,
      timeoutMin1: 6,
      incrementSlots1: 1948,
      offsetSlots2: 1430,
      slots2: 11,
      timeoutMin2: 7,
      incrementSlots2: 202,
    });
  });

  it("types 9, 17, 22, 23, 25, 26, 27", () => {
    const t9 = one(`!AIVDM,1,1,,B,9muc;QvN2\`TG6BE76wm;U7u>K>?b,0*64${meta}`);
    // libais prints speed 16.8 (tenths); M.1371-5, gpsd and pyais read type 9 speed in whole knots.
    expect(t9).toMatchObject({ repeat: 3, mmsi: 400214919, altitudeM: 3704, sogKnots: 168 });
    expect(t9).toMatchObject({
      positionAccuracy: 1,
      cogDeg: 296.4,
      utcSecond: 31,
      dte: 1,
      assigned: 1,
      raim: 0,
    });
    const t17 = one(`!AIVDM,1,1,,B,AwoiGRg:tOw>>9n5f9u>rOvwkraEe6ON,0*34${meta}`);
    expect(t17).toMatchObject({ repeat: 3, mmsi: 1065113482 });
    if (t17.msgType !== 17) throw new Error("type");
    expect(t17.lonDeg).toBeCloseTo(-90.54833221435547, 5);
    expect(t17.latDeg).toBeCloseTo(-0.6650000214576721, 5);
    const t22 = one(`!AIVDM,1,1,,B,F030p>R2N2P6jIA\`2eTjS@520000,0*1B${meta}`);
    expect(t22).toMatchObject({ mmsi: 3160122, channelA: 2087, channelB: 2088, txRxMode: 0, power: 0 });
    expect(t22).toMatchObject({ addressed: 0, bandA: 0, bandB: 0, zoneSizeNm: 4 + 1 });
    if (t22.msgType !== 22) throw new Error("type");
    expect(t22.neLonDeg).toBeCloseTo(-66.22333526611328, 5);
    expect(t22.swLatDeg).toBeCloseTo(44.38999938964844, 5);
    const t23 = one(`!AIVDM,1,1,,A,G<U;5jqWt?Moo=qw958B4dkOC;T,2*5B${meta}`);
    expect(t23).toMatchObject({ mmsi: 844285387, stationType: 8, shipType: 72, txRxMode: 1 });
    expect(t23).toMatchObject({ reportInterval: 3, quietMin: 2 });
    if (t23.msgType !== 23) throw new Error("type");
    expect(t23.neLonDeg).toBeCloseTo(177.39166259765625, 5);
    expect(t23.neLatDeg).toBeCloseTo(-29.123332977294922, 5);
    expect(t23.swLonDeg).toBeCloseTo(-42.74833297729492, 5);
    expect(t23.swLatDeg).toBeCloseTo(-23.433332443237305, 5);
    expect(one(`!AIVDM,1,1,,B,I;=w>\`IRvRwqhWd,2*23${meta}`)).toMatchObject({
      mmsi: 752864929,
      destMmsi: 415140862,
    });
    expect(one(`!AIVDM,1,1,,A,J?Amrcw9LwuO7b9nHgeD?SVS5U8doUvtuwAQ,0*52${meta}`)).toMatchObject({
      mmsi: 1025342127,
      destMmsi: 844955607,
      dac: 798,
      fid: 40,
    });
    const t27 = one(`!AIVDM,1,1,,A,KvQ:1o\`7EBrBQ\`?w,0*37${meta}`);
    // libais "gnss": false means "not the current GNSS position", which is bit value 1.
    expect(t27).toMatchObject({ repeat: 3, mmsi: 974291422, positionAccuracy: 1, raim: 0, navStatus: 0 });
    expect(t27).toMatchObject({ sogKnots: 16, cogDeg: 255, gnss: 1 });
    if (t27.msgType !== 27) throw new Error("type");
    expect(t27.lonDeg).toBeCloseTo(200.23167419433594, 4);
    expect(t27.latDeg).toBeCloseTo(-77.96833038330078, 4);
  });
});

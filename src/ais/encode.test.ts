import { describe, expect, it } from "vitest";
import { DomainError } from "../core/errors.ts";
import { decodeAisLines } from "./decoder.ts";
import { encodeAis, encodePayloadBits, nmeaChecksum } from "./encode.ts";
import type { AisPayload } from "./messages.ts";

const samples: AisPayload[] = [
  {
    msgType: 1,
    repeat: 0,
    mmsi: 366053209,
    navStatus: 3,
    rotDegPerMin: 0,
    rotRaw: 0,
    sogKnots: 0,
    positionAccuracy: 0,
    lonDeg: -122.34161833333333,
    latDeg: 37.80211833333333,
    cogDeg: 219.3,
    headingDeg: 1,
    utcSecond: 59,
    maneuver: null,
    raim: 0,
    radio: 2281,
  },
  {
    msgType: 2,
    repeat: 1,
    mmsi: 431000001,
    navStatus: 0,
    rotDegPerMin: -11.4,
    rotRaw: -16,
    sogKnots: 14.5,
    positionAccuracy: 1,
    lonDeg: 136.8466,
    latDeg: 35.0345,
    cogDeg: 12.5,
    headingDeg: 359,
    utcSecond: 0,
    maneuver: 1,
    raim: 1,
    radio: 0,
  },
  {
    msgType: 3,
    repeat: 3,
    mmsi: 999999999,
    navStatus: 15,
    rotDegPerMin: null,
    rotRaw: -128,
    sogKnots: 102.2,
    positionAccuracy: 0,
    lonDeg: -180,
    latDeg: -90,
    cogDeg: 359.9,
    headingDeg: 0,
    utcSecond: null,
    maneuver: 2,
    raim: 0,
    radio: 524287,
  },
  {
    msgType: 4,
    repeat: 0,
    mmsi: 3669702,
    year: 2026,
    month: 11,
    day: 27,
    hour: 23,
    minute: 59,
    second: 59,
    positionAccuracy: 1,
    lonDeg: -118.2717,
    latDeg: 33.7361,
    epfd: 7,
    raim: 0,
    radio: 67039,
  },
  {
    msgType: 5,
    repeat: 0,
    mmsi: 477123400,
    aisVersion: 2,
    imo: 9811000,
    callsign: "VRAB3",
    shipname: "EVER ACE",
    shipType: 71,
    toBowM: 300,
    toSternM: 99,
    toPortM: 30,
    toStarboardM: 31,
    epfd: 1,
    etaMonth: 12,
    etaDay: 3,
    etaHour: 6,
    etaMinute: 30,
    draughtM: 14.5,
    destination: "USLAX>JPNGO",
    dte: 0,
  },
  {
    msgType: 18,
    repeat: 0,
    mmsi: 338091445,
    sogKnots: 6.1,
    positionAccuracy: 1,
    lonDeg: -118.25,
    latDeg: 33.72,
    cogDeg: 72.2,
    headingDeg: null,
    utcSecond: 12,
    csUnit: 1,
    display: 0,
    dsc: 1,
    band: 1,
    msg22: 1,
    assigned: 0,
    raim: 1,
    radio: 917510,
  },
  {
    msgType: 19,
    repeat: 0,
    mmsi: 367059850,
    sogKnots: 8.7,
    positionAccuracy: 0,
    lonDeg: -88.81039166666666,
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
    raim: 0,
    dte: 0,
    assigned: 0,
  },
  {
    msgType: 21,
    repeat: 0,
    mmsi: 993669001,
    aidType: 14,
    name: "LOS ANGELES LIGHT MAIN CHANNEL E",
    positionAccuracy: 1,
    lonDeg: -118.2533,
    latDeg: 33.7086,
    toBowM: 0,
    toSternM: 0,
    toPortM: 0,
    toStarboardM: 0,
    epfd: 7,
    utcSecond: 10,
    offPosition: 0,
    raim: 0,
    virtualAid: 1,
    assigned: 0,
  },
  { msgType: 24, repeat: 0, mmsi: 338091445, partNo: 0, shipname: "SEA BREEZE" },
  {
    msgType: 24,
    repeat: 0,
    mmsi: 338091445,
    partNo: 1,
    shipType: 37,
    vendorId: "FEC",
    model: 12,
    serial: 199729,
    callsign: "WDA1234",
    toBowM: 8,
    toSternM: 4,
    toPortM: 2,
    toStarboardM: 2,
    mothershipMmsi: null,
  },
  {
    msgType: 24,
    repeat: 0,
    mmsi: 983669001,
    partNo: 1,
    shipType: 52,
    vendorId: null,
    model: 0,
    serial: 0,
    callsign: null,
    toBowM: null,
    toSternM: null,
    toPortM: null,
    toStarboardM: null,
    mothershipMmsi: 366053209,
  },
  {
    msgType: 27,
    repeat: 0,
    mmsi: 431999001,
    positionAccuracy: 0,
    raim: 1,
    navStatus: 0,
    lonDeg: 136.85,
    latDeg: 34.95,
    sogKnots: 12,
    cogDeg: 245,
    gnss: 0,
  },
];

describe("encode → decode round trip", () => {
  for (const m of samples) {
    it(`type ${m.msgType}${"partNo" in m ? ` part ${m.partNo}` : ""} (mmsi ${m.mmsi})`, () => {
      const lines = encodeAis(m, { channel: "B", seqId: 3 });
      for (const l of lines) {
        expect(l.length).toBeLessThanOrEqual(82);
        const star = l.indexOf("*");
        expect(l.slice(star + 1)).toBe(nmeaChecksum(l.slice(1, star)));
      }
      const r = decodeAisLines(lines);
      expect(r.rejects).toEqual([]);
      expect(r.messages).toHaveLength(1);
      const { line, channel, ...payload } = r.messages[0]!;
      expect(line).toBe(lines.length);
      expect(channel).toBe("B");
      // Coordinates are quantised to 1/10 000 minute: compare within that step.
      const expected: Record<string, unknown> = { ...m };
      for (const k of ["lonDeg", "latDeg"] as const) {
        const v = (m as unknown as Record<string, number | null>)[k];
        if (typeof v === "number") expected[k] = expect.closeTo(v, 5);
      }
      expect(payload).toEqual(expected);
    });
  }

  it("computes the NMEA checksum and payload sizes of the doc-comment examples", () => {
    expect(nmeaChecksum("AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0")).toBe("5C");
    expect(encodePayloadBits(samples[0]!).length).toBe(168);
    expect(encodePayloadBits(samples[4]!).armor()).toMatchObject({ fillBits: 2 });
    expect(encodePayloadBits(samples[4]!).length).toBe(424);
    expect(encodePayloadBits(samples[8]!).length).toBe(160);
  });

  it("gives the gpsd guide's first sentence exactly (doc-comment example)", () => {
    expect(encodeAis(samples[0]!, { channel: "B" })).toEqual([
      "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C",
    ]);
  });

  it("writes type 5 as two sentences, 424 bits (2 fill bits), and 24A as 160 bits", () => {
    const five = encodeAis(samples[4]!);
    expect(five).toHaveLength(2);
    expect(five[0]).toMatch(/^!AIVDM,2,1,0,A,.{60},0\*[0-9A-F]{2}$/);
    expect(five[1]).toMatch(/^!AIVDM,2,2,0,A,.{11},2\*[0-9A-F]{2}$/);
    const a = encodeAis(samples[8]!);
    expect(a[0]).toMatch(/^!AIVDM,1,1,,A,.{27},2\*/);
  });

  it("writes not-available fields as their codes, which decode back to null", () => {
    const na: AisPayload = {
      msgType: 5,
      repeat: 0,
      mmsi: 1,
      aisVersion: 0,
      imo: null,
      callsign: null,
      shipname: null,
      shipType: null,
      toBowM: 0,
      toSternM: 0,
      toPortM: 0,
      toStarboardM: 0,
      epfd: null,
      etaMonth: null,
      etaDay: null,
      etaHour: null,
      etaMinute: null,
      draughtM: null,
      destination: null,
      dte: 1,
    };
    const r = decodeAisLines(encodeAis(na));
    expect(r.messages[0]).toMatchObject({ ...na, line: 2 });
    const pos = decodeAisLines(
      encodeAis({
        ...(samples[0] as AisPayload & { msgType: 1 }),
        lonDeg: null,
        latDeg: null,
        sogKnots: null,
        cogDeg: null,
        headingDeg: null,
        utcSecond: null,
        rotRaw: -128,
        rotDegPerMin: null,
      }),
    );
    expect(pos.messages[0]).toMatchObject({
      lonDeg: null,
      latDeg: null,
      sogKnots: null,
      cogDeg: null,
      headingDeg: null,
      utcSecond: null,
      rotDegPerMin: null,
    });
  });

  it("adds tag blocks and links multi-sentence messages with g: groups", () => {
    const lines = encodeAis(samples[4]!, { tag: { source: "rUSLAX1", unixTimeS: 1764201600, groupId: 77 } });
    expect(lines[0]).toMatch(/^\\g:1-2-77,s:rUSLAX1,c:1764201600\*[0-9A-F]{2}\\!AIVDM,2,1,/);
    expect(lines[1]).toMatch(/^\\g:2-2-77\*[0-9A-F]{2}\\!AIVDM,2,2,/);
    const r = decodeAisLines(lines);
    expect(r.messages[0]).toMatchObject({
      tagSource: "rUSLAX1",
      tagUnixTimeS: 1764201600,
      tagGroupId: 77,
      shipname: "EVER ACE",
    });
  });

  it("wraps 359.96° course and 360° heading to 0, and rejects values that do not fit", () => {
    const base = samples[0] as AisPayload & { msgType: 1 };
    const r = decodeAisLines(encodeAis({ ...base, cogDeg: 359.96, headingDeg: 360 }));
    expect(r.messages[0]).toMatchObject({ cogDeg: 0, headingDeg: 0 });
    expect(() => encodeAis({ ...base, mmsi: 2 ** 30 })).toThrow(/does not fit 30 unsigned bits/);
    expect(() => encodeAis({ ...base, latDeg: 95 })).toThrow(/latDeg 95 is out of range/);
    expect(() => encodeAis({ ...base, navStatus: 1.5 })).toThrow(DomainError);
  });

  it("accepts the short 420-bit type 5 (dte null) and rejects 419 bits as truncated", () => {
    const payload = encodeAis(samples[4]!, { maxPayloadChars: 100 })[0]!.split(",")[5]!;
    const line = (p: string, fill: number) => {
      const body = `AIVDM,1,1,,A,${p},${fill}`;
      return `!${body}*${nmeaChecksum(body)}`;
    };
    const short = decodeAisLines([line(payload.slice(0, 70), 0)]);
    expect(short.messages[0]).toMatchObject({
      msgType: 5,
      shipname: "EVER ACE",
      destination: "USLAX>JPNGO",
      dte: null,
    });
    expect(decodeAisLines([line(payload.slice(0, 70), 1)]).rejects[0]?.reason).toBe("truncated");
  });

  it("derives ROT_AIS from rotDegPerMin when rotRaw is absent", () => {
    const { rotRaw: _omit, ...noRaw } = samples[1] as AisPayload & { msgType: 2 };
    const r = decodeAisLines(encodeAis({ ...noRaw, rotDegPerMin: 11.2 }));
    expect(r.messages[0]).toMatchObject({ rotRaw: 16, rotDegPerMin: 11.4 });
  });
});

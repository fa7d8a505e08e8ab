import { describe, expect, it } from "vitest";
import {
  iso6346CheckDigit,
  mmsiKind,
  parseContainerNumber,
  parseImoNumber,
  parseMmsi,
  parseUnLocode,
} from "./ids.ts";

describe("UN/LOCODE", () => {
  it("accepts the two ports and normalises case and spaces", () => {
    expect(parseUnLocode("USLAX")).toEqual({ ok: true, value: "USLAX" });
    expect(parseUnLocode("jp ngo")).toEqual({ ok: true, value: "JPNGO" });
  });
  it("rejects wrong length, digits 0/1 and non-letters in the country part", () => {
    for (const bad of ["USLA", "USLAXX", "US1AX", "U5LAX", "US-LAX", ""])
      expect(parseUnLocode(bad).ok).toBe(false);
  });
});

describe("IMO number", () => {
  // IMO 9074729 is the worked example in IMO Resolution A.1117(30) and Wikipedia "IMO number".
  it("accepts a valid check digit and an IMO prefix", () => {
    expect(parseImoNumber("IMO 9074729")).toEqual({ ok: true, value: 9074729 });
    expect(parseImoNumber(9074729)).toEqual({ ok: true, value: 9074729 });
  });
  it("rejects a wrong check digit and wrong lengths", () => {
    const bad = parseImoNumber("9074728");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain("expected 9");
    expect(parseImoNumber("907472").ok).toBe(false);
    expect(parseImoNumber("90747290").ok).toBe(false);
  });
});

describe("MMSI", () => {
  it("classifies by leading digits (ITU-R M.585)", () => {
    expect(mmsiKind(366999712)).toBe("ship");
    expect(mmsiKind(431000123)).toBe("ship");
    expect(mmsiKind(3669999)).toBe("coast_station"); // 003669999
    expect(mmsiKind(36699999)).toBe("group"); // 036699999
    expect(mmsiKind(111366001)).toBe("sar_aircraft");
    expect(mmsiKind(970010001)).toBe("sart_mob_epirb");
    expect(mmsiKind(983669999)).toBe("craft_associated");
    expect(mmsiKind(993692028)).toBe("aid_to_navigation");
    expect(mmsiKind(812345678)).toBe("other");
  });
  it("parses up to nine digits and refuses 0 and longer numbers", () => {
    expect(parseMmsi("366999712")).toEqual({ ok: true, value: 366999712 });
    expect(parseMmsi("0").ok).toBe(false);
    expect(parseMmsi("1234567890").ok).toBe(false);
    expect(parseMmsi("36699971x").ok).toBe(false);
  });
});

describe("ISO 6346 container number", () => {
  // ISO 6346 Annex A / Wikipedia "ISO 6346": CSQU 305438 3.
  it("computes the published check digit", () => {
    expect(iso6346CheckDigit("CSQU305438")).toBe(3);
  });
  // Independent check: letter values skip multiples of 11 (A=10, B=12, …, K=21, L=23, V=34).
  // BICU1234565 is computed by hand: B12 I19 C13 U32 → 12+38+52+256 + 1·16+2·32+3·64+4·128+5·256+6·512
  // = 358 + 5136 = 5494; 5494 mod 11 = 5.
  it("accepts valid numbers in any spacing and rejects a bad check digit", () => {
    expect(parseContainerNumber("CSQU 305438 3")).toEqual({ ok: true, value: "CSQU3054383" });
    expect(parseContainerNumber("bicu-123456-5")).toEqual({ ok: true, value: "BICU1234565" });
    const bad = parseContainerNumber("CSQU3054384");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain("expected 3");
    expect(parseContainerNumber("CSQX3054383").ok).toBe(false);
    expect(parseContainerNumber("CSQU305438").ok).toBe(false);
  });
});

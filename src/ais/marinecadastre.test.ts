import { describe, expect, it } from "vitest";
import {
  detectMarineCadastreLayout,
  formatMarineCadastreRow,
  formatMarineCadastreTime,
  MARINECADASTRE_CSV2_HEADER,
  MARINECADASTRE_HEADER,
  MARINECADASTRE_REJECT_REASONS,
  MarineCadastreParser,
  type MarineCadastreReject,
  type MarineCadastreRow,
  parseMarineCadastreTime,
} from "./marinecadastre.ts";

function parseAll(lines: string[]): { rows: MarineCadastreRow[]; rejects: MarineCadastreReject[] } {
  const rejects: MarineCadastreReject[] = [];
  const p = new MarineCadastreParser((r) => rejects.push(r));
  const rows: MarineCadastreRow[] = [];
  lines.forEach((l, i) => {
    const r = p.push(l, i + 1);
    if (r !== null) rows.push(r);
  });
  return { rows, rejects };
}

// Real rows of AIS_2022_06_20.csv and AIS_2022_06_01.csv (MarineCadastre, CC0) as printed with
// `head` in J. Bell, "MarineCadastre.gov" (jordanbell.info/blog/2023/05/03) and "BigQuery schema
// for USCG NAIS" (jordanbell.info/blog/2023/05/28).
const LEGACY_REAL = [
  MARINECADASTRE_HEADER,
  "538009563,2022-06-20T00:00:04,29.23668,-116.63519,20.4,149.9,152.0,DEL MONTE PRIDE,IMO9869693,V7A4893,70,0,192,30,7.6,70,A",
  "367777550,2022-06-01T00:00:02,28.10198,-96.93931,0.0,360.0,511.0,HARRY LEE,,WDJ4420,52,0,0,0,0.0,52,A",
  "367544180,2022-06-01T00:00:07,46.16795,-123.91430,0.0,342.5,511.0,JEANNE ARAIN,,WDG5186,30,15,18,,,30,A",
  "368001000,2022-06-01T00:00:04,29.05437,-90.23010,7.9,180.0,168.0,GRANT CANDIES,IMO9481374,WDE5747,90,0,89,18,6.0,0,A",
];

describe("MarineCadastre legacy layout", () => {
  it("parses real rows with sentinels to null", () => {
    const { rows, rejects } = parseAll(LEGACY_REAL);
    expect(rejects).toEqual([]);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      mmsi: 538009563,
      timeS: 1655683204,
      latDeg: 29.23668,
      lonDeg: -116.63519,
      sogKnots: 20.4,
      cogDeg: 149.9,
      headingDeg: 152,
      vesselName: "DEL MONTE PRIDE",
      imo: 9869693,
      callsign: "V7A4893",
      vesselType: 70,
      navStatus: 0,
      lengthM: 192,
      widthM: 30,
      draughtM: 7.6,
      cargo: 70,
      transceiverClass: "A",
    });
    // COG 360 and heading 511 are "not available"; length/width/draft 0 are unknown.
    expect(rows[1]).toMatchObject({
      cogDeg: null,
      headingDeg: null,
      imo: null,
      lengthM: null,
      draughtM: null,
    });
    expect(rows[2]).toMatchObject({ navStatus: 15, lengthM: 18, widthM: null, draughtM: null });
  });

  it("handles SOG 102.3, lat 91, lon 181, IMO0000000, negative COG and quoted names", () => {
    const { rows, rejects } = parseAll([
      MARINECADASTRE_HEADER,
      '366999999,2024-01-01T00:00:03,91,181,102.3,-1.0,511,"SMITH, JOHN ""JR""",IMO0000000,,37,,,,,,B',
      "366999998,2024-01-01T00:00:03,33.7,-118.2,,,,,9074729,,,,,,,,",
    ]);
    expect(rejects).toEqual([]);
    expect(rows[0]).toMatchObject({
      timeS: 1704067203,
      latDeg: null,
      lonDeg: null,
      sogKnots: null,
      cogDeg: null,
      headingDeg: null,
      vesselName: 'SMITH, JOHN "JR"',
      imo: null,
      transceiverClass: "B",
    });
    expect(rows[1]).toMatchObject({ imo: 9074729, sogKnots: null, vesselName: null, transceiverClass: null });
  });
});

describe("MarineCadastre csv2 (2025) layout", () => {
  it("reads longitude before latitude and space-separated times", () => {
    // Row shape as in the csv2 files (blanks, not sentinels).
    const { rows, rejects } = parseAll([
      MARINECADASTRE_CSV2_HEADER,
      "366996430,2025-03-31 00:00:00,-82.55641,38.40362,0.1,295.2,100,CAPT JEFF IRBY,,WDK7088,31,12,20,8,3.3,,A",
      "368435310,2025-03-31 00:00:00,-80.11748,40.51168,5.0,180.0,,DANI Z,,WDQ5513,52,0,15,6,,52,A",
    ]);
    expect(rejects).toEqual([]);
    expect(rows[0]).toMatchObject({
      mmsi: 366996430,
      timeS: Date.UTC(2025, 2, 31) / 1000,
      lonDeg: -82.55641,
      latDeg: 38.40362,
      headingDeg: 100,
      cargo: null,
      navStatus: 12,
    });
    expect(rows[1]).toMatchObject({ headingDeg: null, draughtM: null, cargo: 52 });
  });

  it("detects layouts by header, ignoring BOM and CR", () => {
    expect(detectMarineCadastreLayout(`\ufeff${MARINECADASTRE_HEADER}\r`)).toBe("legacy");
    expect(detectMarineCadastreLayout(MARINECADASTRE_CSV2_HEADER)).toBe("csv2");
    expect(detectMarineCadastreLayout("a,b,c")).toBeNull();
  });
});

describe("rejects", () => {
  it("rejects every line after an unknown header", () => {
    const { rows, rejects } = parseAll(["when,where", "", "1,2"]);
    expect(rows).toEqual([]);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [1, "unknown_csv_header"],
      [3, "unknown_csv_header"],
    ]);
  });

  it("gives one stable reason per bad row and keeps reading", () => {
    const good =
      "538009563,2022-06-20T00:00:04,29.23668,-116.63519,20.4,149.9,152.0,X,,,70,0,192,30,7.6,70,A";
    const cases: [string, string][] = [
      ["538009563,2022-06-20T00:00:04,29.2", "bad_csv_columns"],
      [
        '538009563,2022-06-20T00:00:04,29.23668,-116.63519,20.4,149.9,152.0,"X,,,70,0,192,30,7.6,70,A',
        "bad_csv_quote",
      ],
      [good.replace("538009563", "53800956x"), "bad_mmsi"],
      [good.replace("538009563", "0"), "bad_mmsi"],
      [good.replace("2022-06-20T00:00:04", "2022-02-30T00:00:04"), "bad_time"],
      [good.replace("2022-06-20T00:00:04", "20/06/2022 00:00"), "bad_time"],
      [good.replace("29.23668", "95.1"), "bad_position"],
      [good.replace("-116.63519", "abc"), "bad_position"],
      [good.replace("20.4", "fast"), "bad_motion"],
      [good.replace(",70,0,", ",cargo,0,"), "bad_static"],
      [good.replace(",A", ",C"), "bad_static"],
    ];
    const { rows, rejects } = parseAll([MARINECADASTRE_HEADER, ...cases.map((c) => c[0]), good]);
    expect(rejects.map((r) => r.reason)).toEqual(cases.map((c) => c[1]));
    expect(rejects[0]).toEqual({ line: 2, reason: "bad_csv_columns", text: cases[0]![0] });
    expect(rows).toHaveLength(1);
    const seen = new Set([...rejects.map((r) => r.reason), "unknown_csv_header"]);
    expect([...seen].sort()).toEqual([...MARINECADASTRE_REJECT_REASONS].sort());
  });
});

describe("writer", () => {
  it("writes the doc example line", () => {
    const { rows } = parseAll(LEGACY_REAL.slice(0, 2));
    expect(formatMarineCadastreRow(rows[0]!)).toBe(LEGACY_REAL[1]);
    expect(formatMarineCadastreTime(1704067203)).toBe("2024-01-01T00:00:03");
    expect(parseMarineCadastreTime("2024-01-01T00:00:03")).toBe(1704067203);
  });

  it("round-trips writer → parser", () => {
    const rows: MarineCadastreRow[] = [];
    for (let k = 0; k < 200; k++) {
      rows.push({
        mmsi: 366000000 + k,
        timeS: 1793491200 + k * 37,
        latDeg: k % 17 === 0 ? null : 33.5 + k * 0.00123,
        lonDeg: k % 17 === 0 ? null : -118.3 + k * 0.00071,
        sogKnots: k % 5 === 0 ? null : (k % 200) / 10,
        cogDeg: k % 7 === 0 ? null : (k * 13.1) % 360,
        headingDeg: k % 3 === 0 ? null : (k * 7) % 360,
        vesselName: k % 11 === 0 ? null : `SHIP, NO "${k}"`,
        imo: k % 2 === 0 ? null : 9074729,
        callsign: k % 4 === 0 ? null : `CS${k}`,
        vesselType: 70,
        navStatus: k % 16,
        lengthM: 300,
        widthM: 48,
        draughtM: 14.5,
        cargo: null,
        transceiverClass: k % 9 === 0 ? "B" : "A",
      });
    }
    const lines = [MARINECADASTRE_HEADER, ...rows.map(formatMarineCadastreRow)];
    const back = parseAll(lines);
    expect(back.rejects).toEqual([]);
    expect(back.rows).toHaveLength(rows.length);
    back.rows.forEach((r, i) => {
      const o = rows[i]!;
      expect(r.mmsi).toBe(o.mmsi);
      expect(r.timeS).toBe(o.timeS);
      expect(r.latDeg === null ? null : r.latDeg.toFixed(5)).toBe(
        o.latDeg === null ? null : o.latDeg.toFixed(5),
      );
      expect(r.sogKnots).toBe(o.sogKnots === null ? null : Number(o.sogKnots.toFixed(1)));
      expect(r.cogDeg).toBe(o.cogDeg === null ? null : Number(o.cogDeg.toFixed(1)));
      expect(r.headingDeg).toBe(o.headingDeg);
      expect(r.vesselName).toBe(o.vesselName);
      expect(r.imo).toBe(o.imo);
      expect(r.transceiverClass).toBe(o.transceiverClass);
    });
  });

  it("parses 200k rows quickly", () => {
    const line = LEGACY_REAL[1]!;
    const p = new MarineCadastreParser(() => {});
    p.push(MARINECADASTRE_HEADER, 1);
    const t0 = performance.now();
    let n = 0;
    for (let k = 0; k < 200_000; k++) if (p.push(line, k + 2) !== null) n++;
    const ms = performance.now() - t0;
    expect(n).toBe(200_000);
    expect(ms).toBeLessThan(2000);
  });
});

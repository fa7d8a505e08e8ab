import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { writeZip } from "../../test/helpers/zip.ts";
import {
  applyDefaults,
  chooseSizeClass,
  deriveEngineType,
  emptyParticulars,
  normalizeShipType,
  PARTICULARS_COLUMNS,
  parseEngineType,
  parseParticularsCsv,
  particularsFromAis,
  shipTypeFromAis,
  type VesselParticulars,
} from "./particulars.ts";
import { loadDefaultEngineTable, readParticularsFile } from "./particulars-io.ts";

const table = loadDefaultEngineTable();

// Realistic rows; the IMO numbers carry valid check digits, the names are made up.
const HEADER =
  "IMO Number,Name,Ship Type,DWT,TEU,Gross Tonnage,Year Built,ME kW,Engine Type,Propulsion,Stroke,RPM,Service Speed,Max Speed,Max Draft m,Auxiliary kW,Shore Power Capable";
const ROWS = [
  // 14,000 TEU container ship with only its capacity known: everything else from Table C.3.
  "9778791,PACIFIC HARMONY,Container Ship,,14000,,2017,,,,,,,,,,yes",
  // Capesize bulker: engine type from stroke, max speed from service speed.
  "9311488,CAPE NAGOYA,Bulk Carrier,180000,,93000,2006,16860,,Oil Engine(s) Direct Drive,2,78,14.5,,,,no",
  // Aframax tanker, engine type given.
  "9580120,SAN PEDRO SPIRIT,Oil Tanker,115000,,62000,2012,13560,SSD,,,,14.8,,15.0,2200,N",
  // Cruise ship, diesel-electric from propulsion / stroke / rpm.
  "9712345,STAR OF THE PACIFIC,Cruise,,,168666,2016,,,Oil Engine(s) Electric Drive,4,514,21.5,,,,TRUE",
  // Car carrier with unknown engine.
  '9321483,"AUTO, EXPRESS",Vehicle Carrier,21000,,58000,2005,,,,,,,,,,',
];

function parseFixture(extra: string[] = []) {
  return parseParticularsCsv([HEADER, ...ROWS, ...extra].join("\n"), { table });
}

function byImo(rows: VesselParticulars[], imo: number): VesselParticulars {
  const row = rows.find((r) => r.imo === imo);
  if (!row) throw new Error(`no row for IMO ${imo}`);
  return row;
}

const defaultsOf = (p: VesselParticulars) => Object.fromEntries(p.defaulted.map((d) => [d.field, d.value]));

describe("reference table", () => {
  it("loads Table C.3 from data/reference", () => {
    expect(table.engines).toHaveLength(43);
    // Row "Container Ship,"8,000 TEU",3,SSD,55800,26.5,13.9".
    expect(table.engines.find((e) => e.shipType === "Container Ship" && e.subType === "8,000 TEU")).toEqual({
      shipType: "Container Ship",
      subType: "8,000 TEU",
      engineCategory: 3,
      engineType: "SSD",
      installedPropulsionKw: 55800,
      maxSpeedKn: 26.5,
      maxDraftM: 13.9,
    });
    expect(table.transitSpeedRatios.get("Container Ship")).toBe(0.74);
  });

  it("has a size class for every ship type of Table C.3", () => {
    for (const e of table.engines)
      expect(table.sizeClasses.some((c) => c.shipType === e.shipType && c.subType === e.subType)).toBe(true);
  });
});

describe("chooseSizeClass", () => {
  const sub = (shipType: string, size: Parameters<typeof chooseSizeClass>[2]) =>
    chooseSizeClass(table, shipType, size)?.subType ?? null;

  it("uses TEU for container ships, DWT for bulk and tankers, GT for cruise and ro-ro", () => {
    expect(sub("Container Ship", { teu: 14000 })).toBe("14,500 TEU");
    expect(sub("Container Ship", { teu: 8000 })).toBe("8,000 TEU"); // upper bound inclusive
    expect(sub("Container Ship", { teu: 8001 })).toBe("12,000 TEU");
    expect(sub("Container Ship", { teu: 24346 })).toBe("Largest");
    expect(sub("Bulk Carrier", { dwt: 180000 })).toBe("Capesize");
    expect(sub("Bulk Carrier", { dwt: 250000 })).toBe("Capesize Largest");
    expect(sub("Bulk Carrier", { dwt: 28000 })).toBe("Handysize");
    expect(sub("Oil Tanker", { dwt: 115000 })).toBe("Aframax");
    expect(sub("Oil Tanker", { dwt: 300000 })).toBe("Suezmax"); // no VLCC row in Table C.3
    expect(sub("Cruise", { grossTonnage: 168666 })).toBe("Largest");
    expect(sub("Cruise", { grossTonnage: 55000 })).toBe("60,000 Ton");
    expect(sub("RORO", { grossTonnage: 58000 })).toBe("Largest");
    expect(sub("Reefer", {})).toBe("All Reefer");
  });

  it("falls back to length and beam when the capacity is unknown (coarse)", () => {
    expect(sub("Container Ship", { lengthM: 366, beamM: 51 })).toBe("14,500 TEU");
    expect(sub("Container Ship", { lengthM: 294, beamM: 32.2 })).toBe("5,000 TEU");
    expect(sub("Container Ship", { lengthM: 400, beamM: 59 })).toBe("Largest");
    expect(sub("Bulk Carrier", { lengthM: 229, beamM: 32.26 })).toBe("Panamax");
    expect(sub("Container Ship", {})).toBeNull();
    expect(chooseSizeClass(table, "Bulk Carrier", { dwt: 180000 })?.source).toBe(
      "ogv_size_classes.csv: Bulk Carrier / Capesize (DWT 180000 in 100000-200000; B)",
    );
  });
});

describe("engine type", () => {
  it("follows ShipEF calcEngineType: propulsion, then stroke, then rpm (cut-off 500)", () => {
    expect(deriveEngineType("Oil Engine(s), Direct Drive", 2, 80)).toBe("SSD");
    expect(deriveEngineType(null, 4, null)).toBe("MSD");
    expect(deriveEngineType(null, null, 720)).toBe("MSD");
    expect(deriveEngineType(null, null, 500)).toBe("SSD");
    expect(deriveEngineType(null, null, 1800)).toBe("MSD"); // main engines are never HSD in EPA's tables
    expect(deriveEngineType("Oil Engine(s), Electric Drive", 4, 514)).toBe("MSD-ED");
    expect(deriveEngineType("Gas Turbine(s), Electric Drive", null, null)).toBe("GT-ED");
    expect(deriveEngineType("Steam Turbine(s), Geared Drive", null, null)).toBe("ST");
    expect(deriveEngineType("Dual Fuel Engine(s), Direct Drive", 2, 80)).toBe("LNG");
    expect(deriveEngineType("Sail, Aux Oil Eng(s), Geared", 4, 1800)).toBeNull();
    expect(deriveEngineType(null, null, null)).toBeNull();
  });

  it("reads written engine types", () => {
    expect(parseEngineType("msd-ed")).toBe("MSD-ED");
    expect(parseEngineType("Slow speed diesel")).toBe("SSD");
    expect(parseEngineType("rocket")).toBeNull();
  });
});

describe("defaults", () => {
  it("fills a 14,000 TEU container ship from Table C.3 row Container Ship / 14,500 TEU", () => {
    // Row: Container Ship,"14,500 TEU",3,SSD,65000,25.6,15.2; transit ratio 0.74 (Table 3.12).
    const p = applyDefaults({ ...emptyParticulars(9778791), shipType: "Container Ship", teu: 14000 }, table);
    expect(p).toMatchObject({
      subType: "14,500 TEU",
      engineType: "SSD",
      mainEngineKw: 65000,
      maxSpeedKn: 25.6,
      maxDraftM: 15.2,
      serviceSpeedKn: 18.9, // 25.6 × 0.74 = 18.944
      auxKw: null,
      shorePower: null,
    });
    const kw = p.defaulted.find((d) => d.field === "mainEngineKw");
    expect(kw).toEqual({
      field: "mainEngineKw",
      value: 65000,
      source: "ogv_default_engine_characteristics.csv: Container Ship / 14,500 TEU (EPA 2022 Table C.3)",
    });
  });

  it("never overwrites known values and leaves vessels without ship type alone", () => {
    const known = { ...emptyParticulars(9580120), shipType: "Oil Tanker", dwt: 115000, mainEngineKw: 13560 };
    const p = applyDefaults(known, table);
    expect(p.mainEngineKw).toBe(13560);
    expect(p.defaulted.map((d) => d.field)).not.toContain("mainEngineKw");
    expect(applyDefaults(emptyParticulars(9580120), table).defaulted).toEqual([]);
  });

  it("gives AIS-only vessels a coarse type and size", () => {
    expect(shipTypeFromAis(table, 71)).toEqual({
      shipType: "General Cargo",
      source: "ais_ship_type_to_ogv.csv: 70-79 (D)",
    });
    expect(shipTypeFromAis(table, 84)?.shipType).toBe("Oil Tanker");
    expect(shipTypeFromAis(table, 60)?.shipType).toBe("Cruise");
    expect(shipTypeFromAis(table, 52)).toBeNull(); // tug: harbour craft, not an OGV
    const p = particularsFromAis(table, { imo: 9321483, aisShipType: 71, lengthM: 366, beamM: 51 });
    // Row: General Cargo,Largest,3,MSD,14900,18.5,8.4; ratio 0.68 → 12.6 kn.
    expect(p).toMatchObject({
      shipType: "General Cargo",
      subType: "Largest",
      engineType: "MSD",
      mainEngineKw: 14900,
      maxSpeedKn: 18.5,
      maxDraftM: 8.4,
      serviceSpeedKn: 12.6,
    });
    expect(p.defaulted.map((d) => d.field)).toEqual([
      "shipType",
      "subType",
      "engineType",
      "mainEngineKw",
      "maxSpeedKn",
      "maxDraftM",
      "serviceSpeedKn",
    ]);
  });

  it("maps ship-type synonyms to the table vocabulary", () => {
    expect(normalizeShipType("CONTAINER")).toBe("Container Ship");
    expect(normalizeShipType("car carrier")).toBe("RORO");
    expect(normalizeShipType("LNG carrier")).toBe("Liquified Gas Tanker");
    expect(normalizeShipType("spaceship")).toBeNull();
  });
});

describe("particulars CSV", () => {
  it("reads realistic rows with synonym headers and fills defaults", () => {
    const r = parseFixture();
    expect(r.counts).toEqual({ read: 5, accepted: 5, rejected: 0, duplicates: 0 });
    expect(r.ignoredColumns).toEqual([]);

    const box = byImo(r.rows, 9778791);
    expect(box).toMatchObject({
      name: "PACIFIC HARMONY",
      shipType: "Container Ship",
      subType: "14,500 TEU",
      teu: 14000,
      buildYear: 2017,
      mainEngineKw: 65000,
      engineType: "SSD",
      shorePower: true,
    });

    const cape = byImo(r.rows, 9311488);
    // Capesize row: Bulk Carrier,Capesize,3,SSD,16400,15.7,17.2.
    expect(cape).toMatchObject({
      subType: "Capesize",
      engineType: "SSD",
      engineStroke: 2,
      engineRpm: 78,
      mainEngineKw: 16860,
      serviceSpeedKn: 14.5,
      maxSpeedKn: 15.43, // 14.5 / 0.94 (METHOD.md 1.2)
      maxDraftM: 17.2,
      shorePower: false,
    });
    expect(defaultsOf(cape)).toEqual({
      engineType: "SSD",
      subType: "Capesize",
      maxSpeedKn: 15.43,
      maxDraftM: 17.2,
    });

    const afra = byImo(r.rows, 9580120);
    expect(afra).toMatchObject({
      subType: "Aframax",
      engineType: "SSD",
      mainEngineKw: 13560,
      maxDraftM: 15,
      auxKw: 2200,
      maxSpeedKn: 15.74,
      shorePower: false,
    });
    expect(afra.defaulted.map((d) => d.field)).toEqual(["subType", "maxSpeedKn"]);

    const cruise = byImo(r.rows, 9712345);
    // Row: Cruise,Largest,3,MSD-ED,42900,23.5,8.6.
    expect(cruise).toMatchObject({
      subType: "Largest",
      engineType: "MSD-ED",
      mainEngineKw: 42900,
      maxDraftM: 8.6,
      shorePower: true,
    });
    expect(cruise.defaulted.find((d) => d.field === "engineType")?.source).toMatch(/calcEngineType/);

    const car = byImo(r.rows, 9321483);
    // Row: RORO,Largest,3,SSD,19600,21.5,9.6; RORO transit ratio 0.73 → 15.7 kn.
    expect(car).toMatchObject({
      name: "AUTO, EXPRESS",
      shipType: "RORO",
      subType: "Largest",
      engineType: "SSD",
      mainEngineKw: 19600,
      maxSpeedKn: 21.5,
      serviceSpeedKn: 15.7,
      maxDraftM: 9.6,
      shorePower: null,
    });
    expect(car.defaulted.find((d) => d.field === "engineType")?.source).toBe(
      "ogv_default_engine_characteristics.csv: RORO / Largest (EPA 2022 Table C.3)",
    );
  });

  it("rejects bad rows with line, field and reason, and counts balance", () => {
    const r = parseFixture([
      "9778792,BAD CHECK,Container Ship,,5000,,,,,,,,,,,,", // line 7
      "9021502,NEGATIVE,Bulk Carrier,50000,,,2001,-8000,,,,,,,,,", // line 8
      "9155664,MYSTERY,Spaceship,50000,,,,,,,,,,,,,", // line 9
      "9898981,SLOW,General Cargo,8000,,,,,,,,,20,12,,,", // line 10: service above max
      "9454436,ODD,Container Ship,,5000,,,,,,3,,,,,,", // line 11: stroke 3
      "9454436,YES?,Container Ship,,5000,,,,,,,,,,,,maybe", // line 12
      "9454436,HUGE,Container Ship,,50000,,,,,,,,,,,,", // line 13: TEU out of range
      "", // blank: not read
      "9778791,PACIFIC HARMONY II,Container Ship,,14000,,2017,72000,,,,,,,,,yes", // line 15: duplicate
    ]);
    expect(r.rejects).toEqual([
      { line: 7, field: "imo", reason: "IMO 9778792 fails its check digit (expected 1)" },
      { line: 8, field: "main_engine_kw", reason: "-8000 is not positive" },
      { line: 9, field: "ship_type", reason: 'unknown ship type "Spaceship"' },
      { line: 10, field: "service_speed_kn", reason: "service speed above maximum speed" },
      { line: 11, field: "engine_stroke", reason: '"3" is not 2 or 4' },
      { line: 12, field: "shore_power", reason: '"maybe" is not yes/no/true/false/1/0' },
      { line: 13, field: "teu", reason: "50000 is outside 1-30000" },
    ]);
    expect(r.duplicates).toEqual([{ imo: 9778791, line: 15, previousLine: 2 }]);
    expect(r.counts).toEqual({ read: 13, accepted: 5, rejected: 7, duplicates: 1 });
    expect(r.counts.read).toBe(r.counts.accepted + r.counts.rejected + r.counts.duplicates);
    // Last row wins.
    expect(byImo(r.rows, 9778791)).toMatchObject({ name: "PACIFIC HARMONY II", mainEngineKw: 72000 });
  });

  it("balances the counts of the ParticularsCsvParser doc example", () => {
    const r = parseParticularsCsv(
      "imo,ship_type,teu\n9778791,Container Ship,14000\n9778792,Bulk,1\n9778791,Container Ship,14000",
    );
    expect(r.counts).toEqual({ read: 3, accepted: 1, rejected: 1, duplicates: 1 });
    expect(r.rejects[0]).toMatchObject({ line: 3, field: "imo" });
  });

  it("takes a given sub_type when the table knows it and rejects one it does not", () => {
    const r = parseParticularsCsv(
      'imo,ship_type,sub_type\n9778791,Container Ship,"8,000 teu"\n9454436,Container Ship,Panamax',
      { table },
    );
    // Row: Container Ship,"8,000 TEU",3,SSD,55800,26.5,13.9.
    expect(byImo(r.rows, 9778791)).toMatchObject({ subType: "8,000 TEU", mainEngineKw: 55800 });
    expect(r.rejects).toEqual([
      { line: 3, field: "sub_type", reason: '"Panamax" is not a Container Ship class of Table C.3' },
    ]);
  });

  it("accepts files with few columns and short rows", () => {
    const r = parseParticularsCsv(
      "imo,ship_type,dwt,unknown_col\n9311488,bulk carrier,180000\nIMO 9580120,tanker",
      {
        table,
      },
    );
    expect(r.counts).toEqual({ read: 2, accepted: 2, rejected: 0, duplicates: 0 });
    expect(r.ignoredColumns).toEqual(["unknown_col"]);
    expect(byImo(r.rows, 9311488)).toMatchObject({ subType: "Capesize", mainEngineKw: 16400 });
    // No DWT: no size class, so no size-dependent defaults.
    expect(byImo(r.rows, 9580120)).toMatchObject({
      shipType: "Oil Tanker",
      subType: null,
      mainEngineKw: null,
    });
  });

  it("rejects every row of a file without an IMO column", () => {
    const r = parseParticularsCsv("name,teu\nA,1000\nB,2000\n", { table });
    expect(r.counts).toEqual({ read: 2, accepted: 0, rejected: 2, duplicates: 0 });
    expect(r.rejects[0]).toEqual({
      line: 2,
      field: "imo",
      reason: "the header has no IMO column (imo / imo_number)",
    });
  });

  it("recognises the header synonyms", () => {
    const cases: [string, Partial<VesselParticulars>][] = [
      [
        "imo_number,me_kw,auxiliary_kw,shore_power_capable",
        { mainEngineKw: 9000, auxKw: 1200, shorePower: true },
      ],
      ["IMO,Main Engine (kW),aux_kw,shore_power", { mainEngineKw: 9000, auxKw: 1200, shorePower: true }],
      ["imo,main_engine_kw,Auxiliary-kW,SHORE POWER", { mainEngineKw: 9000, auxKw: 1200, shorePower: true }],
    ];
    for (const [header, expected] of cases) {
      const r = parseParticularsCsv(`${header}\n9311488,9000,1200,1`);
      expect(r.counts.accepted, header).toBe(1);
      expect(r.rows[0], header).toMatchObject(expected);
    }
    for (const [field, names] of Object.entries(PARTICULARS_COLUMNS))
      expect(names.length, field).toBeGreaterThan(0);
  });

  it("keeps the values of the file when no table is given", () => {
    const r = parseParticularsCsv("imo,ship_type,teu\n9778791,Container Ship,14000");
    expect(r.rows[0]).toMatchObject({ subType: null, mainEngineKw: null, defaulted: [] });
  });
});

describe("readParticularsFile", () => {
  it("streams plain, gzip and zip files with the same result", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "particulars-"));
    try {
      const text = `${[HEADER, ...ROWS, "9778792,BAD,Container Ship,,5000,,,,,,,,,,,,"].join("\r\n")}\r\n`;
      const plain = path.join(dir, "p.csv");
      const gz = path.join(dir, "p.csv.gz");
      fs.writeFileSync(plain, text);
      const zip = path.join(dir, "p.zip");
      fs.writeFileSync(gz, gzipSync(Buffer.from(text)));
      writeZip(zip, "particulars.csv", Buffer.from(text));
      const a = await readParticularsFile(plain);
      const b = await readParticularsFile(gz);
      const c = await readParticularsFile(zip);
      expect(a.counts).toEqual({ read: 6, accepted: 5, rejected: 1, duplicates: 0 });
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      expect(byImo(a.rows, 9778791).mainEngineKw).toBe(65000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from "vitest";
import { parseActivityText } from "./csv.ts";
import { cheCsv, cheSpec } from "./input-che.ts";
import { drayageCsv, drayageSpec } from "./input-drayage.ts";
import { factorsCsv, factorsSpec } from "./input-factors.ts";
import { harborCraftCsv, harborCraftSpec } from "./input-harbor-craft.ts";
import { railCsv, railSpec } from "./input-rail.ts";

const terminals = new Set(["uslax-terminal-yti", "uslax-terminal-fenix"]);

function rejectsOf(result: { rejects: { line: number; field: string; reason: string }[] }) {
  return result.rejects.map((r) => `${r.line} ${r.field}: ${r.reason}`);
}

describe("CHE CSV", () => {
  it("reads header synonyms in any case and order, kW, whole-year rows", () => {
    const text = [
      "Asset ID,Type,Fuel Type,Engine kW,MY,Calendar Year,Month,Operating Hours,Terminal,Notes",
      "YT-1,Terminal Tractor,Diesel,149.14,2018,2024,,2000,uslax-terminal-yti,ok",
      "RTG-3,RTG,diesel-electric hybrid,600,2012,2024,3,310,uslax-terminal-yti,",
    ].join("\r\n");
    const r = parseActivityText(cheSpec({ terminals }), text, "che.csv");
    expect(r.rejects).toEqual([]);
    expect(r.ignoredColumns).toEqual(["Notes"]);
    expect(r.counts).toEqual({ read: 2, accepted: 2, rejected: 0, duplicates: 0 });
    expect(r.records[0]!.record).toMatchObject({
      unitId: "YT-1",
      equipmentType: "yard_tractor",
      powertrain: "diesel",
      ratedKw: 149.14,
      ratedHp: null,
      month: null,
      hours: 2000,
    });
    expect(r.records[1]!.record).toMatchObject({ equipmentType: "rtg", powertrain: "hybrid", month: 3 });
    expect(r.records[1]!.key).toBe("RTG-3|2024|3");
  });

  it("rejects every kind of bad row with line, field and reason; the rest goes through", () => {
    const h =
      "unit_id,terminal,equipment_type,powertrain,rated_hp,rated_kw,model_year,year,month,hours,energy_kwh,hydrogen_kg,fuel_l,load_factor,load_factor_source";
    const rows = [
      h,
      "OK-1,uslax-terminal-yti,yard tractor,diesel,200,,2018,2024,1,150,,,,,", // 2 good
      ",uslax-terminal-yti,yard tractor,diesel,200,,2018,2024,1,150,,,,,", // 3 no unit id
      "X-2,nowhere,yard tractor,diesel,200,,2018,2024,1,150,,,,,", // 4 unknown terminal
      "X-3,,crane thing,diesel,200,,2018,2024,1,150,,,,,", // 5 unknown equipment type
      "X-4,,yard tractor,steam,200,,2018,2024,1,150,,,,,", // 6 unknown powertrain
      "X-5,,yard tractor,diesel,,,2018,2024,1,150,,,,,", // 7 no rated power
      "X-6,,yard tractor,diesel,200,149,2018,2024,1,150,,,,,", // 8 hp and kW
      "X-7,,yard tractor,diesel,200,,,2024,1,150,,,,,", // 9 diesel without model year
      "X-8,,yard tractor,diesel,200,,2018,2024,13,150,,,,,", // 10 month 13
      "X-9,,yard tractor,diesel,200,,2018,2024,2,700,,,,,", // 11 more hours than February has
      "X-10,,yard tractor,diesel,200,,2018,2024,1,abc,,,,,", // 12 not a number
      "X-11,,yard tractor,diesel,200,,2018,2024,1,150,500,,,,", // 13 kWh on a diesel unit
      "X-12,,yard tractor,battery-electric,,,,2024,1,,,,,,", // 14 battery without hours or kWh
      "X-13,,yard tractor,diesel,200,,2018,2024,1,150,,,,0.7,", // 15 load factor without source
      "X-14,,yard tractor,diesel,200,,2018,2024,1,150,,,,1.5,survey", // 16 load factor > 1
      'X-15,,"yard tractor,diesel,200', // 17 unbalanced quote
      "X-16,,yard tractor,diesel,200,,2018,2024,1,150,,,,,,extra", // 18 too many cells
      "OK-1,uslax-terminal-yti,yard tractor,diesel,200,,2018,2024,1,150,,,,,", // 19 duplicate of line 2
      "OK-1,uslax-terminal-yti,yard tractor,diesel,200,,2018,2024,1,160,,,,,", // 20 same key, other values
      "X-17,,yard tractor,hydrogen fuel cell,,,,2024,1,10,,,40,,", // 21 litres on a fuel-cell unit
    ];
    const r = parseActivityText(cheSpec({ terminals }), rows.join("\n"), "che.csv");
    expect(rejectsOf(r)).toEqual([
      "3 unit_id: missing value",
      '4 terminal: unknown terminal "nowhere" (known: uslax-terminal-yti, uslax-terminal-fenix)',
      '5 equipment_type: "crane thing" is not one of yard tractor, RTG crane, STS crane (diesel), top handler, side handler, reach stacker, empty container handler, straddle carrier, forklift',
      '6 powertrain: "steam" is not one of diesel, diesel-electric hybrid, LPG, CNG, battery-electric, hydrogen fuel cell',
      "7 rated_hp: missing rated power (rated_hp or rated_kw)",
      "8 rated_kw: give rated_hp or rated_kw, not both",
      "9 model_year: missing value",
      "10 month: 13 must be at most 12",
      "11 hours: 700 must be at most 696", // February 2024: 29 days × 24 h
      '12 hours: "abc" is not a number',
      "13 energy_kwh: electricity is read for battery-electric and hybrid units only",
      "14 hours: a battery-electric unit needs hours or energy_kwh",
      "15 load_factor_source: a load-factor override needs its source",
      "16 load_factor: 1.5 must be at most 1",
      "17 line: unbalanced quotes",
      "18 line: 16 cells, but the header has 15",
      "20 unit_id, year and month: same unit_id, year and month as line 2 but different values",
      "21 fuel_l: metered diesel is read for diesel and hybrid units only",
    ]);
    expect(r.counts).toEqual({ read: 20, accepted: 1, rejected: 18, duplicates: 1 });
    expect(r.counts.read).toBe(r.counts.accepted + r.counts.rejected + r.counts.duplicates);
  });

  it("rejects every row of a file whose header lacks a required column", () => {
    const r = parseActivityText(
      cheSpec(),
      "unit_id,equipment_type,year,hours\nA,yard tractor,2024,10\nB,forklift,2024,5\n",
      "x.csv",
    );
    expect(r.counts).toEqual({ read: 2, accepted: 0, rejected: 2, duplicates: 0 });
    expect(r.rejects[0]).toMatchObject({ line: 2, field: "powertrain" });
    expect(r.rejects[0]!.reason).toContain("the header has no powertrain column");
  });

  it("writes what it reads (round trip)", () => {
    const text = [
      "unit_id,terminal,equipment_type,powertrain,rated_hp,model_year,year,month,hours,energy_kwh,hydrogen_kg,fuel_gal,cumulative_hours,load_factor,load_factor_source,hydrogen_pathway",
      'A,uslax-terminal-yti,top handler,diesel,250,2016,2025,7,120,,,300,9000,0.45,"CARB, 2011"',
      "B,,forklift,hydrogen fuel cell,,,2025,7,100,,30,,,,,grey-smr",
    ].join("\n");
    const a = parseActivityText(cheSpec(), text, "a.csv");
    const b = parseActivityText(cheSpec(), cheCsv(a.records.map((r) => r.record)), "b.csv");
    expect(b.rejects).toEqual([]);
    expect(b.records.map((r) => r.record)).toEqual(a.records.map((r) => r.record));
  });
});

describe("harbour-craft CSV", () => {
  it("reads engines and tiers; rejects bad rows", () => {
    const text = [
      "vessel_id,vessel_name,vessel_type,engine_use,engine_count,engine_kw,model_year,tier,year,month,hours",
      "IMO9000001,Tug A,harbor tug,main,2,1865,2015,Tier 3,2025,4,120",
      "IMO9000002,Pilot B,pilot boat,generator,1,,2010,IMO II,2025,4,200", // no kW
      "IMO9000003,Ferry C,hovercraft,propulsion,2,1500,2010,2,2025,4,100", // unknown type
      "IMO9000004,Tug D,assist tug,propeller,2,1500,2010,2,2025,4,100", // unknown engine use
      "IMO9000005,Tug E,assist tug,propulsion,0,1500,2010,2,2025,4,100", // count 0
      "IMO9000006,Tug F,assist tug,propulsion,2,1500,2010,2,2025,4,", // no hours
    ].join("\n");
    const r = parseActivityText(harborCraftSpec(), text, "hc.csv");
    expect(r.records[0]!.record).toMatchObject({
      vesselType: "assist_tug",
      engineUse: "propulsion",
      engineId: "propulsion",
      engineCount: 2,
      tier: "3",
    });
    expect(rejectsOf(r)).toEqual([
      "3 engine_hp: missing rated power (engine_hp or engine_kw)",
      '4 vessel_type: "hovercraft" is not one of assist tug, escort tug, pilot boat, ferry, crew boat, work boat',
      '5 engine_use: "propeller" is not one of propulsion, auxiliary',
      "6 engine_count: 0 must be at least 1",
      "7 hours: missing value",
    ]);
    const again = parseActivityText(
      harborCraftSpec(),
      harborCraftCsv(r.records.map((x) => x.record)),
      "b.csv",
    );
    expect(again.records.map((x) => x.record)).toEqual(r.records.map((x) => x.record));
  });
});

describe("drayage CSV", () => {
  it("reads miles or km and ZE energy with its source; rejects bad rows", () => {
    const text = [
      "terminal,year,month,powertrain,model_year_group,gate_visits,one_way_mi,one_way_km,idle_min_per_visit,starts_per_visit,kwh_per_mi,h2_kg_per_mi,energy_source,hydrogen_pathway",
      "uslax-terminal-yti,2025,5,diesel,MY2010-2013,12000,3.1,,35,0,,,,",
      "uslax-terminal-yti,2025,5,battery-electric,,400,,5,30,,2.1,,fleet telematics 2025,",
      "uslax-terminal-yti,2025,5,fuel cell,,40,3,,30,,,0.11,,", // no energy source
      "uslax-terminal-yti,2025,,diesel,2014+,1000,3,,30,,,,,", // no month
      "uslax-terminal-yti,2025,5,diesel,2021+,1000,,,30,,,,,", // no distance
      "uslax-terminal-yti,2025,5,diesel,2021+,10.5,3,,30,,,,,", // fractional visits
      "uslax-terminal-yti,2025,5,diesel,2022+,100,3,,30,,1.9,,x,", // kWh/mi on diesel
    ].join("\n");
    const r = parseActivityText(drayageSpec({ terminals }), text, "d.csv");
    expect(r.records.map((x) => x.record)).toMatchObject([
      {
        powertrain: "diesel",
        modelYearGroup: "2010-2013",
        gateVisits: 12000,
        oneWayMi: 3.1,
        startsPerVisit: 0,
      },
      { powertrain: "battery_electric", modelYearGroup: null, oneWayKm: 5, kwhPerMi: 2.1 },
    ]);
    expect(rejectsOf(r)).toEqual([
      "4 energy_source: an energy-per-mile figure needs its source",
      "5 month: missing value",
      "6 one_way_mi: missing one-way distance (one_way_mi or one_way_km)",
      "7 gate_visits: 10.5 is not a whole number",
      "8 kwh_per_mi: kWh per mile is read for battery-electric trucks only",
    ]);
    const again = parseActivityText(drayageSpec(), drayageCsv(r.records.map((x) => x.record)), "b.csv");
    expect(again.records.map((x) => x.record)).toEqual(r.records.map((x) => x.record));
  });
});

describe("rail CSV", () => {
  it("reads fuel or hours; rejects rows with both, neither, or an unknown tier", () => {
    const text = [
      "year,month,service,tier,locomotive_id,fuel_gal,fuel_l,hours,rated_hp",
      "2025,1,switch,T3,PHL-GENSET,12000,,,",
      "2025,1,line-haul,Tier 2+,,,,650,4400",
      "2025,1,switch,Tier 3,,100,,20,2000", // both
      "2025,1,switch,Tier 3,,,,,", // neither
      "2025,1,switch,Tier 5,,100,,,", // tier
      "2025,1,yard,Tier 4,,,,20,", // hours without power
    ].join("\n");
    const r = parseActivityText(railSpec(), text, "r.csv");
    expect(r.records.map((x) => x.record)).toMatchObject([
      { service: "switch", tier: "Tier 3", fuelGal: 12000, locomotiveId: "PHL-GENSET" },
      { service: "line-haul", tier: "Tier 2+", hours: 650, ratedHp: 4400 },
    ]);
    expect(rejectsOf(r)).toEqual([
      "4 hours: give fuel or hours, not both (fuel-based or duty-cycle method)",
      "5 fuel_gal: give fuel (fuel_gal or fuel_l) or hours with rated power",
      '6 tier: "Tier 5" is not one of Uncontrolled, Tier 0, Tier 0+, Tier 1, Tier 1+, Tier 2, Tier 2+, Tier 3, Tier 4',
      "7 rated_hp: missing rated power (rated_hp or rated_kw)",
    ]);
    const again = parseActivityText(railSpec(), railCsv(r.records.map((x) => x.record)), "b.csv");
    expect(again.records.map((x) => x.record)).toEqual(r.records.map((x) => x.record));
  });
});

describe("user factors CSV", () => {
  it("checks category, key grammar, pollutant, unit and source", () => {
    const text = [
      "category,key,pollutant,value,unit,source",
      "drayage,diesel MY2010-2013,NOx,3.2,g/mile,EMFAC2021 run 2025-01",
      "harbour craft,tug propulsion tier 2 kW 600-1000,PM2.5,0.2,g/kWh,CARB 2021 Appendix",
      "che,forklift LPG,CO,9,g/bhp-hr,OFFROAD",
      "rail,switch tier 3,NOx,4,g/bhp-hr,x", // rail
      "drayage,MY2010 diesel,NOx,3,g/mi,x", // key grammar
      "harbor craft,tug propeller,NOx,3,g/kWh,x", // key grammar
      "drayage,diesel,CO2e,3,g/mi,x", // pollutant
      "drayage,diesel,NOx,3,g/kWh,x", // unit for category
      "drayage,diesel,NOx,-1,g/mi,x", // negative
      "drayage,diesel,NOx,1,g/mi,", // no source
      "drayage,Diesel  my2010-2013,nox,3.2,g/mi,EMFAC2021 run 2025-01", // duplicate (normalised key, unit synonym)
    ].join("\n");
    const r = parseActivityText(factorsSpec(), text, "f.csv");
    expect(r.records.map((x) => x.record)).toEqual([
      {
        category: "drayage",
        key: "diesel my2010-2013",
        pollutant: "nox",
        value: 3.2,
        unit: "g/mi",
        source: "EMFAC2021 run 2025-01",
      },
      {
        category: "harbor_craft",
        key: "tug propulsion tier 2 kw 600-1000",
        pollutant: "pm25",
        value: 0.2,
        unit: "g/kWh",
        source: "CARB 2021 Appendix",
      },
      {
        category: "che",
        key: "forklift lpg",
        pollutant: "co",
        value: 9,
        unit: "g/bhp-hr",
        source: "OFFROAD",
      },
    ]);
    expect(rejectsOf(r)).toEqual([
      "5 category: rail factors come from locomotive_emission_factors.csv; user factors are read for che, harbor craft and drayage",
      '6 key: the key must start with a powertrain (diesel, natural gas, battery-electric, fuel cell), e.g. "diesel MY2010-2013"',
      '7 key: "propeller" is not understood; write e.g. "assist tug propulsion tier 3 kW 600-1000"',
      '8 pollutant: "CO2e" is not one of NOx, PM10, PM2.5, DPM, SO2, CO, HC, CO2, CH4, N2O (CO2e is computed)',
      "9 unit: g/kWh is not a unit for drayage (use g/mi, g/km, g/h, g/start)",
      "10 value: -1 must be at least 0",
      "11 source: missing value",
    ]);
    expect(r.counts).toEqual({ read: 11, accepted: 3, rejected: 7, duplicates: 1 });
    const again = parseActivityText(factorsSpec(), factorsCsv(r.records.map((x) => x.record)), "b.csv");
    expect(again.records.map((x) => x.record)).toEqual(r.records.map((x) => x.record));
  });
});

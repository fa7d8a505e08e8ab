/**
 * Demo activity of the non-ship source categories for both ports — cargo-handling equipment,
 * harbour craft, drayage trucks, rail — and the demo's own user factors. Deterministic (seeded),
 * monthly, shaped like the files ports hold, at a realistic scale:
 *
 * - Los Angeles: about 1,450 CHE units at the seven container terminals (mostly yard tractors; 14
 *   diesel RTGs and, from May 2024, one hydrogen RTG at Yusen; hybrid straddle carriers at TraPac),
 *   zero-emission units growing by about 2 % of the fleet a year from 2019 (NOTES.md §1: 56 ZE units
 *   under test in 2021, CAAP goal 100 % by 2030); about 4.4 million truck gate visits a year; 34
 *   harbour craft; Pacific Harbor Line switchers by hours and line-haul fuel inside the boundary.
 * - Nagoya: about 520 CHE units at five terminals (many hybrid RTGs, Toyota fuel-cell forklifts and
 *   yard tractors from 2022), about 1.6 million gate visits (distances in km), 24 harbour craft
 *   with IMO tiers, Nagoya Rinkai Railway switchers and a little JR Freight line-haul fuel.
 *
 * Equipment energy rates (kWh/h, kg H2/h), hours and truck figures follow the orders of magnitude of
 * ../shared/reference/transition/NOTES.md §3–4 (confidence C) — demo values, not measurements. The
 * user factors are labelled in their source column as illustrative: no sourced harbour-craft or
 * drayage factor exists (nonship README), and a real inventory must replace them.
 *
 * Pure: `generateDemoActivity({ seed, port, year })` → the parsed records of a full year.
 */

import { localDateTime, SECONDS_PER_DAY, zonedMidnightUtcS } from "../core/time.ts";
import {
  type CheRecord,
  cheCsv,
  type DrayagePowertrain,
  type DrayageRecord,
  drayageCsv,
  factorsCsv,
  type HarborCraftRecord,
  harborCraftCsv,
  type NonshipActivity,
  type RailRecord,
  railCsv,
  type UserFactorRecord,
} from "../emissions/nonship/index.ts";
import { Rng } from "./prng.ts";
import type { DemoPort } from "./world.ts";

export interface DemoActivityOptions {
  seed: number;
  port: DemoPort;
  year: number;
}

/** The source text of every demo user factor. */
export const DEMO_FACTOR_SOURCE =
  "demo world: illustrative, not for reporting — replace with EMFAC2021/MOVES5 (drayage) or CARB harbour-craft factors";

const DEMO_ENERGY_SOURCE = "demo world: illustrative (order of magnitude from transition NOTES.md §3-4)";

/** Container terminals of data/ports/<port>.geojson (feature ids) the demo puts equipment on. */
export const DEMO_ACTIVITY_TERMINALS: Record<DemoPort, readonly string[]> = {
  USLAX: [
    "uslax-terminal-apm-pier400",
    "uslax-terminal-fenix",
    "uslax-terminal-everport",
    "uslax-terminal-yti",
    "uslax-terminal-trapac",
    "uslax-terminal-wbct-100",
    "uslax-terminal-wbct-121",
  ],
  JPNGO: [
    "jpngo-terminal-nabeta",
    "jpngo-terminal-tobishima-north",
    "jpngo-terminal-tobishima-south",
    "jpngo-terminal-ncb",
    "jpngo-terminal-tcb",
  ],
};

/** Month-of-year volume index (Los Angeles peaks in the autumn; Nagoya dips at New Year, Golden Week, Obon). */
const SEASON: Record<DemoPort, readonly number[]> = {
  USLAX: [0.94, 0.84, 0.93, 0.97, 1.0, 1.02, 1.06, 1.1, 1.07, 1.06, 1.01, 1.0],
  JPNGO: [0.9, 0.97, 1.05, 1.0, 0.94, 1.02, 1.03, 0.93, 1.01, 1.04, 1.05, 1.06],
};

interface CheFleetSpec {
  /** Equipment type id (emissions/nonship vocabulary). */
  type: string;
  code: string;
  units: number;
  /** Rated power range: hp at Los Angeles, kW at Nagoya (as each port's records give it). */
  power: [number, number];
  /** Mean hours a month. */
  hours: number;
  combustion: "diesel" | "hybrid" | "lpg";
  /** Zero-emission replacements: battery kWh per hour of use, hydrogen kg per hour (0 = none). */
  kwhPerH: number;
  h2KgPerH: number;
}

// Per terminal and type; counts scale with each terminal's share of the port's containers.
const CHE_FLEET: Record<DemoPort, readonly CheFleetSpec[]> = {
  USLAX: [
    {
      type: "yard_tractor",
      code: "YT",
      units: 150,
      power: [173, 250],
      hours: 215,
      combustion: "diesel",
      kwhPerH: 7,
      h2KgPerH: 0.35,
    },
    {
      type: "top_handler",
      code: "TH",
      units: 22,
      power: [275, 360],
      hours: 180,
      combustion: "diesel",
      kwhPerH: 45,
      h2KgPerH: 1.2,
    },
    {
      type: "side_handler",
      code: "SH",
      units: 11,
      power: [173, 250],
      hours: 120,
      combustion: "diesel",
      kwhPerH: 20,
      h2KgPerH: 0,
    },
    {
      type: "forklift",
      code: "FL",
      units: 14,
      power: [110, 250],
      hours: 95,
      combustion: "diesel",
      kwhPerH: 15,
      h2KgPerH: 0.5,
    },
    {
      type: "forklift",
      code: "FLP",
      units: 6,
      power: [55, 80],
      hours: 90,
      combustion: "lpg",
      kwhPerH: 6,
      h2KgPerH: 0,
    },
    {
      type: "reach_stacker",
      code: "RS",
      units: 2,
      power: [300, 360],
      hours: 110,
      combustion: "diesel",
      kwhPerH: 40,
      h2KgPerH: 0,
    },
  ],
  JPNGO: [
    {
      type: "yard_tractor",
      code: "YT",
      units: 52,
      power: [100, 140],
      hours: 190,
      combustion: "diesel",
      kwhPerH: 7,
      h2KgPerH: 0.35,
    },
    {
      type: "rtg",
      code: "RTG",
      units: 14,
      power: [220, 420],
      hours: 260,
      combustion: "hybrid",
      kwhPerH: 90,
      h2KgPerH: 0,
    },
    {
      type: "top_handler",
      code: "TH",
      units: 6,
      power: [150, 195],
      hours: 150,
      combustion: "diesel",
      kwhPerH: 45,
      h2KgPerH: 1.2,
    },
    {
      type: "reach_stacker",
      code: "RS",
      units: 4,
      power: [165, 200],
      hours: 140,
      combustion: "diesel",
      kwhPerH: 40,
      h2KgPerH: 0,
    },
    {
      type: "forklift",
      code: "FL",
      units: 12,
      power: [45, 110],
      hours: 100,
      combustion: "diesel",
      kwhPerH: 12,
      h2KgPerH: 0.4,
    },
  ],
};

/** Equipment only some terminals have (not scaled). */
const TERMINAL_EXTRAS: Record<string, readonly CheFleetSpec[]> = {
  // Yusen Terminals runs 14 diesel Paceco RTGs (NOTES.md §3, fleet_progress.csv).
  "uslax-terminal-yti": [
    {
      type: "rtg",
      code: "RTG",
      units: 14,
      power: [600, 750],
      hours: 280,
      combustion: "diesel",
      kwhPerH: 0,
      h2KgPerH: 0,
    },
  ],
  "uslax-terminal-trapac": [
    {
      type: "straddle_carrier",
      code: "SC",
      units: 30,
      power: [300, 400],
      hours: 300,
      combustion: "hybrid",
      kwhPerH: 0,
      h2KgPerH: 0,
    },
  ],
  "jpngo-terminal-tobishima-north": [
    {
      type: "straddle_carrier",
      code: "SC",
      units: 10,
      power: [165, 225],
      hours: 260,
      combustion: "diesel",
      kwhPerH: 0,
      h2KgPerH: 0,
    },
  ],
};

/** Each terminal's share of the port's container handling (demo). */
const TERMINAL_SHARE: Record<DemoPort, readonly number[]> = {
  USLAX: [1.7, 1.0, 0.85, 0.85, 0.75, 0.8, 0.65],
  JPNGO: [1.9, 0.9, 0.8, 0.75, 0.65],
};

/** Share of the replaceable units that are zero-emission in a year (a slow ramp; demo). */
function zeShare(port: DemoPort, year: number): number {
  const share = port === "USLAX" ? 0.02 * (year - 2019) : 0.01 * (year - 2021);
  return Math.min(1, Math.max(0, share));
}
const FUEL_CELL_SHARE: Record<DemoPort, number> = { USLAX: 0.15, JPNGO: 0.45 };
/** Both ports' hydrogen comes from reformed natural gas / city gas today (NOTES.md §2–3). */
const HYDROGEN_PATHWAY: Record<DemoPort, string> = { USLAX: "grey-smr", JPNGO: "grey-smr" };

/** Model year of a unit slot in a year: replaced every `life` years, the last time before `year`. */
function modelYearOf(base: number, life: number, year: number): number {
  let my = base;
  while (my + life <= year - 1) my += life;
  while (my > year) my -= life;
  return my;
}

const round = (v: number, digits: number) => {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
};

function cheRow(
  base: Pick<CheRecord, "unitId" | "terminal" | "equipmentType" | "powertrain" | "year" | "month" | "hours">,
  more: Pick<
    Partial<CheRecord>,
    "ratedHp" | "ratedKw" | "modelYear" | "energyKwh" | "hydrogenKg" | "hydrogenPathway"
  >,
): CheRecord {
  return {
    unitId: base.unitId,
    terminal: base.terminal,
    equipmentType: base.equipmentType,
    powertrain: base.powertrain,
    ratedHp: more.ratedHp ?? null,
    ratedKw: more.ratedKw ?? null,
    modelYear: more.modelYear ?? null,
    year: base.year,
    month: base.month,
    hours: base.hours,
    energyKwh: more.energyKwh ?? null,
    hydrogenKg: more.hydrogenKg ?? null,
    fuelL: null,
    fuelGal: null,
    cumulativeHoursStart: null,
    loadFactor: null,
    loadFactorSource: null,
    hydrogenPathway: more.hydrogenPathway ?? null,
  };
}

function cheRecords(seed: number, port: DemoPort, year: number): CheRecord[] {
  const out: CheRecord[] = [];
  const share = zeShare(port, year);
  DEMO_ACTIVITY_TERMINALS[port].forEach((terminal, ti) => {
    const scale = TERMINAL_SHARE[port][ti] ?? 1;
    const prefix = terminal.replace(/^(uslax|jpngo)-terminal-/, "").toUpperCase();
    const fleet = [
      ...CHE_FLEET[port].map((spec) => ({ spec, units: Math.max(1, Math.round(spec.units * scale)) })),
      ...(TERMINAL_EXTRAS[terminal] ?? []).map((spec) => ({ spec, units: spec.units })),
    ];
    for (const { spec, units } of fleet) {
      for (let k = 1; k <= units; k++) {
        const unitId = `${prefix}-${spec.code}-${String(k).padStart(3, "0")}`;
        const unit = new Rng(seed, `che:${port}:${unitId}`);
        const base = 2004 + unit.int(0, 15);
        const life = 14 + unit.int(0, 4);
        const zeDraw = unit.next();
        const fcDraw = unit.next();
        const power = Math.round(unit.uniform(spec.power[0], spec.power[1]));
        const hoursMean = spec.hours * unit.uniform(0.8, 1.2);
        let powertrain: CheRecord["powertrain"] = spec.combustion;
        if ((spec.kwhPerH > 0 || spec.h2KgPerH > 0) && zeDraw < share)
          powertrain =
            spec.h2KgPerH > 0 && (fcDraw < FUEL_CELL_SHARE[port] || spec.kwhPerH === 0)
              ? "fuel_cell"
              : "battery_electric";
        const modelYear = modelYearOf(base, life, year);
        for (let month = 1; month <= 12; month++) {
          const m = new Rng(seed, `che:${port}:${unitId}:${year}:${month}`);
          const hours = round(hoursMean * (SEASON[port][month - 1] ?? 1) * m.uniform(0.85, 1.15), 1);
          const head = { unitId, terminal, equipmentType: spec.type, powertrain, year, month, hours };
          if (powertrain === "battery_electric")
            out.push(cheRow(head, { energyKwh: round(hours * spec.kwhPerH * m.uniform(0.9, 1.1), 0) }));
          else if (powertrain === "fuel_cell")
            out.push(
              cheRow(head, {
                hydrogenKg: round(hours * spec.h2KgPerH * m.uniform(0.9, 1.1), 1),
                hydrogenPathway: HYDROGEN_PATHWAY[port],
              }),
            );
          else
            out.push(
              cheRow(head, {
                modelYear,
                ...(port === "USLAX" ? { ratedHp: power } : { ratedKw: power }),
              }),
            );
        }
      }
    }
    // Yusen's hydrogen RTG (Mitsui E&S / Paceco H2-ZE): in service from May 2024, 16 h a day (NOTES.md §3).
    if (terminal === "uslax-terminal-yti" && year >= 2024) {
      for (let month = year === 2024 ? 5 : 1; month <= 12; month++) {
        const m = new Rng(seed, `che:${port}:${prefix}-RTG-H2:${year}:${month}`);
        const hours = round(16 * 30 * m.uniform(0.8, 0.95), 1);
        out.push(
          cheRow(
            {
              unitId: `${prefix}-RTG-H2-001`,
              terminal,
              equipmentType: "rtg",
              powertrain: "fuel_cell",
              year,
              month,
              hours,
            },
            {
              hydrogenKg: round(hours * 1.0 * m.uniform(0.9, 1.1), 1),
              hydrogenPathway: HYDROGEN_PATHWAY[port],
            },
          ),
        );
      }
    }
  });
  return out;
}

interface CraftSpec {
  type: HarborCraftRecord["vesselType"];
  count: number;
  name: string;
  prop: [number, number, number];
  aux: [number, number];
  propH: number;
  auxH: number;
}

const CRAFT: Record<DemoPort, readonly CraftSpec[]> = {
  USLAX: [
    {
      type: "assist_tug",
      count: 14,
      name: "DEMO TUG",
      prop: [2, 1700, 2400],
      aux: [2, 99],
      propH: 150,
      auxH: 290,
    },
    {
      type: "escort_tug",
      count: 3,
      name: "DEMO ESCORT",
      prop: [2, 2600, 3300],
      aux: [2, 150],
      propH: 120,
      auxH: 280,
    },
    {
      type: "pilot_boat",
      count: 4,
      name: "DEMO PILOT",
      prop: [2, 450, 700],
      aux: [1, 40],
      propH: 160,
      auxH: 200,
    },
    {
      type: "ferry",
      count: 5,
      name: "DEMO FERRY",
      prop: [4, 1000, 1500],
      aux: [2, 100],
      propH: 125,
      auxH: 180,
    },
    {
      type: "crew_boat",
      count: 3,
      name: "DEMO CREW",
      prop: [2, 400, 600],
      aux: [1, 50],
      propH: 100,
      auxH: 150,
    },
    {
      type: "work_boat",
      count: 5,
      name: "DEMO WORKBOAT",
      prop: [2, 200, 400],
      aux: [1, 30],
      propH: 60,
      auxH: 90,
    },
  ],
  JPNGO: [
    {
      type: "assist_tug",
      count: 16,
      name: "DEMO MARU",
      prop: [2, 1300, 2200],
      aux: [2, 90],
      propH: 130,
      auxH: 250,
    },
    {
      type: "pilot_boat",
      count: 3,
      name: "DEMO PILOT",
      prop: [2, 400, 600],
      aux: [1, 40],
      propH: 150,
      auxH: 200,
    },
    {
      type: "work_boat",
      count: 5,
      name: "DEMO SAGYOSEN",
      prop: [2, 200, 450],
      aux: [1, 30],
      propH: 70,
      auxH: 100,
    },
  ],
};

/** EPA marine tier by model year and kW (Tier 4 for ≥ 600 kW from 2017), or the IMO NOx tier for Nagoya. */
function craftTier(port: DemoPort, modelYear: number, kw: number): string {
  if (port === "JPNGO") return modelYear >= 2016 ? "imoiii" : modelYear >= 2011 ? "imoii" : "imoi";
  if (modelYear >= 2017 && kw >= 600) return "4";
  if (modelYear >= 2014) return "3";
  if (modelYear >= 2004) return "2";
  return "1";
}

function harborCraftRecords(seed: number, port: DemoPort, year: number): HarborCraftRecord[] {
  const out: HarborCraftRecord[] = [];
  let serial = 0;
  for (const spec of CRAFT[port]) {
    for (let k = 1; k <= spec.count; k++) {
      serial++;
      const vesselId = `MMSI ${port === "USLAX" ? 366_990_000 + serial : 431_990_000 + serial}`;
      const vesselName = `${spec.name} ${k}`;
      const v = new Rng(seed, `craft:${port}:${vesselId}`);
      const built = 1998 + v.int(0, 24);
      // Repowered (CARB harbour-craft rule) or original engines: model year not before 2004 in LA.
      const modelYear = Math.min(year, port === "USLAX" ? Math.max(built, 2004 + v.int(0, 16)) : built);
      const propKw = Math.round(v.uniform(spec.prop[1], spec.prop[2]) / 10) * 10;
      const util = v.uniform(0.75, 1.25);
      for (let month = 1; month <= 12; month++) {
        const m = new Rng(seed, `craft:${port}:${vesselId}:${year}:${month}`);
        const season = SEASON[port][month - 1] ?? 1;
        const propH = round(spec.propH * util * season * m.uniform(0.85, 1.15), 1);
        const auxH = round(spec.auxH * util * m.uniform(0.9, 1.1), 1);
        for (const [use, count, kw, hours] of [
          ["propulsion", spec.prop[0], propKw, propH],
          ["auxiliary", spec.aux[0], spec.aux[1], auxH],
        ] as const) {
          out.push({
            vesselId,
            vesselName,
            vesselType: spec.type,
            engineUse: use,
            engineId: use,
            engineCount: count,
            engineKw: kw,
            engineHp: null,
            modelYear,
            tier: craftTier(port, modelYear, kw),
            year,
            month,
            hours,
          });
        }
      }
    }
  }
  return out;
}

interface TruckGroup {
  powertrain: DrayagePowertrain;
  group: string | null;
  /** Share of visits in 2026. */
  share: number;
  /** Zero-emission and the newest diesel group grow by a tenth a year; the others take the rest. */
  grows: boolean;
}

const TRUCKS: Record<DemoPort, readonly TruckGroup[]> = {
  USLAX: [
    { powertrain: "diesel", group: "2010-2013", share: 0.12, grows: false },
    { powertrain: "diesel", group: "2014-2017", share: 0.3, grows: false },
    { powertrain: "diesel", group: "2018-2020", share: 0.24, grows: false },
    { powertrain: "diesel", group: "2021+", share: 0.2, grows: true },
    { powertrain: "natural_gas", group: "2014+", share: 0.1, grows: false },
    { powertrain: "battery_electric", group: null, share: 0.035, grows: true },
    { powertrain: "fuel_cell", group: null, share: 0.005, grows: true },
  ],
  JPNGO: [
    { powertrain: "diesel", group: "2005-2009", share: 0.18, grows: false },
    { powertrain: "diesel", group: "2010-2016", share: 0.45, grows: false },
    { powertrain: "diesel", group: "2017+", share: 0.34, grows: true },
    { powertrain: "natural_gas", group: "2010+", share: 0.02, grows: false },
    { powertrain: "battery_electric", group: null, share: 0.006, grows: true },
    { powertrain: "fuel_cell", group: null, share: 0.004, grows: true },
  ],
};

function truckShares(port: DemoPort, year: number): number[] {
  const k = 1.1 ** (year - 2026);
  const s = TRUCKS[port].map((g) => (g.grows ? g.share * k : g.share));
  const total = s.reduce((a, b) => a + b, 0);
  return s.map((v) => v / total);
}

const VISITS_PER_YEAR: Record<DemoPort, number> = { USLAX: 4_400_000, JPNGO: 1_600_000 };

function drayageRecords(seed: number, port: DemoPort, year: number): DrayageRecord[] {
  const out: DrayageRecord[] = [];
  const terminals = DEMO_ACTIVITY_TERMINALS[port];
  const shares = TERMINAL_SHARE[port];
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const groupShares = truckShares(port, year);
  const seasonSum = SEASON[port].reduce((a, b) => a + b, 0);
  terminals.forEach((terminal, ti) => {
    const t = new Rng(seed, `dray:${port}:${terminal}`);
    const oneWay = port === "USLAX" ? round(t.uniform(2.5, 4.5), 1) : round(t.uniform(6, 10), 1);
    const idleBase = port === "USLAX" ? t.uniform(35, 55) : t.uniform(45, 80);
    for (let month = 1; month <= 12; month++) {
      const m = new Rng(seed, `dray:${port}:${terminal}:${year}:${month}`);
      const visits =
        (VISITS_PER_YEAR[port] * ((shares[ti] ?? 1) / shareSum) * (SEASON[port][month - 1] ?? 1)) / seasonSum;
      const idle = round(idleBase * (SEASON[port][month - 1] ?? 1) * m.uniform(0.9, 1.1), 0);
      TRUCKS[port].forEach((g, gi) => {
        const ze = g.powertrain === "battery_electric" || g.powertrain === "fuel_cell";
        out.push({
          terminal,
          year,
          month,
          powertrain: g.powertrain,
          modelYearGroup: g.group,
          gateVisits: Math.round(visits * (groupShares[gi] ?? 0) * m.uniform(0.95, 1.05)),
          oneWayMi: port === "USLAX" ? oneWay : null,
          oneWayKm: port === "JPNGO" ? oneWay : null,
          idleMinPerVisit: idle,
          startsPerVisit: 0.2,
          kwhPerMi: g.powertrain === "battery_electric" ? 2.1 : null,
          h2KgPerMi: g.powertrain === "fuel_cell" ? 0.14 : null,
          energySource: ze ? DEMO_ENERGY_SOURCE : null,
          hydrogenPathway: g.powertrain === "fuel_cell" ? HYDROGEN_PATHWAY[port] : null,
        });
      });
    }
  });
  return out;
}

function railRecords(seed: number, port: DemoPort, year: number): RailRecord[] {
  const out: RailRecord[] = [];
  for (let month = 1; month <= 12; month++) {
    const m = new Rng(seed, `rail:${port}:${year}:${month}`);
    const season = SEASON[port][month - 1] ?? 1;
    const row = (r: Partial<RailRecord> & Pick<RailRecord, "service" | "tier">): RailRecord => ({
      year,
      month,
      locomotiveId: null,
      terminal: null,
      fuelGal: null,
      fuelL: null,
      hours: null,
      ratedHp: null,
      ratedKw: null,
      ...r,
    });
    if (port === "USLAX") {
      // Pacific Harbor Line switchers (Tier 3 and Tier 4 gensets), by locomotive-hours.
      out.push(
        row({
          service: "switch",
          tier: "Tier 3",
          locomotiveId: "PHL switchers T3",
          hours: round(8 * 420 * season * m.uniform(0.9, 1.1), 0),
          ratedHp: 2100,
        }),
      );
      out.push(
        row({
          service: "switch",
          tier: "Tier 4",
          locomotiveId: "PHL switchers T4",
          hours: round(12 * 420 * season * m.uniform(0.9, 1.1), 0),
          ratedHp: 2100,
        }),
      );
      // Class I line-haul inside the inventory boundary, by fuel.
      for (const [tier, gal] of [
        ["Tier 1+", 18_000],
        ["Tier 2+", 48_000],
        ["Tier 3", 30_000],
        ["Tier 4", 24_000],
      ] as const)
        out.push(row({ service: "line-haul", tier, fuelGal: round(gal * season * m.uniform(0.9, 1.1), 0) }));
    } else {
      // Nagoya Rinkai Railway switchers and JR Freight line-haul; no EPA tier applies: Tier 0 assumed (demo).
      out.push(
        row({
          service: "switch",
          tier: "Tier 0",
          locomotiveId: "Nagoya Rinkai switchers",
          hours: round(6 * 300 * season * m.uniform(0.9, 1.1), 0),
          ratedKw: 820,
        }),
      );
      out.push(
        row({
          service: "line-haul",
          tier: "Tier 0",
          locomotiveId: "JR Freight",
          fuelL: round(24_000 * season * m.uniform(0.9, 1.1), 0),
        }),
      );
    }
  }
  return out;
}

/** Demo user factors (g/mi, g/h, g/start, g/kWh), every one labelled illustrative. */
function demoFactors(port: DemoPort): UserFactorRecord[] {
  const out: UserFactorRecord[] = [];
  const add = (
    category: UserFactorRecord["category"],
    key: string,
    unit: UserFactorRecord["unit"],
    values: Record<string, number>,
  ) => {
    for (const [pollutant, value] of Object.entries(values))
      out.push({
        category,
        key,
        pollutant: pollutant as UserFactorRecord["pollutant"],
        value,
        unit,
        source: DEMO_FACTOR_SOURCE,
      });
  };
  // Drayage: running g/mi, idle g/h, start g/start by truck group.
  const diesel = (nox: number, pm: number, co: number, hc: number, co2: number) => ({
    run: { nox, pm10: pm, pm25: round(pm * 0.92, 4), so2: 0.018, co, hc, co2, ch4: 0.01, n2o: 0.03 },
    idle: {
      nox: nox * 14,
      pm10: pm * 15,
      pm25: round(pm * 15 * 0.92, 4),
      co: co * 40,
      hc: hc * 60,
      so2: 0.08,
      co2: 8200,
      ch4: 0.3,
      n2o: 0.1,
    },
    start: {
      nox: 2.5,
      pm10: 0.004,
      pm25: 0.0037,
      so2: 0.001,
      co: 4,
      hc: 0.8,
      co2: 120,
      ch4: 0.02,
      n2o: 0.002,
    },
  });
  const groups: Record<string, ReturnType<typeof diesel>> = port === "USLAX"
    ? {
        "diesel MY2010-2013": diesel(3.4, 0.02, 0.7, 0.07, 1950),
        "diesel MY2014-2017": diesel(2.3, 0.016, 0.55, 0.05, 1880),
        "diesel MY2018-2020": diesel(1.5, 0.014, 0.45, 0.04, 1840),
        "diesel MY2021+": diesel(0.8, 0.012, 0.35, 0.03, 1800),
      }
    : {
        "diesel MY2005-2009": diesel(4.2, 0.05, 0.9, 0.12, 1950),
        "diesel MY2010-2016": diesel(2.2, 0.018, 0.6, 0.06, 1870),
        "diesel MY2017+": diesel(1.0, 0.013, 0.4, 0.04, 1810),
      };
  for (const [key, f] of Object.entries(groups)) {
    add("drayage", key, "g/mi", f.run);
    add("drayage", key, "g/h", f.idle);
    add("drayage", key, "g/start", f.start);
  }
  add("drayage", "natural gas", "g/mi", {
    nox: 0.25,
    pm10: 0.008,
    pm25: 0.0075,
    so2: 0.005,
    co: 6,
    hc: 1.2,
    co2: 1700,
    ch4: 1.5,
    n2o: 0.02,
  });
  add("drayage", "natural gas", "g/h", {
    nox: 4,
    pm10: 0.1,
    pm25: 0.095,
    so2: 0.02,
    co: 120,
    hc: 30,
    co2: 7600,
    ch4: 25,
    n2o: 0.05,
  });
  add("drayage", "natural gas", "g/start", {
    nox: 0.5,
    pm10: 0.002,
    pm25: 0.0019,
    so2: 0.0003,
    co: 8,
    hc: 2,
    co2: 110,
    ch4: 1,
    n2o: 0.002,
  });
  // Harbour craft, g/kWh by engine use and tier.
  const tiers: [string, number, number, number, number][] =
    port === "USLAX"
      ? [
          ["1", 9.8, 0.4, 2.0, 0.4],
          ["2", 7.3, 0.25, 1.5, 0.3],
          ["3", 5.2, 0.12, 1.4, 0.2],
          ["4", 1.5, 0.04, 1.0, 0.15],
        ]
      : [
          ["IMO I", 10.5, 0.35, 1.6, 0.4],
          ["IMO II", 8.2, 0.3, 1.5, 0.35],
          ["IMO III", 2.2, 0.2, 1.4, 0.3],
        ];
  for (const [tier, nox, pm, co, hc] of tiers)
    for (const use of ["propulsion", "auxiliary"])
      add("harbor_craft", `${use} tier ${tier}`, "g/kWh", {
        nox: use === "auxiliary" ? nox * 1.05 : nox,
        pm10: pm,
        pm25: round(pm * 0.97, 4),
        // 15 ppm diesel at Los Angeles; 0.1 % sulfur marine gas oil assumed at Nagoya (demo).
        so2: port === "USLAX" ? 0.006 : 0.4,
        co,
        hc,
        co2: use === "auxiliary" ? 700 : 680,
        ch4: 0.01,
        n2o: 0.03,
      });
  // CHE on LPG (no sourced NONROAD factor in the shared tables).
  if (port === "USLAX")
    add("che", "forklift LPG", "g/bhp-hr", { nox: 1.6, pm10: 0.06, so2: 0.005, co: 12, hc: 0.9, co2: 620 });
  return out;
}

/**
 * A full year of demo activity of one port, as the parsers would produce it from the demo files.
 * Example: generateDemoActivity({ seed: 1, port: "USLAX", year: 2026 }) → about 17,500 CHE rows
 * (about 1,460 units × 12 months), 588 drayage rows (7 terminals × 12 months × 7 truck groups), 816
 * harbour-craft rows, 72 rail rows and the demo user factors.
 */
export function generateDemoActivity(options: DemoActivityOptions): NonshipActivity {
  const { seed, port, year } = options;
  return {
    che: cheRecords(seed, port, year),
    harborCraft: harborCraftRecords(seed, port, year),
    drayage: drayageRecords(seed, port, year),
    rail: railRecords(seed, port, year),
    factors: demoFactors(port),
  };
}

/** File name → CSV text of demo activity, in the formats `emissions import …` reads. */
export function demoActivityFiles(activity: NonshipActivity): Record<string, string> {
  return {
    "che.csv": cheCsv(activity.che),
    "harbor-craft.csv": harborCraftCsv(activity.harborCraft),
    "drayage.csv": drayageCsv(activity.drayage),
    "rail.csv": railCsv(activity.rail),
    "factors.csv": factorsCsv(activity.factors),
  };
}

/** Keeps the records of the given (year, month) pairs (user factors are kept whole). */
export function activityInMonths(activity: NonshipActivity, months: ReadonlySet<number>): NonshipActivity {
  const keep = (r: { year: number; month: number | null }) =>
    r.month !== null && months.has(r.year * 100 + r.month);
  return {
    che: activity.che.filter(keep),
    harborCraft: activity.harborCraft.filter(keep),
    drayage: activity.drayage.filter(keep),
    rail: activity.rail.filter(keep),
    factors: activity.factors,
  };
}

/**
 * The demo activity of the calendar months (in the port's zone) that a demo window touches.
 * Example: a 2-day window from 2026-11-30T12:00Z at Los Angeles → November and December 2026.
 * With `prorate`, each month's activity is scaled to the share of the month inside the window
 * (hours, fuel, energy, gate visits): the activity of the days the window covers, so an inventory of
 * it goes with the calls and container moves of the same days. Example: a window of 2 days of a
 * 31-day month keeps 2/31 of that month's hours.
 */
export function demoActivityForWindow(options: {
  seed: number;
  port: DemoPort;
  start: Date;
  days: number;
  timeZone: string;
  prorate?: boolean;
}): NonshipActivity {
  const fromS = options.start.getTime() / 1000;
  const toS = fromS + options.days * SECONDS_PER_DAY;
  const first = localDateTime(options.start, options.timeZone);
  const last = localDateTime(new Date(toS * 1000 - 1), options.timeZone);
  const months = new Set<number>();
  for (let k = first.year * 12 + first.month - 1; k <= last.year * 12 + last.month - 1; k++)
    months.add(Math.floor(k / 12) * 100 + (k % 12) + 1);
  const out: NonshipActivity = { che: [], harborCraft: [], drayage: [], rail: [], factors: [] };
  for (let year = first.year; year <= last.year; year++) {
    const a = activityInMonths(
      generateDemoActivity({ seed: options.seed, port: options.port, year }),
      months,
    );
    out.che.push(...a.che);
    out.harborCraft.push(...a.harborCraft);
    out.drayage.push(...a.drayage);
    out.rail.push(...a.rail);
    if (out.factors.length === 0) out.factors = a.factors;
  }
  return options.prorate ? prorated(out, { fromS, toS }, options.timeZone) : out;
}

/** The share of a local calendar month inside [fromS, toS). */
export function monthShareInWindow(
  year: number,
  month: number,
  window: { fromS: number; toS: number },
  timeZone: string,
): number {
  const m0 = zonedMidnightUtcS(year, month, 1, timeZone);
  const m1 = zonedMidnightUtcS(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1, timeZone);
  const inside = Math.min(m1, window.toS) - Math.max(m0, window.fromS);
  return Math.max(0, inside) / (m1 - m0);
}

/** Monthly records scaled to the share of their month inside the window (see demoActivityForWindow). */
function prorated(
  activity: NonshipActivity,
  window: { fromS: number; toS: number },
  timeZone: string,
): NonshipActivity {
  const share = (r: { year: number; month: number | null }) =>
    r.month === null ? 1 : monthShareInWindow(r.year, r.month, window, timeZone);
  const times = (v: number | null, k: number) => (v === null ? null : v * k);
  return {
    che: activity.che.map((r) => {
      const k = share(r);
      return {
        ...r,
        hours: times(r.hours, k),
        energyKwh: times(r.energyKwh, k),
        hydrogenKg: times(r.hydrogenKg, k),
        fuelL: times(r.fuelL, k),
        fuelGal: times(r.fuelGal, k),
      };
    }),
    harborCraft: activity.harborCraft.map((r) => ({ ...r, hours: r.hours * share(r) })),
    drayage: activity.drayage.map((r) => ({ ...r, gateVisits: Math.round(r.gateVisits * share(r)) })),
    rail: activity.rail.map((r) => {
      const k = share(r);
      return { ...r, hours: times(r.hours, k), fuelL: times(r.fuelL, k), fuelGal: times(r.fuelGal, k) };
    }),
    factors: activity.factors,
  };
}

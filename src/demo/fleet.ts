/**
 * The demo fleet: vessel classes with realistic particulars, and the making of individual vessels
 * (names, call signs, MMSIs with plausible MIDs, IMO numbers with valid check digits).
 *
 * Installed main-engine power and service speeds follow the default engine characteristics
 * table used by the emissions work (../shared/reference/emissions/ogv_default_engine_characteristics.csv,
 * e.g. Container Ship 8,000 TEU: SSD 55,800 kW, 26.5 kn max), rounded and varied ±10 % per ship.
 */
import type { Rng } from "./prng.ts";

export type DemoShipType =
  | "container"
  | "tanker"
  | "bulk"
  | "car_carrier"
  | "cruise"
  | "tug"
  | "pilot"
  | "pleasure"
  | "fishing";

/** Ship types that make port calls; the rest are harbour craft (never calls). */
export const CALLING_TYPES: readonly DemoShipType[] = [
  "container",
  "tanker",
  "bulk",
  "car_carrier",
  "cruise",
];

export interface DemoVessel {
  mmsi: number;
  /** IMO number (valid check digit), null for small craft. */
  imo: number | null;
  name: string;
  callsign: string;
  shipType: DemoShipType;
  /** Size class, e.g. "8,500 TEU", "Aframax". */
  sizeClass: string;
  /** AIS ship and cargo type code (ITU-R M.1371-5 table 53). */
  aisShipType: number;
  transceiverClass: "A" | "B";
  lengthM: number;
  beamM: number;
  draughtM: number;
  toBowM: number;
  toSternM: number;
  toPortM: number;
  toStarboardM: number;
  dwt: number | null;
  teu: number | null;
  buildYear: number;
  mainEngineKw: number;
  /** SSD / MSD / HSD (slow, medium, high speed diesel), MSD-ED (diesel-electric). */
  engineType: string;
  engineStroke: 2 | 4;
  engineRpm: number;
  serviceSpeedKn: number;
  auxiliaryKw: number;
  shorePower: boolean;
  /** Port of a harbour craft (tugs, pilot boats, class B); null for ocean-going ships. */
  homePort: string | null;
}

interface SizeClass {
  label: string;
  lengthM: number;
  beamM: number;
  draughtM: number;
  dwt: number;
  teu?: number;
  mainEngineKw: number;
  engine: string;
  stroke: 2 | 4;
  rpm: number;
  serviceSpeedKn: number;
  auxiliaryKw: number;
  /** Relative frequency within the type. */
  weight: number;
}

const CLASSES: Record<DemoShipType, SizeClass[]> = {
  container: [
    {
      label: "2,000 TEU",
      lengthM: 180,
      beamM: 28,
      draughtM: 9.7,
      dwt: 24000,
      teu: 2000,
      mainEngineKw: 14700,
      engine: "SSD",
      stroke: 2,
      rpm: 110,
      serviceSpeedKn: 19,
      auxiliaryKw: 2600,
      weight: 1,
    },
    {
      label: "5,000 TEU",
      lengthM: 294,
      beamM: 32,
      draughtM: 12.4,
      dwt: 65000,
      teu: 5000,
      mainEngineKw: 37000,
      engine: "SSD",
      stroke: 2,
      rpm: 100,
      serviceSpeedKn: 21,
      auxiliaryKw: 5600,
      weight: 2,
    },
    {
      label: "8,500 TEU",
      lengthM: 334,
      beamM: 43,
      draughtM: 13.9,
      dwt: 100000,
      teu: 8500,
      mainEngineKw: 55800,
      engine: "SSD",
      stroke: 2,
      rpm: 94,
      serviceSpeedKn: 22,
      auxiliaryKw: 7000,
      weight: 3,
    },
    {
      label: "14,000 TEU",
      lengthM: 366,
      beamM: 51,
      draughtM: 15.2,
      dwt: 150000,
      teu: 14000,
      mainEngineKw: 65000,
      engine: "SSD",
      stroke: 2,
      rpm: 80,
      serviceSpeedKn: 21,
      auxiliaryKw: 9000,
      weight: 3,
    },
    {
      label: "20,000 TEU",
      lengthM: 400,
      beamM: 59,
      draughtM: 16,
      dwt: 200000,
      teu: 20000,
      mainEngineKw: 60000,
      engine: "SSD",
      stroke: 2,
      rpm: 78,
      serviceSpeedKn: 20,
      auxiliaryKw: 10000,
      weight: 1,
    },
  ],
  tanker: [
    {
      label: "Handymax (MR)",
      lengthM: 183,
      beamM: 32,
      draughtM: 12.1,
      dwt: 50000,
      mainEngineKw: 8700,
      engine: "SSD",
      stroke: 2,
      rpm: 127,
      serviceSpeedKn: 14.5,
      auxiliaryKw: 2000,
      weight: 3,
    },
    {
      label: "Aframax",
      lengthM: 245,
      beamM: 44,
      draughtM: 14.6,
      dwt: 110000,
      mainEngineKw: 12200,
      engine: "SSD",
      stroke: 2,
      rpm: 105,
      serviceSpeedKn: 14.5,
      auxiliaryKw: 2800,
      weight: 2,
    },
  ],
  bulk: [
    {
      label: "Handysize",
      lengthM: 180,
      beamM: 30,
      draughtM: 9.5,
      dwt: 35000,
      mainEngineKw: 6900,
      engine: "SSD",
      stroke: 2,
      rpm: 127,
      serviceSpeedKn: 14,
      auxiliaryKw: 1500,
      weight: 2,
    },
    {
      label: "Panamax",
      lengthM: 229,
      beamM: 32,
      draughtM: 13.7,
      dwt: 80000,
      mainEngineKw: 10300,
      engine: "SSD",
      stroke: 2,
      rpm: 105,
      serviceSpeedKn: 14,
      auxiliaryKw: 1800,
      weight: 2,
    },
  ],
  car_carrier: [
    {
      label: "6,500 CEU PCTC",
      lengthM: 200,
      beamM: 32,
      draughtM: 9.6,
      dwt: 20000,
      mainEngineKw: 14000,
      engine: "SSD",
      stroke: 2,
      rpm: 105,
      serviceSpeedKn: 19,
      auxiliaryKw: 3000,
      weight: 1,
    },
  ],
  cruise: [
    {
      label: "100,000 GT",
      lengthM: 290,
      beamM: 36,
      draughtM: 8,
      dwt: 10000,
      mainEngineKw: 34500,
      engine: "MSD-ED",
      stroke: 4,
      rpm: 514,
      serviceSpeedKn: 20,
      auxiliaryKw: 11000,
      weight: 1,
    },
  ],
  tug: [
    {
      label: "harbour tug (ASD)",
      lengthM: 30,
      beamM: 12,
      draughtM: 5,
      dwt: 300,
      mainEngineKw: 4000,
      engine: "MSD",
      stroke: 4,
      rpm: 1000,
      serviceSpeedKn: 12,
      auxiliaryKw: 150,
      weight: 1,
    },
  ],
  pilot: [
    {
      label: "pilot boat",
      lengthM: 20,
      beamM: 6,
      draughtM: 1.8,
      dwt: 20,
      mainEngineKw: 1200,
      engine: "HSD",
      stroke: 4,
      rpm: 2100,
      serviceSpeedKn: 22,
      auxiliaryKw: 30,
      weight: 1,
    },
  ],
  pleasure: [
    {
      label: "yacht",
      lengthM: 12,
      beamM: 4,
      draughtM: 1.5,
      dwt: 5,
      mainEngineKw: 300,
      engine: "HSD",
      stroke: 4,
      rpm: 3000,
      serviceSpeedKn: 15,
      auxiliaryKw: 10,
      weight: 1,
    },
  ],
  fishing: [
    {
      label: "coastal fishing vessel",
      lengthM: 18,
      beamM: 6,
      draughtM: 2.5,
      dwt: 40,
      mainEngineKw: 450,
      engine: "HSD",
      stroke: 4,
      rpm: 1800,
      serviceSpeedKn: 9,
      auxiliaryKw: 40,
      weight: 1,
    },
  ],
};

/** ITU-R M.1371-5 table 53 codes: 70 cargo, 80 tanker, 60 passenger, 52 tug, 50 pilot, 37 pleasure, 30 fishing. */
const AIS_TYPE: Record<DemoShipType, number> = {
  container: 71,
  tanker: 80,
  bulk: 70,
  car_carrier: 70,
  cruise: 60,
  tug: 52,
  pilot: 50,
  pleasure: 37,
  fishing: 30,
};

/** Flag → MIDs (ITU maritime identification digits) and call-sign prefix. */
const FLAGS: { mids: number[]; callPrefix: string; weight: number }[] = [
  { mids: [351, 352, 353, 354, 355, 356, 357, 370, 371, 372, 373], callPrefix: "3E", weight: 4 },
  { mids: [636], callPrefix: "A8", weight: 4 },
  { mids: [538], callPrefix: "V7", weight: 3 },
  { mids: [563, 564, 565, 566], callPrefix: "9V", weight: 3 },
  { mids: [477], callPrefix: "VR", weight: 3 },
  { mids: [248, 249, 256], callPrefix: "9H", weight: 2 },
  { mids: [311], callPrefix: "C6", weight: 1 },
  { mids: [240, 241], callPrefix: "SV", weight: 1 },
  { mids: [431, 432], callPrefix: "7J", weight: 1 },
  { mids: [412, 413, 414], callPrefix: "BR", weight: 1 },
];

const LOCAL_FLAG: Record<string, { mids: number[]; callPrefix: string }> = {
  USLAX: { mids: [366, 367, 368], callPrefix: "WD" },
  JPNGO: { mids: [431, 432], callPrefix: "JD" },
};

const NAME_PARTS: Record<DemoShipType, { first: string[]; second: string[] }> = {
  container: {
    first: ["MAERSK", "MSC", "CMA CGM", "COSCO", "EVER", "ONE", "HMM", "YM", "OOCL", "APL", "ZIM", "WAN HAI"],
    second: [
      "PACIFIC",
      "HORIZON",
      "AURORA",
      "HARMONY",
      "SERENITY",
      "TRIUMPH",
      "GRACE",
      "VALOR",
      "MERIDIAN",
      "ORION",
      "SIRIUS",
      "TOKYO",
      "OAKLAND",
      "SHANGHAI",
      "BUSAN",
      "VANCOUVER",
      "NINGBO",
      "KAOHSIUNG",
    ],
  },
  tanker: {
    first: ["NORDIC", "STI", "TORM", "PACIFIC", "ALASKA", "SEAWAYS", "OCEAN", "ENEOS", "ADVANTAGE"],
    second: ["SPIRIT", "FORTUNE", "PIONEER", "EAGLE", "VOYAGER", "PEARL", "STAR", "FALCON", "LEGEND"],
  },
  bulk: {
    first: ["STAR", "GOLDEN", "NAVIOS", "GENCO", "PAN", "KSL", "SHIN", "CAPE", "IRON"],
    second: ["CRYSTAL", "JADE", "HARVEST", "ENDEAVOUR", "PROSPER", "KING", "MAPLE", "BAY", "ISLAND"],
  },
  car_carrier: {
    first: ["HOEGH", "GLOVIS", "TOYOTA", "DRIVE GREEN", "MORNING", "TRANS", "NEPTUNE", "CENTURY"],
    second: ["HIGHWAY", "ACE", "LEADER", "TRACER", "CAROLINE", "CHAMPION", "SPIRIT", "AUTOLINER"],
  },
  cruise: {
    first: ["PACIFIC", "ROYAL", "CORAL", "GRAND", "STAR", "MAJESTIC", "SAPPHIRE", "ISLAND"],
    second: ["PRINCESS", "ODYSSEY", "JEWEL", "DREAM", "SPLENDOR", "VOYAGER", "EXPLORER", "SERENADE"],
  },
  tug: {
    first: ["CROWLEY", "FOSS", "MILLENNIUM", "HARBOR", "SAN PEDRO", "PACIFIC"],
    second: ["FALCON", "HAWK", "BEAR", "STRIKER", "GUARDIAN", "DOLPHIN", "TITAN"],
  },
  pilot: { first: ["PILOT"], second: ["ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX"] },
  pleasure: {
    first: ["SEA", "BLUE", "SUN", "WIND", "LUCKY", "SALTY", "OCEAN", "HAPPY"],
    second: ["BREEZE", "DANCER", "DREAMER", "SPRAY", "LADY", "ESCAPE", "TIME", "WAVE"],
  },
  fishing: {
    first: ["PACIFIC", "LADY", "KAIYO", "SHINSEI", "SEA", "MISS", "HOKO", "CAPT"],
    second: ["HUNTER", "TRAWLER", "MARU", "QUEEN", "PRIDE", "GULL", "SPIRIT", "JOY"],
  },
};

/**
 * IMO check digit: the first six digits weighted 7…2, sum mod 10.
 *
 * Example: `imoCheckDigit(907472)` → 9 (IMO 9074729).
 */
export function imoCheckDigit(firstSix: number): number {
  let sum = 0;
  let v = firstSix;
  for (let w = 2; w <= 7; w++) {
    sum += (v % 10) * w;
    v = Math.floor(v / 10);
  }
  return sum % 10;
}

function pickWeighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  let total = 0;
  for (const it of items) total += it.weight;
  let r = rng.next() * total;
  for (const it of items) {
    r -= it.weight;
    if (r < 0) return it;
  }
  return items[items.length - 1]!;
}

function vary(rng: Rng, v: number, share: number): number {
  return v * (1 + rng.uniform(-share, share));
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Keeps MMSIs, IMOs and names unique across the whole fleet. */
export class FleetMaker {
  private readonly mmsis = new Set<number>();
  private readonly imos = new Set<number>();
  private readonly names = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /**
   * One vessel of the given type. Harbour craft carry their home port (local flag); ocean-going
   * ships get a flag of convenience or a trading nation's.
   */
  make(shipType: DemoShipType, homePort: string | null): DemoVessel {
    const rng = this.rng;
    const cls = pickWeighted(rng, CLASSES[shipType]);
    const local = homePort !== null ? LOCAL_FLAG[homePort] : undefined;
    const flag = local ?? pickWeighted(rng, FLAGS);
    const classB = shipType === "pleasure" || shipType === "fishing";
    let mmsi = 0;
    do {
      const mid = rng.pick(flag.mids);
      // Ships' MMSIs commonly end in 0 or 000 (historic group-call compatibility); small craft not.
      const tail = classB
        ? rng.int(0, 999999)
        : rng.int(0, 999) * 1000 + (rng.chance(0.5) ? 0 : rng.int(0, 999));
      mmsi = mid * 1_000_000 + tail;
    } while (this.mmsis.has(mmsi));
    this.mmsis.add(mmsi);

    const buildYear = classB ? rng.int(1985, 2024) : rng.int(2000, 2025);
    let imo: number | null = null;
    if (!classB && shipType !== "pilot") {
      do {
        // IMO numbers of ships built 1985-2025 run roughly 8.8 M to 9.99 M, rising with the build year.
        const base = 880_000 + (buildYear - 1985) * 2_900 + rng.int(0, 2_899);
        imo = base * 10 + imoCheckDigit(base);
      } while (this.imos.has(imo));
      this.imos.add(imo);
    }

    let name = "";
    // Japanese harbour tugs carry "MARU" names.
    const parts =
      shipType === "tug" && homePort === "JPNGO"
        ? { first: ["TOWA", "NAGOYA", "ISE", "CHITA", "KINJO", "SHINKO"], second: ["MARU"] }
        : NAME_PARTS[shipType];
    for (let attempt = 0; ; attempt++) {
      name =
        shipType === "pilot"
          ? `${homePort === "JPNGO" ? "ISE" : "LA"} PILOT ${rng.pick(parts.second)}`
          : parts.second.length === 1
            ? `${rng.pick(parts.first)} ${parts.second[0]} NO.${rng.int(1, 12)}`
            : `${rng.pick(parts.first)} ${rng.pick(parts.second)}`;
      if (attempt > 3) name = `${name} ${rng.int(1, 99)}`;
      if (!this.names.has(name)) break;
    }
    this.names.add(name);
    let callsign = flag.callPrefix;
    while (callsign.length < (classB ? 6 : 5))
      callsign += rng.chance(0.5) ? LETTERS[rng.int(0, 25)] : rng.int(0, 9);

    const lengthM = Math.round(vary(rng, cls.lengthM, 0.03));
    const beamM = Math.round(cls.beamM);
    const toBowM = Math.round(lengthM * rng.uniform(0.15, 0.3));
    const toPortM = Math.round(beamM / 2);
    return {
      mmsi,
      imo,
      name,
      callsign,
      shipType,
      sizeClass: cls.label,
      aisShipType: AIS_TYPE[shipType],
      transceiverClass: classB ? "B" : "A",
      lengthM,
      beamM,
      draughtM: Math.round(vary(rng, cls.draughtM * 0.85, 0.1) * 10) / 10,
      toBowM,
      toSternM: lengthM - toBowM,
      toPortM,
      toStarboardM: beamM - toPortM,
      dwt: Math.round(vary(rng, cls.dwt, 0.08) / 10) * 10,
      teu: cls.teu !== undefined ? Math.round(vary(rng, cls.teu, 0.05) / 10) * 10 : null,
      buildYear,
      mainEngineKw: Math.round(vary(rng, cls.mainEngineKw, 0.1) / 10) * 10,
      engineType: cls.engine,
      engineStroke: cls.stroke,
      engineRpm: Math.round(vary(rng, cls.rpm, 0.05)),
      serviceSpeedKn: Math.round(vary(rng, cls.serviceSpeedKn, 0.05) * 10) / 10,
      auxiliaryKw: Math.round(vary(rng, cls.auxiliaryKw, 0.1) / 10) * 10,
      // CARB's at-berth rule drives shore power at Los Angeles for container, reefer and cruise ships.
      shorePower: (shipType === "container" || shipType === "cruise") && rng.chance(0.75),
      homePort,
    };
  }
}

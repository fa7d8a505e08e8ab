/**
 * The words ports use in their records, mapped to the calculators' vocabulary: equipment types,
 * powertrains, vessel types, engine uses, tiers, model-year groups, pollutants and factor units; and
 * the grammar of user-factor keys. Names only — no numbers live here (factors are in
 * data/reference/, conversions in units.ts).
 */
import type {
  ChePowertrain,
  DrayagePowertrain,
  EngineUse,
  FactorPollutant,
  HarborCraftType,
  RailService,
  UserFactorCategory,
  UserFactorUnit,
} from "./model.ts";

/** Lower case, single spaces, "_" and "-" between words kept as a space. Example: " Yard_Tractor " → "yard tractor". */
export function normalizeWords(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, " ")
    .replace(/\s*-\s*/g, "-");
}

/** Loose form for synonym look-ups: letters and digits only. Example: "Battery-Electric" → "batteryelectric". */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9+]/g, "");
}

// ---------------------------------------------------------------------------------------------
// Cargo-handling equipment

export interface CheEquipmentType {
  id: string;
  label: string;
  /** Names seen in port inventories (compared squashed). */
  aliases: string[];
  /** A phrase of the `port_equipment` column of che_equipment_map.csv that identifies its row. */
  mapPhrase: string;
}

/** Equipment types; the NONROAD SCC of each comes from che_equipment_map.csv (mapPhrase). */
export const CHE_EQUIPMENT_TYPES: readonly CheEquipmentType[] = [
  {
    id: "yard_tractor",
    label: "yard tractor",
    aliases: [
      "yard tractor",
      "terminal tractor",
      "yard truck",
      "yard hostler",
      "hostler",
      "UTR",
      "utility tractor rig",
    ],
    mapPhrase: "yard tractor",
  },
  {
    id: "rtg",
    label: "RTG crane",
    aliases: [
      "RTG",
      "RTG crane",
      "rubber-tired gantry",
      "rubber-tired gantry crane",
      "rubber tyred gantry",
      "transtainer",
    ],
    mapPhrase: "rubber-tired gantry",
  },
  {
    id: "sts_crane",
    label: "STS crane (diesel)",
    aliases: ["STS crane", "STS crane (diesel)", "ship-to-shore crane", "quay crane", "QC"],
    mapPhrase: "ship-to-shore crane",
  },
  {
    id: "top_handler",
    label: "top handler",
    aliases: ["top handler", "top pick", "top loader", "toploader", "laden handler"],
    mapPhrase: "top handler",
  },
  {
    id: "side_handler",
    label: "side handler",
    aliases: ["side handler", "side pick", "side loader"],
    mapPhrase: "side handler",
  },
  { id: "reach_stacker", label: "reach stacker", aliases: ["reach stacker"], mapPhrase: "reach stacker" },
  {
    id: "empty_container_handler",
    label: "empty container handler",
    aliases: ["empty container handler", "empty handler", "ECH"],
    mapPhrase: "empty container handler",
  },
  {
    id: "straddle_carrier",
    label: "straddle carrier",
    aliases: ["straddle carrier", "straddle", "shuttle carrier", "sprinter carrier"],
    mapPhrase: "straddle carrier",
  },
  {
    id: "forklift",
    label: "forklift",
    aliases: ["forklift", "fork lift", "forklift truck", "lift truck"],
    mapPhrase: "forklift",
  },
  {
    id: "rubber_tired_loader",
    label: "rubber-tired loader",
    aliases: ["rubber-tired loader", "wheel loader", "loader"],
    mapPhrase: "rubber-tired loader",
  },
  {
    id: "sweeper",
    label: "sweeper",
    aliases: ["sweeper", "scrubber", "sweeper/scrubber"],
    mapPhrase: "sweeper",
  },
  {
    id: "aerial_lift",
    label: "aerial lift",
    aliases: ["aerial lift", "man lift", "manlift", "boom lift"],
    mapPhrase: "aerial lift",
  },
  { id: "excavator", label: "excavator", aliases: ["excavator"], mapPhrase: "excavator" },
  { id: "dozer", label: "dozer", aliases: ["dozer", "bulldozer", "crawler tractor"], mapPhrase: "dozer" },
  {
    id: "backhoe",
    label: "backhoe",
    aliases: ["backhoe", "skid loader", "skid steer", "tractor-loader", "tractor loader backhoe"],
    mapPhrase: "backhoe",
  },
];

const CHE_TYPE_BY_ALIAS = new Map<string, CheEquipmentType>();
for (const t of CHE_EQUIPMENT_TYPES) {
  CHE_TYPE_BY_ALIAS.set(squash(t.id), t);
  CHE_TYPE_BY_ALIAS.set(squash(t.label), t);
  for (const a of t.aliases) CHE_TYPE_BY_ALIAS.set(squash(a), t);
}

/** Example: cheEquipmentType("Terminal Tractor")?.id → "yard_tractor"; cheEquipmentType("crane") → undefined. */
export function cheEquipmentType(text: string): CheEquipmentType | undefined {
  return CHE_TYPE_BY_ALIAS.get(squash(text));
}

export function cheEquipmentTypeById(id: string): CheEquipmentType | undefined {
  return CHE_EQUIPMENT_TYPES.find((t) => t.id === id);
}

const CHE_POWERTRAIN_ALIASES: Record<string, ChePowertrain> = {
  diesel: "diesel",
  ulsd: "diesel",
  renewablediesel: "diesel",
  hybrid: "hybrid",
  dieselelectrichybrid: "hybrid",
  dieselhybrid: "hybrid",
  dieselelectric: "hybrid",
  lpg: "lpg",
  propane: "lpg",
  cng: "cng",
  naturalgas: "cng",
  lng: "cng",
  batteryelectric: "battery_electric",
  battery: "battery_electric",
  electric: "battery_electric",
  bev: "battery_electric",
  gridelectric: "battery_electric",
  cableelectric: "battery_electric",
  fuelcell: "fuel_cell",
  hydrogenfuelcell: "fuel_cell",
  hydrogen: "fuel_cell",
  fcev: "fuel_cell",
  h2: "fuel_cell",
};

export function chePowertrain(text: string): ChePowertrain | undefined {
  return CHE_POWERTRAIN_ALIASES[squash(text)];
}

export const CHE_POWERTRAIN_LABELS: Record<ChePowertrain, string> = {
  diesel: "diesel",
  hybrid: "diesel-electric hybrid",
  lpg: "LPG",
  cng: "CNG",
  battery_electric: "battery-electric",
  fuel_cell: "hydrogen fuel cell",
};

// ---------------------------------------------------------------------------------------------
// Harbour craft

const HARBOR_CRAFT_ALIASES: Record<string, HarborCraftType> = {
  assisttug: "assist_tug",
  harbortug: "assist_tug",
  harbourtug: "assist_tug",
  shipassisttug: "assist_tug",
  tug: "assist_tug",
  tugboat: "assist_tug",
  escorttug: "escort_tug",
  pilotboat: "pilot_boat",
  pilot: "pilot_boat",
  pilotvessel: "pilot_boat",
  ferry: "ferry",
  passengerferry: "ferry",
  crewboat: "crew_boat",
  crewsupply: "crew_boat",
  crewsupplyboat: "crew_boat",
  supplyboat: "crew_boat",
  workboat: "work_boat",
  workvessel: "work_boat",
};

export function harborCraftType(text: string): HarborCraftType | undefined {
  return HARBOR_CRAFT_ALIASES[squash(text)];
}

export const HARBOR_CRAFT_LABELS: Record<HarborCraftType, string> = {
  assist_tug: "assist tug",
  escort_tug: "escort tug",
  pilot_boat: "pilot boat",
  ferry: "ferry",
  crew_boat: "crew boat",
  work_boat: "work boat",
};

const ENGINE_USE_ALIASES: Record<string, EngineUse> = {
  propulsion: "propulsion",
  main: "propulsion",
  mainengine: "propulsion",
  propulsionengine: "propulsion",
  prop: "propulsion",
  auxiliary: "auxiliary",
  aux: "auxiliary",
  auxengine: "auxiliary",
  auxiliaryengine: "auxiliary",
  generator: "auxiliary",
  genset: "auxiliary",
};

export function engineUse(text: string): EngineUse | undefined {
  return ENGINE_USE_ALIASES[squash(text)];
}

/**
 * A tier as a token that compares equal however it was written: "Tier 2", "T2", "2" → "2";
 * "Tier 4 final" → "4final"; "IMO II", "IMO-II", "imo tier ii" → "imoii". Empty → null.
 */
export function normalizeTier(text: string): string | null {
  let t = text.toLowerCase().replace(/[^a-z0-9+]/g, "");
  t = t.replace(/tier/g, "");
  if (/^t\d/.test(t)) t = t.slice(1);
  return t === "" ? null : t;
}

// ---------------------------------------------------------------------------------------------
// Drayage

const DRAYAGE_POWERTRAIN_ALIASES: Record<string, DrayagePowertrain> = {
  diesel: "diesel",
  ulsd: "diesel",
  naturalgas: "natural_gas",
  ng: "natural_gas",
  cng: "natural_gas",
  lng: "natural_gas",
  rng: "natural_gas",
  batteryelectric: "battery_electric",
  battery: "battery_electric",
  electric: "battery_electric",
  bev: "battery_electric",
  fuelcell: "fuel_cell",
  hydrogenfuelcell: "fuel_cell",
  hydrogen: "fuel_cell",
  fcev: "fuel_cell",
  fcet: "fuel_cell",
};

export function drayagePowertrain(text: string): DrayagePowertrain | undefined {
  return DRAYAGE_POWERTRAIN_ALIASES[squash(text)];
}

export const DRAYAGE_POWERTRAIN_LABELS: Record<DrayagePowertrain, string> = {
  diesel: "diesel",
  natural_gas: "natural gas",
  battery_electric: "battery-electric",
  fuel_cell: "fuel cell",
};

/**
 * A model-year group as a token: "MY2010-2013", "2010 – 2013", "my 2010-13"? (kept as written) →
 * "2010-2013"; "2021+" and "MY 2021+" → "2021+"; "pre-2007" → "pre-2007". Empty → null.
 */
export function normalizeModelYearGroup(text: string): string | null {
  const t = text
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, "")
    .replace(/^my/, "")
    .replace(/^modelyear/, "");
  return t === "" ? null : t;
}

// ---------------------------------------------------------------------------------------------
// Rail

export function railService(text: string): RailService | undefined {
  const s = squash(text);
  if (s === "linehaul" || s === "line" || s === "mainline") return "line-haul";
  if (s === "switch" || s === "switcher" || s === "switching" || s === "yard") return "switch";
  return undefined;
}

/** Tiers of locomotive_emission_factors.csv. */
export const RAIL_TIERS = [
  "Uncontrolled",
  "Tier 0",
  "Tier 0+",
  "Tier 1",
  "Tier 1+",
  "Tier 2",
  "Tier 2+",
  "Tier 3",
  "Tier 4",
] as const;

/** Example: railTier("T2+") → "Tier 2+"; railTier("pre-1973") → "Uncontrolled"; railTier("Tier 5") → undefined. */
export function railTier(text: string): string | undefined {
  const s = squash(text);
  if (s === "uncontrolled" || s === "pre1973" || s === "none") return "Uncontrolled";
  const t = normalizeTier(text);
  const m = t === null ? null : /^([0-4])(\+?)$/.exec(t);
  if (!m) return undefined;
  return RAIL_TIERS.find((x) => x === `Tier ${m[1]}${m[2]}`);
}

// ---------------------------------------------------------------------------------------------
// User factors

const POLLUTANT_ALIASES: Record<string, FactorPollutant> = {
  nox: "nox",
  pm10: "pm10",
  pm25: "pm25",
  "pm2.5": "pm25",
  dpm: "dpm",
  so2: "so2",
  sox: "so2",
  co: "co",
  hc: "hc",
  thc: "hc",
  co2: "co2",
  ch4: "ch4",
  n2o: "n2o",
};

export function factorPollutant(text: string): FactorPollutant | undefined {
  return POLLUTANT_ALIASES[text.trim().toLowerCase().replace(/\s+/g, "")];
}

const CATEGORY_ALIASES: Record<string, UserFactorCategory> = {
  che: "che",
  cargohandlingequipment: "che",
  harborcraft: "harbor_craft",
  harbourcraft: "harbor_craft",
  drayage: "drayage",
  drayagetruck: "drayage",
  drayagetrucks: "drayage",
  truck: "drayage",
  trucks: "drayage",
};

export function userFactorCategory(text: string): UserFactorCategory | undefined {
  return CATEGORY_ALIASES[squash(text)];
}

const UNIT_ALIASES: Record<string, UserFactorUnit> = {
  "g/mi": "g/mi",
  "g/mile": "g/mi",
  "g/km": "g/km",
  "g/h": "g/h",
  "g/hr": "g/h",
  "g/hour": "g/h",
  "g/start": "g/start",
  "g/kwh": "g/kWh",
  "g/bhp-hr": "g/bhp-hr",
  "g/bhphr": "g/bhp-hr",
  "g/hp-hr": "g/bhp-hr",
  "g/hphr": "g/bhp-hr",
  "g/bhp-h": "g/bhp-hr",
};

export function userFactorUnit(text: string): UserFactorUnit | undefined {
  return UNIT_ALIASES[text.trim().toLowerCase().replace(/\s+/g, "")];
}

/** Which units each category accepts. */
export const UNITS_BY_CATEGORY: Record<UserFactorCategory, readonly UserFactorUnit[]> = {
  che: ["g/bhp-hr", "g/kWh", "g/h"],
  harbor_craft: ["g/kWh", "g/bhp-hr"],
  drayage: ["g/mi", "g/km", "g/h", "g/start"],
};

/** The drayage process a unit stands for (EMFAC RUNEX / IDLEX / STREX). */
export function drayageProcess(unit: UserFactorUnit): "running" | "idle" | "start" | undefined {
  if (unit === "g/mi" || unit === "g/km") return "running";
  if (unit === "g/h") return "idle";
  if (unit === "g/start") return "start";
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Factor keys

/** A parsed harbour-craft key: every field left undefined matches anything. */
export interface HarborCraftKey {
  vesselTypes?: HarborCraftType[];
  engineUse?: EngineUse;
  tier?: string;
  kwMin?: number;
  kwMax?: number;
  modelYearMin?: number;
  modelYearMax?: number;
}

/** How many conditions a key sets (the most specific matching key wins). */
export function harborCraftKeySpecificity(k: HarborCraftKey): number {
  return (
    (k.vesselTypes ? 1 : 0) +
    (k.engineUse ? 1 : 0) +
    (k.tier !== undefined ? 1 : 0) +
    (k.kwMin !== undefined || k.kwMax !== undefined ? 1 : 0) +
    (k.modelYearMin !== undefined || k.modelYearMax !== undefined ? 1 : 0)
  );
}

function range(text: string): { min?: number; max?: number } | null {
  let m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  m = /^(\d+(?:\.\d+)?)\+$/.exec(text);
  if (m) return { min: Number(m[1]) };
  m = /^<=?(\d+(?:\.\d+)?)$/.exec(text);
  if (m) return { max: Number(m[1]) };
  return null;
}

/**
 * Reads a harbour-craft factor key, in any order: vessel type ("assist tug", "tug" = assist or
 * escort tug, …), engine use ("propulsion", "auxiliary"), "tier X" ("tier 3", "tier IMO II"),
 * "kW A-B" / "kW A+" (rated kW of one engine, min < kW ≤ max), "MY A-B" (model years, inclusive).
 * Examples: "tug propulsion tier 2 kW 600-1000" → { vesselTypes: [assist_tug, escort_tug],
 * engineUse: "propulsion", tier: "2", kwMin: 600, kwMax: 1000 }; "auxiliary" → { engineUse:
 * "auxiliary" }; "tug propeller" → error "propeller".
 */
export function parseHarborCraftKey(
  key: string,
): { ok: true; key: HarborCraftKey } | { ok: false; error: string } {
  const tokens = normalizeWords(key)
    .replace(/\bkw\s*(\d)/g, "kw $1")
    .split(" ")
    .filter((t) => t !== "" && t !== "all" && t !== "any" && t !== "engines" && t !== "engine");
  const out: HarborCraftKey = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t === "tier" && next !== undefined) {
      let text = next;
      i++;
      if (next === "imo" && tokens[i + 1] !== undefined) {
        text = `imo${tokens[i + 1]}`;
        i++;
      }
      out.tier = normalizeTier(text) ?? undefined;
      continue;
    }
    if (t === "kw" && next !== undefined) {
      const r = range(next);
      if (!r) return { ok: false, error: `"kW ${next}": write a range like "kW 600-1000" or "kW 1000+"` };
      out.kwMin = r.min;
      out.kwMax = r.max;
      i++;
      continue;
    }
    if (t === "my" && next !== undefined) {
      const r = range(next);
      if (!r)
        return { ok: false, error: `"MY ${next}": write model years like "MY 2009-2013" or "MY 2014+"` };
      out.modelYearMin = r.min;
      out.modelYearMax = r.max;
      i++;
      continue;
    }
    const use = engineUse(t);
    if (use) {
      out.engineUse = use;
      continue;
    }
    if (t === "tug" || t === "tugs" || t === "tugboat") {
      out.vesselTypes = ["assist_tug", "escort_tug"];
      continue;
    }
    const two = next !== undefined ? harborCraftType(`${t} ${next}`) : undefined;
    if (two) {
      out.vesselTypes = [two];
      i++;
      continue;
    }
    const one = harborCraftType(t);
    if (one) {
      out.vesselTypes = [one];
      continue;
    }
    return {
      ok: false,
      error: `"${t}" is not understood; write e.g. "assist tug propulsion tier 3 kW 600-1000"`,
    };
  }
  return { ok: true, key: out };
}

/** Does a harbour-craft key cover this engine? kW bands hold min < kW ≤ max. */
export function harborCraftKeyMatches(
  k: HarborCraftKey,
  e: {
    vesselType: HarborCraftType;
    engineUse: EngineUse;
    tier: string | null;
    kw: number;
    modelYear: number | null;
  },
): boolean {
  if (k.vesselTypes && !k.vesselTypes.includes(e.vesselType)) return false;
  if (k.engineUse && k.engineUse !== e.engineUse) return false;
  if (k.tier !== undefined && k.tier !== e.tier) return false;
  if (k.kwMin !== undefined && !(e.kw > k.kwMin)) return false;
  if (k.kwMax !== undefined && !(e.kw <= k.kwMax)) return false;
  if (k.modelYearMin !== undefined || k.modelYearMax !== undefined) {
    if (e.modelYear === null) return false;
    if (k.modelYearMin !== undefined && e.modelYear < k.modelYearMin) return false;
    if (k.modelYearMax !== undefined && e.modelYear > k.modelYearMax) return false;
  }
  return true;
}

/** A drayage key: powertrain and optional model-year group. Example: "diesel MY2010-2013". */
export interface DrayageKey {
  powertrain: DrayagePowertrain;
  modelYearGroup: string | null;
}

/**
 * Reads a drayage factor key: a powertrain ("diesel", "natural gas", …) then an optional
 * model-year group. Examples: "diesel MY2010-2013" → { diesel, "2010-2013" }; "Natural gas" →
 * { natural_gas, null }; "MY2010 diesel" → error (powertrain first).
 */
export function parseDrayageKey(key: string): { ok: true; key: DrayageKey } | { ok: false; error: string } {
  const words = normalizeWords(key).split(" ");
  for (const n of [2, 1]) {
    if (words.length < n) continue;
    const p = drayagePowertrain(words.slice(0, n).join(" "));
    if (p)
      return {
        ok: true,
        key: { powertrain: p, modelYearGroup: normalizeModelYearGroup(words.slice(n).join(" ")) },
      };
  }
  return {
    ok: false,
    error: `the key must start with a powertrain (diesel, natural gas, battery-electric, fuel cell), e.g. "diesel MY2010-2013"`,
  };
}

/** A CHE key: optional equipment type then a powertrain. Example: "forklift LPG". */
export interface CheKey {
  equipmentType: string | null;
  powertrain: ChePowertrain;
}

/**
 * Reads a CHE factor key: an optional equipment type then a powertrain (last word or two).
 * Examples: "forklift LPG" → { forklift, lpg }; "CNG" → { null, cng }; "top handler" → error.
 */
export function parseCheKey(key: string): { ok: true; key: CheKey } | { ok: false; error: string } {
  const words = normalizeWords(key).split(" ");
  for (const n of [2, 1]) {
    if (words.length < n) continue;
    const p = chePowertrain(words.slice(words.length - n).join(" "));
    if (!p) continue;
    const rest = words.slice(0, words.length - n).join(" ");
    if (rest === "") return { ok: true, key: { equipmentType: null, powertrain: p } };
    const t = cheEquipmentType(rest);
    if (t) return { ok: true, key: { equipmentType: t.id, powertrain: p } };
    return {
      ok: false,
      error: `"${rest}" is not an equipment type we know (e.g. forklift, yard tractor, top handler)`,
    };
  }
  return {
    ok: false,
    error: `the key must end with a powertrain (LPG, CNG, diesel, …), e.g. "forklift LPG"`,
  };
}

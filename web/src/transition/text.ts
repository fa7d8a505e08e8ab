// Transition page helpers (pure): the fleet mix as zero-emission shares of CHE and drayage, the
// units table's sort, the station year's hourly series folded into months and days, the station
// form's parameters read from the address.
import type {
  Equipment,
  EquipmentCategory,
  EquipmentStatus,
  FleetMixRow,
  Powertrain,
  SolarH2Params,
} from "../api.ts";
import { formatNumber } from "../format.ts";
import type { Language } from "../i18n/index.ts";

/**
 * Powertrains in the order the charts stack them, each with its colour (Okabe & Ito; zero-emission
 * ones in greens and blues, combustion in oranges and greys) and whether it has no carbon at the
 * tailpipe. `Record<Powertrain, …>` makes tsc fail when the server adds one; text.test.ts checks
 * `ze` against the server's ZERO_EMISSION_POWERTRAINS.
 */
export const POWERTRAIN_STYLE: Record<Powertrain, { color: string; ze: boolean; order: number }> = {
  fuel_cell: { color: "#009E73", ze: true, order: 0 },
  battery: { color: "#0072B2", ze: true, order: 1 },
  hydrogen_ice: { color: "#56B4E9", ze: true, order: 2 },
  hybrid: { color: "#CC79A7", ze: false, order: 3 },
  renewable_diesel: { color: "#F0E442", ze: false, order: 4 },
  lng: { color: "#E69F00", ze: false, order: 5 },
  diesel: { color: "#8a8f94", ze: false, order: 6 },
};

export const POWERTRAIN_ORDER = (Object.keys(POWERTRAIN_STYLE) as Powertrain[]).sort(
  (a, b) => POWERTRAIN_STYLE[a].order - POWERTRAIN_STYLE[b].order,
);

/** Categories in the registry's order; `che` marks cargo-handling equipment (checked against CHE_CATEGORIES). */
export const CATEGORY_STYLE: Record<EquipmentCategory, { che: boolean; order: number }> = {
  yard_tractor: { che: true, order: 0 },
  top_handler: { che: true, order: 1 },
  rtg: { che: true, order: 2 },
  sts_crane: { che: true, order: 3 },
  straddle_carrier: { che: true, order: 4 },
  forklift: { che: true, order: 5 },
  side_handler: { che: true, order: 6 },
  drayage_truck: { che: false, order: 7 },
  harbor_craft: { che: false, order: 8 },
  locomotive: { che: false, order: 9 },
};

export const STATUS_ORDER: Record<EquipmentStatus, number> = {
  pilot: 0,
  in_service: 1,
  planned: 2,
  retired: 3,
};

/** One bar of the mix chart: a category (or a group of them) split by powertrain. */
export interface MixBar {
  /** A category, or "che" / "drayage" for the two bars the targets speak of. */
  key: EquipmentCategory | "che";
  total: number;
  byPowertrain: { powertrain: Powertrain; units: number }[];
  zeUnits: number;
  /** Zero-emission units ÷ units (null without units). */
  zeShare: number | null;
}

function bar(key: MixBar["key"], rows: readonly FleetMixRow[]): MixBar {
  const counts = new Map<Powertrain, number>();
  for (const r of rows) counts.set(r.powertrain, (counts.get(r.powertrain) ?? 0) + r.units);
  const byPowertrain = POWERTRAIN_ORDER.filter((p) => counts.has(p)).map((p) => ({
    powertrain: p,
    units: counts.get(p) ?? 0,
  }));
  const total = byPowertrain.reduce((s, b) => s + b.units, 0);
  const zeUnits = byPowertrain.reduce((s, b) => s + (POWERTRAIN_STYLE[b.powertrain].ze ? b.units : 0), 0);
  return { key, total, byPowertrain, zeUnits, zeShare: total > 0 ? zeUnits / total : null };
}

/**
 * The fleet mix as bars: all CHE together first (CAAP's 2030 zero-emission CHE goal), then each
 * category. Retired units are left out: they are no longer part of the fleet; planned ones count.
 * Example (USLAX demo): CHE = yard tractor 1 diesel + 1 fuel cell, RTG 1 + 1, top handler 1 + 1 →
 * 6 units, 3 zero-emission, share 3 / 6 = 50 %; drayage 1 diesel + 4 fuel cell → 4 / 5 = 80 %.
 */
export function mixBars(rows: readonly FleetMixRow[]): MixBar[] {
  const live = rows.filter((r) => r.status !== "retired");
  const che = live.filter((r) => CATEGORY_STYLE[r.category].che);
  const categories = [...new Set(live.map((r) => r.category))].sort(
    (a, b) => CATEGORY_STYLE[a].order - CATEGORY_STYLE[b].order,
  );
  return [
    ...(che.length > 0 ? [bar("che", che)] : []),
    ...categories.map((c) =>
      bar(
        c,
        live.filter((r) => r.category === c),
      ),
    ),
  ];
}

/** The mix table's rows: category, then status (pilots first), then powertrain. */
export function sortedMix(rows: readonly FleetMixRow[]): FleetMixRow[] {
  return [...rows].sort(
    (a, b) =>
      CATEGORY_STYLE[a.category].order - CATEGORY_STYLE[b.category].order ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      POWERTRAIN_STYLE[a.powertrain].order - POWERTRAIN_STYLE[b.powertrain].order,
  );
}

export type UnitSortKey =
  | "unitId"
  | "category"
  | "powertrain"
  | "modelYear"
  | "ratedPowerKw"
  | "engineTier"
  | "owner"
  | "status"
  | "programme";

/** Empty values sort last whichever the direction; ties keep the unit id order. */
export function sortUnits(
  units: readonly Equipment[],
  key: UnitSortKey,
  dir: 1 | -1,
  lang: Language,
): Equipment[] {
  const value = (u: Equipment): string | number | null => {
    switch (key) {
      case "category":
        return CATEGORY_STYLE[u.category].order;
      case "powertrain":
        return POWERTRAIN_STYLE[u.powertrain].order;
      case "status":
        return STATUS_ORDER[u.status];
      default:
        return u[key];
    }
  };
  const byId = (a: Equipment, b: Equipment) => a.unitId.localeCompare(b.unitId, lang, { numeric: true });
  return [...units].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const na = va === null || va === "";
    const nb = vb === null || vb === "";
    if (na || nb) return na === nb ? byId(a, b) : na ? 1 : -1;
    const c =
      typeof va === "number" && typeof vb === "number"
        ? va - vb
        : String(va).localeCompare(String(vb), lang, { numeric: true });
    return dir * c || byId(a, b);
  });
}

/** Days of the months of a 365-day typical year (TMY files have no 29 February). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface MonthTotals {
  month: number;
  producedKg: number;
  /** Demand at the dispenser: dispensed + shortfall (the model's invariant). */
  demandKg: number;
  dispensedKg: number;
  shortfallKg: number;
  /** Hours with a shortfall above 1 g (the model's own threshold). */
  shortfallHours: number;
  curtailedKwh: number;
  gridKwh: number;
}

export interface HourlySeries {
  producedKg: readonly number[];
  dispensedKg: readonly number[];
  shortfallKg: readonly number[];
  curtailedKwh: readonly number[];
  gridKwh: readonly number[];
}

/**
 * The station year's hourly series (index = hour of the year in the port's standard time) summed
 * per calendar month. Example: 8,760 hours each producing 0.01 kg → January (744 h) 7.44 kg,
 * February (672 h) 6.72 kg. Returns [] when the series is not a whole 365-day year.
 */
export function monthlyTotals(h: HourlySeries): MonthTotals[] {
  if (h.producedKg.length !== 8760) return [];
  const out: MonthTotals[] = [];
  let hour = 0;
  MONTH_DAYS.forEach((days, month) => {
    const m: MonthTotals = {
      month: month + 1,
      producedKg: 0,
      demandKg: 0,
      dispensedKg: 0,
      shortfallKg: 0,
      shortfallHours: 0,
      curtailedKwh: 0,
      gridKwh: 0,
    };
    for (const end = hour + days * 24; hour < end; hour++) {
      const short = h.shortfallKg[hour] ?? 0;
      const out = h.dispensedKg[hour] ?? 0;
      m.producedKg += h.producedKg[hour] ?? 0;
      m.dispensedKg += out;
      m.shortfallKg += short;
      m.demandKg += out + short;
      if (short > 1e-3) m.shortfallHours++;
      m.curtailedKwh += h.curtailedKwh[hour] ?? 0;
      m.gridKwh += h.gridKwh[hour] ?? 0;
    }
    out.push(m);
  });
  return out;
}

/** The station form's fields: the three the brief names plus demand and grid top-up. */
export const STATION_FIELDS = ["pvKwp", "electrolyserKw", "storageKg", "demandKgPerDay"] as const;
export type StationField = (typeof STATION_FIELDS)[number];

/**
 * The station parameters from the address (`?pvKwp=60&grid=1`): only positive finite numbers are
 * passed on (the API's defaults apply to the rest), and the hourly series is always asked for.
 */
export function stationParams(read: (name: string) => string | null): SolarH2Params {
  const p: SolarH2Params = { hourly: "true" };
  for (const f of STATION_FIELDS) {
    const raw = read(f);
    const v = raw === null || raw.trim() === "" ? Number.NaN : Number(raw);
    if (Number.isFinite(v) && v >= 0 && !(f === "electrolyserKw" && v === 0)) p[f] = v;
  }
  if (read("grid") === "1") p.grid = "true";
  return p;
}

/**
 * Money with its ISO 4217 code and the currency's own minor units (Intl's default): USD 20.11 but
 * JPY 697 (the yen has none); `whole` rounds to whole units for totals. "—" when there is none.
 */
export function formatMoney(value: number | null, currency: string, lang: Language, whole = false): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return formatNumber(value, lang, {
    style: "currency",
    currency,
    currencyDisplay: "code",
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  });
}

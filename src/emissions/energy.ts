/**
 * Energy carriers of zero-emission equipment and diesel constants, from the tables copied into
 * data/reference/emissions/ (pure: the tables come in as text; src/emissions/nonship/tables-io.ts
 * reads the files):
 *
 * - grid factor of a port and year: the port's series (grid_series_by_port.csv: USLAX → LADWP,
 *   then CARB LCFS California average; JPNGO → Chubu Electric before credits), the latest year ≤
 *   the inventory year, else the earliest — and the source string says which;
 * - hydrogen carbon intensity by production pathway (hydrogen_carbon_intensity.csv);
 * - diesel CO2 per gallon / litre and the well-to-wheel CO2e per litre (fuel_and_hydrogen_constants.csv).
 */

import { type ReferenceRecord, referenceNumber, referenceRecords } from "../core/csv.ts";
import { DomainError } from "../core/errors.ts";

export const ENERGY_TABLE_FILES = {
  california: "electricity_co2_california.csv",
  japan: "electricity_co2_japan.csv",
  gridSeries: "grid_series_by_port.csv",
  constants: "fuel_and_hydrogen_constants.csv",
  hydrogen: "hydrogen_carbon_intensity.csv",
} as const;

export type EnergyTableTexts = Record<keyof typeof ENERGY_TABLE_FILES, string>;

export interface GridFactorRow {
  file: string;
  line: number;
  supplier: string;
  year: number;
  basis: string;
  kgPerKwh: number;
  sourceId: string;
  confidence: string;
}

export interface GridSeriesEntry {
  port: string;
  file: string;
  supplier: string;
  basis: string;
  gas: "co2" | "co2e";
  reasoning: string;
  confidence: string;
  line: number;
}

export interface EnergyConstant {
  quantity: string;
  value: number;
  unit: string;
  note: string;
  sourceId: string;
  confidence: string;
  line: number;
}

export interface HydrogenPathwayRow {
  pathway: string;
  lowKgCo2ePerKgH2: number;
  highKgCo2ePerKgH2: number;
  boundary: string;
  sourceId: string;
  confidence: string;
  line: number;
}

export interface EnergyTables {
  gridRows: GridFactorRow[];
  gridSeries: GridSeriesEntry[];
  constants: Map<string, EnergyConstant>;
  hydrogen: HydrogenPathwayRow[];
}

export interface GridFactor {
  kgCo2ePerKwh: number;
  /** The year of the row used (which may differ from the inventory year). */
  year: number;
  /** File, row, supplier, year, basis, source id and confidence, and why that year was taken. */
  source: string;
}

function gridRows(text: string, file: string, kgColumn: string, yearColumn: string, supplierColumn: string) {
  return referenceRecords(text, file).map(
    (r: ReferenceRecord): GridFactorRow => ({
      file,
      line: r.line,
      supplier: r.get(supplierColumn),
      year: referenceNumber(r, yearColumn, file),
      basis: r.get("basis"),
      kgPerKwh: referenceNumber(r, kgColumn, file),
      sourceId: r.get("source_id"),
      // electricity_co2_japan.csv has no confidence column; the shared emissions README rates it A.
      confidence: file === ENERGY_TABLE_FILES.japan ? "A" : r.get("confidence"),
    }),
  );
}

/** Parses the energy tables; throws on a malformed table or a series naming a missing row. */
export function parseEnergyTables(texts: EnergyTableTexts): EnergyTables {
  const f = ENERGY_TABLE_FILES;
  const rows = [
    ...gridRows(texts.california, f.california, "kg_co2e_per_kwh", "year", "supplier_or_area"),
    ...gridRows(texts.japan, f.japan, "kg_co2_per_kwh", "fiscal_year", "supplier"),
  ];
  const gridSeries = referenceRecords(texts.gridSeries, f.gridSeries).map((r): GridSeriesEntry => {
    const gas = r.get("gas");
    if (gas !== "co2" && gas !== "co2e") throw new Error(`${f.gridSeries}: line ${r.line}: gas "${gas}"`);
    const e = {
      port: r.get("port"),
      file: r.get("file"),
      supplier: r.get("supplier_or_area"),
      basis: r.get("basis"),
      gas: gas as "co2" | "co2e",
      reasoning: r.get("reasoning"),
      confidence: r.get("confidence"),
      line: r.line,
    };
    if (!rows.some((g) => g.file === e.file && g.supplier === e.supplier && g.basis === e.basis))
      throw new Error(`${f.gridSeries}: line ${r.line}: no row ${e.supplier} / ${e.basis} in ${e.file}`);
    return e;
  });
  const constants = new Map<string, EnergyConstant>();
  for (const r of referenceRecords(texts.constants, f.constants)) {
    constants.set(r.get("quantity"), {
      quantity: r.get("quantity"),
      value: referenceNumber(r, "value", f.constants),
      unit: r.get("unit"),
      note: r.get("note"),
      sourceId: r.get("source_id"),
      confidence: r.get("confidence"),
      line: r.line,
    });
  }
  const hydrogen = referenceRecords(texts.hydrogen, f.hydrogen).map(
    (r): HydrogenPathwayRow => ({
      pathway: r.get("pathway_or_threshold"),
      lowKgCo2ePerKgH2: referenceNumber(r, "kg_co2e_per_kg_h2_low", f.hydrogen),
      highKgCo2ePerKgH2: referenceNumber(r, "kg_co2e_per_kg_h2_high", f.hydrogen),
      boundary: r.get("boundary"),
      sourceId: r.get("source_id"),
      confidence: r.get("confidence"),
      line: r.line,
    }),
  );
  return { gridRows: rows, gridSeries, constants, hydrogen };
}

/**
 * The grid factor of a port for an inventory year: among the rows of the port's series, the
 * latest year ≤ `year`, else the earliest year; on equal years the series entry listed first.
 * Fiscal years (Chubu Electric, April–March) count as the calendar year they start in.
 * Examples (shipped tables): USLAX 2026 → 0.2985 (CARB LCFS California average 2020);
 * USLAX 2018 → 0.340 (LADWP 2017); USLAX 2010 → 0.340 (earliest: LADWP 2017);
 * JPNGO 2024 → 0.513 (Chubu Electric FY2013, before credits).
 * Throws DomainError "not_found" for a port without a series.
 */
export function gridFactorFor(tables: EnergyTables, port: string, year: number): GridFactor {
  const series = tables.gridSeries.filter((s) => s.port === port);
  if (series.length === 0)
    throw new DomainError("not_found", `no grid series for port ${port} in ${ENERGY_TABLE_FILES.gridSeries}`);
  const candidates: { row: GridFactorRow; entry: GridSeriesEntry; order: number }[] = [];
  series.forEach((entry, order) => {
    for (const row of tables.gridRows)
      if (row.file === entry.file && row.supplier === entry.supplier && row.basis === entry.basis)
        candidates.push({ row, entry, order });
  });
  const atOrBefore = candidates.filter((c) => c.row.year <= year);
  const pool = atOrBefore.length > 0 ? atOrBefore : candidates;
  pool.sort((a, b) =>
    atOrBefore.length > 0
      ? b.row.year - a.row.year || a.order - b.order
      : a.row.year - b.row.year || a.order - b.order,
  );
  const best = pool[0]!;
  const why =
    best.row.year === year
      ? `year ${year}`
      : atOrBefore.length > 0
        ? `latest year ≤ ${year}`
        : `earliest year available; none ≤ ${year}`;
  const fiscal = best.row.file === ENERGY_TABLE_FILES.japan ? `FY${best.row.year}` : String(best.row.year);
  return {
    kgCo2ePerKwh: best.row.kgPerKwh,
    year: best.row.year,
    source: `${best.row.file}: line ${best.row.line} — ${best.row.supplier} ${fiscal}, ${best.row.basis}, ${best.row.kgPerKwh} kg ${best.entry.gas === "co2" ? "CO2" : "CO2e"}/kWh (${best.row.sourceId}, ${best.row.confidence}); ${why}; series ${ENERGY_TABLE_FILES.gridSeries}: line ${best.entry.line} (${best.entry.confidence})`,
  };
}

/** A port's grid factor by calendar year (what the calculators take as `gridFactor`). */
export type GridFactorLookup = (year: number) => GridFactor;

/** `gridFactor` for the calculators' options: `(year) => GridFactor` for one port. */
export function gridFactorFunction(tables: EnergyTables, port: string): GridFactorLookup {
  const cache = new Map<number, GridFactor>();
  return (year) => {
    let g = cache.get(year);
    if (g === undefined) {
      g = gridFactorFor(tables, port, year);
      cache.set(year, g);
    }
    return g;
  };
}

/**
 * Short names for the production pathways of hydrogen_carbon_intensity.csv (threshold rows — Japan
 * 3.4 kg, US 45V — are limits, not pathways, and have no alias).
 */
export const HYDROGEN_PATHWAY_ALIASES: Record<string, string> = {
  "grey-smr": "grey: steam reforming of natural gas",
  "grey-coal": "grey: coal gasification",
  green: "green: renewable electrolysis (median of ~1000 IEA-database projects)",
  "grid-electrolysis-california": "electrolysis on California average grid (2020)",
  "grid-electrolysis-chubu": "electrolysis on Chubu Electric grid (FY2011-FY2013)",
  "solar-electrolysis": "electrolysis on solar PV (planning estimate)",
};

export interface HydrogenIntensity {
  pathway: string;
  /** Middle of the row's low–high range (the two are equal for single-value rows). */
  kgCo2ePerKgH2: number;
  lowKgCo2ePerKgH2: number;
  highKgCo2ePerKgH2: number;
  source: string;
}

/**
 * Carbon intensity of hydrogen from a pathway, by alias or the row's own text (case-insensitive).
 * Example: hydrogenIntensity(t, "grey-smr") → 11.4 kg CO2e/kg (rei-2024-11-29, C);
 * "green" → 2.75 (middle of 0.9–4.6). Undefined for an unknown pathway or a threshold row.
 */
export function hydrogenIntensity(tables: EnergyTables, pathway: string): HydrogenIntensity | undefined {
  const want = (HYDROGEN_PATHWAY_ALIASES[pathway.trim().toLowerCase()] ?? pathway).trim().toLowerCase();
  const row = tables.hydrogen.find((h) => h.pathway.toLowerCase() === want);
  if (row === undefined || /threshold|credit tiers/i.test(row.pathway)) return undefined;
  const mid = (row.lowKgCo2ePerKgH2 + row.highKgCo2ePerKgH2) / 2;
  const range =
    row.lowKgCo2ePerKgH2 === row.highKgCo2ePerKgH2
      ? `${mid}`
      : `${mid} (middle of ${row.lowKgCo2ePerKgH2}-${row.highKgCo2ePerKgH2})`;
  return {
    pathway: row.pathway,
    kgCo2ePerKgH2: mid,
    lowKgCo2ePerKgH2: row.lowKgCo2ePerKgH2,
    highKgCo2ePerKgH2: row.highKgCo2ePerKgH2,
    source: `${ENERGY_TABLE_FILES.hydrogen}: line ${row.line} — ${row.pathway}, ${range} kg CO2e/kg H2, ${row.boundary} (${row.sourceId}, ${row.confidence})`,
  };
}

export interface ValueWithSource {
  value: number;
  source: string;
}

export interface DieselConstants {
  /** Tank-to-wheel CO2 per US gallon, kg. */
  co2KgPerGal: ValueWithSource;
  /** Tank-to-wheel CO2 per litre, kg. */
  co2KgPerL: ValueWithSource;
  /** Well-to-wheel CO2e per litre, kg. */
  wtwCo2eKgPerL: ValueWithSource;
  /**
   * Upstream (well-to-tank) CO2e per g of tailpipe CO2: (WTW − TTW) / TTW per litre, so that it
   * applies to CO2 however it was computed (BSFC, metered fuel, user factor).
   */
  upstreamCo2ePerTailpipeCo2: ValueWithSource;
}

function constant(tables: EnergyTables, quantity: string): EnergyConstant {
  const c = tables.constants.get(quantity);
  if (c === undefined) throw new Error(`${ENERGY_TABLE_FILES.constants}: no row ${quantity}`);
  return c;
}

function withSource(c: EnergyConstant): ValueWithSource {
  return {
    value: c.value,
    source: `${ENERGY_TABLE_FILES.constants}: line ${c.line} — ${c.quantity} ${c.value} ${c.unit} (${c.sourceId}, ${c.confidence})`,
  };
}

/**
 * Diesel constants. Example (shipped table): 10.21 kg CO2/gal, 2.697 kg CO2/L, 3.286 kg CO2e/L
 * well-to-wheel, so upstream = (3.286 − 2.697) / 2.697 = 0.2184 g CO2e per g tailpipe CO2.
 */
export function dieselConstants(tables: EnergyTables): DieselConstants {
  const gal = constant(tables, "diesel_co2_per_us_gallon");
  const litre = constant(tables, "diesel_co2_per_litre");
  const wtw = constant(tables, "diesel_co2e_wtw_per_litre");
  const ratio = (wtw.value - litre.value) / litre.value;
  return {
    co2KgPerGal: withSource(gal),
    co2KgPerL: withSource(litre),
    wtwCo2eKgPerL: withSource(wtw),
    upstreamCo2ePerTailpipeCo2: {
      value: ratio,
      source: `(${wtw.value} − ${litre.value}) / ${litre.value} from ${ENERGY_TABLE_FILES.constants}: lines ${wtw.line} (${wtw.sourceId}, ${wtw.confidence}) and ${litre.line} (${litre.sourceId}, ${litre.confidence})`,
    },
  };
}

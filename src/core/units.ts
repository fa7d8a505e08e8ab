/**
 * Unit conversions used at the edges (reports, API, portal). Inside the system quantities keep
 * their unit in their name (energyKwh, massG, speedKn, distanceM, durationH).
 */

/** International nautical mile, exactly 1852 m (BIPM SI Brochure, 9th ed., table 8). */
export const METRES_PER_NAUTICAL_MILE = 1852;
/** US short ton, exactly 2000 lb × 0.45359237 kg/lb (NIST Handbook 44, appendix C). */
export const KG_PER_SHORT_TON = 907.18474;
/** Knot: one nautical mile per hour. */
export const METRES_PER_SECOND_PER_KNOT = METRES_PER_NAUTICAL_MILE / 3600;

/** Example: nauticalMilesToMetres(20) → 37040. */
export const nauticalMilesToMetres = (distanceNm: number): number => distanceNm * METRES_PER_NAUTICAL_MILE;
/** Example: metresToNauticalMiles(37040) → 20. */
export const metresToNauticalMiles = (distanceM: number): number => distanceM / METRES_PER_NAUTICAL_MILE;
/** Example: knotsToMetresPerSecond(12) → 6.1733… */
export const knotsToMetresPerSecond = (speedKn: number): number => speedKn * METRES_PER_SECOND_PER_KNOT;
/** Example: metresPerSecondToKnots(6.173333) → 12.0. */
export const metresPerSecondToKnots = (speedMps: number): number => speedMps / METRES_PER_SECOND_PER_KNOT;
/** Example: gramsToTonnes(1_500_000) → 1.5 (metric tonnes). */
export const gramsToTonnes = (massG: number): number => massG / 1e6;
/** Example: gramsToShortTons(907_184.74) → 1. */
export const gramsToShortTons = (massG: number): number => massG / (KG_PER_SHORT_TON * 1000);

export type MassUnit = "g" | "kg" | "t" | "short_ton";

/** Grams in one of each mass unit: the one table every reader's conversion goes through. */
const GRAMS_PER: Record<MassUnit, number> = { g: 1, kg: 1000, t: 1e6, short_ton: KG_PER_SHORT_TON * 1000 };

/**
 * Converts a mass between units (the API sends grams or tonnes, each field named for its unit; the
 * portal and the CLI show the reader's). Example: convertMass(2, "t", "short_ton") → 2.20462…
 */
export function convertMass(value: number, from: MassUnit, to: MassUnit): number {
  return from === to ? value : (value * GRAMS_PER[from]) / GRAMS_PER[to];
}

/** Converts grams to the reader's mass unit. Example: convertMassG(2_000_000, "t") → 2. */
export function convertMassG(massG: number, unit: MassUnit): number {
  return convertMass(massG, "g", unit);
}

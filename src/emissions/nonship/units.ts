/**
 * Unit definitions the non-ship calculators need (definitions, not emission factors).
 */
import { SECONDS_PER_DAY } from "../../core/time.ts";

/**
 * kW per brake horsepower as the shared NONROAD tables use it ("1 bhp = 0.7457 kW", nonship
 * README; their `value_g_per_kwh` column is g/bhp-hr ÷ 0.7457). The exact mechanical horsepower is
 * 0.745699872 kW (NIST SP 811, B.8); 0.7457 keeps our numbers equal to the tables'.
 */
export const KW_PER_BHP = 0.7457;
/** International mile, exactly 1.609344 km (NIST SP 811, B.8). */
export const KM_PER_MILE = 1.609344;
/** US liquid gallon, exactly 3.785411784 L (NIST SP 811, B.8). */
export const LITRES_PER_US_GALLON = 3.785411784;

/** Example: kwToHp(149.14) → 200. */
export const kwToHp = (powerKw: number): number => powerKw / KW_PER_BHP;
/** Example: hpToKw(200) → 149.14. */
export const hpToKw = (powerHp: number): number => powerHp * KW_PER_BHP;
/** Example: kmToMiles(16.09344) → 10. */
export const kmToMiles = (distanceKm: number): number => distanceKm / KM_PER_MILE;
/** Example: litresToGallons(378.5411784) → 100. */
export const litresToGallons = (volumeL: number): number => volumeL / LITRES_PER_US_GALLON;
/** Example: gallonsToLitres(1) → 3.785411784. */
export const gallonsToLitres = (volumeGal: number): number => volumeGal * LITRES_PER_US_GALLON;

/** Days in a calendar month. Example: daysInMonth(2024, 2) → 29. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days in a calendar year. Example: daysInYear(2024) → 366. */
export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / (SECONDS_PER_DAY * 1000);
}

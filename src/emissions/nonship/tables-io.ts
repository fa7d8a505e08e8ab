/**
 * Reads the non-ship and energy reference tables from data/reference/emissions/ (the copies with
 * their provenance in data/reference/README.md). Nothing outside the repository is read.
 */
import fs from "node:fs";
import path from "node:path";
import {
  ENERGY_TABLE_FILES,
  type EnergyTables,
  type EnergyTableTexts,
  type GridFactorLookup,
  gridFactorFunction,
  parseEnergyTables,
} from "../energy.ts";
import { GWP_FILE } from "../gwp.ts";
import { EMISSIONS_REFERENCE_DIR } from "../reference-io.ts";
import {
  NONSHIP_TABLE_FILES,
  type NonshipTables,
  type NonshipTableTexts,
  parseNonshipTables,
} from "./tables.ts";

export { EMISSIONS_REFERENCE_DIR };

export function loadEnergyTables(dir: string = EMISSIONS_REFERENCE_DIR): EnergyTables {
  const texts = {} as EnergyTableTexts;
  for (const [key, file] of Object.entries(ENERGY_TABLE_FILES) as [keyof EnergyTableTexts, string][])
    texts[key] = fs.readFileSync(path.join(dir, file), "utf8");
  return parseEnergyTables(texts);
}

/** Reads and parses every table the non-ship calculators use (the composer loads them once). */
export function loadNonshipTables(dir: string = EMISSIONS_REFERENCE_DIR): NonshipTables {
  const texts = {} as NonshipTableTexts;
  for (const [key, file] of Object.entries(NONSHIP_TABLE_FILES) as [
    keyof typeof NONSHIP_TABLE_FILES,
    string,
  ][])
    texts[key] = fs.readFileSync(path.join(dir, "nonship", file), "utf8");
  texts.gwp = fs.readFileSync(path.join(dir, GWP_FILE), "utf8");
  return parseNonshipTables(texts, loadEnergyTables(dir));
}

/**
 * The shipped grid factor of a port by calendar year (energy.ts gridFactorFor on the shipped tables).
 * Example: portGridFactor("USLAX")(2026).kgCo2ePerKwh → 0.2985.
 */
export function portGridFactor(port: string, tables: NonshipTables): GridFactorLookup {
  return gridFactorFunction(tables.energy, port);
}

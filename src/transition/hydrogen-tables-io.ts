/**
 * The only file of the hydrogen-supply half that reads the disk: the reference tables in
 * data/reference/transition/ (found from this file, so the working directory does not matter),
 * the shipped Los Angeles TMY3 year, and a user's solar file.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DomainError } from "../core/errors.ts";
import { HYDROGEN_TABLE_FILES, type HydrogenTables, parseHydrogenTables } from "./hydrogen-tables.ts";
import { type ParsedSolarYear, parseSolarCsv, parseTmy3, type SolarSite } from "./tmy.ts";

/** <repo>/data/reference/transition/ */
export const TRANSITION_REFERENCE_DIR = fileURLToPath(
  new URL("../../data/reference/transition/", import.meta.url),
);

/** Typical-year files shipped per port; Nagoya has none (none found — the user must supply one). */
export const SHIPPED_SOLAR_FILES: Readonly<Record<string, string | undefined>> = {
  USLAX: "solar/CA-Los_Angeles_Intl_Arpt_722950.tmy3",
};

/** The hydrogen tables read from disk (no cache here: store/services.ts keeps them once per process). */
export function loadHydrogenTables(dir: string = TRANSITION_REFERENCE_DIR): HydrogenTables {
  const read = (f: string) => readFileSync(`${dir}${dir.endsWith("/") ? "" : "/"}${f}`, "utf8");
  const tables = parseHydrogenTables({
    constants: read(HYDROGEN_TABLE_FILES.constants),
    supply: read(HYDROGEN_TABLE_FILES.supply),
    demand: read(HYDROGEN_TABLE_FILES.demand),
    gridCalifornia: read(HYDROGEN_TABLE_FILES.gridCalifornia),
    gridJapan: read(HYDROGEN_TABLE_FILES.gridJapan),
    assumptions: read(HYDROGEN_TABLE_FILES.assumptions),
  });
  return tables;
}

/**
 * The shipped typical year of a port, read and parsed (store/services.ts keeps it once per process;
 * callers must not write into its arrays); throws `not_found` for a port without one (Nagoya).
 */
export function loadShippedSolarYear(port: string): ParsedSolarYear {
  const rel = SHIPPED_SOLAR_FILES[port];
  if (rel === undefined)
    throw new DomainError(
      "not_found",
      `no typical-year solar file ships for ${port}; supply one (TMY3, or CSV hour_utc,ghi_w_m2 / timestamp,pv_kw_per_kwp)`,
    );
  return parseTmy3(
    readFileSync(`${TRANSITION_REFERENCE_DIR}${rel}`, "utf8"),
    `data/reference/transition/${rel}`,
  );
}

/**
 * A user's solar file: TMY3 when its second line names the TMY3 columns, else the simple CSV
 * (with `site` from the port registry for the sun's position and the UTC shift).
 */
export function readSolarFile(path: string, site: SolarSite): ParsedSolarYear {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new DomainError("not_found", `${path}: ${(e as Error).message}`);
  }
  const second = text.split(/\r?\n/, 2)[1] ?? "";
  return second.startsWith("Date (MM/DD/YYYY)") ? parseTmy3(text, path) : parseSolarCsv(text, path, site);
}

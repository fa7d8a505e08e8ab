/**
 * The I/O around particulars.ts: reading the default engine tables shipped in
 * data/reference/emissions/ and streaming a particulars CSV (plain, .gz or .zip).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { forEachTextLine } from "../core/input.ts";
import {
  DEFAULT_TABLE_FILES,
  type DefaultEngineTable,
  type DefaultTableTexts,
  ParticularsCsvParser,
  type ParticularsParseResult,
  parseDefaultEngineTable,
} from "./particulars.ts";

/** <repo>/data/reference/emissions, found from this file so that the working directory does not matter. */
export const DEFAULT_REFERENCE_DIR = fileURLToPath(
  new URL("../../data/reference/emissions/", import.meta.url),
);

/** Reads and parses the default engine tables (Table C.3, size classes, transit-speed ratios, AIS types). */
export function loadDefaultEngineTable(dir: string = DEFAULT_REFERENCE_DIR): DefaultEngineTable {
  const texts = {} as DefaultTableTexts;
  for (const [key, file] of Object.entries(DEFAULT_TABLE_FILES) as [keyof DefaultTableTexts, string][]) {
    texts[key] = fs.readFileSync(path.join(dir, file), "utf8");
  }
  return parseDefaultEngineTable(texts);
}

export interface ReadParticularsOptions {
  /** Table for defaults; by default the shipped one. Pass null to read the file as it is. */
  table?: DefaultEngineTable | null;
}

/**
 * Streams a particulars CSV line by line (see ParticularsCsvParser for the header and checks).
 * Throws only when the file cannot be opened (DomainError "not_found" from openInput).
 */
export async function readParticularsFile(
  file: string,
  options: ReadParticularsOptions = {},
): Promise<ParticularsParseResult> {
  const table = options.table === undefined ? loadDefaultEngineTable() : options.table;
  const parser = new ParticularsCsvParser({ table });
  await forEachTextLine(file, (text, line) => parser.pushLine(text, line));
  return parser.finish();
}

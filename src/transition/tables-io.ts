/**
 * Reads the fleet tables from data/reference/transition/ (copies with their provenance in
 * data/reference/README.md) and the emissions engine's non-ship and energy tables (through
 * emissions/index.ts). Nothing outside the repository is read.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadNonshipTables, type NonshipTables } from "../emissions/index.ts";
import {
  parseTransitionTables,
  TRANSITION_TABLE_FILES,
  type TransitionTables,
  type TransitionTableTexts,
} from "./tables.ts";

/** data/reference/transition/ of the repository (src/transition → ../../data/…; dist/cli the same depth). */
export const TRANSITION_REFERENCE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "data",
  "reference",
  "transition",
);

export function loadTransitionTables(dir: string = TRANSITION_REFERENCE_DIR): TransitionTables {
  const texts = {} as TransitionTableTexts;
  for (const [key, file] of Object.entries(TRANSITION_TABLE_FILES) as [keyof TransitionTableTexts, string][])
    texts[key] = fs.readFileSync(path.join(dir, file), "utf8");
  return parseTransitionTables(texts);
}

/** Everything a scorecard reads: the fleet tables and the inventory engine's tables. */
export interface ScorecardTables {
  transition: TransitionTables;
  nonship: NonshipTables;
}

export function loadScorecardTables(): ScorecardTables {
  return { transition: loadTransitionTables(), nonship: loadNonshipTables() };
}

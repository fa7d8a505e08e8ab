/**
 * Reads the scenario engine's tables: data/reference/transition/ (scenario defaults, CAAP/CNP
 * targets, fleet progress, costs, hydrogen supply reference) and the emissions engine's tables
 * (NONROAD, energy, grid series, port settings) — all inside the repository.
 */
import fs from "node:fs";
import path from "node:path";
import { loadNonshipTables } from "../emissions/index.ts";
import { loadHydrogenTables } from "./hydrogen-tables-io.ts";
import type { ScenarioTablesIn } from "./scenario.ts";
import {
  PORT_SETTINGS_FILE,
  parseScenarioTables,
  SCENARIO_TABLE_FILES,
  type ScenarioRefTables,
} from "./scenario-tables.ts";
import { loadTransitionTables, type ScorecardTables, TRANSITION_REFERENCE_DIR } from "./tables-io.ts";

export function loadScenarioRefTables(dir: string = TRANSITION_REFERENCE_DIR): ScenarioRefTables {
  const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");
  return parseScenarioTables({
    defaults: read(SCENARIO_TABLE_FILES.defaults),
    targets: read(SCENARIO_TABLE_FILES.targets),
    progress: read(SCENARIO_TABLE_FILES.progress),
    portSettings: fs.readFileSync(path.join(dir, "..", "emissions", PORT_SETTINGS_FILE), "utf8"),
  });
}

/** The scenario tables on top of already loaded scorecard tables (fleet + inventory engine). */
export function scenarioTablesFrom(
  base: ScorecardTables,
  dir: string = TRANSITION_REFERENCE_DIR,
): ScenarioTablesIn {
  return {
    scenario: loadScenarioRefTables(dir),
    transition: base.transition,
    supply: loadHydrogenTables(dir).supply,
    nonship: base.nonship,
  };
}

export function loadScenarioTables(dir: string = TRANSITION_REFERENCE_DIR): ScenarioTablesIn {
  return scenarioTablesFrom({ transition: loadTransitionTables(dir), nonship: loadNonshipTables() }, dir);
}

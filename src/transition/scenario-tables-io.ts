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
import { PORT_SETTINGS_FILE, parseScenarioTables, SCENARIO_TABLE_FILES } from "./scenario-tables.ts";
import { loadTransitionTables, TRANSITION_REFERENCE_DIR } from "./tables-io.ts";

export function loadScenarioTables(dir: string = TRANSITION_REFERENCE_DIR): ScenarioTablesIn {
  const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");
  const scenario = parseScenarioTables({
    defaults: read(SCENARIO_TABLE_FILES.defaults),
    targets: read(SCENARIO_TABLE_FILES.targets),
    progress: read(SCENARIO_TABLE_FILES.progress),
    portSettings: fs.readFileSync(path.join(dir, "..", "emissions", PORT_SETTINGS_FILE), "utf8"),
  });
  return {
    scenario,
    transition: loadTransitionTables(dir),
    supply: loadHydrogenTables(dir).supply,
    nonship: loadNonshipTables(),
  };
}

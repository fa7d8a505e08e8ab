/**
 * Non-ship port source categories: cargo-handling equipment, harbour craft, drayage trucks, rail.
 *
 * - Inputs: `activitySpec(kind)` / `cheSpec`, `harborCraftSpec`, `drayageSpec`, `railSpec`,
 *   `factorsSpec` (CSV formats documented at the top of each input-*.ts), `parseActivityText`,
 *   `readActivityFile`, `importActivityFile`; writers `cheCsv`, … for the same formats.
 * - Compute (pure): `computeNonshipLines(tables, activity, options)` → lines, coverage, warnings,
 *   not-estimated activity, notes. `cheDieselFactors` for one diesel unit.
 * - Tables: `loadNonshipTables()` (data/reference/emissions/), `portGridFactor(port)`.
 * - Storage: the `EmissionActivityStore` interface (src/store/emissions/activity-store.ts).
 * - The `emissions import …` commands are in ./cli.ts (it imports commander, so not re-exported).
 */
export { type CheDieselFactors, cheDieselFactors, techTypeFor } from "./che.ts";
export { computeNonshipLines } from "./compute.ts";
export {
  ActivityCsvParser,
  type ActivityParseCounts,
  type ActivityParseResult,
  type KindSpec,
  type ParsedRecord,
  parseActivityText,
} from "./csv.ts";
export { withMeasuredIdle } from "./drayage.ts";
export { type ActivityFileImport, activitySpec, importActivityFile, readActivityFile } from "./import.ts";
export { CHE_CSV_HEADER, cheCsv, cheSpec } from "./input-che.ts";
export { DRAYAGE_CSV_HEADER, drayageCsv, drayageSpec } from "./input-drayage.ts";
export { FACTORS_CSV_HEADER, factorsCsv, factorsSpec } from "./input-factors.ts";
export { HARBOR_CRAFT_CSV_HEADER, harborCraftCsv, harborCraftSpec } from "./input-harbor-craft.ts";
export { RAIL_CSV_HEADER, railCsv, railSpec } from "./input-rail.ts";
export { isNonshipMessageKey, nonshipMessage } from "./messages.ts";
export * from "./model.ts";
export { type RegistryUnit, withRegistry } from "./registry.ts";
export type { GridFactorValue, NonshipOptions } from "./result.ts";
export type {
  ActivityImportCounts,
  ActivityImportInput,
  EmissionActivityStore,
  StoredActivityImport,
  YearMonth,
} from "./store.ts";
export { type NonshipTables, parseNonshipTables } from "./tables.ts";
export { EMISSIONS_REFERENCE_DIR, loadEnergyTables, loadNonshipTables, portGridFactor } from "./tables-io.ts";

/**
 * Every reference table the emissions service computes with, read together. The composer (the CLI
 * or the server at start-up) loads them once and passes them in `EmissionsServiceDeps.tables`, so
 * the service reads no file and keeps no cache of its own.
 */
import { type DefaultEngineTable, loadDefaultEngineTable } from "../vessels/index.ts";
import { loadNonshipTables, type NonshipTables } from "./nonship/index.ts";
import { loadOgvTables, type OgvTables } from "./ogv/index.ts";
import { EMISSIONS_REFERENCE_DIR, type EmissionsReference, loadEmissionsReference } from "./reference-io.ts";

export interface EmissionsTables {
  /** Port settings, targets and the files they came from (with SHA-256). */
  reference: EmissionsReference;
  ogv: OgvTables;
  nonship: NonshipTables;
  /** Engine defaults by ship type and size (vessels without imported particulars). */
  engineDefaults: DefaultEngineTable;
}

/** Reads and checks every table from data/reference/emissions (or `dir`); throws on a bad table. */
export function loadEmissionsTables(dir: string = EMISSIONS_REFERENCE_DIR): EmissionsTables {
  return {
    reference: loadEmissionsReference(dir),
    ogv: loadOgvTables(dir),
    nonship: loadNonshipTables(dir),
    engineDefaults: loadDefaultEngineTable(dir),
  };
}

/**
 * Reads the emissions reference shipped in data/reference/emissions/: port settings and targets
 * (the factor tables are read by ogv/tables-io.ts and nonship/tables-io.ts from the same folder).
 * Read on each call: the composer loads the tables once (reference-tables.ts) and passes them in.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PORT_SETTINGS_FILE, type PortEmissionSettings, parsePortEmissionSettings } from "./inventory.ts";
import { TARGET_FILES } from "./targets.ts";

/** <repo>/data/reference/emissions, found from this file so that the working directory does not matter. */
export const EMISSIONS_REFERENCE_DIR = fileURLToPath(
  new URL("../../data/reference/emissions/", import.meta.url),
);

export interface EmissionsReference {
  settings: Map<string, PortEmissionSettings>;
  targetTexts: { emissions: string; shares: string };
  files: { file: string; sha256: string }[];
}

export function loadEmissionsReference(dir: string = EMISSIONS_REFERENCE_DIR): EmissionsReference {
  const files: EmissionsReference["files"] = [];
  const read = (file: string) => {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    files.push({ file, sha256: createHash("sha256").update(text).digest("hex") });
    return text;
  };
  return {
    settings: parsePortEmissionSettings(read(PORT_SETTINGS_FILE)),
    targetTexts: { emissions: read(TARGET_FILES.emissions), shares: read(TARGET_FILES.shares) },
    files,
  };
}

/** One shipped reference file as text (for the few tables read whole, e.g. the demo's baselines). */
export function readReferenceText(file: string, dir: string = EMISSIONS_REFERENCE_DIR): string {
  return fs.readFileSync(path.join(dir, file), "utf8");
}

/**
 * Reads the OGV reference tables from data/reference/emissions/ (the only file I/O of the
 * calculator besides cli.ts). No cache here: the composer loads them once and passes them in.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EMISSIONS_REFERENCE_DIR } from "../reference-io.ts";
import { OGV_TABLE_FILES, type OgvTableName, type OgvTableTexts, parseOgvTables } from "./tables.ts";
import type { OgvTables } from "./types.ts";

/**
 * Parsed, checked and indexed OGV tables (see parseOgvTables). A malformed table throws a DomainError
 * "internal" naming the file, line and column.
 */
export function loadOgvTables(dir: string = EMISSIONS_REFERENCE_DIR): OgvTables {
  const resolved = path.resolve(dir);
  const texts = {} as OgvTableTexts;
  const sha256: Partial<Record<OgvTableName, string>> = {};
  for (const [name, file] of Object.entries(OGV_TABLE_FILES) as [OgvTableName, string][]) {
    const bytes = fs.readFileSync(path.join(resolved, file));
    texts[name] = bytes.toString("utf8");
    sha256[name] = createHash("sha256").update(bytes).digest("hex");
  }
  return parseOgvTables(texts, sha256);
}

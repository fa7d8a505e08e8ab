/**
 * Reads the OGV reference tables from data/reference/emissions/ (the only file I/O of the
 * calculator besides cli.ts) and parses them once per process and folder.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EMISSIONS_REFERENCE_DIR } from "../reference-io.ts";
import { OGV_TABLE_FILES, type OgvTableName, type OgvTableTexts, parseOgvTables } from "./tables.ts";
import type { OgvTables } from "./types.ts";

const cache = new Map<string, OgvTables>();

/**
 * Parsed, checked and indexed OGV tables (see parseOgvTables), cached per folder: the tables ship
 * with the code and do not change while a process runs. A malformed table throws a DomainError
 * "internal" naming the file, line and column.
 */
export function loadOgvTables(dir: string = EMISSIONS_REFERENCE_DIR): OgvTables {
  const resolved = path.resolve(dir);
  const cached = cache.get(resolved);
  if (cached) return cached;
  const texts = {} as OgvTableTexts;
  const sha256: Partial<Record<OgvTableName, string>> = {};
  for (const [name, file] of Object.entries(OGV_TABLE_FILES) as [OgvTableName, string][]) {
    const bytes = fs.readFileSync(path.join(resolved, file));
    texts[name] = bytes.toString("utf8");
    sha256[name] = createHash("sha256").update(bytes).digest("hex");
  }
  const tables = parseOgvTables(texts, sha256);
  cache.set(resolved, tables);
  return tables;
}

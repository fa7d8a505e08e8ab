/** Loads the facility lookup from the port registry and data/reference/operations/terminal-codes.csv. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPortRegistry, type PortRegistry, terminalsOf } from "../geo/index.ts";
import { buildFacilityLookup, type FacilityLookup, parseTerminalCodes } from "./facilities.ts";

export const TERMINAL_CODES_FILE = fileURLToPath(
  new URL("../../data/reference/operations/terminal-codes.csv", import.meta.url),
);

/** Every terminal of every registered port, with the SMDG codes of those that have one. */
export function loadFacilityLookup(
  registry: PortRegistry = loadPortRegistry(),
  codesFile: string = TERMINAL_CODES_FILE,
): FacilityLookup {
  const terminals = registry.list().flatMap((p) => {
    const entry = registry.get(p.locode);
    return entry
      ? terminalsOf(entry.features).map((t) => ({ id: t.id, port: t.port, timeZone: entry.timeZone }))
      : [];
  });
  const codes = parseTerminalCodes(
    readFileSync(codesFile, "utf8"),
    join("data/reference/operations", "terminal-codes.csv"),
  );
  return buildFacilityLookup(terminals, codes);
}

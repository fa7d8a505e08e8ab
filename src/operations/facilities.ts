/**
 * Which of our terminals a message means. Inputs name a facility as the sender knows it: an SMDG
 * terminal code under a UN/LOCODE (DCSA `facilityCode` with provider SMDG, EDIFACT LOC), or our own
 * terminal id (gate and rail files written for us). The lookup answers with our terminal id and its
 * port, or null. SMDG codes come from data/reference/operations/terminal-codes.csv (each row cites
 * the public SMDG list); a terminal with no published code is matched by its own id only.
 */
import { referenceRecords } from "../core/csv.ts";

/** A terminal of our port registry (src/geo terminalsOf): its id, UN/LOCODE and IANA time zone. */
export interface KnownTerminal {
  id: string;
  port: string;
  /** Zone of the registry port whose geography holds the terminal (EDIFACT times are local). */
  timeZone: string;
}

/** One row of terminal-codes.csv. */
export interface TerminalCode {
  locode: string;
  smdgCode: string;
  terminal: string;
}

export interface FacilityMatch {
  terminal: string;
  port: string;
  timeZone: string;
}

export interface FacilityLookup {
  /**
   * Our terminal for a facility code as received: our terminal id (any port), or an SMDG code under
   * `locode`. Null when unknown. Example: resolve("USLAX", "YUSEN") → uslax-terminal-yti (USLAX).
   */
  resolve(locode: string | null, facilityCode: string): FacilityMatch | null;
  /** Whether a UN/LOCODE is one of our ports (a port whose terminals we know). */
  isOurPort(locode: string): boolean;
  /** IANA time zone of one of our ports (USLGB's terminals share USLAX's), or null. */
  timeZoneOf(locode: string): string | null;
}

/** Rows of terminal-codes.csv; a malformed table throws (it ships with us). */
export function parseTerminalCodes(text: string, file: string): TerminalCode[] {
  return referenceRecords(text, file).map((r) => ({
    locode: r.get("locode"),
    smdgCode: r.get("smdg_code"),
    terminal: r.get("terminal"),
  }));
}

/**
 * The lookup over our terminals and the SMDG codes. Throws when a code row names a terminal we do
 * not have or a port other than the terminal's (the table ships with us: that is a bug).
 */
export function buildFacilityLookup(
  terminals: readonly KnownTerminal[],
  codes: readonly TerminalCode[],
): FacilityLookup {
  const byId = new Map<string, FacilityMatch>();
  const zones = new Map<string, string>();
  for (const t of terminals) {
    byId.set(t.id.toLowerCase(), { terminal: t.id, port: t.port, timeZone: t.timeZone });
    zones.set(t.port, t.timeZone);
  }
  const bySmdg = new Map<string, FacilityMatch>();
  for (const c of codes) {
    const match = byId.get(c.terminal.toLowerCase());
    if (match === undefined)
      throw new Error(`terminal-codes: ${c.smdgCode} names unknown terminal ${c.terminal}`);
    if (match.port !== c.locode)
      throw new Error(
        `terminal-codes: ${c.smdgCode} is listed under ${c.locode} but ${c.terminal} is in ${match.port}`,
      );
    bySmdg.set(`${c.locode}:${c.smdgCode.toUpperCase()}`, match);
  }
  return {
    resolve(locode, facilityCode) {
      const code = facilityCode.trim();
      if (code === "") return null;
      const own = byId.get(code.toLowerCase());
      if (own !== undefined && (locode === null || locode === own.port)) return own;
      return locode === null ? null : (bySmdg.get(`${locode}:${code.toUpperCase()}`) ?? null);
    },
    isOurPort: (locode) => zones.has(locode),
    timeZoneOf: (locode) => zones.get(locode) ?? null,
  };
}

/**
 * Data reach on boxes (issue 14): which containers a reader may see in a timeline or an
 * availability answer. A box outside the reader's reach is answered exactly as a box the node
 * has never heard of (404, or listed as unknown), so an answer never tells that it exists.
 *
 * - every role but the two below: every box;
 * - terminal operator: boxes that passed through its own terminal (an event, gate move or rail
 *   move there), and of their timelines only its own terminal's entries and those naming no
 *   terminal (a carrier's shipment events) — another terminal's handling is that terminal's data.
 */
import { terminalReach } from "../access/index.ts";
import type { Principal } from "../core/http.ts";
import type { ContainerFacts } from "./store.ts";

export type BoxReach = { kind: "all" } | { kind: "terminal"; terminal: string };

export const EVERY_BOX: BoxReach = { kind: "all" };

/** The reach of a principal (null: the public, which the routes' access lists keep out anyway). */
export function boxReachOf(principal: Principal | null | undefined): BoxReach {
  if (principal?.role === "terminal") {
    const own = terminalReach(principal, principal.owner);
    // A terminal principal with no terminal on record reaches no box ("" names no terminal).
    return { kind: "terminal", terminal: own ?? "" };
  }
  return EVERY_BOX;
}

/**
 * Whether `containerNumber` is in `reach` at `port`, from the facts the store holds on it.
 * Example: a terminal reach "uslax-terminal-yti" and a box whose only events are at
 * "uslax-terminal-pier400" → false.
 */
export function boxInReach(
  reach: BoxReach,
  port: string,
  containerNumber: string,
  facts: ContainerFacts,
): boolean {
  if (reach.kind === "all") return true;
  const own = reach.terminal;
  return (
    facts.events.some(
      (e) =>
        e.containerNumber === containerNumber && e.terminal === own && (e.port === null || e.port === port),
    ) ||
    facts.visits.some(
      (v) =>
        v.port === port && v.terminal === own && v.moves.some((m) => m.containerNumber === containerNumber),
    ) ||
    facts.railMoves.some(
      (r) => r.port === port && r.terminal === own && r.containerNumber === containerNumber,
    )
  );
}

/** Whether a timeline entry at `terminal` (null: none named) is shown to `reach`. */
export function entryInReach(reach: BoxReach, terminal: string | null): boolean {
  return reach.kind === "all" || terminal === null || terminal === reach.terminal;
}

/**
 * Data reach on boxes and truck visits (issue 14): what of the container data a reader may see. A
 * box outside the reader's reach is answered exactly as a box the node has never heard of (404, or
 * listed as unknown), so an answer never tells that it exists.
 *
 * - analyst, admin, sister port (and the node itself: the CLI, the jobs): every box, every visit;
 * - terminal operator: boxes that passed through its own terminal (an event, gate move or rail
 *   move there), and of their timelines only its own terminal's entries and those naming no
 *   terminal (a carrier's shipment events) — another terminal's handling is that terminal's data;
 *   its own terminal's truck visits;
 * - trucking company (owner = its SCAC): its own truck visits; the timeline of a box its trucks
 *   moved, without other companies' gate visits; and the availability of any box it asks for by
 *   number. That last is how the field works (the Port of Los Angeles' Port Optimizer and the
 *   terminals' own sites give a trucker availability for any box it is dispatched to, by number):
 *   a dispatcher knows the number before its truck has touched the box. Availability names no
 *   company and no other trucker; a timeline does (B/L, booking, trucks), so it needs the move;
 * - partner (a pilot's company or research body: its own equipment and telemetry): no box and no
 *   visit. The container routes do not list the role (403); this reach answers the same emptiness
 *   should one ever be opened to it.
 */
import { ownerReach, terminalReach } from "../access/index.ts";
import type { Principal } from "../core/http.ts";
import type { ContainerEvent, RailMove, TruckVisit } from "./model.ts";
import type { ContainerFacts } from "./store.ts";

export type BoxReach =
  | { kind: "all" }
  | { kind: "terminal"; terminal: string }
  | { kind: "trucking"; carrierScac: string }
  | { kind: "none" };

export const EVERY_BOX: BoxReach = { kind: "all" };
export const NO_BOX: BoxReach = { kind: "none" };

/**
 * The reach of a principal on timelines and truck visits ("timeline"), or on availability
 * ("availability": a trucking company asks for any box by number). A terminal or trucking principal
 * with no owner on record reaches nothing ("" names no terminal and no company).
 */
export function boxReachOf(
  principal: Principal | null | undefined,
  purpose: "timeline" | "availability" = "timeline",
): BoxReach {
  if (principal?.role === "terminal")
    return { kind: "terminal", terminal: terminalReach(principal, principal.owner) ?? "" };
  if (principal?.role === "trucking")
    return purpose === "availability"
      ? EVERY_BOX
      : { kind: "trucking", carrierScac: ownerReach(principal) ?? "" };
  if (principal?.role === "partner") return NO_BOX;
  return EVERY_BOX;
}

/** Whether a truck visit is shown to `reach`. */
export function visitInReach(reach: BoxReach, visit: TruckVisit): boolean {
  if (reach.kind === "terminal") return visit.terminal === reach.terminal;
  if (reach.kind === "trucking") return reach.carrierScac !== "" && visit.carrierScac === reach.carrierScac;
  return reach.kind === "all";
}

/**
 * Whether `containerNumber` is in `reach` at `port`, from the facts the store holds on it.
 * Example: a terminal reach "uslax-terminal-yti" and a box whose only events are at
 * "uslax-terminal-apm-pier400" → false.
 */
export function boxInReach(
  reach: BoxReach,
  port: string,
  containerNumber: string,
  facts: ContainerFacts,
): boolean {
  if (reach.kind === "all") return true;
  if (reach.kind === "none") return false;
  const moved = facts.visits.some(
    (v) =>
      v.port === port && visitInReach(reach, v) && v.moves.some((m) => m.containerNumber === containerNumber),
  );
  if (reach.kind === "trucking") return moved;
  const own = reach.terminal;
  return (
    moved ||
    facts.events.some(
      (e) =>
        e.containerNumber === containerNumber && e.terminal === own && (e.port === null || e.port === port),
    ) ||
    facts.railMoves.some(
      (r) => r.port === port && r.terminal === own && r.containerNumber === containerNumber,
    )
  );
}

/**
 * Whether an event is shown to `reach` in a timeline. A gate event (GTIN/GTOT of a gate row) is its
 * visit's: shown with the visit (`shownVisitIds`).
 */
export function eventInReach(
  reach: BoxReach,
  event: ContainerEvent,
  shownVisitIds: ReadonlySet<string>,
): boolean {
  if (reach.kind === "terminal") return event.terminal === null || event.terminal === reach.terminal;
  if (reach.kind === "trucking")
    return event.source !== "gate" || shownVisitIds.has(String(event.extra["visitId"] ?? ""));
  return reach.kind === "all";
}

/** Whether a rail move is shown to `reach` in a timeline (a trucking company sees the box's rail moves). */
export function railMoveInReach(reach: BoxReach, move: RailMove): boolean {
  if (reach.kind === "terminal") return move.terminal === reach.terminal;
  return reach.kind !== "none";
}

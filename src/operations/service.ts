/**
 * Reads of the operations capability, composed over its store and the port calls: the KPI page of
 * a port (rollups → kpi.ts), its public summary, one box's timeline with the call it came on, and
 * whether boxes can be picked up.
 */
import type { CallStore, PortCallRecord } from "../calls/index.ts";
import { DomainError } from "../core/errors.ts";
import { isoUtc, SECONDS_PER_DAY, utcOffsetMinutes } from "../core/time.ts";
import { type BoxExit, boxAvailability } from "./availability.ts";
import { anchorageWaiting, berthWindow, callOperations, scheduleReliability, terminalKpis } from "./kpi.ts";
import type { ContainerEvent } from "./model.ts";
import {
  type BoxReach,
  boxInReach,
  EVERY_BOX,
  eventInReach,
  railMoveInReach,
  visitInReach,
} from "./reach.ts";
import { AGEING_DAYS, clockFor, HISTOGRAM_METRICS } from "./rollup.ts";
import type { OperationsStore } from "./store.ts";
import type {
  AvailabilityReply,
  ContainerTimeline,
  OperationsKpis,
  OperationsSummary,
  TimelineEntry,
  TruckVisitsReply,
} from "./wire.ts";

export interface OperationsServiceDeps {
  operations: OperationsStore;
  calls: CallStore;
}

export interface KpiRequest {
  port: string;
  timeZone: string;
  fromS: number;
  toS: number;
  terminal?: string;
  by: "day" | "hour";
}

/** Calls at one port whose berth arrival falls in [fromS, toS) (a call counts in one period only). */
async function callsArriving(
  calls: CallStore,
  port: string,
  fromS: number,
  toS: number,
  terminal?: string,
): Promise<PortCallRecord[]> {
  const out: PortCallRecord[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await calls.listCalls({
      port,
      berthArrivalFromS: fromS,
      berthArrivalToS: toS,
      limit: 5000,
      offset,
      ...(terminal ? { terminal } : {}),
    });
    out.push(...page.calls);
    if (page.calls.length < 5000) break;
  }
  return out.filter((c) => c.neighbourOf === null);
}

/** Every KPI of a port (one terminal or all, side by side) over [fromS, toS), days in the port's zone. */
export async function operationsKpis(deps: OperationsServiceDeps, q: KpiRequest): Promise<OperationsKpis> {
  const clock = clockFor(q.timeZone);
  const range = {
    port: q.port,
    fromDay: clock(q.fromS).day,
    toDay: clock(q.toS - 1).day,
    ...(q.terminal !== undefined ? { terminal: q.terminal } : {}),
  };
  const [hourly, histograms, calls, aged] = await Promise.all([
    deps.operations.hourlyRollups(range, q.by),
    deps.operations.histograms(range, HISTOGRAM_METRICS),
    callsArriving(deps.calls, q.port, q.fromS, q.toS, q.terminal),
    deps.operations.boxesInYard(
      q.port,
      AGEING_DAYS.map((d) => q.toS - d * SECONDS_PER_DAY),
      q.terminal,
    ),
  ]);
  const yard = new Map<string, { over5d: number; over9d: number }>();
  for (const y of aged) yard.set(y.terminal, { over5d: y.boxes[0] ?? 0, over9d: y.boxes[1] ?? 0 });
  // Each call's moves summed by the store over its own berth window (not the rows of every vessel).
  const windows = calls.map(berthWindow);
  const sums = await deps.operations.movesInWindows(
    q.port,
    windows.filter((w) => w !== null),
  );
  let next = 0;
  const perCall = callOperations(
    calls,
    windows.map((w) => (w === null ? 0 : (sums[next++] ?? 0))),
  );
  return {
    port: q.port,
    timeZone: q.timeZone,
    from: isoUtc(q.fromS),
    to: isoUtc(q.toS),
    by: q.by,
    terminals: terminalKpis(hourly, histograms, yard, q.by),
    calls: perCall,
    scheduleReliability: scheduleReliability(perCall),
    anchorage: anchorageWaiting(perCall),
  };
}

/** The public view: per terminal aggregates only — no container, company or vessel named. */
export async function operationsSummary(
  deps: OperationsServiceDeps,
  q: Omit<KpiRequest, "by" | "terminal">,
): Promise<OperationsSummary> {
  const k = await operationsKpis(deps, { ...q, by: "day" });
  return {
    port: k.port,
    timeZone: k.timeZone,
    from: k.from,
    to: k.to,
    terminals: k.terminals.map((t) => ({
      terminal: t.terminal,
      truckVisits: t.turn.visits,
      turn: t.turn.turn,
      dwell: t.dwell.all,
      gateMoves: t.gate.movesIn + t.gate.movesOut,
      vesselMoves: t.vesselMoves.discharges + t.vesselMoves.loads,
      railMoves: t.railMoves.loads + t.railMoves.discharges,
      troubleTicketRate: t.troubleTickets.rate,
    })),
    scheduleReliability: k.scheduleReliability,
    anchorage: k.anchorage,
  };
}

const MAX_CONTAINERS = 50;

function eventEntry(e: ContainerEvent, callId: string | null): TimelineEntry {
  return {
    at: isoUtc(e.eventAtS),
    kind: "event",
    code: e.eventCode,
    eventType: e.eventType,
    classifier: e.classifier,
    source: e.source,
    port: e.port,
    terminal: e.terminal,
    mode: e.mode,
    vesselName: e.vesselName,
    vesselImo: e.vesselImo,
    emptyIndicator: e.emptyIndicator,
    detail: e.documentType,
    callId,
  };
}

const gateMoveKey = (visitId: string, gateCode: string) => `${visitId}|${gateCode}`;

const bare = {
  eventType: null,
  classifier: null,
  source: null,
  vesselName: null,
  vesselImo: null,
  callId: null,
} as const;

/**
 * One box's timeline (or the boxes a B/L or booking names): events, gate moves and rail moves in
 * time order; a vessel event at this port carries the call whose berth stay (± 1 h) holds it.
 */
export async function containerTimeline(
  deps: OperationsServiceDeps,
  port: string,
  reference: string,
  reach: BoxReach = EVERY_BOX,
): Promise<ContainerTimeline> {
  const ref = reference.trim();
  const found = await deps.operations.containersByReference(ref, MAX_CONTAINERS);
  const facts = await deps.operations.containerFacts(found, [ref]);
  const shownVisits = facts.visits.filter((v) => visitInReach(reach, v));
  const shownVisitIds = new Set(shownVisits.map((v) => v.visitId));
  const shown = (e: ContainerEvent) => eventInReach(reach, e, shownVisitIds);
  // Boxes outside the reader's reach are left out; none left is the same 404 as no box at all. A
  // box found by a B/L or booking needs that reference on an entry the reader sees: else the answer
  // would tie another terminal's document to the box.
  const containers = found.filter(
    (c) =>
      boxInReach(reach, port, c, facts) &&
      (reach.kind === "all" ||
        c === ref ||
        facts.events.some(
          (e) =>
            e.containerNumber === c &&
            (e.transportDocumentReference === ref || e.carrierBookingReference === ref) &&
            shown(e),
        )),
  );
  const notFound = () => new DomainError("not_found", `no container, B/L or booking ${reference}`);
  if (containers.length === 0 && (reach.kind !== "all" || facts.events.length === 0)) throw notFound();

  const callCache = new Map<string, PortCallRecord[]>();
  const callOf = async (e: ContainerEvent): Promise<string | null> => {
    if (e.vesselImo === null || (e.port !== null && e.port !== port)) return null;
    if (e.eventCode !== "DISC" && e.eventCode !== "LOAD") return null;
    const key = `${e.vesselImo}|${Math.floor(e.eventAtS / SECONDS_PER_DAY)}`;
    let calls = callCache.get(key);
    if (!calls) {
      const page = await deps.calls.listCalls({
        port,
        fromS: e.eventAtS - 3600,
        toS: e.eventAtS + 3600,
        limit: 200,
        offset: 0,
      });
      calls = page.calls.filter((c) => c.imo === e.vesselImo);
      callCache.set(key, calls);
    }
    const hit = calls.find(
      (c) =>
        Date.parse(c.berthArrivalAt) / 1000 - 3600 <= e.eventAtS &&
        e.eventAtS <= Date.parse(c.lastBerthDepartureAt) / 1000 + 3600,
    );
    return hit?.id ?? null;
  };

  const boxes = [];
  for (const containerNumber of containers) {
    const events = facts.events.filter((e) => e.containerNumber === containerNumber);
    const shownEvents = events.filter(shown);
    // A gate row is stored twice, as its truck visit's move and as a GTIN/GTOT equipment event
    // (gate.ts): one physical move, one entry — the visit's (its truck), with the event's type,
    // classifier and source. Gate events of no shown visit stay as events.
    const gateEvents = new Map<string, ContainerEvent>();
    for (const e of shownEvents) {
      const visitId = e.source === "gate" ? e.extra["visitId"] : undefined;
      if (typeof visitId === "string") gateEvents.set(gateMoveKey(visitId, e.eventCode), e);
    }
    const timeline: TimelineEntry[] = [];
    const merged = new Set<ContainerEvent>();
    for (const v of shownVisits)
      for (const m of v.moves)
        if (m.containerNumber === containerNumber) {
          const e = gateEvents.get(gateMoveKey(v.visitId, m.direction === "in" ? "GTIN" : "GTOT"));
          if (e) merged.add(e);
          timeline.push({
            ...bare,
            ...(e ? { eventType: e.eventType, classifier: e.classifier, source: e.source } : {}),
            at: isoUtc(m.direction === "in" ? v.gateInS : v.gateOutS),
            kind: "gate",
            code: m.direction,
            port: v.port,
            terminal: v.terminal,
            mode: "TRUCK",
            emptyIndicator: m.emptyIndicator,
            detail: v.truckId,
          });
        }
    for (const e of shownEvents) if (!merged.has(e)) timeline.push(eventEntry(e, await callOf(e)));
    for (const r of facts.railMoves)
      if (r.containerNumber === containerNumber && railMoveInReach(reach, r))
        timeline.push({
          ...bare,
          at: isoUtc(r.atS),
          kind: "rail",
          code: r.direction,
          port: r.port,
          terminal: r.terminal,
          mode: "RAIL",
          emptyIndicator: r.emptyIndicator,
          detail: r.trainId,
        });
    timeline.sort((a, b) => a.at.localeCompare(b.at));
    const withCode = events.find((e) => e.isoEquipmentCode !== null);
    const sizes = [
      ...events.map((e) => e.sizeFt),
      ...facts.railMoves.filter((r) => r.containerNumber === containerNumber).map((r) => r.sizeFt),
    ];
    const distinct = (xs: (string | null)[]) =>
      [...new Set(xs.filter((x): x is string => x !== null))].sort();
    boxes.push({
      containerNumber,
      isoEquipmentCode: withCode?.isoEquipmentCode ?? null,
      sizeFt: sizes.find((s) => s !== null) ?? null,
      // The references of the entries shown only: a terminal operator's list names no B/L or
      // booking that only another terminal's events carry.
      transportDocumentReferences: distinct(shownEvents.map((e) => e.transportDocumentReference)),
      carrierBookingReferences: distinct(shownEvents.map((e) => e.carrierBookingReference)),
      timeline,
    });
  }
  const documents = facts.events
    .filter((e) => e.containerNumber === null && shown(e))
    .map((e) => eventEntry(e, null));
  return { port, reference: ref, containers: boxes, documents };
}

/** Boxes one availability request may ask for (a trucker's day of pick-ups). */
export const MAX_AVAILABILITY_BOXES = 50;

/**
 * Whether each box can be picked up now (availability.ts), from its events at this port and the
 * holds and releases on its bills of lading: so that no truck is sent for a box it cannot take.
 */
export async function containerAvailability(
  deps: OperationsServiceDeps,
  port: string,
  timeZone: string,
  containerNumbers: readonly string[],
  asOfS: number,
  reach: BoxReach = EVERY_BOX,
): Promise<AvailabilityReply> {
  const boxes = [...new Set(containerNumbers)];
  const own = await deps.operations.containerFacts(boxes, []);
  // A box outside the reader's reach is listed as unknown, as one the node never heard of.
  const atPort = own.events.filter(
    (e) =>
      (e.port === null || e.port === port) &&
      e.containerNumber !== null &&
      boxInReach(reach, port, e.containerNumber, own),
  );
  const bls = [
    ...new Set(atPort.map((e) => e.transportDocumentReference).filter((x): x is string => x !== null)),
  ];
  const shipments = bls.length > 0 ? (await deps.operations.containerFacts([], bls)).events : [];
  const events = [...atPort, ...shipments.filter((e) => e.eventType === "SHIPMENT")];
  const offsetH = utcOffsetMinutes(new Date(asOfS * 1000), timeZone) / 60;
  const known = new Set(atPort.map((e) => e.containerNumber));
  const iso = (s: number | null) => (s === null ? null : isoUtc(s));
  return {
    port,
    asOf: isoUtc(asOfS),
    boxes: boxes
      .filter((b) => known.has(b))
      .map((b) => {
        const exits: BoxExit[] = [
          ...own.visits.flatMap((v) =>
            v.port === port && v.moves.some((m) => m.containerNumber === b && m.direction === "out")
              ? [{ atS: v.gateOutS, by: "truck" as const }]
              : [],
          ),
          ...own.railMoves
            .filter((r) => r.port === port && r.containerNumber === b && r.direction === "load")
            .map((r) => ({ atS: r.atS, by: "rail" as const })),
        ];
        const a = boxAvailability(b, events, asOfS, offsetH, exits);
        return {
          containerNumber: a.containerNumber,
          status: a.status,
          reasons: a.reasons,
          terminal: a.terminal,
          dischargedAt: iso(a.dischargedAtS),
          expectedAt: iso(a.expectedAtS),
          holds: a.holds.map((h) => ({ kind: h.kind, reference: h.reference, since: isoUtc(h.sinceS) })),
          releasedAt: iso(a.releasedAtS),
          lastFreeDay: a.lastFreeDay,
        };
      }),
    unknown: boxes.filter((b) => !known.has(b)),
  };
}

/** Truck visits one answer lists at most. */
export const MAX_TRUCK_VISITS = 1000;

/**
 * The port's truck visits in [fromS, toS), newest first, with their turn times (queue arrival →
 * gate-out when the queue was seen; gate-in → gate-out always), confined to `reach` (reach.ts: a
 * trucking company its own visits, a terminal operator its terminal's).
 */
export async function truckVisits(
  deps: OperationsServiceDeps,
  q: {
    port: string;
    fromS: number;
    toS: number;
    limit: number;
    reach: BoxReach;
    terminal?: string;
    carrierScac?: string;
  },
): Promise<TruckVisitsReply> {
  const reach = q.reach;
  const visits = await deps.operations.truckVisits({
    port: q.port,
    fromS: q.fromS,
    toS: q.toS,
    limit: q.limit + 1,
    ...(reach.kind === "terminal"
      ? { terminal: reach.terminal }
      : q.terminal !== undefined
        ? { terminal: q.terminal }
        : {}),
    ...(reach.kind === "trucking"
      ? { carrierScac: reach.carrierScac }
      : q.carrierScac !== undefined
        ? { carrierScac: q.carrierScac }
        : {}),
  });
  const shown = visits.slice(0, q.limit).filter((v) => visitInReach(reach, v));
  const minutes = (s: number) => Math.round((s / 60) * 10) / 10;
  const rows = shown.map((v) => ({
    visitId: v.visitId,
    terminal: v.terminal,
    truckId: v.truckId,
    licencePlate: v.licencePlate,
    carrierScac: v.carrierScac,
    queueArrival: v.queueArrivalS === null ? null : isoUtc(v.queueArrivalS),
    gateIn: isoUtc(v.gateInS),
    gateOut: isoUtc(v.gateOutS),
    turnMin: v.queueArrivalS === null ? null : minutes(v.gateOutS - v.queueArrivalS),
    inTerminalMin: minutes(v.gateOutS - v.gateInS),
    appointmentId: v.appointmentId,
    troubleTicket: v.troubleTicket,
    moves: v.moves.map((m) => ({ containerNumber: m.containerNumber, direction: m.direction })),
  }));
  // Means from the seconds, not from the rounded minutes.
  const meanMin = (seconds: number[]) =>
    seconds.length === 0 ? null : minutes(seconds.reduce((a, b) => a + b, 0) / seconds.length);
  return {
    port: q.port,
    from: isoUtc(q.fromS),
    to: isoUtc(q.toS),
    visits: rows,
    meanTurnMin: meanMin(
      shown.flatMap((v) => (v.queueArrivalS === null ? [] : [v.gateOutS - v.queueArrivalS])),
    ),
    meanInTerminalMin: meanMin(shown.map((v) => v.gateOutS - v.gateInS)),
    truncated: visits.length > q.limit,
  };
}

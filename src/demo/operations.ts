/**
 * Demo container, gate and rail flows of one port, consistent with the demo world's port calls:
 * every container-ship call at a container terminal discharges and loads boxes (DCSA DISC / LOAD,
 * ISO 6346 numbers with valid check digits), imports dwell and leave by truck or rail, exports and
 * empties arrive by truck before the ship, some imports carry customs / freight / line holds
 * (SHIPMENT HOLD / RELS), and calls arriving in the next 3 weeks have estimated arrivals and —
 * within 2 weeks (Port Optimizer's line of sight, port-community-systems.md §2.1) — planned
 * discharges. Only what happened before `asOf` is an observation; the rest is kept as truth for
 * backtesting the import forecast. Figures in ./operations-figures.ts.
 *
 * Pure and deterministic: each call draws from its own stream (seed, call id), so a call's boxes
 * do not depend on which other calls are generated.
 */
import { iso6346CheckDigit } from "../core/ids.ts";
import { SECONDS_PER_DAY } from "../core/time.ts";
import { REFRESH_S, type ReceivingRules } from "../operations/empty-return.ts";
import type {
  ContainerEvent,
  EmptyIndicator,
  EquipmentEventCode,
  EventReference,
  GateMove,
  ParsedOperations,
  RailMove,
  TruckVisit,
} from "../operations/model.ts";
import {
  DEMO_MEAN_SHIP_TEU,
  PORT_FLOW_FIGURES,
  type PortFlowFigures,
  TEU_PER_BOX,
} from "./operations-figures.ts";
import { hash32, Rng } from "./prng.ts";
import type { DemoCallTruth, DemoPort, DemoPortTruth } from "./world.ts";

export interface DemoOperationsOptions {
  seed: number;
  port: DemoPort;
  /** The demo world's truth for this port (its calls and vessels). */
  truth: DemoPortTruth;
  /** "Now": events before it are observed; calls arriving up to 21 days after it are announced. */
  asOf: Date;
  /** Share of each call's boxes generated (1 = realistic); annual TEU ≈ published × world scale × this. */
  scale?: number;
  /** Only calls arriving at berth from this instant (default: every call of the truth). */
  from?: Date;
  /** Only calls arriving at berth before this instant (default: asOf + 21 days). */
  until?: Date;
  /**
   * The terminals' records begin here: observations (events, gate visits, rail moves) before it are
   * left out — the moves of a call already at berth then are partly in the data, as its AIS is.
   */
  observedFrom?: Date;
}

/** What really happened to one import box (including those still to come after `asOf`). */
export interface DemoImportTruth {
  containerNumber: string;
  callId: string;
  terminal: string;
  sizeFt: 20 | 40 | 45;
  /** The call's actual berth arrival. */
  callArrivalS: number;
  dischargedAtS: number;
  mode: "truck" | "rail";
  /** Gate-out (truck) or rail load. */
  leftAtS: number;
  holds: ("customs" | "freight" | "line")[];
}

export interface DemoCallOperationsTruth {
  callId: string;
  imo: number | null;
  voyage: string;
  terminal: string;
  berthArrivalS: number;
  /** Estimated arrival as announced (null: arrived before asOf or beyond the 3-week horizon). */
  etaS: number | null;
  importBoxes: number;
  exportBoxes: number;
  teu: number;
}

export interface DemoOperations {
  port: DemoPort;
  asOfS: number;
  /**
   * Observations before asOf plus the announcements (EST / PLN) of the next 3 weeks, and the
   * empty-receiving rules the terminals published (history, one record per terminal, day and update).
   */
  operations: ParsedOperations;
  truth: { imports: DemoImportTruth[]; calls: DemoCallOperationsTruth[] };
}

const H = 3600;
const D = SECONDS_PER_DAY;
const HORIZON_S = 21 * D;
const MANIFEST_LEAD_S = 14 * D;

/** A 36-character UUID-shaped id from a key (deterministic; same key → same id). */
export function demoUuid(key: string): string {
  // Two independent 32-bit hashes in one pass (FNV-1a and a 31-multiplier polynomial), spread
  // to 128 bits by murmur3's finaliser: 64 bits of real entropy, enough for ~10⁸ ids.
  let h1 = 2166136261;
  let h2 = 7;
  for (let k = 0; k < key.length; k++) {
    const ch = key.charCodeAt(k);
    h1 = Math.imul(h1 ^ ch, 16777619);
    h2 = (Math.imul(h2, 31) + ch) | 0;
  }
  const a = fmix32(h1);
  // Version 5 and RFC 4122 variant nibbles set, as a name-based UUID has them.
  const b = (fmix32(h2) & 0xffff0fff) | 0x5000;
  const c = (fmix32(h1 ^ h2 ^ 0x9e3779b9) & 0x3fffffff) | 0x80000000;
  const d = fmix32(h2 + 0x85ebca6b);
  return `${hex8(a)}-${hex8(b).slice(0, 4)}-${hex8(b).slice(4)}-${hex8(c).slice(0, 4)}-${hex8(c).slice(4)}${hex8(d)}`;
}

function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex8 = (h: number) =>
  HEX2[(h >>> 24) & 255]! + HEX2[(h >>> 16) & 255]! + HEX2[(h >>> 8) & 255]! + HEX2[h & 255]!;

/** Plain string order (code units): fast and the same on every machine, unlike localeCompare. */
const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function containerNumber(owner: string, serial: number): string {
  const first = `${owner}${String(serial % 1_000_000).padStart(6, "0")}`;
  return `${first}${iso6346CheckDigit(first)}`;
}

const ISO_CODE = { 20: "22G1", 40: "45G1", 45: "L5G1" } as const;

function drawSize(rng: Rng, f: PortFlowFigures): 20 | 40 | 45 {
  const u = rng.next();
  return u < f.sizeMix[20] ? 20 : u < f.sizeMix[20] + f.sizeMix[40] ? 40 : 45;
}

/** A local gate hour drawn from the port's hourly profile, as UTC seconds within the local day of `dayS`. */
function atGateHour(rng: Rng, f: PortFlowFigures, dayS: number): number {
  const offS = f.utcOffsetH * H;
  const localMidnight = Math.floor((dayS + offS) / D) * D - offS;
  let u = rng.next();
  let hour = 0;
  for (; hour < 23; hour++) {
    u -= f.gateHourWeights[hour] ?? 0;
    if (u < 0) break;
  }
  return localMidnight + hour * H + Math.floor(rng.next() * H);
}

interface GateMoveAt {
  atS: number;
  terminal: string;
  move: GateMove;
  /** A box that leaves: its gate-out time is fixed by dwell; gate-in moves may join its visit. */
  fixed: boolean;
  key: string;
}

// Most demo events carry no references and no extra fields: they share one frozen empty array and
// object (millions of events; mutating them throws rather than leaking into other events).
const NO_REFERENCES = Object.freeze([]) as unknown as EventReference[];
const NO_EXTRA = Object.freeze({}) as Record<string, string>;

class Builder {
  readonly events: ContainerEvent[] = [];
  readonly railMoves: RailMove[] = [];
  readonly gate: GateMoveAt[] = [];
  constructor(
    readonly port: DemoPort,
    readonly asOfS: number,
  ) {}

  /** Appends an event: a full-shape object first (one hidden class for all), then the given fields. */
  event(
    e: Partial<ContainerEvent> & Pick<ContainerEvent, "eventType" | "classifier" | "eventCode" | "eventAtS">,
  ) {
    const ev: ContainerEvent = {
      eventId: "",
      source: "dcsa",
      eventType: e.eventType,
      classifier: e.classifier,
      eventCode: e.eventCode,
      eventAtS: e.eventAtS,
      createdAtS: e.eventAtS,
      port: this.port,
      terminal: null,
      facilityCode: null,
      containerNumber: null,
      isoEquipmentCode: null,
      sizeFt: null,
      emptyIndicator: null,
      mode: null,
      vesselImo: null,
      vesselName: null,
      voyage: null,
      carrierBookingReference: null,
      transportDocumentReference: null,
      documentType: null,
      references: NO_REFERENCES,
      extra: NO_EXTRA,
    };
    Object.assign(ev, e);
    if (e.classifier === "ACT") ev.createdAtS = e.eventAtS;
    ev.eventId = demoUuid(
      `${ev.eventType}|${ev.classifier}|${ev.eventCode}|${ev.containerNumber ?? ev.transportDocumentReference ?? ev.vesselImo}|${ev.eventAtS}|${ev.extra.holdType ?? ""}`,
    );
    this.events.push(ev);
  }
}

interface CallContext {
  b: Builder;
  f: PortFlowFigures;
  rng: Rng;
  call: DemoCallTruth;
  terminal: string;
  arrS: number;
  depS: number;
  voyage: string;
  observed: boolean;
}

function boxEventBase(c: CallContext, number: string, sizeFt: 20 | 40 | 45, empty: EmptyIndicator) {
  return {
    terminal: c.terminal,
    containerNumber: number,
    isoEquipmentCode: ISO_CODE[sizeFt],
    sizeFt,
    emptyIndicator: empty,
  };
}

function vesselFields(c: CallContext) {
  return { mode: "VESSEL" as const, vesselImo: c.call.imo, vesselName: c.call.name, voyage: c.voyage };
}

/** Generates one call's boxes; returns its import truth and counts. */
function generateCall(
  c: CallContext,
  teuTarget: number,
  imports: DemoImportTruth[],
): DemoCallOperationsTruth {
  const { b, f, rng, call } = c;
  const stayS = Math.max(c.depS - c.arrS, 6 * H);
  const shares = f.shares;
  const meanTeuPerBox =
    TEU_PER_BOX[20] * f.sizeMix[20] + TEU_PER_BOX[40] * f.sizeMix[40] + TEU_PER_BOX[45] * f.sizeMix[45];
  const boxes = (share: number) => Math.round((teuTarget * share) / meanTeuPerBox);
  const nImport = boxes(shares.importLaden);
  const nEmptyIn = boxes(shares.emptyIn);
  const nExport = boxes(shares.exportLaden);
  const nEmptyOut = boxes(shares.emptyOut);
  let serialBase = hash32(call.callId, 7);
  const nextNumber = () => containerNumber(rng.pick(f.lines), serialBase++);
  // Discharge over the first 60 % of the stay, load over the last 60 % (crane work overlaps).
  const discAt = () => c.arrS + H + Math.floor(rng.next() * 0.6 * stayS);
  const loadAt = () => c.arrS + Math.floor((0.4 + rng.next() * 0.6) * (stayS - H));
  let teu = 0;
  const announce = !c.observed && c.arrS - b.asOfS <= MANIFEST_LEAD_S;
  // The manifest (PLN DISC) is known 14 days ahead (the "2 weeks' line of sight" of §2.1).
  const manifestAtS = c.arrS - MANIFEST_LEAD_S;

  const plan = (box: ReturnType<typeof boxEventBase>, bl: string | null) =>
    b.event({
      eventType: "EQUIPMENT",
      classifier: "PLN",
      eventCode: "DISC",
      eventAtS: c.arrS,
      createdAtS: manifestAtS,
      ...box,
      ...vesselFields(c),
      transportDocumentReference: bl,
    });

  for (let k = 0; k < nImport + nEmptyIn; k++) {
    const empty = k >= nImport;
    const sizeFt = drawSize(rng, f);
    teu += TEU_PER_BOX[sizeFt];
    const number = nextNumber();
    const discS = discAt();
    const base = boxEventBase(c, number, sizeFt, empty ? "EMPTY" : "LADEN");
    const bl = empty ? null : `${number.slice(0, 4)}${c.voyage}${String(k).padStart(5, "0")}`;
    // 3 % of the boxes are missing from the manifest and 2 % extra are rolled (below).
    if (announce && rng.chance(0.97)) plan(base, bl);
    if (discS < b.asOfS) {
      b.event({
        eventType: "EQUIPMENT",
        classifier: "ACT",
        eventCode: "DISC",
        eventAtS: discS,
        ...base,
        ...vesselFields(c),
        transportDocumentReference: bl,
        extra: empty ? NO_EXTRA : { lastFreeDay: lastFreeDay(f, discS) },
      });
    }
    if (empty) {
      // Empties discharged go to an off-terminal depot by truck within 1–4 days.
      const outS = atGateHour(rng, f, discS + rng.uniform(1, 4) * D);
      if (outS < b.asOfS)
        b.gate.push({
          atS: outS,
          terminal: c.terminal,
          move: gateMove(number, "out", sizeFt, "EMPTY"),
          fixed: true,
          key: number,
        });
      continue;
    }
    const mode = rng.chance(f.importRailShare) ? "rail" : "truck";
    const dwell = f.dwell[mode];
    let leftS = discS + Math.exp(dwell.mu + dwell.sigma * rng.normal()) * D;
    const holds: DemoImportTruth["holds"] = [];
    for (const kind of ["customs", "freight", "line"] as const) {
      if (!rng.chance(f.holdShare[kind])) continue;
      holds.push(kind);
      // Holds are placed when the manifest is filed and lifted 1–12 days after discharge.
      const placedS = discS - rng.uniform(1, 5) * D;
      const releasedS = discS + rng.uniform(1, 12) * D;
      const ref = {
        transportDocumentReference: bl,
        documentType: kind === "customs" ? "CUS" : kind === "freight" ? "INV" : "TRD",
        extra: { holdType: kind },
      };
      if (placedS < b.asOfS)
        b.event({
          eventType: "SHIPMENT",
          classifier: "ACT",
          eventCode: "HOLD",
          eventAtS: Math.floor(placedS),
          ...ref,
          references: [{ type: "EQ", value: number }],
        });
      if (releasedS < b.asOfS)
        b.event({
          eventType: "SHIPMENT",
          classifier: "ACT",
          eventCode: "RELS",
          eventAtS: Math.floor(releasedS),
          ...ref,
          references: [{ type: "EQ", value: number }],
        });
      leftS = Math.max(leftS, releasedS + rng.exponential(0.5 * D));
    }
    leftS = mode === "truck" ? atGateHour(rng, f, leftS) : Math.floor(leftS);
    imports.push({
      containerNumber: number,
      callId: call.callId,
      terminal: c.terminal,
      sizeFt,
      callArrivalS: c.arrS,
      dischargedAtS: discS,
      mode,
      leftAtS: leftS,
      holds,
    });
    if (leftS >= b.asOfS) continue;
    if (mode === "rail") {
      b.railMoves.push({
        moveId: demoUuid(`rail|${number}|${leftS}`),
        port: b.port,
        terminal: c.terminal,
        containerNumber: number,
        direction: "load",
        atS: leftS,
        trainId: `${c.terminal.slice(-6).toUpperCase()}-${Math.floor(leftS / (8 * H))}`,
        railCarrier: rng.chance(0.5) ? "UP" : "BNSF",
        inland: null,
        isoEquipmentCode: ISO_CODE[sizeFt],
        sizeFt,
        emptyIndicator: "LADEN",
      });
      b.event({
        eventType: "EQUIPMENT",
        classifier: "ACT",
        eventCode: "LOAD",
        eventAtS: leftS,
        ...base,
        mode: "RAIL",
        transportDocumentReference: bl,
      });
    } else {
      b.gate.push({
        atS: leftS,
        terminal: c.terminal,
        move: gateMove(number, "out", sizeFt, "LADEN"),
        fixed: true,
        key: number,
      });
    }
  }
  if (announce) {
    for (let k = 0; k < Math.round(0.02 * nImport); k++)
      plan(boxEventBase(c, nextNumber(), drawSize(rng, f), "LADEN"), null);
  }

  // Exports and empties out: in by truck 1–6 days before the ship, loaded during the stay.
  for (let k = 0; k < nExport + nEmptyOut; k++) {
    const empty = k >= nExport;
    const sizeFt = drawSize(rng, f);
    teu += TEU_PER_BOX[sizeFt];
    const number = nextNumber();
    const indicator: EmptyIndicator = empty ? "EMPTY" : "LADEN";
    const inS = atGateHour(rng, f, c.arrS - rng.uniform(1, 6) * D);
    const loadS = loadAt();
    if (inS < b.asOfS)
      b.gate.push({
        atS: inS,
        terminal: c.terminal,
        move: gateMove(number, "in", sizeFt, indicator),
        fixed: false,
        key: number,
      });
    if (loadS < b.asOfS)
      b.event({
        eventType: "EQUIPMENT",
        classifier: "ACT",
        eventCode: "LOAD",
        eventAtS: loadS,
        ...boxEventBase(c, number, sizeFt, indicator),
        ...vesselFields(c),
        carrierBookingReference: empty ? null : `${number.slice(0, 4)}B${c.voyage}${k}`,
      });
  }
  return {
    callId: call.callId,
    imo: call.imo,
    voyage: c.voyage,
    terminal: c.terminal,
    berthArrivalS: c.arrS,
    etaS: null,
    importBoxes: nImport,
    exportBoxes: nExport,
    teu,
  };
}

function gateMove(
  number: string,
  direction: "in" | "out",
  sizeFt: 20 | 40 | 45,
  empty: EmptyIndicator,
): GateMove {
  return {
    containerNumber: number,
    direction,
    isoEquipmentCode: ISO_CODE[sizeFt],
    sizeFt,
    emptyIndicator: empty,
  };
}

function lastFreeDay(f: PortFlowFigures, discS: number): string {
  const localS = discS + f.utcOffsetH * H + f.freeDays * D;
  return new Date(localS * 1000).toISOString().slice(0, 10);
}

/**
 * Truck visits from the gate moves: each pick-up (fixed gate-out time) may take a gate-in move of
 * the same terminal from the 3 hours before it (a dual transaction); the rest are single visits.
 * Queue and in-terminal times by the port's figures; congestion grows with the hour's traffic.
 */
function buildVisits(b: Builder, f: PortFlowFigures, seed: number): TruckVisit[] {
  const rng = new Rng(seed, `visits:${b.port}`);
  const byTerminal = new Map<string, GateMoveAt[]>();
  for (const g of b.gate) {
    const list = byTerminal.get(g.terminal) ?? [];
    list.push(g);
    byTerminal.set(g.terminal, list);
  }
  const visits: TruckVisit[] = [];
  const hourLoad = new Map<number, number>();
  for (const g of b.gate) {
    const hour = Math.floor(g.atS / H);
    hourLoad.set(hour, (hourLoad.get(hour) ?? 0) + 1);
  }
  const meanPerHour = b.gate.length / Math.max(1, hourLoad.size);
  for (const [terminal, list] of [...byTerminal].sort((x, y) => byText(x[0], y[0]))) {
    list.sort((x, y) => x.atS - y.atS || byText(x.key, y.key));
    const pendingIn: GateMoveAt[] = [];
    const used = new Set<GateMoveAt>();
    for (const g of list) {
      if (!g.fixed) {
        pendingIn.push(g);
        continue;
      }
      while (pendingIn.length > 0 && (used.has(pendingIn[0]!) || pendingIn[0]!.atS < g.atS - 3 * H))
        pendingIn.shift();
      const moves = [g];
      if (g.move.direction === "out" && pendingIn.length > 0 && rng.chance(f.dualShare)) {
        const mate = pendingIn.shift()!;
        used.add(mate);
        moves.unshift(mate);
      }
      visits.push(makeVisit(b, f, rng, terminal, moves, g.atS, hourLoad, meanPerHour, "out"));
    }
    for (const g of list) {
      if (g.fixed || used.has(g)) continue;
      visits.push(makeVisit(b, f, rng, terminal, [g], g.atS, hourLoad, meanPerHour, "in"));
    }
  }
  visits.sort((x, y) => x.gateInS - y.gateInS || byText(x.visitId, y.visitId));
  // Gate events of every visit (GTIN at gate-in for boxes entering, GTOT at gate-out for boxes leaving).
  for (const v of visits) {
    for (const m of v.moves) {
      const atS = m.direction === "in" ? v.gateInS : v.gateOutS;
      if (atS >= b.asOfS) continue;
      b.event({
        eventType: "EQUIPMENT",
        classifier: "ACT",
        eventCode: (m.direction === "in" ? "GTIN" : "GTOT") as EquipmentEventCode,
        eventAtS: atS,
        terminal: v.terminal,
        containerNumber: m.containerNumber,
        isoEquipmentCode: m.isoEquipmentCode,
        sizeFt: m.sizeFt,
        emptyIndicator: m.emptyIndicator,
        mode: "TRUCK",
      });
    }
  }
  return visits.filter((v) => v.gateOutS < b.asOfS);
}

function makeVisit(
  b: Builder,
  f: PortFlowFigures,
  rng: Rng,
  terminal: string,
  moves: GateMoveAt[],
  anchorS: number,
  hourLoad: Map<number, number>,
  meanPerHour: number,
  anchor: "in" | "out",
): TruckVisit {
  const load = (hourLoad.get(Math.floor(anchorS / H)) ?? meanPerHour) / meanPerHour;
  const queueS = Math.floor(rng.exponential(f.queueMeanMin * 60 * Math.min(3, Math.max(0.3, load))));
  const trouble = rng.chance(f.troubleTicketShare);
  const inTerminalS =
    Math.floor(
      Math.exp(f.inTerminal.mu + f.inTerminal.sigma * rng.normal()) * 60 * (moves.length > 1 ? 1.3 : 1),
    ) + (trouble ? Math.floor(rng.uniform(20, 60) * 60) : 0);
  const gateInS = anchor === "out" ? anchorS - inTerminalS : anchorS;
  const gateOutS = anchor === "out" ? anchorS : anchorS + inTerminalS;
  const truckNo = rng.int(1, b.port === "USLAX" ? 18_000 : 4_000);
  const truckId = `${b.port === "USLAX" ? "LA" : "NG"}${String(truckNo).padStart(5, "0")}`;
  return {
    visitId: demoUuid(`visit|${terminal}|${truckId}|${gateInS}`),
    port: b.port,
    terminal,
    truckId,
    licencePlate:
      b.port === "USLAX"
        ? `${(truckNo % 9) + 1}XP${String(truckNo).padStart(5, "0")}`
        : `NGY100-${String(truckNo).padStart(4, "0")}`,
    queueArrivalS: gateInS - queueS,
    gateInS,
    gateOutS,
    appointmentId: rng.chance(f.appointmentShare)
      ? `APT${hash32(`${truckId}|${gateInS}`, 3).toString(36).toUpperCase()}`
      : null,
    troubleTicket: trouble,
    carrierScac: demoCarrierOf(b.port, truckNo),
    moves: moves.map((m) => m.move),
  };
}

/**
 * The demo's trucking companies (fictional, labelled demo; codes shaped as SCACs). A truck belongs
 * to one company, picked from its number (not from the random stream, so the demo's other figures
 * stay as they were); every tenth truck's company is not recorded by the gate, as in real files.
 */
export const DEMO_TRUCKING_COMPANIES: Readonly<Record<DemoPort, readonly { scac: string; name: string }[]>> =
  {
    USLAX: [
      { scac: "HBDY", name: "Harbor Belt Drayage (demo)" },
      { scac: "TIKT", name: "Terminal Island Trucking (demo)" },
      { scac: "PSHL", name: "Pacific Short-Haul (demo)" },
    ],
    JPNGO: [
      { scac: "ISBT", name: "Ise Bay Transport (demo)" },
      { scac: "CHTD", name: "Chita Drayage (demo)" },
    ],
  };

function demoCarrierOf(port: DemoPort, truckNo: number): string | null {
  if (truckNo % 10 === 0) return null;
  const companies = DEMO_TRUCKING_COMPANIES[port];
  return companies[truckNo % companies.length]?.scac ?? null;
}

/** Container-ship calls at container terminals (those with "terminal" ids the registry knows). */
function containerCalls(truth: DemoPortTruth): DemoCallTruth[] {
  return truth.calls.filter((c) => c.shipType === "container" && c.terminal.includes("-terminal-"));
}

/**
 * The demo's operations of one port. Example: `generateDemoOperations({ seed: 1, port: "USLAX",
 * truth, asOf })` gives each container call about 3,000 TEU (9,911,159 TEU ÷ 3,285 calls), so a year at
 * scale 1 comes to about 9.9 million TEU (the 2022 figure it is calibrated on).
 */
export function generateDemoOperations(options: DemoOperationsOptions): DemoOperations {
  const { seed, port, truth } = options;
  const f = PORT_FLOW_FIGURES[port];
  const scale = options.scale ?? 1;
  const asOfS = Math.floor(options.asOf.getTime() / 1000);
  const fromS = options.from ? Math.floor(options.from.getTime() / 1000) : Number.NEGATIVE_INFINITY;
  const untilS = Math.min(
    asOfS + HORIZON_S,
    options.until ? Math.floor(options.until.getTime() / 1000) : Number.POSITIVE_INFINITY,
  );
  const teuPerCall = f.teuPerYear / f.containerCallsPerYear;
  const teuByMmsi = new Map(truth.vessels.map((v) => [v.mmsi, v.teu ?? DEMO_MEAN_SHIP_TEU]));
  // Calls' mean ship capacity, so that moves per call average the published TEU per call
  // whatever mix of ships this world drew.
  const all = containerCalls(truth);
  const meanShipTeu =
    all.reduce((s, c) => s + (teuByMmsi.get(c.mmsi) ?? DEMO_MEAN_SHIP_TEU), 0) / Math.max(1, all.length) ||
    DEMO_MEAN_SHIP_TEU;
  const b = new Builder(port, asOfS);
  const imports: DemoImportTruth[] = [];
  const calls: DemoCallOperationsTruth[] = [];
  for (const call of all) {
    const arrS = Math.floor(Date.parse(call.berthArrivalAt) / 1000);
    if (arrS < fromS || arrS >= untilS) continue;
    const rng = new Rng(seed, `ops:${call.callId}`);
    const depS = Math.floor(Date.parse(call.berthDepartureAt) / 1000);
    const observed = arrS < asOfS;
    const c: CallContext = {
      b,
      f,
      rng,
      call,
      terminal: call.terminal,
      arrS,
      depS,
      voyage: `${(hash32(call.callId, 5) % 900) + 100}E`,
      observed,
    };
    // Moves per call ∝ the ship's capacity, ±20 % (lognormal), calibrated to the port's yearly TEU.
    const teuTarget =
      ((teuPerCall * (teuByMmsi.get(call.mmsi) ?? DEMO_MEAN_SHIP_TEU)) / meanShipTeu) *
      Math.exp(0.2 * rng.normal() - 0.02) *
      scale;
    const callTruth = generateCall(c, teuTarget, imports);
    const vessel = vesselFields(c);
    if (observed) {
      b.event({
        eventType: "TRANSPORT",
        classifier: "ACT",
        eventCode: "ARRI",
        eventAtS: arrS,
        terminal: call.terminal,
        ...vessel,
      });
      if (depS < asOfS)
        b.event({
          eventType: "TRANSPORT",
          classifier: "ACT",
          eventCode: "DEPA",
          eventAtS: depS,
          terminal: call.terminal,
          ...vessel,
        });
    } else {
      // ETA error grows with lead time: σ = 4 h + 2 h per day ahead (assumption).
      const leadD = (arrS - asOfS) / D;
      const etaS = Math.floor(arrS + (4 + 2 * leadD) * H * rng.normal());
      callTruth.etaS = etaS;
      b.event({
        eventType: "TRANSPORT",
        classifier: "EST",
        eventCode: "ARRI",
        eventAtS: etaS,
        createdAtS: asOfS - H,
        terminal: call.terminal,
        ...vessel,
      });
    }
    calls.push(callTruth);
  }
  // Records begin at observedFrom (a feed switched on then): observations before it are left out.
  const recordsFromS = options.observedFrom
    ? options.observedFrom.getTime() / 1000
    : Number.NEGATIVE_INFINITY;
  const visits = buildVisits(b, f, seed).filter((v) => v.gateInS >= recordsFromS);
  const events = b.events.filter((e) => e.classifier !== "ACT" || e.eventAtS >= recordsFromS);
  const railMoves = b.railMoves.filter((m) => m.atS >= recordsFromS);
  events.sort((x, y) => x.eventAtS - y.eventAtS || byText(x.eventId, y.eventId));
  railMoves.sort((x, y) => x.atS - y.atS || byText(x.moveId, y.moveId));
  const terminals = [...new Set(containerCalls(truth).map((c) => c.terminal))].sort();
  const receivingRules = demoReceivingRules(seed, port, terminals, f, asOfS);
  return {
    port,
    asOfS,
    operations: {
      events,
      visits,
      railMoves,
      receivingRules,
      rejects: [],
      // The parsers' counting unit: one record per gate row (a visit with two boxes is two), one per
      // receiving rule (a size × line of a publication).
      read:
        events.length +
        visits.reduce((n, v) => n + Math.max(1, v.moves.length), 0) +
        railMoves.length +
        receivingRules.reduce((n, r) => n + r.rules.length, 0),
    },
    truth: { imports, calls },
  };
}

/**
 * Empty-receiving rules: each terminal publishes tomorrow's rules at 15:00 local and updates them
 * during the day; on some days it stops taking a size or a line (yard full of that type), now and
 * then all empties. The history covers the 14 days before asOf and tomorrow.
 */
function demoReceivingRules(
  seed: number,
  port: DemoPort,
  terminals: string[],
  f: PortFlowFigures,
  asOfS: number,
): ReceivingRules[] {
  const out: ReceivingRules[] = [];
  const offS = f.utcOffsetH * H;
  const today = Math.floor((asOfS + offS) / D);
  for (const terminal of terminals) {
    const lines = f.lines.filter((l) => hash32(`${terminal}|${l}`, seed) % 3 !== 0);
    for (let day = today - 14; day <= today + 1; day++) {
      const rng = new Rng(seed, `rules:${terminal}:${day}`);
      const date = new Date(day * D * 1000).toISOString().slice(0, 10);
      const midnightUtcS = day * D - offS;
      const open = lines.flatMap((line) =>
        ([20, 40, 45] as const).map((sizeFt) => ({ sizeFt, line, accepting: true })),
      );
      const publishedAtS = midnightUtcS - 9 * H; // 15:00 local the day before
      const closures: typeof open = [];
      if (rng.chance(0.35))
        closures.push({ sizeFt: rng.pick([20, 40, 45] as const), line: "*", accepting: false });
      if (rng.chance(0.3))
        closures.push({ sizeFt: rng.pick([20, 40, 45] as const), line: rng.pick(lines), accepting: false });
      if (rng.chance(0.04))
        for (const sizeFt of [20, 40, 45] as const) closures.push({ sizeFt, line: "*", accepting: false });
      // Some closures are known the day before; the others come as updates during the day.
      const early = closures.filter(() => rng.chance(0.5));
      if (publishedAtS < asOfS)
        out.push({ port, terminal, day: date, publishedAtS, rules: [...open, ...early] });
      let rules = [...open, ...early];
      for (const c of closures.filter((x) => !early.includes(x))) {
        // Terminals push updates; the board picks them up on its 5-minute tick (REFRESH_S).
        const atS = Math.ceil((midnightUtcS + rng.uniform(6, 18) * H) / REFRESH_S) * REFRESH_S;
        rules = [...rules, c];
        if (atS < asOfS) out.push({ port, terminal, day: date, publishedAtS: atS, rules });
      }
    }
  }
  return out.sort((x, y) => x.publishedAtS - y.publishedAtS || byText(x.terminal, y.terminal));
}

/**
 * A port call at one berth as calls/ computes and stores it, for tests and benches that need calls
 * beside other data (moves per berth hour, the KPI page): the call's berth stay from its arrival and
 * departure, the rest plain (no anchorage, no speed zones) unless `over` says otherwise.
 */
import { DEFAULT_CALL_OPTIONS } from "../../src/calls/model.ts";
import type { PortCallRecord } from "../../src/calls/wire.ts";

export function berthCall(
  stay: {
    port: string;
    terminal: string;
    berth: string;
    berthLabel?: string;
    arrivalAt: string;
    departureAt: string;
  },
  over: Pick<PortCallRecord, "id" | "mmsi" | "imo"> & Partial<PortCallRecord>,
): PortCallRecord {
  const durationH = (Date.parse(stay.departureAt) - Date.parse(stay.arrivalAt)) / 3_600_000;
  const berth = {
    berth: stay.berth,
    terminal: stay.terminal,
    berthLabel: stay.berthLabel ?? null,
    port: stay.port,
    berthDistanceM: 0,
    arrivalAt: stay.arrivalAt,
    departureAt: stay.departureAt,
    durationH,
  };
  return {
    port: stay.port,
    neighbourOf: null,
    vesselName: null,
    shipType: 71,
    shipTypeGroup: "cargo",
    aisClass: "A",
    callsign: null,
    lengthM: 366,
    terminal: stay.terminal,
    berth: stay.berth,
    berthLabel: berth.berthLabel,
    berthDistanceM: 0,
    startAt: stay.arrivalAt,
    endAt: stay.departureAt,
    crossed40nmAt: null,
    crossed20nmAt: null,
    enteredPortAreaAt: null,
    anchoredFrom: null,
    anchoredTo: null,
    anchorages: [],
    pilotBoardingAt: null,
    berthArrivalAt: stay.arrivalAt,
    berthDepartureAt: stay.departureAt,
    lastBerthDepartureAt: stay.departureAt,
    leftPortAreaAt: null,
    anchorageWaitH: 0,
    timeAtBerthH: durationH,
    berthShifts: 0,
    berths: [berth],
    speedZones: [],
    arrivalObserved: true,
    departureObserved: true,
    destination: null,
    etaAt: null,
    methodology: { version: "test", options: DEFAULT_CALL_OPTIONS },
    ...over,
  };
}

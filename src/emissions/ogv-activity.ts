/**
 * The activity of one port call, as the OGV calculator reads it: the call's operating-mode
 * segments, the vessel's particulars (imported, or estimated from its AIS type and size), the fuel
 * location and shore-power use of the port. Pure: the caller loads the records.
 */

import type { PortCallRecord, StoredSegment } from "../calls/index.ts";
import { isoUtc } from "../core/time.ts";
import { type DefaultEngineTable, particularsFromAis, type VesselParticulars } from "../vessels/index.ts";
import type { GridFactor } from "./energy.ts";
import type { PortEmissionSettings } from "./inventory.ts";
import type { CallActivity } from "./ogv/index.ts";

/**
 * Example: a container ship with shore power calling at Los Angeles → location ECA, shore power
 * used at berth with the grid factor for the call's year; at Nagoya → OutsideECA, no shore power.
 */
export function buildCallActivity(
  call: PortCallRecord,
  segments: readonly StoredSegment[],
  imported: VesselParticulars | undefined,
  defaults: DefaultEngineTable,
  settings: PortEmissionSettings,
  grid: Pick<GridFactor, "kgCo2ePerKwh" | "source"> | null,
): CallActivity {
  const vessel =
    imported ??
    particularsFromAis(defaults, {
      imo: call.imo ?? 0,
      name: call.vesselName,
      aisShipType: call.shipType,
      lengthM: call.lengthM,
      beamM: null,
    });
  const shorePowerUsed = settings.shorePowerUse.value === "capable_vessels" && vessel.shorePower === true;
  return {
    callId: call.id,
    port: call.port,
    location: settings.ogvFuelLocation.value,
    locationSource: settings.ogvFuelLocation.source,
    shorePower: {
      used: shorePowerUsed,
      gridKgCo2ePerKwh: shorePowerUsed && grid ? grid.kgCo2ePerKwh : null,
      gridFactorSource: shorePowerUsed && grid ? grid.source : null,
    },
    vessel: {
      imo: vessel.imo > 0 ? vessel.imo : null,
      name: vessel.name ?? call.vesselName,
      shipType: vessel.shipType,
      subType: vessel.subType,
      dwt: vessel.dwt,
      teu: vessel.teu,
      grossTonnage: vessel.grossTonnage,
      buildYear: vessel.buildYear,
      mainEngineKw: vessel.mainEngineKw,
      engineType: vessel.engineType,
      maxSpeedKn: vessel.maxSpeedKn,
      serviceSpeedKn: vessel.serviceSpeedKn,
      maxDraftM: vessel.maxDraftM,
      auxKw: vessel.auxKw,
      defaulted: vessel.defaulted.map((d) => ({ field: d.field, value: d.value, source: d.source })),
    },
    segments: segments.map((s) => ({
      mode: s.mode,
      startAt: isoUtc(s.startS),
      endAt: isoUtc(s.endS),
      durationH: s.durationH,
      meanSpeedKn: s.meanSpeedKn,
      distanceNm: s.distanceNm,
      zone: s.zone,
      terminal: s.mode === "at_berth" ? terminalOfBerth(call, s.zone) : call.terminal,
      draftM: null,
    })),
  };
}

function terminalOfBerth(call: PortCallRecord, berth: string | null): string | null {
  return call.berths.find((b) => b.berth === berth)?.terminal ?? call.terminal;
}

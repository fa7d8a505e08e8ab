/**
 * Mobile hydrogen fueller logistics (issue 13): equipment that cannot drive to a station (top
 * handlers, RTGs) is filled on site by a fueller truck that shuttles to the station. Pure.
 *
 * Model, stated so it can be redone by hand:
 * - The served equipment's hourly demand (kg per hour, local time, any number of whole days) is
 *   turned into fill requests: a unit asks for a fill of `fillSizeKg` each time the cumulative
 *   demand crosses a multiple of it, at the moment (linear within the hour) it does.
 * - The fueller starts the first shift at the station, full, and drives to the site (trip 1).
 *   It serves requests in order, each taking `fillDurationH`, starting when both the request and
 *   the fueller are there. A request that would start more than `maxWaitH` after it was made is a
 *   **missed fill** (the unit stops or leaves), and costs the fueller nothing.
 * - After a fill, if less than one fill is left on board, the fueller drives back, refills and
 *   returns (`2 × travelOneWayH + refillAtStationH`; one more trip). It stays on site otherwise,
 *   also overnight.
 * - Work happens only inside the shifts (hours of each day, e.g. 6–14 and 14–22): an activity
 *   starts only if it ends within the same shift, else at the next shift's start.
 * - Utilisation = busy hours (driving, refilling, dispensing) ÷ shift hours.
 */

export interface FuellerInputs {
  /** Demand of the served equipment in each hour (local time, whole days), kg. */
  demandKgPerH: ArrayLike<number>;
  /** kg per equipment fill (usable tank of the unit served). */
  fillSizeKg: number;
  /** Usable kg the fueller carries per trip. */
  fuellerCapacityKg: number;
  /** Drive station → site (or back), h. */
  travelOneWayH: number;
  /** Refill of the fueller at the station, h. */
  refillAtStationH: number;
  /** Dispensing one fill on site, h. */
  fillDurationH: number;
  /** Longest a unit can wait for its fill, h. */
  maxWaitH: number;
  /** Fueller working hours each day, [from, to) in local hours, not overlapping. */
  shifts: ReadonlyArray<readonly [number, number]>;
}

export interface FuellerResult {
  days: number;
  requests: number;
  servedFills: number;
  missedFills: number;
  deliveredKg: number;
  demandKg: number;
  trips: number;
  tripsPerDay: number;
  /** Delivered kg ÷ trips (null without trips). */
  kgPerTrip: number | null;
  busyH: number;
  shiftH: number;
  utilisation: number;
  /** Mean wait of served fills, h. */
  meanWaitH: number;
  /** Longest wait of a served fill, h. */
  maxServedWaitH: number;
}

const EPS = 1e-9;

/**
 * Times (hours from the start of day 0) at which fill requests arise: each time the cumulative
 * demand crosses a multiple of the fill, linearly within the hour.
 * Example: 10 kg/h from 08:00 to 12:00, fills of 5 kg → 8.5, 9.0, 9.5, …, 12.0 (eight requests).
 */
export function fillRequestTimes(demandKgPerH: ArrayLike<number>, fillSizeKg: number): number[] {
  const out: number[] = [];
  let cum = 0;
  let next = fillSizeKg;
  for (let h = 0; h < demandKgPerH.length; h++) {
    const d = demandKgPerH[h]!;
    if (!(d > 0)) continue;
    while (cum + d >= next - EPS) {
      out.push(h + (next - cum) / d);
      next += fillSizeKg;
    }
    cum += d;
  }
  return out;
}

function check(x: FuellerInputs): void {
  const bad: string[] = [];
  if (!(x.fillSizeKg > 0)) bad.push("fillSizeKg must be > 0");
  if (!(x.fuellerCapacityKg >= x.fillSizeKg)) bad.push("fuellerCapacityKg must hold at least one fill");
  for (const [k, v] of [
    ["travelOneWayH", x.travelOneWayH],
    ["refillAtStationH", x.refillAtStationH],
    ["fillDurationH", x.fillDurationH],
    ["maxWaitH", x.maxWaitH],
  ] as const)
    if (!(v >= 0)) bad.push(`${k} must be ≥ 0`);
  if (x.demandKgPerH.length % 24 !== 0) bad.push("demand must cover whole days (24 values each)");
  if (x.shifts.length === 0) bad.push("at least one shift");
  const sorted = [...x.shifts].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < sorted.length; i++) {
    const [a, b] = sorted[i]!;
    if (!(a >= 0 && b <= 24 && a < b)) bad.push(`shift ${a}-${b} must lie within 0…24 with from < to`);
    if (i > 0 && a < sorted[i - 1]![1]) bad.push("shifts overlap");
  }
  const cycle = 2 * x.travelOneWayH + x.refillAtStationH;
  const longest = Math.max(...x.shifts.map(([a, b]) => b - a));
  if (cycle > longest)
    bad.push(`a refill round trip (${cycle} h) does not fit in the longest shift (${longest} h)`);
  if (bad.length > 0) throw new RangeError(`fueller inputs: ${bad.join("; ")}`);
}

/**
 * Runs the fueller over the demand's days.
 *
 * Worked example (asserted by a test): one day, shift 6–18; demand 10 kg/h from 08:00 to 12:00
 * (40 kg); fills of 5 kg (requests at 8.5, 9.0, …, 12.0: eight); fueller 12 kg, 0.5 h each way,
 * 0.5 h refill, 0.25 h per fill, 1 h longest wait. Served 5 (25 kg), missed 3 (9.5, 11.0, 11.5
 * wait behind refill trips), trips 3, 8.33 kg/trip, busy 0.5 + 5 × 0.25 + 2 × 1.5 = 4.75 h of 12 →
 * utilisation 0.396.
 */
export function simulateFueller(x: FuellerInputs): FuellerResult {
  check(x);
  const days = x.demandKgPerH.length / 24;
  const shifts = [...x.shifts].sort((a, b) => a[0] - b[0]);
  /** Earliest t' ≥ t with [t', t' + dur] inside one shift; Infinity past the horizon. */
  const fitStart = (t: number, dur: number): number => {
    for (let day = Math.max(0, Math.floor(t / 24)); day < days; day++) {
      for (const [a, b] of shifts) {
        const start = Math.max(t, day * 24 + a);
        if (start + dur <= day * 24 + b + EPS) return start;
      }
    }
    return Number.POSITIVE_INFINITY;
  };
  const requests = fillRequestTimes(x.demandKgPerH, x.fillSizeKg);
  let demandKg = 0;
  for (let h = 0; h < x.demandKgPerH.length; h++) demandKg += x.demandKgPerH[h]!;
  const cycle = 2 * x.travelOneWayH + x.refillAtStationH;
  let onBoard = x.fuellerCapacityKg;
  let busy = x.travelOneWayH;
  let free = fitStart(0, x.travelOneWayH) + x.travelOneWayH;
  let trips = Number.isFinite(free) ? 1 : 0;
  let served = 0;
  let missed = 0;
  let delivered = 0;
  let waitSum = 0;
  let waitMax = 0;
  for (const t of requests) {
    const start = fitStart(Math.max(t, free), x.fillDurationH);
    const wait = start - t;
    if (!Number.isFinite(start) || wait > x.maxWaitH + EPS) {
      missed++;
      continue;
    }
    served++;
    waitSum += wait;
    if (wait > waitMax) waitMax = wait;
    free = start + x.fillDurationH;
    busy += x.fillDurationH;
    onBoard -= x.fillSizeKg;
    delivered += x.fillSizeKg;
    if (onBoard < x.fillSizeKg - EPS) {
      const go = fitStart(free, cycle);
      if (Number.isFinite(go)) {
        free = go + cycle;
        busy += cycle;
        trips++;
        onBoard = x.fuellerCapacityKg;
      } else {
        free = Number.POSITIVE_INFINITY;
      }
    }
  }
  let shiftPerDay = 0;
  for (const [a, b] of shifts) shiftPerDay += b - a;
  const shiftH = shiftPerDay * days;
  return {
    days,
    requests: requests.length,
    servedFills: served,
    missedFills: missed,
    deliveredKg: delivered,
    demandKg,
    trips,
    tripsPerDay: days > 0 ? trips / days : 0,
    kgPerTrip: trips > 0 ? delivered / trips : null,
    busyH: busy,
    shiftH,
    utilisation: shiftH > 0 ? busy / shiftH : 0,
    meanWaitH: served > 0 ? waitSum / served : 0,
    maxServedWaitH: waitMax,
  };
}

/**
 * Hourly demand of a group of identical units over whole days: `units` × `kgPerUnitHour` in each
 * working hour [from, to). Example: 3 top handlers × 1.2 kg/h, 6–22, 2 days → 57.6 kg/day, 115.2 kg.
 */
export function unitsDemandProfile(
  units: number,
  kgPerUnitHour: number,
  workFromH: number,
  workToH: number,
  days: number,
): Float64Array {
  if (!(units >= 0 && kgPerUnitHour >= 0 && Number.isInteger(days) && days > 0))
    throw new RangeError("units, kg per unit-hour must be ≥ 0 and days a positive whole number");
  if (!(workFromH >= 0 && workToH <= 24 && workFromH < workToH))
    throw new RangeError("work hours 0 ≤ from < to ≤ 24");
  const out = new Float64Array(days * 24);
  for (let h = 0; h < out.length; h++) {
    const hod = h % 24;
    if (hod >= workFromH && hod < workToH) out[h] = units * kgPerUnitHour;
  }
  return out;
}

import { describe, expect, it } from "vitest";
import { type FuellerInputs, fillRequestTimes, simulateFueller, unitsDemandProfile } from "./fueller.ts";

function example(overrides: Partial<FuellerInputs> = {}): FuellerInputs {
  const demand = new Array<number>(24).fill(0);
  for (let h = 8; h < 12; h++) demand[h] = 10;
  return {
    demandKgPerH: demand,
    fillSizeKg: 5,
    fuellerCapacityKg: 12,
    travelOneWayH: 0.5,
    refillAtStationH: 0.5,
    fillDurationH: 0.25,
    maxWaitH: 1,
    shifts: [[6, 18]],
    ...overrides,
  };
}

describe("mobile fueller", () => {
  it("fill requests arise where cumulative demand crosses each fill", () => {
    expect(fillRequestTimes(example().demandKgPerH, 5)).toEqual([8.5, 9, 9.5, 10, 10.5, 11, 11.5, 12]);
  });
  it("the doc comment's day, by hand", () => {
    // 06.00–06.50 drive out (trip 1, 12 kg on board)
    // 8.5  served 8.50–8.75 (7 kg left)
    // 9.0  served 9.00–9.25 (2 kg left < 5) → refill round trip 9.25–10.75 (trip 2)
    // 9.5  would start 10.75: waited 1.25 h > 1 → missed
    // 10.0 served 10.75–11.00 (7 left)
    // 10.5 served 11.00–11.25 (2 left) → refill 11.25–12.75 (trip 3)
    // 11.0 (1.75 h) and 11.5 (1.25 h) missed; 12.0 served 12.75–13.00 (wait 0.75)
    // busy 0.5 + 5 × 0.25 + 2 × 1.5 = 4.75 h of a 12 h shift.
    const r = simulateFueller(example());
    expect(r).toMatchObject({
      requests: 8,
      servedFills: 5,
      missedFills: 3,
      deliveredKg: 25,
      trips: 3,
      demandKg: 40,
    });
    expect(r.kgPerTrip).toBeCloseTo(25 / 3, 9);
    expect(r.busyH).toBeCloseTo(4.75, 9);
    expect(r.utilisation).toBeCloseTo(4.75 / 12, 9);
    expect(r.maxServedWaitH).toBeCloseTo(0.75, 9);
    expect(r.meanWaitH).toBeCloseTo((0 + 0 + 0.75 + 0.5 + 0.75) / 5, 9);
  });
  it("a bigger fueller misses nothing", () => {
    // 45 kg on board: all eight fills from one load (5 kg left, so no refill trip),
    // 8 × 0.25 h + 0.5 h drive = 2.5 h busy. (With 40 kg it would drive back to refill after the
    // last fill: 2 trips, 4.0 h busy.)
    const r = simulateFueller(example({ fuellerCapacityKg: 45 }));
    expect(r).toMatchObject({ servedFills: 8, missedFills: 0, trips: 1, deliveredKg: 40 });
    expect(r.busyH).toBeCloseTo(2.5, 9);
    const r40 = simulateFueller(example({ fuellerCapacityKg: 40 }));
    expect(r40).toMatchObject({ servedFills: 8, trips: 2 });
    expect(r40.busyH).toBeCloseTo(4, 9);
  });
  it("requests outside the shifts wait for the next shift, and are missed when that is too long", () => {
    // Demand 5 kg in hour 20 only (request at 21.0); shift 6–18: next start 06:00 next day → missed.
    const d = new Array<number>(48).fill(0);
    d[20] = 5;
    const r = simulateFueller(example({ demandKgPerH: d }));
    expect(r).toMatchObject({ requests: 1, servedFills: 0, missedFills: 1, days: 2 });
    // With a 12 h allowed wait it is served at 06:50 on day 2 (the fueller drove out at 06:00 on day 1).
    const r2 = simulateFueller(example({ demandKgPerH: d, maxWaitH: 12 }));
    expect(r2.servedFills).toBe(1);
    expect(r2.maxServedWaitH).toBeCloseTo(30 - 21, 9);
  });
  it("rejects inputs that cannot work", () => {
    expect(() => simulateFueller(example({ fuellerCapacityKg: 4 }))).toThrow(/at least one fill/);
    expect(() => simulateFueller(example({ shifts: [[6, 7]] }))).toThrow(/does not fit/);
    expect(() =>
      simulateFueller(
        example({
          shifts: [
            [6, 14],
            [12, 20],
          ],
        }),
      ),
    ).toThrow(/overlap/);
    expect(() => simulateFueller(example({ demandKgPerH: [1, 2] }))).toThrow(/whole days/);
  });
  it("unitsDemandProfile", () => {
    const d = unitsDemandProfile(3, 1.2, 6, 22, 2);
    expect(d.length).toBe(48);
    expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(115.2, 9);
  });
});

/**
 * The two-port exchange the side-by-side tests share (route test and browser test): an agreement
 * Los Angeles → Nagoya over emissions by category and month, port calls by type and month, the ZE
 * fleet and terminal KPIs by month, valid from last year to three years on (real time: the server
 * reads the real clock), and five packages — emissions, calls, fleet, a correction of the emissions,
 * then terminal KPIs. The figures these
 * rows give are worked out by hand where the tests assert them.
 */
import { expect } from "vitest";
import type { AgreementTerms } from "../../src/exchange/agreement.ts";
import { connectAndAgree, wire } from "../../src/exchange/fixtures/two-nodes.ts";
import type { DatasetRow } from "../../src/exchange/package.ts";
import { receivePackage, sendPackage } from "../../src/exchange/service.ts";
import type { ExchangeStore } from "../../src/exchange/store.ts";

export const year = new Date().getUTCFullYear();
const Y = String(year);
/** "YYYY-MM" of this year. */
export const month = (n: number) => `${Y}-${String(n).padStart(2, "0")}`;

export const SIDE_BY_SIDE_TERMS: Partial<AgreementTerms> = {
  validFrom: `${year - 1}-01-01T00:00:00Z`,
  validUntil: `${year + 3}-01-01T00:00:00Z`,
  datasets: [
    { dataset: "emissions-inventory", aggregation: "category-month", fields: ["co2eTonnes"] },
    { dataset: "port-calls", aggregation: "type-month", fields: ["calls", "anchorageWaitH"] },
    { dataset: "ze-fleet", aggregation: "category-powertrain-month", fields: ["units"] },
    { dataset: "operations-kpis", aggregation: "month", fields: ["truckVisits", "truckTurnMin", "teu"] },
  ],
};

const r = (
  contributor: string,
  dims: Record<string, string>,
  values: Record<string, number>,
): DatasetRow => ({
  contributor,
  dims: { ...dims, year: Y },
  values,
});
const ghg = (c: string, m: number, t: number) =>
  r(c, { category: "ogv", month: month(m) }, { co2eTonnes: t });
const call = (c: string, m: number, waitH: number) =>
  r(c, { vesselType: "container", month: month(m) }, { calls: 1, anchorageWaitH: waitH });
const unit = (c: string, powertrain: string) =>
  r(c, { category: "yard_tractor", powertrain, month: month(4) }, { units: 1 });

/**
 * 1: March ogv A+B+C = 10+20+30 = 60 t; April ogv A+B+C = 100+50+25 = 175 t.
 * 2: April 4 calls waiting 2, 0, 4, 6 h (mean 3); May 3 calls waiting 1 h each (mean 1).
 * 3: April yard tractors: 3 fuel cell (owners A, B, C), 4 diesel (A, B, C, D).
 * 4 corrects 1: April A is 90, not 100 → April 165 t; March unchanged 60 t.
 *    And one battery-electric drayage truck (owner E): a cell of 1 owner, withheld at k = 3.
 * 5: April terminals T1 (100 visits, 60 min turn, 3,000 TEU), T2 (50 visits, 90 min, 2,000 TEU) and
 *    T3 (50 visits, 60 min, 1,000 TEU): one month cell of 3 terminals, 200 visits, turn the mean
 *    over the visits (100 × 60 + 50 × 90 + 50 × 60) / 200 = 67.5 min, 6,000 TEU.
 *    Emissions per TEU over the months both cover (April): 165 t / 6,000 TEU = 0.0275 t CO2e/TEU.
 */
export const SIDE_BY_SIDE_SENDS: { dataset: string; rows: DatasetRow[]; supersedes?: number }[] = [
  {
    dataset: "emissions-inventory",
    rows: [
      ghg("A", 3, 10),
      ghg("B", 3, 20),
      ghg("C", 3, 30),
      ghg("A", 4, 100),
      ghg("B", 4, 50),
      ghg("C", 4, 25),
    ],
  },
  {
    dataset: "port-calls",
    rows: [
      call("V1", 4, 2),
      call("V2", 4, 0),
      call("V3", 4, 4),
      call("V4", 4, 6),
      call("V1", 5, 1),
      call("V2", 5, 1),
      call("V3", 5, 1),
    ],
  },
  {
    dataset: "ze-fleet",
    rows: [
      unit("A", "fuel_cell"),
      unit("B", "fuel_cell"),
      unit("C", "fuel_cell"),
      unit("A", "diesel"),
      unit("B", "diesel"),
      unit("C", "diesel"),
      unit("D", "diesel"),
      r("E", { category: "drayage_truck", powertrain: "battery_electric", month: month(4) }, { units: 1 }),
    ],
  },
  {
    dataset: "emissions-inventory",
    supersedes: 1,
    rows: [
      ghg("A", 3, 10),
      ghg("B", 3, 20),
      ghg("C", 3, 30),
      ghg("A", 4, 90),
      ghg("B", 4, 50),
      ghg("C", 4, 25),
    ],
  },
  {
    dataset: "operations-kpis",
    rows: [
      r(
        "terminal T1",
        { terminal: "T1", month: month(4) },
        { truckVisits: 100, truckTurnMin: 60, teu: 3000 },
      ),
      r("terminal T2", { terminal: "T2", month: month(4) }, { truckVisits: 50, truckTurnMin: 90, teu: 2000 }),
      r("terminal T3", { terminal: "T3", month: month(4) }, { truckVisits: 50, truckTurnMin: 60, teu: 1000 }),
    ],
  },
];

/** Agrees LA → Nagoya and sends the five packages, each received by Nagoya; the agreement id and package hashes. */
export async function agreeAndSend(
  la: ExchangeStore,
  ngo: ExchangeStore,
  tick: () => Date,
): Promise<{ id: string; hashes: string[] }> {
  const id = await connectAndAgree(la, ngo, tick, SIDE_BY_SIDE_TERMS);
  const hashes: string[] = [];
  for (const s of SIDE_BY_SIDE_SENDS) {
    const sent = await sendPackage(la, id, s, tick());
    hashes.push(sent.hash);
    expect((await receivePackage(ngo, wire(sent.package), tick())).outcome).toBe("accepted");
  }
  return { id, hashes };
}

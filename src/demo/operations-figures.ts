/**
 * Published figures (and the demo's stated assumptions where none was found) that shape the demo's
 * container, gate and rail flows. Each number names its source; "assumption" marks a demo choice.
 */
import type { DemoPort } from "./world.ts";

export interface PortFlowFigures {
  /** Container TEU a year at world scale 1 (both directions, laden and empty). */
  teuPerYear: number;
  /** Container-ship calls a year the demo world makes at scale 1 (sea-lanes.ts callsPerDay × 365). */
  containerCallsPerYear: number;
  /** TEU shares of one year's throughput: laden imports, laden exports, empties in, empties out. */
  shares: { importLaden: number; exportLaden: number; emptyIn: number; emptyOut: number };
  /** Box size mix (share of boxes) 20 / 40 / 45 ft. */
  sizeMix: { 20: number; 40: number; 45: number };
  /** Share of laden imports leaving by on-dock / near-dock rail. */
  importRailShare: number;
  /** Import dwell (days from discharge to leaving), lognormal parameters of ln(days) per mode. */
  dwell: { truck: { mu: number; sigma: number }; rail: { mu: number; sigma: number } };
  /** Share of laden imports getting a customs, freight or line hold. */
  holdShare: { customs: number; freight: number; line: number };
  /** Free days after discharge before demurrage (last free day = discharge day + this). */
  freeDays: number;
  /** Truck visits with an appointment id. */
  appointmentShare: number;
  /** Share of import pick-ups that also drop a box (export or empty) on the same visit, when one is due. */
  dualShare: number;
  troubleTicketShare: number;
  /** Queue (outside the gate) mean minutes; in-terminal lognormal of ln(minutes). */
  queueMeanMin: number;
  inTerminal: { mu: number; sigma: number };
  /** Gate hours share by local hour 0..23 (sums to 1). */
  gateHourWeights: readonly number[];
  /** Offset of local standard time from UTC, hours (the demo ignores daylight saving). */
  utcOffsetH: number;
  /** Ocean carriers calling here, by an ISO 6346 owner code of theirs (category U). */
  lines: readonly string[];
}

/** Mean TEU capacity of the demo's container classes (fleet.ts: 2,000/5,000/8,500/14,000/20,000 weighted 1/2/3/3/1). */
export const DEMO_MEAN_SHIP_TEU = (2000 * 1 + 5000 * 2 + 8500 * 3 + 14000 * 3 + 20000 * 1) / 10;

/** TEU per box by nominal length (ISO 6346: length / 20 ft; BTS counts a 40 ft as 2 TEU). */
export const TEU_PER_BOX = { 20: 1, 40: 2, 45: 2.25 } as const;

/**
 * Lognormal μ, σ of ln(days) from a published mean and the share above a threshold:
 * mean = e^(μ + σ²/2), P(X > t) = p ⇒ (ln t − μ)/σ = z(1 − p); solved for σ (smaller root).
 * Example: mean 2.78 d, 6.4 % over 5 d (z = 1.522) → σ ≈ 0.447, μ ≈ 0.925.
 */
export function lognormalFromMeanAndTail(meanDays: number, thresholdDays: number, z: number) {
  const a = Math.log(thresholdDays) - Math.log(meanDays);
  const sigma = z - Math.sqrt(z * z - 2 * a);
  return { mu: Math.log(thresholdDays) - z * sigma, sigma };
}

// Los Angeles local hours: day shift 08–17 and the OffPeak night shift 18–03 (PierPass), busiest
// late morning and early night; Nagoya gates open 08:30–16:30 (NUTS) with a little early evening.
const LA_HOURS = [
  0.035, 0.03, 0.02, 0.005, 0, 0, 0.005, 0.02, 0.06, 0.075, 0.08, 0.075, 0.06, 0.07, 0.07, 0.06, 0.05, 0.02,
  0.045, 0.055, 0.055, 0.05, 0.045, 0.04,
];
const NGO_HOURS = [
  0, 0, 0, 0, 0, 0, 0, 0.01, 0.09, 0.13, 0.13, 0.11, 0.07, 0.12, 0.13, 0.11, 0.07, 0.03, 0, 0, 0, 0, 0, 0,
];

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export const PORT_FLOW_FIGURES: Record<DemoPort, PortFlowFigures> = {
  USLAX: {
    // 9,911,159 TEU in 2022 (portoflosangeles.org/maritime/stats.asp; port-community-systems.md §5.1).
    teuPerYear: 9_911_159,
    containerCallsPerYear: 9 * 365,
    // Oct 2024: 462,740 loaded imports, 122,716 loaded exports, 319,570 empties of 905,026 TEU (§5.1).
    // Empties are mostly sent back to Asia: assumption 90 % of them loaded, 10 % discharged.
    shares: {
      importLaden: 462_740 / 905_026,
      exportLaden: 122_716 / 905_026,
      emptyIn: (0.1 * 319_570) / 905_026,
      emptyOut: (0.9 * 319_570) / 905_026,
    },
    // Assumption (no published POLA size split found): 1.77 TEU per box, 45 ft a small niche.
    sizeMix: { 20: 0.25, 40: 0.67, 45: 0.08 },
    // "About 35 % of intermodal containers utilize the Port's rail network" (portoflosangeles.org,
    // business/supply-chain/rail).
    importRailShare: 0.35,
    // PMSA, LA+LB, a November: truck 2.78 d with 6.4 % over 5 d; rail 3.90 d with 21.1 % over 5 d
    // (pacmar, port-community-systems.md §5.1). z(0.936) = 1.522, z(0.789) = 0.803.
    dwell: {
      truck: lognormalFromMeanAndTail(2.78, 5, 1.522),
      rail: lognormalFromMeanAndTail(3.9, 5, 0.803),
    },
    // Assumption: holds on a few % of imports, long enough to make the > 9 day tail of §5.1 visible.
    holdShare: { customs: 0.03, freight: 0.04, line: 0.01 },
    // Assumption: four free days, the usual term at San Pedro Bay terminals.
    freeDays: 4,
    // Universal Truck Appointment System (2024; §2.1): nearly every visit booked. Assumption 90 %.
    appointmentShare: 0.9,
    // Return Signal's stated aim is more dual transactions (§2.1); assumption 30 % of pick-ups.
    dualShare: 0.3,
    troubleTicketShare: 0.04,
    // HTA GPS turn time 71–98 min (Sep 2019 – Jan 2019) with in-terminal 46–48 min (PierPass Oct
    // 2015): queue ≈ 30 min, in-terminal lognormal median 42 min, mean ≈ 47 min (σ 0.45).
    queueMeanMin: 30,
    inTerminal: { mu: Math.log(42), sigma: 0.45 },
    gateHourWeights: LA_HOURS.map((w) => w / sum(LA_HOURS)),
    utcOffsetH: -8,
    lines: ["MSCU", "MAEU", "CMAU", "COSU", "EGHU", "ONEU", "HLXU", "YMLU", "OOLU", "HDMU", "ZIMU"],
  },
  JPNGO: {
    // 2,709,000 TEU in 2013 including domestic (2.530 M foreign; vietnamshipper / JOC, §5.2).
    teuPerYear: 2_709_000,
    containerCallsPerYear: 5 * 365,
    // Assumption (no published Nagoya split in the sources): an export port (Toyota), balanced
    // laden flows, few empties.
    shares: { importLaden: 0.42, exportLaden: 0.46, emptyIn: 0.08, emptyOut: 0.04 },
    // Assumption: more 20 ft boxes on intra-Asia services (heavy machinery and parts).
    sizeMix: { 20: 0.4, 40: 0.58, 45: 0.02 },
    // Assumption: little rail (Nagoya Rinkai Railway / JR Freight); no published share found.
    importRailShare: 0.02,
    // Assumption: Nagoya dwell not published (§5.2); Los Angeles' truck figures used for both modes.
    dwell: {
      truck: lognormalFromMeanAndTail(2.78, 5, 1.522),
      rail: lognormalFromMeanAndTail(2.78, 5, 1.522),
    },
    holdShare: { customs: 0.02, freight: 0.02, line: 0.005 },
    freeDays: 7,
    // Assumption: booking through NUTS for a minority of visits (CONPAS not deployed at Nagoya, §2.7).
    appointmentShare: 0.3,
    dualShare: 0.2,
    troubleTicketShare: 0.03,
    queueMeanMin: 20,
    inTerminal: { mu: Math.log(30), sigma: 0.4 },
    gateHourWeights: NGO_HOURS.map((w) => w / sum(NGO_HOURS)),
    utcOffsetH: 9,
    lines: ["ONEU", "EGHU", "COSU", "YMLU", "OOLU", "MSCU", "HDMU", "SITU", "WHLU"],
  },
};

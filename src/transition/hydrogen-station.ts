/**
 * Solar-hydrogen station model (Choshu SHiPS / Honda SHS class; issue 13): hourly PV → electrolyser
 * → storage → dispensing against hourly demand, optional grid top-up, and the levelised cost with
 * every input shown. Pure; the hot loop runs over typed arrays (a year at hourly resolution well
 * under the 200 ms the issue asks — see bench/solar-h2.bench.ts).
 *
 * Dispatch rules for each hour h (energies in kWh within the hour = mean kW):
 * 1. PV energy pv = pvKwp × acKwPerKwp[h]. The electrolyser takes e = min(pv, rated kW); if e is
 *    below the minimum load (minLoadFraction × rated) it cannot run on PV alone and e = 0.
 * 2. Hydrogen from PV m = e / kWhPerKg. Storage S (kg, start of hour) plus m serves the hour's
 *    demand d; storage may not exceed its capacity C, so m is cut to C − S + d when it would (the
 *    electrolyser turns down; if that pushes it under minimum load it stops, m = 0).
 * 3. Grid top-up (when enabled): if S + m < d, the grid runs the electrolyser for the missing kg,
 *    within rated power left after PV, and at least at minimum load when PV gave nothing (the
 *    surplus of a minimum-load run goes to storage, within capacity).
 * 4. Dispensed = min(d, S + m + g); shortfall = d − dispensed; curtailed = pv − e (PV not used).
 *
 * Invariants (tested): produced − dispensed = S_end − S_start; PV = to-electrolyser + curtailed;
 * electrolyser kWh = (solar kg + grid kg) × kWhPerKg; demand = dispensed + shortfall.
 */

export interface StationInputs {
  /** AC output per kWp in each hour, kW (length = hours modelled, 8,760 for a year). */
  pvKwPerKwp: Float64Array;
  /** Hydrogen demand at the dispenser in each hour, kg (same length). */
  demandKgPerH: Float64Array;
  pvKwp: number;
  electrolyserRatedKw: number;
  /** System-level electricity per kg (stack + balance of plant + compression), kWh/kg. */
  electrolyserKwhPerKg: number;
  /** Below this fraction of the rating the electrolyser is off. */
  minLoadFraction: number;
  storageCapacityKg: number;
  storageInitialKg: number;
  gridTopUp: boolean;
  /** Grid emission factor, kg CO2(e)/kWh (used only for grid top-up). */
  gridKgCo2PerKwh: number;
  /** When set, per-hour series are returned (for charts and the heat map). */
  keepHourly?: boolean;
}

export interface StationHourly {
  storageKg: Float32Array;
  producedKg: Float32Array;
  dispensedKg: Float32Array;
  shortfallKg: Float32Array;
  curtailedKwh: Float32Array;
  gridKwh: Float32Array;
}

export interface StationResult {
  hours: number;
  pvKwh: number;
  electrolyserKwh: number;
  solarToElectrolyserKwh: number;
  curtailedKwh: number;
  gridKwh: number;
  gridKgCo2: number;
  producedKg: number;
  producedSolarKg: number;
  producedGridKg: number;
  demandKg: number;
  dispensedKg: number;
  shortfallKg: number;
  /** Hours with an unmet demand (shortfall above 1 g). */
  shortfallHours: number;
  storageStartKg: number;
  storageEndKg: number;
  /** Hours in which storage ended full. */
  storageFullHours: number;
  /** Electrolyser kWh ÷ (rated kW × hours). */
  electrolyserCapacityFactor: number;
  /** Hours the electrolyser ran. */
  electrolyserHours: number;
  hourly?: StationHourly;
}

const EPS_KG = 1e-9;

function checkInputs(x: StationInputs): void {
  const n = x.pvKwPerKwp.length;
  const bad: string[] = [];
  if (x.demandKgPerH.length !== n) bad.push(`demand has ${x.demandKgPerH.length} hours, PV ${n}`);
  if (!(x.pvKwp >= 0)) bad.push("pvKwp must be ≥ 0");
  if (!(x.electrolyserRatedKw > 0)) bad.push("electrolyserRatedKw must be > 0");
  if (!(x.electrolyserKwhPerKg > 0)) bad.push("electrolyserKwhPerKg must be > 0");
  if (!(x.minLoadFraction >= 0 && x.minLoadFraction <= 1)) bad.push("minLoadFraction must be within 0 … 1");
  if (!(x.storageCapacityKg >= 0)) bad.push("storageCapacityKg must be ≥ 0");
  if (!(x.storageInitialKg >= 0 && x.storageInitialKg <= x.storageCapacityKg))
    bad.push("storageInitialKg must be within 0 … storageCapacityKg");
  if (!(x.gridKgCo2PerKwh >= 0)) bad.push("gridKgCo2PerKwh must be ≥ 0");
  if (bad.length > 0) throw new RangeError(`station inputs: ${bad.join("; ")}`);
}

/**
 * Runs the station over the hours given (a year: 8,760).
 *
 * Worked example (24 h, asserted by a test; hand calculation in hydrogen-station.test.ts): PV
 * 10 kWp with a flat 0.5 kW/kWp from 08:00 to 16:00 (8 h, 5 kWh/h), electrolyser 4 kW at 50 kWh/kg
 * (0.08 kg/h at full power), min load 0.25 (1 kW), storage 1 kg starting at 0.2 kg, demand
 * 0.1 kg/h from 06:00 to 10:00 and 0.2 kg/h from 16:00 to 18:00 (0.8 kg/day), no grid:
 * PV 40 kWh, to electrolyser 32 kWh (8 h × 4 kW), curtailed 8 kWh, produced 0.64 kg, demand
 * 0.8 kg, dispensed 0.76 kg, shortfall 0.04 kg in 2 hours (08:00–10:00: storage ran dry at 08:00
 * and the electrolyser makes 0.08 of the 0.1 kg asked), storage end 0.08 kg, capacity factor
 * 32 / (4 × 24) = 0.3333.
 */
export function runSolarH2Station(x: StationInputs): StationResult {
  checkInputs(x);
  const n = x.pvKwPerKwp.length;
  const pv = x.pvKwPerKwp;
  const dem = x.demandKgPerH;
  const rated = x.electrolyserRatedKw;
  const k = x.electrolyserKwhPerKg;
  const minKw = x.minLoadFraction * rated;
  const cap = x.storageCapacityKg;
  const hourly: StationHourly | undefined = x.keepHourly
    ? {
        storageKg: new Float32Array(n),
        producedKg: new Float32Array(n),
        dispensedKg: new Float32Array(n),
        shortfallKg: new Float32Array(n),
        curtailedKwh: new Float32Array(n),
        gridKwh: new Float32Array(n),
      }
    : undefined;
  let s = x.storageInitialKg;
  let pvKwh = 0;
  let solarKwh = 0;
  let gridKwh = 0;
  let curtailed = 0;
  let solarKg = 0;
  let gridKg = 0;
  let demandKg = 0;
  let dispensedKg = 0;
  let shortfallKg = 0;
  let shortfallHours = 0;
  let fullHours = 0;
  let runHours = 0;
  for (let h = 0; h < n; h++) {
    const p = x.pvKwp * pv[h]!;
    const d = dem[h]!;
    let e = Math.min(p, rated);
    if (e < minKw || e <= 0) e = 0;
    let m = e / k;
    const room = cap - s + d;
    if (m > room) {
      m = Math.max(room, 0);
      e = m * k;
      if (e < minKw) {
        e = 0;
        m = 0;
      }
    }
    let g = 0;
    let eg = 0;
    if (x.gridTopUp && s + m < d - EPS_KG) {
      const need = d - s - m;
      const headroomKw = rated - e;
      eg = need * k;
      if (e === 0 && eg < minKw) eg = minKw;
      if (eg > headroomKw) eg = headroomKw;
      // A minimum-load run may make more than needed: the surplus must fit in storage.
      const maxKg = cap - s - m + d;
      g = eg / k;
      if (g > maxKg) {
        g = maxKg;
        eg = g * k;
      }
      if (e === 0 && eg < minKw - 1e-12) {
        eg = 0;
        g = 0;
      }
    }
    const avail = s + m + g;
    const out = Math.min(d, avail);
    const short = d - out;
    s = avail - out;
    if (s > cap) s = cap; // float guard only: m and g were bounded above
    const cur = p - e;
    pvKwh += p;
    solarKwh += e;
    gridKwh += eg;
    curtailed += cur;
    solarKg += m;
    gridKg += g;
    demandKg += d;
    dispensedKg += out;
    shortfallKg += short;
    if (short > 1e-3) shortfallHours++;
    if (s >= cap - 1e-9 && cap > 0) fullHours++;
    if (e + eg > 0) runHours++;
    if (hourly) {
      hourly.storageKg[h] = s;
      hourly.producedKg[h] = m + g;
      hourly.dispensedKg[h] = out;
      hourly.shortfallKg[h] = short;
      hourly.curtailedKwh[h] = cur;
      hourly.gridKwh[h] = eg;
    }
  }
  const result: StationResult = {
    hours: n,
    pvKwh,
    electrolyserKwh: solarKwh + gridKwh,
    solarToElectrolyserKwh: solarKwh,
    curtailedKwh: curtailed,
    gridKwh,
    gridKgCo2: gridKwh * x.gridKgCo2PerKwh,
    producedKg: solarKg + gridKg,
    producedSolarKg: solarKg,
    producedGridKg: gridKg,
    demandKg,
    dispensedKg,
    shortfallKg,
    shortfallHours,
    storageStartKg: x.storageInitialKg,
    storageEndKg: s,
    storageFullHours: fullHours,
    electrolyserCapacityFactor: n > 0 ? (solarKwh + gridKwh) / (rated * n) : 0,
    electrolyserHours: runHours,
  };
  if (hourly) result.hourly = hourly;
  return result;
}

/**
 * Hourly demand for a year from kg per day and the opening hours (local standard time, start
 * inclusive, end exclusive, e.g. 6–22), spread evenly over the open hours of every day.
 * Example: 1.6 kg/day, open 6–22 → 0.1 kg in each hour 06:00…21:00, 0 otherwise; 584 kg/year.
 */
export function dailyDemandProfile(
  kgPerDay: number,
  openFromH: number,
  openToH: number,
  hours = 8760,
): Float64Array {
  if (!(kgPerDay >= 0)) throw new RangeError("kgPerDay must be ≥ 0");
  if (
    !(
      Number.isInteger(openFromH) &&
      Number.isInteger(openToH) &&
      openFromH >= 0 &&
      openToH <= 24 &&
      openFromH < openToH
    )
  )
    throw new RangeError("opening hours must be whole hours with 0 ≤ from < to ≤ 24");
  const perH = kgPerDay / (openToH - openFromH);
  const out = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    const hod = h % 24;
    if (hod >= openFromH && hod < openToH) out[h] = perH;
  }
  return out;
}

export interface CostInputs {
  currency: string;
  priceYear: number;
  pvCapexPerKwp: number;
  electrolyserCapexPerKw: number;
  storageCapexPerKg: number;
  otherCapex: number;
  /** Fixed O&M per year as a fraction of capex. */
  opexFractionPerYear: number;
  discountRate: number;
  lifetimeYears: number;
  gridPricePerKwh: number;
}

export interface LevelisedCost {
  currency: string;
  priceYear: number;
  capex: number;
  capitalRecoveryFactor: number;
  annualCapital: number;
  annualOpex: number;
  annualGridEnergy: number;
  annualTotal: number;
  /** Per kg dispensed; null when nothing was dispensed. */
  costPerKg: number | null;
  inputs: CostInputs & {
    pvKwp: number;
    electrolyserRatedKw: number;
    storageCapacityKg: number;
    gridKwh: number;
    dispensedKg: number;
  };
}

/**
 * Capital recovery factor r(1+r)^n / ((1+r)^n − 1); r = 0 gives 1/n.
 * Example: r = 0.06, n = 20 → 0.06·3.20714 / 2.20714 = 0.087185.
 */
export function capitalRecoveryFactor(rate: number, years: number): number {
  if (!(years > 0)) throw new RangeError("lifetime must be > 0 years");
  if (rate === 0) return 1 / years;
  const f = (1 + rate) ** years;
  return (rate * f) / (f - 1);
}

/**
 * Levelised cost of the dispensed hydrogen for one typical year: (capex × CRF + capex × opex
 * fraction + grid kWh × price) ÷ kg dispensed, in the cost inputs' currency and price year.
 *
 * Worked example (test): PV 30 kWp at 1,600, electrolyser 10 kW at 2,000, storage 19 kg at 1,200,
 * other 0 → capex 48,000 + 20,000 + 22,800 = 90,800 USD; CRF(6 %, 20 y) = 0.087185 → 7,916.37;
 * opex 3 % → 2,724; grid 100 kWh at 0.20 → 20; total 10,660.37 USD/yr; 500 kg → 21.32 USD/kg.
 */
export function levelisedCost(
  station: { pvKwp: number; electrolyserRatedKw: number; storageCapacityKg: number },
  result: { gridKwh: number; dispensedKg: number },
  cost: CostInputs,
): LevelisedCost {
  const capex =
    station.pvKwp * cost.pvCapexPerKwp +
    station.electrolyserRatedKw * cost.electrolyserCapexPerKw +
    station.storageCapacityKg * cost.storageCapexPerKg +
    cost.otherCapex;
  const crf = capitalRecoveryFactor(cost.discountRate, cost.lifetimeYears);
  const annualCapital = capex * crf;
  const annualOpex = capex * cost.opexFractionPerYear;
  const annualGridEnergy = result.gridKwh * cost.gridPricePerKwh;
  const annualTotal = annualCapital + annualOpex + annualGridEnergy;
  return {
    currency: cost.currency,
    priceYear: cost.priceYear,
    capex,
    capitalRecoveryFactor: crf,
    annualCapital,
    annualOpex,
    annualGridEnergy,
    annualTotal,
    costPerKg: result.dispensedKg > 0 ? annualTotal / result.dispensedKg : null,
    inputs: { ...cost, ...station, gridKwh: result.gridKwh, dispensedKg: result.dispensedKg },
  };
}

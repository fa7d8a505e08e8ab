/**
 * Hourly PV output per kWp from a typical year (issue 13). Pure. The model, stated so a reader can
 * redo it by hand:
 *
 * 1. Sun position at the middle of each hour of standard time: Spencer's (1971) Fourier series for
 *    declination, equation of time and the Sun–Earth distance factor (as given in Duffie &
 *    Beckman, *Solar Engineering of Thermal Processes*, eq. 1.4.1b, 1.5.3, 1.6.1a); zenith from
 *    the hour angle. Checked in the tests against the TMY3 file's own ETR/ETRN columns.
 * 2. Beam and diffuse: the TMY3 file's DNI and DHI when present; for a GHI-only file the Erbs,
 *    Klein & Duffie (1982) diffuse-fraction correlation on the clearness index.
 * 3. Plane of array: isotropic sky (Liu & Jordan 1963): POA = DNI·cos θ + DHI·(1 + cos β)/2 +
 *    GHI·ρ·(1 − cos β)/2, θ the angle of incidence on a fixed plane of tilt β and azimuth γ
 *    (Duffie & Beckman eq. 1.6.2).
 * 4. DC per kWp: PVWatts v5 form P = POA/1000 · (1 + γ_T (T_cell − 25 °C)) with the cell
 *    temperature from the NOCT relation T_cell = T_air + (NOCT − 20)/800 · POA.
 * 5. AC: × (1 − system losses) × inverter efficiency (PVWatts v5 defaults: 14.08 % losses, 96 %
 *    nominal inverter efficiency; A. P. Dobos, "PVWatts Version 5 Manual", NREL/TP-6A20-62641,
 *    2014, as pvlib documents `pvwatts_losses` and `inverter.pvwatts`). No clipping (DC:AC 1:1).
 *
 * The parameters are loaded from data/reference/transition/solar_h2_assumptions.csv with their
 * confidence (hydrogen-tables.ts); nothing here is a hidden constant except the astronomy.
 */
import { HOURS_PER_YEAR, type SolarSite, type SolarYear } from "./tmy.ts";

const DEG = Math.PI / 180;
/** Solar constant, W/m² (the value Duffie & Beckman use with Spencer's series). */
export const SOLAR_CONSTANT_W_M2 = 1367;

export interface PvSystem {
  tiltDeg: number;
  /** Surface azimuth, degrees from south, west positive (0 = facing the equator in the north). */
  azimuthDeg: number;
  /** Ground reflectance. */
  albedo: number;
  /** Power temperature coefficient, 1/°C (PVWatts v5 standard module −0.0047). */
  tempCoeffPerC: number;
  /** Nominal operating cell temperature, °C. */
  noctC: number;
  /** DC system losses (soiling, wiring, mismatch, …) as a fraction. */
  systemLossFraction: number;
  /** Inverter efficiency as a fraction. */
  inverterEfficiency: number;
  /** Air temperature used when the input has none, °C. */
  defaultTempAirC: number;
}

export interface SunPosition {
  /** cos of the zenith angle (≤ 0: sun below the horizon). */
  cosZenith: number;
  declinationRad: number;
  hourAngleRad: number;
  /** Extraterrestrial normal irradiance, W/m². */
  extraterrestrialNormalWm2: number;
}

/**
 * Sun at a moment given as day of the year (1…365) and hour of local standard time (0…24, e.g.
 * 12.5 = 12:30), seen from `site`.
 *
 * Worked example: Los Angeles (33.933 N, −118.4 E, UTC−8) on 21 June (day 172) at 12:00 standard
 * time: B = 2π·171/365 = 2.9436 rad; declination = 23.45° (Spencer); equation of time = −1.33 min;
 * solar time = 12:00 + 4·(−118.4 + 120) min − 1.33 min = 12:05.07 → hour angle +1.27°; zenith =
 * acos(sin φ sin δ + cos φ cos δ cos ω) = 10.54°, cos = 0.9831.
 */
export function sunPosition(site: SolarSite, dayOfYear: number, hourStd: number): SunPosition {
  const b = (2 * Math.PI * (dayOfYear - 1)) / 365;
  const cb = Math.cos(b);
  const sb = Math.sin(b);
  const c2 = Math.cos(2 * b);
  const s2 = Math.sin(2 * b);
  const decl =
    0.006918 -
    0.399912 * cb +
    0.070257 * sb -
    0.006758 * c2 +
    0.000907 * s2 -
    0.002697 * Math.cos(3 * b) +
    0.00148 * Math.sin(3 * b);
  const eotMin = 229.18 * (0.000075 + 0.001868 * cb - 0.032077 * sb - 0.014615 * c2 - 0.040849 * s2);
  const solarHour = hourStd + (4 * (site.longitudeDeg - 15 * site.utcOffsetH) + eotMin) / 60;
  const omega = (solarHour - 12) * 15 * DEG;
  const phi = site.latitudeDeg * DEG;
  const cosZ = Math.sin(phi) * Math.sin(decl) + Math.cos(phi) * Math.cos(decl) * Math.cos(omega);
  const e0 = 1.00011 + 0.034221 * cb + 0.00128 * sb + 0.000719 * c2 + 0.000077 * s2;
  return {
    cosZenith: cosZ,
    declinationRad: decl,
    hourAngleRad: omega,
    extraterrestrialNormalWm2: SOLAR_CONSTANT_W_M2 * e0,
  };
}

/**
 * Erbs, Klein & Duffie (1982) diffuse fraction of global horizontal irradiance from the
 * clearness index kt = GHI / (I0n · cos z).
 * Example: kt = 0.5 → 0.9511 − 0.1604·0.5 + 4.388·0.25 − 16.638·0.125 + 12.336·0.0625 = 0.6592.
 */
export function erbsDiffuseFraction(kt: number): number {
  if (kt <= 0.22) return 1 - 0.09 * kt;
  if (kt <= 0.8) return 0.9511 - 0.1604 * kt + 4.388 * kt ** 2 - 16.638 * kt ** 3 + 12.336 * kt ** 4;
  return 0.165;
}

/** cos of the angle of incidence on a plane (Duffie & Beckman eq. 1.6.2). */
function cosIncidence(sun: SunPosition, latRad: number, tiltRad: number, azRad: number): number {
  const d = sun.declinationRad;
  const w = sun.hourAngleRad;
  const sd = Math.sin(d);
  const cd = Math.cos(d);
  const sp = Math.sin(latRad);
  const cp = Math.cos(latRad);
  const sbt = Math.sin(tiltRad);
  const cbt = Math.cos(tiltRad);
  const cg = Math.cos(azRad);
  return (
    sd * sp * cbt -
    sd * cp * sbt * cg +
    cd * cp * cbt * Math.cos(w) +
    cd * sp * sbt * cg * Math.cos(w) +
    cd * sbt * Math.sin(azRad) * Math.sin(w)
  );
}

export interface PvYear {
  /** AC output per kWp in each hour, kW (= kWh in the hour). */
  acKwPerKwp: Float64Array;
  /** Plane-of-array irradiance, W/m² (zeros when the input gave PV directly). */
  poaWm2: Float64Array;
  annualAcKwhPerKwp: number;
  annualPoaKwhPerM2: number;
  /** How beam and diffuse were obtained. */
  irradianceSplit: "tmy3_dni_dhi" | "erbs_from_ghi" | "user_pv";
}

/** Day of the year (1…365) and mid-hour of standard time for hour index i. */
function dayAndMidHour(i: number): [number, number] {
  const day = Math.floor(i / 24) + 1;
  return [day, (i % 24) + 0.5];
}

/**
 * Hourly AC output per kWp for a typical year (model in the file comment).
 *
 * Worked example (one hour, checked by a test): GHI 800, DNI 850, DHI 120 W/m², air 20 °C, sun at
 * cos z = 0.80 and cos θ = 0.95 on a 20° plane, albedo 0.2: POA = 850·0.95 + 120·(1 + cos 20°)/2 +
 * 800·0.2·(1 − cos 20°)/2 = 807.5 + 116.38 + 4.82 = 928.7 W/m²; T_cell = 20 + 25/800·928.7 =
 * 49.02 °C; DC = 0.9287·(1 − 0.0047·24.02) = 0.8239 kW/kWp; AC = 0.8239·0.8592·0.96 = 0.6795.
 * For the Los Angeles TMY3 year at 20° tilt facing south the annual figure is about 1,600 kWh/kWp
 * (test: within 1,450–1,850, the published range cited there).
 */
export function pvYear(year: SolarYear, system: PvSystem): PvYear {
  const ac = new Float64Array(HOURS_PER_YEAR);
  const poa = new Float64Array(HOURS_PER_YEAR);
  if (year.pvKwPerKwp) {
    let s = 0;
    for (let i = 0; i < HOURS_PER_YEAR; i++) {
      ac[i] = year.pvKwPerKwp[i]!;
      s += ac[i]!;
    }
    return {
      acKwPerKwp: ac,
      poaWm2: poa,
      annualAcKwhPerKwp: s,
      annualPoaKwhPerM2: 0,
      irradianceSplit: "user_pv",
    };
  }
  const ghi = year.ghiWm2;
  if (!ghi) throw new Error(`${year.file}: no GHI and no PV series`);
  const split = year.dniWm2 && year.dhiWm2 ? "tmy3_dni_dhi" : "erbs_from_ghi";
  const lat = year.site.latitudeDeg * DEG;
  const tilt = system.tiltDeg * DEG;
  const az = system.azimuthDeg * DEG;
  const skyView = (1 + Math.cos(tilt)) / 2;
  const groundView = (system.albedo * (1 - Math.cos(tilt))) / 2;
  const derate = (1 - system.systemLossFraction) * system.inverterEfficiency;
  const tempRise = (system.noctC - 20) / 800;
  let sumAc = 0;
  let sumPoa = 0;
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const g = ghi[i]!;
    if (g <= 0) continue;
    const [day, hour] = dayAndMidHour(i);
    const sun = sunPosition(year.site, day, hour);
    let beamN: number;
    let diffuseH: number;
    if (split === "tmy3_dni_dhi") {
      beamN = year.dniWm2![i]!;
      diffuseH = year.dhiWm2![i]!;
    } else if (sun.cosZenith > 0.065) {
      // Below ~86° zenith only; near the horizon kt is unstable and everything is taken as diffuse.
      const kt = Math.min(g / (sun.extraterrestrialNormalWm2 * sun.cosZenith), 1);
      diffuseH = g * erbsDiffuseFraction(kt);
      beamN = (g - diffuseH) / sun.cosZenith;
    } else {
      beamN = 0;
      diffuseH = g;
    }
    const cosT = sun.cosZenith > 0 ? Math.max(cosIncidence(sun, lat, tilt, az), 0) : 0;
    const p = planeOfArray(beamN, diffuseH, g, cosT, skyView, groundView);
    const a = acPerKwp(
      p,
      year.tempAirC ? year.tempAirC[i]! : system.defaultTempAirC,
      system,
      tempRise,
      derate,
    );
    poa[i] = p;
    ac[i] = a;
    sumAc += a;
    sumPoa += p;
  }
  return {
    acKwPerKwp: ac,
    poaWm2: poa,
    annualAcKwhPerKwp: sumAc,
    annualPoaKwhPerM2: sumPoa / 1000,
    irradianceSplit: split,
  };
}

/**
 * One hour of the PV chain with the angles given (the worked example in `pvYear`): returns
 * [POA W/m², AC kW per kWp].
 */
export function pvHour(
  input: { ghiWm2: number; dniWm2: number; dhiWm2: number; tempAirC: number; cosIncidence: number },
  system: PvSystem,
): [number, number] {
  const tilt = system.tiltDeg * DEG;
  const p = planeOfArray(
    input.dniWm2,
    input.dhiWm2,
    input.ghiWm2,
    Math.max(input.cosIncidence, 0),
    (1 + Math.cos(tilt)) / 2,
    (system.albedo * (1 - Math.cos(tilt))) / 2,
  );
  const tempRise = (system.noctC - 20) / 800;
  const derate = (1 - system.systemLossFraction) * system.inverterEfficiency;
  return [p, acPerKwp(p, input.tempAirC, system, tempRise, derate)];
}

/** Isotropic-sky plane of array, W/m² (the one formula both pvYear and pvHour use). */
function planeOfArray(
  dni: number,
  dhi: number,
  ghi: number,
  cosIncidence: number,
  skyView: number,
  groundView: number,
): number {
  return dni * cosIncidence + dhi * skyView + ghi * groundView;
}

/** AC kW per kWp from plane-of-array W/m²: NOCT cell temperature, PVWatts DC form, losses. */
function acPerKwp(
  poaWm2: number,
  tempAirC: number,
  system: PvSystem,
  tempRise: number,
  derate: number,
): number {
  const tCell = tempAirC + tempRise * poaWm2;
  const dc = (poaWm2 / 1000) * (1 + system.tempCoeffPerC * (tCell - 25));
  return Math.max(dc * derate, 0);
}

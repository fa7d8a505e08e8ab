/**
 * Propulsion load factor from speed (METHOD.md §1.2): the propeller law and the Admiralty variant
 * as EPA's ShipPowerModel computes them (calcPropPwr, calcAdmPwr). Pure.
 */
import { z } from "zod";
import { DomainError } from "../../core/errors.ts";
import { SERVICE_TO_MAX_SPEED } from "../../vessels/index.ts";

/** Propeller law exponent n (power ∝ speed³). */
export const PROPELLER_LAW_EXPONENT = 3;
/** Admiralty draft exponent (displacement^(2/3) ∝ draft^(2/3)). */
export const ADMIRALTY_DRAFT_EXPONENT = 2 / 3;
/** ShipPowerModel clamps a moving ship's load to 2 %–100 % of installed power. */
export const LF_MIN = 0.02;
export const LF_MAX = 1;

export const POWER_LAWS = ["propeller", "admiralty"] as const;
export type PowerLaw = (typeof POWER_LAWS)[number];
export const REF_SPEED_TYPES = ["service", "max"] as const;
export type RefSpeedType = (typeof REF_SPEED_TYPES)[number];

export interface LoadFactorInput {
  law: PowerLaw;
  speedKn: number;
  refSpeedKn: number;
  refSpeedType: RefSpeedType;
  /** Sea (service) margin in %, e.g. 15; 0 gives the guidance's plain (AS/MS)³. */
  seaMarginPct: number;
  draftM?: number | null;
  maxDraftM?: number | null;
}

/** Maximum speed from a reference speed: a service speed is 94 % of maximum (ShipPowerModel). */
export function maxSpeedKn(refSpeedKn: number, refSpeedType: RefSpeedType): number {
  return refSpeedType === "service" ? refSpeedKn / SERVICE_TO_MAX_SPEED : refSpeedKn;
}

/**
 * LF = (AS/MS)³ × (100 + SM)/100 [× (draft/maxDraft)^(2/3) for Admiralty], clamped to 0.02–1.0;
 * 0 when the speed is 0.
 * Example: speed 9, max 10, SM 15 → 0.9³ × 1.15 = 0.83835; speed 10 = service speed 10, SM 0 → 0.94³.
 */
export function loadFactorFromSpeed(q: LoadFactorInput): number {
  if (q.speedKn <= 0) return 0;
  const ms = maxSpeedKn(q.refSpeedKn, q.refSpeedType);
  let lf = (q.speedKn / ms) ** PROPELLER_LAW_EXPONENT * ((100 + q.seaMarginPct) / 100);
  if (q.law === "admiralty") {
    if (!q.draftM || !q.maxDraftM)
      throw new DomainError("validation", "draftM: the Admiralty law needs draftM and maxDraftM");
    lf *= (q.draftM / q.maxDraftM) ** ADMIRALTY_DRAFT_EXPONENT;
  }
  return Math.min(LF_MAX, Math.max(LF_MIN, lf));
}

// ---------------------------------------------------------------------------------------------
// `emissions power` query

export const PowerQuerySchema = z
  .strictObject({
    law: z.enum(POWER_LAWS),
    installedKw: z.number().positive(),
    speedKn: z.number().min(0).max(60),
    refSpeedKn: z.number().positive().max(60),
    refSpeedType: z.enum(REF_SPEED_TYPES),
    seaMarginPct: z.number().min(0).max(100),
    draftM: z.number().positive().max(40).optional(),
    maxDraftM: z.number().positive().max(40).optional(),
  })
  .refine((q) => q.law !== "admiralty" || (q.draftM !== undefined && q.maxDraftM !== undefined), {
    message: "the Admiralty law needs draftM and maxDraftM",
    path: ["draftM"],
  });
export type PowerQuery = z.infer<typeof PowerQuerySchema>;

export interface PowerAnswer {
  propulsionKw: number;
  loadFactor: number;
}

/**
 * Answers one `emissions power` query.
 * Example: { law: "propeller", installedKw: 100, speedKn: 10, refSpeedKn: 10, refSpeedType:
 * "service", seaMarginPct: 0 } → { propulsionKw: 83.0584, loadFactor: 0.830584 } (100 × 0.94³).
 */
export function answerPowerQuery(q: PowerQuery): PowerAnswer {
  const loadFactor = loadFactorFromSpeed(q);
  return { propulsionKw: q.installedKw * loadFactor, loadFactor };
}

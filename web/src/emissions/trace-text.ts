// Trace steps in the reader's language. The API sends each step's words twice: English strings
// (`what`, `activityUnit`, adjustment `name`) and the same words as a code + params (`whatText`,
// `activityUnitText`, `factorUnitText`, adjustment `text` / `detail`; src/emissions/trace-text.ts),
// which the catalogs' `emissions.trace.*` render. A step without texts shows its English strings.
import type { TraceAdjustment, TraceText, TraceValue } from "../../../src/emissions/model.ts";
import type { CallTraceStep } from "../api.ts";

export type { TraceText, TraceValue };

/** The translation function's shape this module needs (i18next's `t`). */
export type Translate = (key: string, options: Record<string, unknown>) => string;

type TextKeys = "whatText" | "activityUnitText" | "factorUnitText" | "sourceText";
/** A step as read here: without its texts (then its English strings show), as in steps of older runs. */
type StepLike = Omit<CallTraceStep, TextKeys | "adjustments"> &
  Partial<Pick<CallTraceStep, TextKeys>> & { adjustments: AdjustmentLike[] };
type AdjustmentLike = Omit<TraceAdjustment, "text"> & Partial<Pick<TraceAdjustment, "text">>;

/** Line activity units (a source's activity row) that have words in them, by their text code. */
const LINE_UNIT_CODES: Record<string, string> = { h: "unit.h", mi: "unit.mi", gal: "unit.galUnit" };

/**
 * A trace value in the reader's language: params first (a text can hold texts), then its template.
 * Example (ja): { code: "what.ogvAux", params: { engine: "MSD", mode: { code: "epaMode.Berth" } } }
 * → "補機 MSD、係留（着岸）中". An unknown code shows as itself.
 */
export function traceValue(v: TraceValue, t: Translate): string {
  if (typeof v !== "object") return String(v);
  const params: Record<string, string> = {};
  for (const [k, p] of Object.entries(v.params ?? {})) params[k] = traceValue(p, t);
  return t(`emissions.trace.${v.code}`, { ...params, defaultValue: v.code });
}

/**
 * "LLAF nox (ogv_llaf_coefficients.csv (EPA equation, ShipEF calcLLAF))" → short "LLAF nox", detail
 * "ogv_llaf_coefficients.csv (EPA equation, ShipEF calcLLAF)": an English name without its texts.
 */
export function splitAdjustment(name: string): { short: string; detail: string | null } {
  const i = name.indexOf(" (");
  if (i <= 0 || !name.endsWith(")")) return { short: name, detail: null };
  return { short: name.slice(0, i), detail: name.slice(i + 2, -1) };
}

/**
 * A step's words in the reader's language: what emits, the activity and factor units, the factor's
 * source (citations as written). The English strings where a step has no texts.
 */
export function stepWords(
  s: StepLike,
  t: Translate,
): { what: string; activityUnit: string; factorUnit: string; source: string } {
  const word = (text: TraceText | undefined, plain: string) => (text ? traceValue(text, t) : plain);
  return {
    what: word(s.whatText, s.what),
    activityUnit: word(s.activityUnitText, s.activityUnit),
    factorUnit: word(s.factorUnitText, s.factorUnit),
    source: word(s.sourceText, s.source),
  };
}

/** An adjustment's short name (in the formula) and detail (beside the sources), in the reader's language. */
export function adjustmentWords(a: AdjustmentLike, t: Translate): { short: string; detail: string | null } {
  const { text, detail } = a;
  if (!text) return splitAdjustment(a.name);
  return { short: traceValue(text, t), detail: detail === undefined ? null : traceValue(detail, t) };
}

/** A source line's activity unit ("kWh", "mi", "gal", "h", …) in the reader's language. */
export function lineUnit(unit: string, t: Translate): string {
  const code = LINE_UNIT_CODES[unit];
  return code ? traceValue({ code }, t) : unit;
}

/**
 * A unit without one month's detail, in either language: "hp·h at rated power (746 hp × 306.70 h)"
 * → "hp·h at rated power"; "定格出力換算 hp·h（746 hp × 306.70 h）" → "定格出力換算 hp·h".
 */
export function baseUnit(unit: string): string {
  const m = /^(.+?)(?: \(.*\)|（.*）)$/.exec(unit);
  return m ? (m[1] as string) : unit;
}

/**
 * Identifiers of the field, validated where they enter the system. Each `parse*` returns the
 * normalised value or a reason; nothing here throws, so parsers of messy input can count rejects.
 */
export type IdResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const UNLOCODE_PATTERN = /^[A-Z]{2}[A-Z2-9]{3}$/;

/**
 * UN/LOCODE: ISO 3166-1 alpha-2 country code and a three-character location code of letters and
 * digits 2–9 (UNECE Recommendation 16). Spaces between the parts are accepted and dropped.
 * Example: `parseUnLocode("us lax")` → `{ ok: true, value: "USLAX" }`.
 */
export function parseUnLocode(input: string): IdResult<string> {
  const value = input.replace(/\s+/g, "").toUpperCase();
  if (!UNLOCODE_PATTERN.test(value)) {
    return {
      ok: false,
      reason: `"${input}" is not a UN/LOCODE (two-letter country + three letters or digits 2-9)`,
    };
  }
  return { ok: true, value };
}

/**
 * IMO ship identification number: seven digits, the last a check digit equal to the last digit of
 * the sum of the first six weighted 7, 6, 5, 4, 3, 2 (IMO Resolution A.1117(30), annex).
 * Example: 9074729 → 9×7 + 0×6 + 7×5 + 4×4 + 7×3 + 2×2 = 139 → check digit 9 → valid.
 */
export function parseImoNumber(input: string | number): IdResult<number> {
  const text = String(input)
    .trim()
    .replace(/^IMO\s*/i, "");
  if (!/^\d{7}$/.test(text)) return { ok: false, reason: `"${input}" is not a seven-digit IMO number` };
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += (text.charCodeAt(i) - 48) * (7 - i);
  const check = text.charCodeAt(6) - 48;
  if (sum % 10 !== check) {
    return { ok: false, reason: `IMO ${text} fails its check digit (expected ${sum % 10})` };
  }
  return { ok: true, value: Number(text) };
}

export type MmsiKind =
  | "ship"
  | "coast_station"
  | "group"
  | "sar_aircraft"
  | "aid_to_navigation"
  | "craft_associated"
  | "sart_mob_epirb"
  | "other";

/**
 * Classifies a nine-digit MMSI by its leading digits (ITU-R M.585-9, annexes 1–4).
 * Example: 366999712 → "ship" (MID 366, United States); 993692028 → "aid_to_navigation".
 */
export function mmsiKind(mmsi: number): MmsiKind {
  const text = String(mmsi).padStart(9, "0");
  if (text.startsWith("00")) return "coast_station";
  if (text.startsWith("0")) return "group";
  if (text.startsWith("111")) return "sar_aircraft";
  if (text.startsWith("970") || text.startsWith("972") || text.startsWith("974")) return "sart_mob_epirb";
  if (text.startsWith("98")) return "craft_associated";
  if (text.startsWith("99")) return "aid_to_navigation";
  const first = text.charCodeAt(0) - 48;
  return first >= 2 && first <= 7 ? "ship" : "other";
}

/** MMSI: a whole number of at most nine digits (AIS carries 30 bits, so larger values are invalid). */
export function parseMmsi(input: string | number): IdResult<number> {
  const text = String(input).trim();
  if (!/^\d{1,9}$/.test(text)) return { ok: false, reason: `"${input}" is not an MMSI (up to nine digits)` };
  const value = Number(text);
  if (value === 0) return { ok: false, reason: "MMSI 0 is not assigned" };
  return { ok: true, value };
}

/** ISO 6346 letter values: A=10 upward, skipping multiples of 11 (11, 22, 33). */
function iso6346LetterValue(code: number): number {
  let value = 10;
  for (let c = 65; c < code; c++) {
    value++;
    if (value % 11 === 0) value++;
  }
  return value;
}

const ISO6346_PATTERN = /^[A-Z]{3}[UJZR][0-9]{6}[0-9]$/;

/** The ISO 6346 check digit of the first ten characters (owner code, category, serial). */
export function iso6346CheckDigit(firstTen: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const code = firstTen.charCodeAt(i);
    const value = code >= 65 ? iso6346LetterValue(code) : code - 48;
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/**
 * ISO 6346 container number: three-letter owner code, category (U, J, Z, R), six-digit serial and
 * a check digit: Σ value(cᵢ)·2ⁱ mod 11 mod 10. Spaces and dashes are dropped.
 * Example: "CSQU 305438 3" → "CSQU3054383": C=13 S=30 Q=28 U=32 and the digits weighted 1, 2, 4 … 512
 * sum to 6185; 6185 mod 11 = 3 = the check digit (the worked example of ISO 6346 Annex A).
 */
export function parseContainerNumber(input: string): IdResult<string> {
  const value = input.replace(/[\s-]/g, "").toUpperCase();
  if (!ISO6346_PATTERN.test(value)) {
    return { ok: false, reason: `"${input}" is not an ISO 6346 container number (AAAU1234567)` };
  }
  const expected = iso6346CheckDigit(value.slice(0, 10));
  if (expected !== value.charCodeAt(10) - 48) {
    return { ok: false, reason: `container ${value} fails its check digit (expected ${expected})` };
  }
  return { ok: true, value };
}

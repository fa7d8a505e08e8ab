/**
 * A value from an untrusted JSON body as text, for messages and fields. `String(v)` throws on an
 * object whose `toString` and `valueOf` are data rather than functions — `{"toString": 1}` as
 * JSON.parse gives it — with "Cannot convert object to primitive value" (a 500 the fuzz found, issue
 * 14). Strings stay as they are, other scalars go through String, objects and arrays become JSON.
 *
 * Example: textOf({ toString: 1 }) → '{"toString":1}'; textOf(12) → "12"; textOf("a") → "a";
 * textOf(null) → "null"; textOf(undefined) → "undefined".
 */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") return String(value);
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return Array.isArray(value) ? "[array]" : "[object]";
  }
}

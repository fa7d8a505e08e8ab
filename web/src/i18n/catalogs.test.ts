import { describe, expect, it } from "vitest";
import { NONSHIP_CATALOGS } from "../../../src/emissions/nonship/messages.ts";
import { OGV_WARNING_CATALOGS } from "../../../src/emissions/ogv/messages.ts";
import en from "./en.json" with { type: "json" };
import ja from "./ja.json" with { type: "json" };

/** Flattens nested catalogs into "a.b.c" → value, so both languages can be compared key by key. */
function flatten(catalog: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (catalog === null || typeof catalog !== "object" || Array.isArray(catalog)) {
    out.set(prefix, catalog);
    return out;
  }
  for (const [k, v] of Object.entries(catalog)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    } else out.set(key, v);
  }
  return out;
}

/** Every problem found, so one run lists them all. */
function catalogProblems(catalogs: Record<string, unknown>): string[] {
  const flat = Object.entries(catalogs).map(([lang, c]) => [lang, flatten(c)] as const);
  const problems: string[] = [];
  for (const [lang, keys] of flat) {
    for (const [key, value] of keys) {
      if (typeof value !== "string") problems.push(`${lang}: "${key}" is not a string`);
      else if (value.trim() === "") problems.push(`${lang}: "${key}" is empty`);
      for (const [other, otherKeys] of flat)
        if (other !== lang && !otherKeys.has(key))
          problems.push(`${other}: "${key}" is missing (present in ${lang})`);
    }
  }
  return problems;
}

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();

describe("i18n catalogs", () => {
  it("en and ja have the same keys, none empty", () => {
    expect(catalogProblems({ en, ja })).toEqual([]);
  });

  it("each translation uses the same {{placeholders}} as the English", () => {
    const jaFlat = flatten(ja);
    const mismatched = [...flatten(en)]
      .filter(([key, value]) => {
        const other = jaFlat.get(key);
        return typeof value === "string" && typeof other === "string"
          ? placeholders(value).join() !== placeholders(other).join()
          : false;
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("words every inventory and call warning code the server sends, with the server's placeholders", () => {
    // Import messages of the non-ship catalog are CLI output, not stored warnings.
    const cliOnly = [
      "importSummary",
      "importDetail",
      "reject",
      "moreRejects",
      "rejectsWritten",
      "ignoredColumns",
      "unknownPort",
    ];
    const server: Record<string, string> = { ...NONSHIP_CATALOGS.en, ...OGV_WARNING_CATALOGS.en };
    const codes = Object.keys(server).filter((k) => !cliOnly.includes(k));
    const words = en.emissions.warning as Record<string, string>;
    expect(Object.keys(words).sort()).toEqual([...codes, "estimated_particulars", "ogv_coverage"].sort());
    const serverPlaceholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
    for (const code of codes)
      expect(placeholders(words[code] ?? ""), code).toEqual(serverPlaceholders(server[code] ?? ""));
  });

  it("the check itself catches a missing nested key in either direction and an empty string", () => {
    const a = { nav: { overview: "Overview", about: "About" }, x: "x" };
    const b = { nav: { overview: "概要", extra: "余分" }, x: " " };
    expect(catalogProblems({ a, b }).sort()).toEqual([
      'a: "nav.extra" is missing (present in b)',
      'b: "nav.about" is missing (present in a)',
      'b: "x" is empty',
    ]);
  });
});

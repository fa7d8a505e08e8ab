import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateOrInstantSchema } from "../core/http.ts";
import { requestLanguage, wordRule, wordZodIssues } from "./validation.ts";

describe("requestLanguage", () => {
  it("takes the highest-weighted of en and ja (RFC 9110 §12.5.4 weights)", () => {
    // RFC 9110 §12.5.4's own example header: Danish first, then British English, then English.
    expect(requestLanguage("da, en-gb;q=0.8, en;q=0.7")).toBe("en");
    expect(requestLanguage("fr;q=0.9, ja;q=0.8, en;q=0.5")).toBe("ja");
    expect(requestLanguage("ja-JP")).toBe("ja");
    expect(requestLanguage("en;q=0.9, ja;q=0")).toBe("en");
    expect(requestLanguage("de")).toBe("en");
    expect(requestLanguage(undefined)).toBe("en");
  });
});

describe("worded validation issues", () => {
  const query = z.object({
    from: dateOrInstantSchema().optional(),
    year: z.coerce
      .number()
      .int()
      .min(1990)
      .max(2100)
      .meta({ examples: [2026] }),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    maxAgeHours: z.coerce.number().positive().default(24),
    format: z.enum(["csv", "json"]).default("csv"),
  });
  const word = (raw: Record<string, string>, lang: "en" | "ja") => {
    const r = query.safeParse(raw);
    if (r.success) throw new Error("expected a failure");
    return wordZodIssues("query", query, raw, r.error.issues, lang);
  };

  it("names the field, what was given, what is expected and an example (English)", () => {
    const issues = word(
      { from: "2026-13-01", year: "1800", limit: "1.5", maxAgeHours: "0", format: "xml" },
      "en",
    );
    expect(issues.map((i) => [i.field, i.given, i.expected, i.example])).toEqual([
      [
        "from",
        "2026-13-01",
        "a date (YYYY-MM-DD: its midnight in the port's time zone, UTC for a vessel's track) or a date-time with an offset (ISO 8601)",
        "2026-11-01, 2026-11-01T08:00:00Z, 2026-11-01T00:00:00-07:00",
      ],
      ["year", "1800", "an integer from 1990 to 2100", "2026"],
      ["limit", "1.5", "an integer from 1 to 1000", "1"],
      ["maxAgeHours", "0", "a number greater than 0", "1"],
      ["format", "xml", "one of csv, json", "csv"],
    ]);
    expect(issues[1]!.reason).toBe(
      'query parameter “year” was given "1800"; expected an integer from 1990 to 2100, e.g. 2026.',
    );
    // Nothing like a regular expression leaks into what a person reads.
    for (const i of issues) expect(i.reason).not.toMatch(/[\\^$]\(|\\d/);
  });

  it("says so when a required field is missing, and words it in Japanese", () => {
    const [missing] = word({}, "en");
    expect(missing).toMatchObject({ field: "year", expected: "an integer from 1990 to 2100" });
    expect(missing!.given).toBeUndefined();
    expect(missing!.reason).toBe(
      "query parameter “year” is missing; expected an integer from 1990 to 2100, e.g. 2026.",
    );
    const [ja] = word({ year: "abc" }, "ja");
    expect(ja!.reason).toBe(
      "クエリパラメーター「year」の値「abc」は使えません。1990 から 2100 までの整数を指定してください（例: 2026）。",
    );
  });

  it("words the rules handlers check across fields", () => {
    expect(wordRule("to", "2027-06-01", { rule: "maxRangeDays", maxDays: 400 }, "query", "en").reason).toBe(
      'query parameter “to” was given "2027-06-01"; expected a range of at most 400 days.',
    );
    expect(wordRule("locode", "LAX", { rule: "locode" }, "path", "ja").reason).toBe(
      "パスパラメーター「locode」の値「LAX」は使えません。UN/LOCODE（国コード 2 文字と地名コード 3 文字）を指定してください（例: USLAX）。",
    );
  });
});

/**
 * Request validation errors worded for a person, in the client's language (Accept-Language, en or
 * ja): for each field, what was given, what is expected and an example. The one place every
 * route's validation errors are worded: zod issues from the route schemas, and the rules handlers
 * check themselves (`RequestInvalid`).
 */
import type { z } from "zod";
import { globalRegistry } from "zod";
import type { RequestRule } from "../core/http.ts";
import { targetExpected } from "../operations/index.ts";

export type Lang = "en" | "ja";

/**
 * The language an Accept-Language header prefers among ours (RFC 9110 §12.5.4: highest q first,
 * then order). Example: "fr;q=0.9, ja;q=0.8, en;q=0.5" → "ja". English when none matches.
 */
export function requestLanguage(header: string | string[] | undefined): Lang {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  let best: { lang: Lang; q: number } | undefined;
  for (const part of text.split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const lang =
      tag === "ja" || tag.startsWith("ja-") ? "ja" : tag === "en" || tag.startsWith("en-") ? "en" : undefined;
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? "en";
}

/** Where a field is in the request. */
export type RequestPart = "path" | "query" | "body";

/** One field's problem as the problem+json body lists it. */
export interface WordedIssue {
  field: string;
  in: RequestPart;
  /** The value as it was sent; absent when the field was missing. */
  given?: string;
  expected: string;
  example?: string;
  /** The whole sentence: field, what was given, what is expected, an example. */
  reason: string;
}

const PART_NAMES: Record<Lang, Record<RequestPart, string>> = {
  en: { path: "path parameter", query: "query parameter", body: "body field" },
  ja: { path: "パスパラメーター", query: "クエリパラメーター", body: "本文の項目" },
};

export const TITLE_INVALID: Record<Lang, string> = {
  en: "Invalid request",
  ja: "リクエストが正しくありません",
};

/** Expectations of the rules that schemas name (`params.rule`) or handlers check. */
function ruleExpected(rule: RequestRule, lang: Lang): { expected: string; example?: string } {
  const ja = lang === "ja";
  switch (rule.rule) {
    case "dateOrInstant":
      return {
        expected: ja
          ? "日付（YYYY-MM-DD: 港の時間帯でその日の 0 時、船舶の航跡では UTC）または時差付きの日時（ISO 8601）"
          : "a date (YYYY-MM-DD: its midnight in the port's time zone, UTC for a vessel's track) or a date-time with an offset (ISO 8601)",
        example: "2026-11-01, 2026-11-01T08:00:00Z, 2026-11-01T00:00:00-07:00",
      };
    case "instant":
      return {
        expected: ja ? "時差付きの日時（ISO 8601）" : "a date-time with an offset (ISO 8601)",
        example: "2026-11-01T08:00:00Z",
      };
    case "locode":
      return {
        expected: ja
          ? "UN/LOCODE（国コード 2 文字と地名コード 3 文字）"
          : "a UN/LOCODE (2-letter country code and 3-character place code)",
        example: "USLAX",
      };
    case "mmsi":
      return {
        expected: ja ? "MMSI（9 桁までの数字）" : "an MMSI (up to nine digits)",
        example: "432428000",
      };
    case "beforeOther":
      return { expected: ja ? `「${rule.other}」より前の時刻` : `a time before “${rule.other}”` };
    case "maxRangeDays":
      return {
        expected: ja ? `${rule.maxDays} 日以内の期間` : `a range of at most ${rule.maxDays} days`,
      };
    case "containerList":
      return {
        expected: ja
          ? `コンマ区切りの ISO 6346 コンテナ番号（チェックディジットが正しいもの、${rule.max} 個まで）`
          : `up to ${rule.max} ISO 6346 container numbers with a valid check digit, separated by commas`,
        example: "CSQU3054383,MSCU1234566",
      };
    case "webhookTarget":
      return {
        expected: targetExpected(rule.refusal, rule.address, lang),
        example: "https://dispatch.example.com/hooks/sisterports",
      };
    case "maxSteps":
      return {
        expected: ja
          ? `刻みの数が ${rule.maxSteps.toLocaleString("en-US")} 以下になる値（より大きい刻み）`
          : `a step giving at most ${rule.maxSteps.toLocaleString("en-US")} steps (a wider step)`,
      };
  }
}

/** The schema at a path inside a schema, through optional/default/nullable/pipe wrappers. */
function schemaAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): z.ZodType[] {
  const chain: z.ZodType[] = [];
  let s = schema;
  let i = 0;
  while (s) {
    chain.push(s);
    const def = s._zod.def as {
      type: string;
      innerType?: z.ZodType;
      in?: z.ZodType;
      shape?: Record<string, z.ZodType>;
      element?: z.ZodType;
    };
    if (def.innerType) s = def.innerType;
    else if (def.type === "pipe") s = def.in;
    else if (i < path.length && def.type === "object") s = def.shape?.[String(path[i++])];
    else if (i < path.length && def.type === "array") {
      s = def.element;
      i++;
    } else break;
  }
  return i === path.length ? chain : [];
}

function examplesOf(chain: z.ZodType[]): unknown[] | undefined {
  for (const s of chain) {
    const ex = globalRegistry.get(s)?.examples;
    if (Array.isArray(ex) && ex.length > 0) return ex;
  }
  return undefined;
}

/** What a field's schema expects, worded; with an example. */
function schemaExpected(chain: z.ZodType[], lang: Lang): { expected: string; example?: string } {
  const ja = lang === "ja";
  const leaf = chain.at(-1);
  const examples = examplesOf(chain);
  const example = examples?.map(String).join(", ");
  const def = leaf?._zod.def as
    | { type: string; entries?: Record<string, unknown>; values?: unknown[]; checks?: z.core.$ZodCheck[] }
    | undefined;
  switch (def?.type) {
    case "number": {
      const leafNumber = leaf as unknown as { isInt: boolean };
      const bound = (check: "greater_than" | "less_than") => {
        const c = (def.checks ?? [])
          .map((k) => k._zod.def as { check: string; value?: number; inclusive?: boolean })
          .find((k) => k.check === check);
        return c?.value === undefined ? undefined : { value: c.value, inclusive: c.inclusive !== false };
      };
      const min = bound("greater_than");
      const max = bound("less_than");
      const kind = ja ? (leafNumber.isInt ? "整数" : "数値") : leafNumber.isInt ? "an integer" : "a number";
      let expected: string = kind;
      if (min?.inclusive && max?.inclusive)
        expected = ja
          ? `${min.value} から ${max.value} までの${kind}`
          : `${kind} from ${min.value} to ${max.value}`;
      else {
        const parts: string[] = [];
        if (min)
          parts.push(
            ja
              ? `${min.value} ${min.inclusive ? "以上" : "より大きい"}`
              : `${min.inclusive ? "at least" : "greater than"} ${min.value}`,
          );
        if (max)
          parts.push(
            ja
              ? `${max.value} ${max.inclusive ? "以下" : "未満"}`
              : `${max.inclusive ? "at most" : "less than"} ${max.value}`,
          );
        if (parts.length > 0)
          expected = ja ? `${parts.join("、")}の${kind}` : `${kind} ${parts.join(" and ")}`;
      }
      const fallback = min ? (min.inclusive ? min.value : min.value + 1) : max ? Math.min(1, max.value) : 1;
      return { expected, example: example ?? String(fallback) };
    }
    case "enum": {
      const values = Object.values(def.entries ?? {}).map(String);
      return {
        expected: ja ? `次のいずれか: ${values.join("、")}` : `one of ${values.join(", ")}`,
        example: example ?? values[0],
      };
    }
    case "literal": {
      const values = (def.values ?? []).map(String);
      return {
        expected: ja ? `値 ${values.join("、")}` : `the value ${values.join(" or ")}`,
        example: values[0],
      };
    }
    case "boolean":
      return { expected: ja ? "true または false" : "true or false", example: "true" };
    default:
      return { expected: ja ? "文字列" : "a text", ...(example ? { example } : {}) };
  }
}

function sentence(
  part: RequestPart,
  field: string,
  given: string | undefined,
  e: { expected: string; example?: string },
  lang: Lang,
): string {
  if (lang === "ja") {
    const name = `${PART_NAMES.ja[part]}「${field}」`;
    const got = given === undefined ? "が指定されていません" : `の値「${given}」は使えません`;
    return `${name}${got}。${e.expected}を指定してください${e.example ? `（例: ${e.example}）` : ""}。`;
  }
  const name = `${PART_NAMES.en[part]} “${field}”`;
  const got = given === undefined ? "is missing" : `was given "${given}"`;
  return `${name} ${got}; expected ${e.expected}${e.example ? `, e.g. ${e.example}` : ""}.`;
}

function worded(
  part: RequestPart,
  field: string,
  given: string | undefined,
  e: { expected: string; example?: string },
  lang: Lang,
): WordedIssue {
  return {
    field,
    in: part,
    ...(given === undefined ? {} : { given }),
    expected: e.expected,
    ...(e.example ? { example: e.example } : {}),
    reason: sentence(part, field, given, e, lang),
  };
}

function rawAt(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  let v: unknown = raw;
  for (const k of path)
    v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  if (v === undefined) return undefined;
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** zod's issues of one part of a request, worded: one per field (the first issue of each). */
export function wordZodIssues(
  part: RequestPart,
  schema: z.ZodType,
  raw: unknown,
  issues: readonly z.core.$ZodIssue[],
  lang: Lang,
): WordedIssue[] {
  const out: WordedIssue[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = issue.path;
    const field = path.map(String).join(".") || part;
    if (seen.has(field)) continue;
    seen.add(field);
    const given = rawAt(raw, path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push(
          worded(
            part,
            path.concat(key).map(String).join("."),
            rawAt(raw, path.concat(key)),
            { expected: lang === "ja" ? "この項目なし（未知の項目）" : "no such field" },
            lang,
          ),
        );
      continue;
    }
    const rule =
      issue.code === "custom" && (issue.params as { rule?: string } | undefined)?.rule
        ? (issue.params as RequestRule)
        : undefined;
    const e = rule ? ruleExpected(rule, lang) : schemaExpected(schemaAt(schema, path), lang);
    out.push(worded(part, field, given, e, lang));
  }
  return out;
}

/** A rule a handler found broken, worded. */
export function wordRule(
  field: string,
  given: string | undefined,
  rule: RequestRule,
  part: RequestPart,
  lang: Lang,
): WordedIssue {
  return worded(part, field, given, ruleExpected(rule, lang), lang);
}

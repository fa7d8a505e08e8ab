/**
 * A seeded, reproducible fuzzer of every parser a request can reach (issue 14 "Proof"): the same
 * seed gives the same inputs on every machine. The HTTP operations come from the OpenAPI document
 * the app serves (like the access sweep), so a route added later is fuzzed with no edit here:
 * - GET query strings built from each operation's declared parameters (valid, mutated, repeated,
 *   unknown, badly percent-encoded), path parameters (locode, ids) likewise;
 * - JSON bodies for every POST/PUT/PATCH: a valid-shaped body (from the schema, or a seed for the
 *   routes whose schema is "any object": DCSA events, telemetry, scenarios, exchange messages) then
 *   mutated (wrong types, huge numbers, deep nesting, unicode, NaN-ish strings, `__proto__` /
 *   `constructor` keys, duplicate keys, truncated text, wrong content types).
 * - The file parsers a request cannot reach over HTTP but the CLI's imports do (gate, rail and
 *   receiving-rule CSV, equipment and telemetry CSV, hourly hydrogen demand, NMEA, EDIFACT, DCSA
 *   files) are fuzzed in-process by the caller with the text generators below.
 *
 * The PRNG is sfc32 (Chris Doty-Humphrey's PractRand "small fast chaotic" generator, 32-bit), seeded
 * through splitmix32 so that nearby seeds give unrelated streams.
 */

/** sfc32 with a splitmix32-seeded state. `new Prng(1).int(10)` is the same number everywhere. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    let s = seed >>> 0;
    const split = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.u32();
  }
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }
  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** JSON Schema as the OpenAPI 3.1 document carries it (the subset the generator reads). */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  examples?: unknown[];
  default?: unknown;
}

export interface FuzzParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: Schema;
}

export interface FuzzOperation {
  method: string;
  path: string;
  operationId: string;
  access: string[];
  parameters: FuzzParameter[];
  body?: Schema;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** Every operation of an OpenAPI document, with its parameters and JSON body schema. */
export function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): FuzzOperation[] {
  const out: FuzzOperation[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, raw] of Object.entries(ops)) {
      if (!METHODS.includes(method)) continue;
      const op = raw as {
        operationId?: string;
        "x-access"?: string[];
        parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      };
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId ?? `${method} ${path}`,
        access: op["x-access"] ?? [],
        parameters: (op.parameters ?? [])
          .filter((p) => p.in === "path" || p.in === "query")
          .map((p) => ({
            name: p.name,
            in: p.in as "path" | "query",
            required: p.required === true,
            schema: p.schema ?? {},
          })),
        ...(op.requestBody?.content?.["application/json"]?.schema
          ? { body: op.requestBody.content["application/json"].schema }
          : {}),
      });
    }
  return out;
}

// ---- evil values ---------------------------------------------------------------------------------

/** Strings that have broken parsers somewhere: NaN-ish, numeric edge cases, unicode, injection. */
export const EVIL_STRINGS: readonly string[] = [
  "",
  " ",
  "0",
  "-0",
  "-1",
  "1e309",
  "-1e309",
  "1e-400",
  "9007199254740993",
  "99999999999999999999999999",
  "0x1F",
  "0b101",
  "1_000",
  "١٢٣",
  "NaN",
  "nan",
  "Infinity",
  "-Infinity",
  "null",
  "undefined",
  "true",
  "false",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff\ud800",
  "🚢⚓️🌊",
  "名古屋港",
  "ﾅｺﾞﾔ",
  "\u202eXALSU",
  "e\u0301",
  "USLAX",
  "JPNGO",
  "uslax",
  "US LAX",
  "XXXXX",
  "ZZ999",
  "2026-11-01",
  "2026-02-30",
  "2026-13-01",
  "0000-01-01",
  "9999-12-31",
  "2026-11-01T25:00:00Z",
  "2026-11-01T08:00:00Z",
  "2026-11-01T08:00:00+14:00",
  "2026-11-01T08:00:00-99:99",
  "+275760-09-13T00:00:00Z",
  "-271821-04-20T00:00:00Z",
  "1970-01-01T00:00:00Z",
  "2026-11-01T08:00:00.123456789Z",
  "MSCU1234566",
  "MSCU1234567",
  "CSQU3054383",
  "366999000",
  "0000000000",
  "9321483",
  "../../etc/passwd",
  "..%2F..%2F",
  "%00",
  "%",
  "%zz",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
  "${jndi:ldap://x}",
  "{{7*7}}",
  "a,b,c",
  '"quoted"',
  "line\nbreak",
  "tab\tbed",
  "\r\n",
  "http://127.0.0.1:1/",
  "https://dispatch.example.com/hooks/sisterports",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "*",
];

function longString(rng: Prng): string {
  const unit = rng.pick(["a", "9", "é", "港", "🚢", ",", "%41", "\\"]);
  return unit.repeat(rng.pick([100, 1001, 5000, 70_000]));
}

export function evilString(rng: Prng): string {
  const r = rng.next();
  if (r < 0.8) return rng.pick(EVIL_STRINGS);
  if (r < 0.9) return longString(rng);
  return randomText(rng, 1 + rng.int(40));
}

/** Random text over a mix of ASCII, control characters and a few multi-byte code points. */
export function randomText(rng: Prng, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) {
    const r = rng.next();
    if (r < 0.7) s += String.fromCharCode(32 + rng.int(95));
    else if (r < 0.8) s += String.fromCharCode(rng.int(32));
    else if (r < 0.9) s += String.fromCharCode(0x80 + rng.int(0x780));
    else s += rng.pick(["港", "🚢", "\ud800", "\ufeff", "\u2028", "é"]);
  }
  return s;
}

const EVIL_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  1970,
  2026,
  2050,
  2101,
  10_000,
  8761,
  1e9,
];

/**
 * Objects JSON.parse can give whose well-known keys are data, not functions: `String(o)` and
 * template literals throw on the first two ("Cannot convert object to primitive value").
 */
export const POISONED_OBJECTS: readonly (() => unknown)[] = [
  () => ({ toString: 1 }),
  () => ({ toString: 1, valueOf: 2 }),
  () => ({ valueOf: "x", toString: null }),
  () => ({ toJSON: 1 }),
  () => JSON.parse('{"then":1}') as unknown, // a thenable to whatever awaits it
  () => ({ length: 1e9 }),
  () => ({ length: -1, 0: "a" }),
  () => JSON.parse('{"__proto__":{"toString":1}}') as unknown,
];

/** A wrong or extreme JSON value of any type, nested up to `depth`. */
export function evilValue(rng: Prng, depth = 0): unknown {
  const r = rng.int(13);
  switch (r) {
    case 12:
      return rng.pick(POISONED_OBJECTS)();
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
    case 3:
      return rng.pick(EVIL_NUMBERS);
    case 4:
    case 5:
    case 6:
      return evilString(rng);
    case 7:
      return depth > 2 ? [] : Array.from({ length: rng.int(4) }, () => evilValue(rng, depth + 1));
    case 8:
      return depth > 2
        ? {}
        : { [rng.pick(["a", "__proto__", "constructor", "x"])]: evilValue(rng, depth + 1) };
    case 9:
      return deepNest(rng);
    case 10:
      return rng.chance(0.5) ? [] : {};
    default:
      return rng.chance(0.5) ? rng.int(1000) : rng.pick(["USLAX", "JPNGO", "2026-11-01"]);
  }
}

/** Nested arrays or objects, sometimes deeper than a naive recursive walk survives. */
function deepNest(rng: Prng): unknown {
  const depth = rng.pick([10, 100, 1000, 5000]);
  let v: unknown = rng.chance(0.5) ? 1 : "x";
  const asArray = rng.chance(0.5);
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

// ---- values from a schema ----------------------------------------------------------------------

function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.properties) return ["object"];
  if (s.items) return ["array"];
  return [];
}

/** A value the schema accepts (as far as a generator can tell), from examples, enums and bounds. */
export function validOf(rng: Prng, s: Schema, depth = 0): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return rng.pick(s.enum);
  if (s.examples?.length && rng.chance(0.7)) return rng.pick(s.examples);
  if (s.default !== undefined && rng.chance(0.3)) return s.default;
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return validOf(rng, rng.pick(alts), depth);
  if (s.allOf?.length) return validOf(rng, s.allOf[0]!, depth);
  const type = rng.pick(
    typesOf(s)
      .filter((t) => t !== "null")
      .concat(typesOf(s).length ? [] : ["string"]),
  );
  switch (type) {
    case "integer":
    case "number": {
      const lo = s.minimum ?? s.exclusiveMinimum ?? 0;
      const hi = s.maximum ?? s.exclusiveMaximum ?? Math.max(lo + 100, 100);
      const v = lo + rng.next() * Math.min(hi - lo, 1e6);
      return type === "integer" ? Math.floor(v) : Math.round(v * 1000) / 1000;
    }
    case "boolean":
      return rng.chance(0.5);
    case "array": {
      if (depth > 4) return [];
      const n = Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, rng.int(4)));
      return Array.from({ length: n }, () => validOf(rng, s.items ?? {}, depth + 1));
    }
    case "object": {
      if (depth > 4) return {};
      const o: Record<string, unknown> = {};
      for (const [k, sub] of Object.entries(s.properties ?? {}))
        if (s.required?.includes(k) || rng.chance(0.6)) o[k] = validOf(rng, sub, depth + 1);
      return o;
    }
    default:
      return stringFor(rng, s);
  }
}

function stringFor(rng: Prng, s: Schema): string {
  switch (s.format) {
    case "date-time":
      return "2026-11-01T08:00:00Z";
    case "date":
      return "2026-11-01";
    case "uri":
      return "https://dispatch.example.com/hooks/sisterports";
  }
  const words = ["USLAX", "JPNGO", "2026-11-01", "2026-11-01T08:00:00Z", "MSCU1234566", "fuzz", "a"];
  const w = rng.pick(words);
  return s.maxLength !== undefined ? w.slice(0, s.maxLength) : w;
}

// ---- mutation of a JSON tree -------------------------------------------------------------------

/** Replaces, removes or adds one node somewhere in the tree (a copy; the input is left alone). */
export function mutateValue(rng: Prng, v: unknown, depth = 0): unknown {
  const here = depth > 6 || v === null || typeof v !== "object" || rng.chance(0.25);
  if (here) return evilValue(rng);
  if (Array.isArray(v)) {
    const copy = [...v];
    const r = rng.int(3);
    if (r === 0 || copy.length === 0) copy.push(evilValue(rng));
    else if (r === 1) copy.splice(rng.int(copy.length), 1);
    else if (rng.chance(0.02)) {
      // many copies of an element: a batch at and beyond its limit (rare: a 10,000-event batch
      // takes a DCSA schema check of 10,000 events)
      const n = rng.pick([100, 100, 1000, 10_001]);
      const e = copy[rng.int(copy.length)];
      return Array.from({ length: n }, () => e);
    } else {
      const i = rng.int(copy.length);
      copy[i] = mutateValue(rng, copy[i], depth + 1);
    }
    return copy;
  }
  const o: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  const keys = Object.keys(o);
  const r = rng.int(4);
  if (r === 0 || keys.length === 0) {
    const k = rng.chance(0.5)
      ? rng.pick(["__proto__", "constructor", "prototype", "toString"])
      : evilString(rng);
    Object.defineProperty(o, k, {
      value: evilValue(rng),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else if (r === 1) delete o[rng.pick(keys)];
  else {
    const k = rng.pick(keys);
    o[k] = mutateValue(rng, o[k], depth + 1);
  }
  return o;
}

/** JSON text; numbers beyond double range and duplicate keys need text-level tricks. */
export function jsonText(rng: Prng, v: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(v) ?? "null";
  } catch {
    text = "[]"; // a cycle cannot happen here, but deep values can exceed the stack
  }
  const r = rng.next();
  if (r < 0.05)
    text = text.replace(/\d+(\.\d+)?/, "1e999"); // parses to Infinity
  else if (r < 0.08) text = text.replace(/^\{/, '{"__proto__":{"polluted":true},');
  else if (r < 0.11) text = text.replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},');
  else if (r < 0.14) text = text.replace(/^\{"([^"]*)":/, '{"$1":1,"$1":');
  return text;
}

/** Text-level damage: truncation, a flipped character, an inserted byte. */
export function damageText(rng: Prng, text: string): string {
  if (text.length === 0) return rng.pick(["", "{", "[", "null", "\u0000"]);
  const i = rng.int(text.length);
  switch (rng.int(5)) {
    case 0:
      return text.slice(0, i);
    case 1:
      return text.slice(0, i) + String.fromCharCode(rng.int(256)) + text.slice(i + 1);
    case 2:
      return (
        text.slice(0, i) + rng.pick(['"', "\\", "}", "]", ",", ":", "\n", "\u0000", "\ud800"]) + text.slice(i)
      );
    case 3:
      return text + text.slice(0, i);
    default:
      return text.slice(i);
  }
}

// ---- HTTP inputs -------------------------------------------------------------------------------

export interface FuzzRequest {
  family: string;
  operationId: string;
  method: string;
  url: string;
  /** Which principal sends it: a role (an API key of that role) or "public" (nobody). */
  as: string;
  headers: Record<string, string>;
  payload?: string;
}

/**
 * Seeds of the bodies whose schema says only "an object" or "an array of objects": the parsers
 * behind them (DCSA, telemetry, scenario, exchange) check the rest, so a valid-shaped start reaches
 * far deeper than the schema alone.
 */
export const BODY_SEEDS: Record<string, () => unknown> = {
  postEvents: () => [
    {
      eventID: "3cecb101-7a1a-43a4-9d62-000000000001",
      eventCreatedDateTime: "2026-11-01T08:01:00Z",
      eventType: "EQUIPMENT",
      eventClassifierCode: "ACT",
      eventDateTime: "2026-11-01T08:00:00Z",
      equipmentEventTypeCode: "DISC",
      equipmentReference: "MSCU1234566",
      ISOEquipmentCode: "45G1",
      emptyIndicatorCode: "LADEN",
      eventLocation: { UNLocationCode: "USLAX", facilityCode: "YUSEN", facilityCodeListProvider: "SMDG" },
      transportCall: {
        transportCallID: "123e4567-e89b-12d3-a456-426614174000",
        carrierServiceCode: "FE1",
        exportVoyageNumber: "2103S",
        UNLocationCode: "USLAX",
        modeOfTransport: "VESSEL",
        vessel: { vesselIMONumber: "9321483", vesselName: "King of the Seas" },
      },
      documentReferences: [{ documentReferenceType: "BKG", documentReferenceValue: "BKG1" }],
    },
  ],
  postTelemetry: () => [
    {
      port: "USLAX",
      unitId: "UTR-H2-01",
      periodStart: "2026-11-01",
      periodEnd: "2026-11-02",
      operatingH: 10,
      moves: 200,
      miles: null,
      chargedKwh: null,
      h2Kg: 20,
      dieselL: null,
      downtimeH: 1,
      downtimeReason: "maintenance",
    },
  ],
  scenario: () => ({
    port: "USLAX",
    name: "fuzz",
    baseYear: 2025,
    horizonYear: 2030,
    startingFleet: {
      source: "cohorts",
      cohorts: [{ category: "yard_tractor", powertrain: "diesel", modelYear: 2016, units: 3 }],
    },
    activity: { yard_tractor: { usefulLifeYears: 10, source: "fuzz" } },
    purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { battery: 100 } }],
    teuPerYear: { value: 9_911_159, source: "fuzz" },
  }),
  exchange: () => ({
    negotiationId: "neg-fuzz-1",
    agreementId: "agr-fuzz-1",
    seq: 0,
    kind: "propose",
    from: "USLAX",
    to: "JPNGO",
    at: "2026-11-01T08:00:00Z",
    terms: { datasets: ["emissions.totals"], purpose: "fuzz" },
    kid: "fuzz-key",
    signature: "AAAA",
  }),
};

/** The seed of an operation's body, by operation id or path. */
function bodySeed(op: FuzzOperation): (() => unknown) | undefined {
  if (op.path.endsWith("/events")) return BODY_SEEDS["postEvents"];
  if (op.path.endsWith("/telemetry")) return BODY_SEEDS["postTelemetry"];
  if (op.path.includes("/scenarios")) return BODY_SEEDS["scenario"];
  if (op.path.startsWith("/api/exchange/")) return BODY_SEEDS["exchange"];
  return undefined;
}

/** Values of path parameters a fuzzer may start from (a real port, ids that need not exist). */
const PATH_SEEDS: Record<string, readonly string[]> = {
  locode: ["USLAX", "JPNGO", "USLGB"],
  mmsi: ["366999000", "432428000"],
  id: ["fuzz-0000", "00000000-0000-0000-0000-000000000000"],
  ref: ["MSCU1234566", "CSQU3054383"],
  category: ["ogv", "harbor_craft", "che", "hdv", "rail"],
  sourceId: ["fuzz-0000", "9321483"],
  name: ["fuzz", "baseline"],
};

/** The family a request's parser belongs to, for the per-family counts. */
function familyOf(op: FuzzOperation, part: "query" | "path" | "body"): string {
  if (part === "body") {
    if (op.path.endsWith("/events")) return "body:dcsa-events";
    if (op.path.endsWith("/telemetry")) return "body:telemetry";
    if (op.path.includes("/scenarios")) return "body:scenario";
    if (op.path.startsWith("/api/exchange/")) return "body:exchange";
    if (op.path.startsWith("/api/session") || op.path.startsWith("/api/admin/")) return "body:access";
    return "body:other";
  }
  return part === "path" ? "path" : "query";
}

/** encodeURIComponent, with a lone surrogate sent as the bytes it would be in CESU-8 (invalid UTF-8). */
function encode(value: string): string {
  return value
    .replace(/[\ud800-\udfff]/g, "\u0000")
    .split("\u0000")
    .map(encodeURIComponent)
    .join("%ED%A0%80");
}

function encodeSegment(rng: Prng, value: string): string {
  const r = rng.next();
  if (r < 0.85) return encode(value);
  if (r < 0.95) return value.replace(/[/?#\s]/g, (c) => encodeURIComponent(c)); // raw unicode, bad %
  return rng.pick(["%", "%zz", "%00", "%2F", "..", ".", "%C0%AF", "%ED%A0%80"]);
}

function queryValue(rng: Prng, p: FuzzParameter): string {
  if (rng.chance(0.55)) {
    const v = validOf(rng, p.schema);
    return Array.isArray(v) ? v.join(",") : String(v);
  }
  return evilString(rng);
}

/** The role whose key lets the request reach its parsers: admin when allowed, else the first role. */
export function reachingRole(op: FuzzOperation): string {
  if (op.access.includes("public")) return "admin";
  if (op.access.includes("admin")) return "admin";
  return op.access[0] ?? "admin";
}

/** One request to one operation; `publicShare` of them are sent with no credentials. */
export function generateRequest(rng: Prng, op: FuzzOperation, publicShare = 0.1): FuzzRequest {
  // path
  let pathMutated = false;
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const seeds = PATH_SEEDS[name] ?? ["fuzz"];
    if (rng.chance(0.8)) return encode(rng.pick(seeds));
    pathMutated = true;
    return encodeSegment(rng, evilString(rng));
  });
  // query
  const pairs: string[] = [];
  let queryMutated = false;
  for (const p of op.parameters.filter((x) => x.in === "query")) {
    if (!p.required && rng.chance(0.3)) continue;
    const v = queryValue(rng, p);
    pairs.push(`${encode(p.name)}=${encodeSegment(rng, v)}`);
    if (rng.chance(0.05)) pairs.push(`${encode(p.name)}=${encodeSegment(rng, queryValue(rng, p))}`);
    queryMutated = true;
  }
  if (rng.chance(0.1)) {
    pairs.push(
      rng.pick([
        "__proto__[polluted]=1",
        "constructor[prototype][polluted]=1",
        "__proto__=1",
        "a[b][c]=1",
        "&&&",
        "=",
        "x=%",
        `k=${"v".repeat(9000)}`,
        Array.from({ length: 1100 }, (_, i) => `p${i}=1`).join("&"),
      ]),
    );
    queryMutated = true;
  }
  let full = pairs.length ? `${url}?${pairs.join("&")}` : url;
  if (rng.chance(0.02)) full += rng.pick(["?", "#frag", "?&", "/", "//", "/.."]);

  const as = rng.chance(publicShare) ? "public" : reachingRole(op);
  const headers: Record<string, string> = {};
  if (rng.chance(0.2)) headers["accept-language"] = rng.pick(["ja", "en", "ja;q=x", "*", "", "zz;q=1e999"]);
  let payload: string | undefined;
  let bodyMutated = false;
  if (op.method !== "GET" && op.method !== "DELETE" && (op.body || rng.chance(0.3))) {
    const seed = bodySeed(op);
    let value: unknown = seed && rng.chance(0.8) ? seed() : validOf(rng, op.body ?? { type: "object" });
    const r = rng.next();
    if (r < 0.7) {
      value = mutateValue(rng, value);
      if (rng.chance(0.3)) value = mutateValue(rng, value);
      bodyMutated = true;
    }
    payload = jsonText(rng, value);
    if (rng.chance(0.1)) {
      payload = damageText(rng, payload);
      bodyMutated = true;
    }
    const ct = rng.next();
    headers["content-type"] =
      ct < 0.9
        ? "application/json"
        : rng.pick([
            "text/plain",
            "application/json; charset=latin1",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=utf-8",
            "application/vnd.api+json",
            "",
          ]);
    if (headers["content-type"] === "") delete headers["content-type"];
  }
  const part =
    bodyMutated || (payload !== undefined && !pathMutated && !queryMutated)
      ? "body"
      : pathMutated
        ? "path"
        : "query";
  return {
    family: familyOf(op, part),
    operationId: op.operationId,
    method: op.method,
    url: full,
    as,
    headers,
    ...(payload !== undefined ? { payload } : {}),
  };
}

// ---- file inputs (parsers the CLI's imports reach) ---------------------------------------------

/** A CSV with the given header: valid-ish rows from `row`, then cells, quotes and lines damaged. */
export function csvText(rng: Prng, columns: readonly string[], row: (i: number) => string[]): string {
  const header = [...columns];
  if (rng.chance(0.1)) header.splice(rng.int(header.length), 1);
  if (rng.chance(0.05)) header.push(evilString(rng));
  if (rng.chance(0.05)) header.reverse();
  const lines = [(rng.chance(0.05) ? "\ufeff" : "") + header.join(",")];
  const n = rng.pick([0, 1, 2, 5, 20]);
  for (let i = 0; i < n; i++) {
    const cells = row(i);
    if (rng.chance(0.4)) cells[rng.int(cells.length)] = csvCell(evilString(rng));
    if (rng.chance(0.1)) cells.push(csvCell(evilString(rng)));
    if (rng.chance(0.1)) cells.pop();
    let line = cells.join(",");
    if (rng.chance(0.05)) line = damageText(rng, line);
    if (rng.chance(0.05)) line = `"${line}`;
    lines.push(line);
    if (rng.chance(0.05)) lines.push(line); // a duplicate row
    if (rng.chance(0.02)) lines.push("");
  }
  return lines.join(rng.chance(0.2) ? "\r\n" : "\n") + (rng.chance(0.5) ? "\n" : "");
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** NMEA text: lines of `corpus`, damaged, re-checksummed (so damage reaches the payload decoder). */
export function nmeaText(rng: Prng, corpus: readonly string[], checksum: (body: string) => string): string {
  const lines: string[] = [];
  const n = rng.pick([1, 2, 5, 20]);
  for (let i = 0; i < n; i++) {
    let line = rng.pick(corpus);
    const r = rng.next();
    if (r < 0.6) {
      const star = line.lastIndexOf("*");
      let body = line.slice(1, star > 0 ? star : undefined);
      const parts = body.split(",");
      const f = rng.int(parts.length);
      parts[f] =
        f === 5
          ? Array.from({ length: rng.pick([0, 1, 10, 28, 60, 200]) }, () =>
              String.fromCharCode(48 + rng.int(72)),
            ).join("")
          : rng.pick(["", "0", "9", "A", "B", "99", "-1", "x", "1.5", evilString(rng)]);
      body = rng.chance(0.1) ? parts.slice(0, rng.int(parts.length)).join(",") : parts.join(",");
      line = `${line[0] ?? "!"}${body}*${checksum(body)}`;
    } else if (r < 0.8) line = damageText(rng, line);
    else if (r < 0.85)
      line = `\\s:fuzz,c:${rng.pick(["1795003200", "-1", "x", "99999999999", ""])}*00\\${line}`;
    lines.push(line);
  }
  return lines.join(rng.chance(0.2) ? "\r\n" : "\n");
}

/** EDIFACT text: a fixture with segments dropped, repeated, cut or their elements replaced. */
export function edifactText(rng: Prng, fixture: string): string {
  const segs = fixture.split("'");
  const m = rng.pick([1, 2, 3, 5]);
  for (let k = 0; k < m; k++) {
    const i = rng.int(segs.length);
    const r = rng.int(5);
    if (r === 0) segs.splice(i, 1);
    else if (r === 1) segs.splice(i, 0, segs[i] ?? "");
    else if (r === 2) {
      const parts = (segs[i] ?? "").split("+");
      parts[rng.int(parts.length)] = rng.pick(["", "?", "??", ":::", "9999", evilString(rng)]);
      segs[i] = parts.join("+");
    } else if (r === 3) segs[i] = damageText(rng, segs[i] ?? "");
    else segs.length = i;
  }
  return segs.join("'");
}

/**
 * Framework-free HTTP route definitions. Capabilities describe their routes here with zod schemas
 * and a plain handler; `server/` mounts them on Fastify and derives the OpenAPI document, so no
 * capability imports the web framework.
 */
import { z } from "zod";
import { DomainError } from "./errors.ts";
import { parseContainerNumber } from "./ids.ts";
import { dateOrInstantS, isCalendarDate, isInstant, nowS, SECONDS_PER_DAY } from "./time.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteRequest<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  headers: Record<string, string | string[] | undefined>;
  /**
   * Who is asking and from where (set by server/ for every request; absent when a route handler is
   * called directly, e.g. in a unit test). Routes that sign in or out use `setSession`.
   */
  context?: RequestContext;
}

/** Who a request acts as once signed in (access/ decides with it; issue 14). */
export interface Principal {
  kind: "user" | "key";
  id: string;
  role: Exclude<Audience, "public">;
  /** UN/LOCODEs the principal may reach, or every port. */
  ports: readonly string[] | "*";
  /** The terminal id or company the principal belongs to (terminal, trucking, partner roles). */
  owner?: string;
  /** The account's or key's name, for the audit log and "who am I". */
  name?: string;
}

/** What server/ tells a route about the request beyond its parts. */
export interface RequestContext {
  principal: Principal | null;
  /** The client's address as the server sees it. */
  ip: string;
  /** Whether the request came over TLS (a cookie is then marked Secure). */
  secure: boolean;
  /** The raw session token from the cookie, when one was presented and is valid. */
  sessionToken?: string;
  /** Sets (token) or clears (null) the session cookie on the reply. */
  setSession(token: string | null, maxAgeS?: number): void;
}

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Fastify-style path, e.g. `/api/ports/:locode`. */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  /**
   * Who may use the route (issue 14): enforced by server/ for every request through access/'s
   * `decide`, and published in the OpenAPI document as `x-access` (the access sweep reads it).
   */
  access: readonly Audience[];
  /**
   * How long the server may keep this request's answer (read routes only): "data" — until the
   * stored data changes (the answer depends on nothing else); "second" — also only within the
   * current second (the handler reads the clock in whole seconds, e.g. a default `to` of now).
   * Absent: never kept.
   */
  cache?: (request: RouteRequest<z.output<P>, z.output<Q>, z.output<B>>) => "data" | "second";
  params?: P;
  query?: Q;
  body?: B;
  /**
   * True when the route reads or changes no port's data (signing in, accounts, keys): a principal
   * scoped to some ports may use it. Otherwise a route whose path names no port (a call by id) is
   * open only to principals of every port. Published as `x-port-scope: "none"`.
   */
  portless?: boolean;
  /** Largest request body accepted, in bytes (server/ defaults to 1 MiB). */
  bodyLimitBytes?: number;
  /** Schema of the 200 reply. */
  response: R;
  /**
   * Media type of a non-JSON reply (e.g. "text/csv"): the handler returns the body as text and
   * `download` names the file the browser saves it as.
   */
  produces?: {
    contentType: string;
    /** The reply's media type when it depends on the request (e.g. ?format=json). */
    contentTypeOf?: (request: RouteRequest<z.output<P>, z.output<Q>, z.output<B>>) => string;
    download?: (request: RouteRequest<z.output<P>, z.output<Q>, z.output<B>>) => string;
  };
  handler(request: RouteRequest<z.output<P>, z.output<Q>, z.output<B>>): Promise<z.input<R>>;
}

/** Keeps the generic parameters when collecting routes of different shapes in one array. */
export function defineRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(route: RouteDef<P, Q, B, R>): RouteDef {
  return route as unknown as RouteDef;
}

/** Who a route is for (DESIGN.md "Access"): the public, or a role. */
export type Audience = "public" | "analyst" | "terminal" | "trucking" | "partner" | "sister_port" | "admin";

/**
 * The rules a request can break that server/ words for a person (field, what was given, what is
 * expected, an example) in the client's language. Shape rules come from the zod schemas; these are
 * the ones a schema names itself (`rule` in a check's params) or a handler checks across fields.
 */
export type RequestRule =
  | { rule: "dateOrInstant" }
  | { rule: "instant" }
  | { rule: "locode" }
  | { rule: "mmsi" }
  | { rule: "beforeOther"; other: string }
  | { rule: "maxRangeDays"; maxDays: number }
  | { rule: "maxSteps"; maxSteps: number }
  | { rule: "containerList"; max: number }
  /** A webhook URL whose host is (or resolves to) an address the node may not call, and why. */
  | { rule: "webhookTarget"; refusal: string; address: string };

/** A request that breaks a rule; its issue carries the rule so that server/ can word it. */
export class RequestInvalid extends DomainError {
  readonly field: string;
  readonly given: string | undefined;
  readonly rule: RequestRule;

  constructor(field: string, given: string | undefined, rule: RequestRule) {
    super("validation", `${field}: ${given ?? "(missing)"} breaks rule ${rule.rule}`, [
      { field, reason: rule.rule },
    ]);
    this.field = field;
    this.given = given;
    this.rule = rule;
  }
}

/** Query schema of a time: a date (read in the port's zone by the handler) or a date-time with an offset. */
export function dateOrInstantSchema() {
  return z
    .string()
    .refine((v) => isCalendarDate(v) || isInstant(v), { params: { rule: "dateOrInstant" } })
    .meta({ examples: ["2026-11-01", "2026-11-01T08:00:00Z"] });
}

/** Query schema of a comma-separated list of ISO 6346 container numbers (check digit verified), at most `max`. */
export function containerListSchema(max: number) {
  return z
    .string()
    .refine(
      (v) => {
        const items = v.split(",").map((x) => x.trim());
        return items.length <= max && items.every((x) => parseContainerNumber(x).ok);
      },
      { params: { rule: "containerList", max } },
    )
    .meta({ examples: ["CSQU3054383,MSCU1234566"] });
}

/** The container numbers of a list `containerListSchema` accepted, normalised (AAAU1234567). */
export function containerList(v: string): string[] {
  return v.split(",").map((x) => {
    const r = parseContainerNumber(x.trim());
    return r.ok ? r.value : x.trim();
  });
}

/** Query schema of a date-time with an offset. */
export function instantSchema() {
  return z
    .string()
    .refine((v) => isInstant(v), { params: { rule: "instant" } })
    .meta({ examples: ["2026-11-01T08:00:00Z"] });
}

/** Query fields `from` and `to` of a time window, read in the port's zone by {@link timeWindow}. */
export function timeWindowQuery(defaultDays: number) {
  return {
    from: dateOrInstantSchema()
      .optional()
      .describe(
        `start: a date (its midnight in the port's zone) or a date-time with an offset; default ${defaultDays} days before \`to\``,
      ),
    to: dateOrInstantSchema()
      .optional()
      .describe(
        "end (exclusive): a date (its midnight in the port's zone) or a date-time with an offset; default now",
      ),
  };
}

/**
 * The window [fromS, toS) of a query made with {@link timeWindowQuery}: `to` defaults to now (whole
 * seconds), `from` to `defaultDays` before it; an empty window or one longer than `maxDays` is a 400.
 */
export function timeWindow(
  q: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
  limits: { defaultDays: number; maxDays: number },
): { fromS: number; toS: number } {
  const toS = q.to ? dateOrInstantS(q.to, timeZone) : nowS();
  const fromS = q.from ? dateOrInstantS(q.from, timeZone) : toS - limits.defaultDays * SECONDS_PER_DAY;
  if (!(toS > fromS)) throw new RequestInvalid("from", q.from, { rule: "beforeOther", other: "to" });
  if (toS - fromS > limits.maxDays * SECONDS_PER_DAY)
    throw new RequestInvalid("to", q.to, { rule: "maxRangeDays", maxDays: limits.maxDays });
  return { fromS, toS };
}

/** Cache rule of a windowed read: with `to` given the answer is the data's; defaulting to now, the second's. */
export const cacheByTo = ({ query }: { query: { to?: string | undefined } }) =>
  query.to !== undefined ? ("data" as const) : ("second" as const);

/** The port's code (upper case) and time zone; not_found when the node does not know it. */
export function knownPort(
  timeZoneOf: (locode: string) => string | undefined,
  locode: string,
): { port: string; timeZone: string } {
  const port = locode.toUpperCase();
  const timeZone = timeZoneOf(port);
  if (timeZone === undefined) throw new DomainError("not_found", `unknown port ${locode}`);
  return { port, timeZone };
}

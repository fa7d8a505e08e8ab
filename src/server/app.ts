/**
 * The Fastify application: mounts every capability's routes, the OpenAPI document and docs, maps
 * errors to problem+json, and serves the built portal. Composition only: no domain logic here.
 */

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from "fastify";
import { z } from "zod";
import { type AccessRouteDeps, accessRoutes } from "../access/index.ts";
import { aisRoutes } from "../ais/index.ts";
import { callRoutes } from "../calls/index.ts";
import { DomainError, isDomainError } from "../core/errors.ts";
import { RequestInvalid, type RouteDef } from "../core/http.ts";
import { emissionRoutes } from "../emissions/index.ts";
import { exchangeRoutes, exchangeViewRoutes, syncAgreement } from "../exchange/index.ts";
import {
  alertRoutes,
  type OperationsRouteDeps,
  operationsRoutes,
  type WebhookTargets,
} from "../operations/index.ts";
import { portRoutes } from "../ports/index.ts";
import type { Store } from "../store/index.ts";
import {
  emissionsServiceDeps,
  exchangeDatasetRows,
  exchangeEngineDeps,
  hydrogenTables,
  parseDcsaBody,
  referenceTables,
  scorecardTables,
  shippedSolarYear,
} from "../store/services.ts";
import {
  fleetRoutes,
  hydrogenRoutes,
  type ScenarioTablesIn,
  scenarioRoutes,
  scenarioTablesFrom,
} from "../transition/index.ts";
import {
  type AccessEnforcementOptions,
  type AccessRouteConfig,
  installAccessEnforcement,
  requestContext,
} from "./access.ts";
import { APP_VERSION, REPO_ROOT } from "./paths.ts";
import { problemFor } from "./problem.ts";
import { portRegionOf } from "./regions.ts";
import { type CachedAnswer, ResponseCache } from "./response-cache.ts";
import {
  type Lang,
  requestLanguage,
  TITLE_INVALID,
  type WordedIssue,
  wordRule,
  wordZodIssues,
} from "./validation.ts";

export interface BuildAppOptions {
  store: Store;
  /** Folder of the built portal; not served when absent. */
  webDir?: string;
  logger?: FastifyServerOptions["logger"];
  logRequests?: boolean;
  /**
   * Proxies whose X-Forwarded-For gives the client's address (config SP_TRUST_PROXY; default none):
   * the audit log's "from where" and the per-address rate limits use `request.ip`, which Fastify
   * takes from the header only when the TCP peer is one of these.
   */
  trustProxy?: false | number | string[];
  /** DCSA T&T event parser for POST /api/ports/{locode}/events (the operations parsers). */
  parseEvents?: OperationsRouteDeps["parseEvents"];
  /** Called after a change to the data succeeded (a 2xx POST/PUT/PATCH/DELETE outside the exchange). */
  onDataChanged?: () => void;
  /**
   * Where alert webhooks may go (subscriptions checked, test pings sent through it); default:
   * public addresses only. `serve` builds it from the configuration (SP_ALERTS_ALLOW_PRIVATE).
   */
  webhookTargets?: WebhookTargets;
  /**
   * Rate limits of the access enforcement and of sign-in, and the scrypt cost of new passwords
   * (defaults in access.ts, access/routes.ts and access/secrets.ts); tests and the fuzz bench set them.
   */
  limits?: Pick<AccessEnforcementOptions, "mutationLimits" | "badKeyLimits"> & {
    login?: AccessRouteDeps["loginLimits"];
    passwordScrypt?: AccessRouteDeps["passwordScrypt"];
  };
}

/**
 * zod → JSON Schema. Fastify's serializer (fast-json-stringify) reads draft-7; the OpenAPI 3.1
 * document carries JSON Schema 2020-12 (STACK.md trap 1: draft-7's `additionalItems`,
 * `propertyNames` and numeric exclusive bounds are not 3.0 and not 2020-12 either).
 */
function jsonSchema(
  schema: z.ZodType,
  io: "input" | "output",
  target: "draft-7" | "draft-2020-12" = "draft-7",
) {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target, io, unrepresentable: "any" });
  return rest;
}

/** The route's schema as Fastify and the OpenAPI document see it, in one JSON Schema draft. */
function routeSchema(route: RouteDef, target: "draft-7" | "draft-2020-12") {
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: route.tags,
    ...(route.params ? { params: jsonSchema(route.params, "input", target) } : {}),
    ...(route.query ? { querystring: jsonSchema(route.query, "input", target) } : {}),
    ...(route.body ? { body: jsonSchema(route.body, "input", target) } : {}),
    response: {
      200: route.produces
        ? {
            description: route.produces.contentType,
            content: { [route.produces.contentType]: { schema: { type: "string" } } },
          }
        : jsonSchema(route.response, "output", target),
      "4xx": PROBLEM_SCHEMA,
      "5xx": PROBLEM_SCHEMA,
    },
  };
}

type RequestPart = "path" | "query" | "body";

/** Parses one part of a request with the route's zod schema; a failure lists every field, worded. */
function parsePart(schema: z.ZodType | undefined, value: unknown, part: RequestPart, lang: Lang): unknown {
  if (part !== "body") refuseNul(value, part, lang);
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new WordedValidation(wordZodIssues(part, schema, value, result.error.issues, lang));
}

/**
 * A NUL character in a path or query value is refused (400): no name or number holds one, and
 * PostgreSQL cannot store or compare text holding it (the query would fail as a 500).
 */
function refuseNul(value: unknown, part: RequestPart, lang: Lang): void {
  if (value === null || typeof value !== "object") return;
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const texts = Array.isArray(v) ? v : [v];
    if (texts.some((t) => typeof t === "string" && t.includes("\u0000"))) {
      const field = `${part}.${name}`;
      const reason =
        lang === "ja"
          ? `${field}: NUL 文字（U+0000）は使えません。`
          : `${field}: a NUL character (U+0000) is not allowed.`;
      throw new DomainError("validation", reason, [{ field, reason }]);
    }
  }
}

/** Validation issues already worded for the client (thrown by parsePart, answered by the error handler). */
class WordedValidation extends DomainError {
  constructor(readonly worded: WordedIssue[]) {
    super(
      "validation",
      worded.map((i) => i.reason).join(" "),
      worded.map((i) => ({ field: i.field, reason: i.reason })),
    );
  }
}

/** Below this, gzip saves less than it costs. */
const GZIP_MIN_BYTES = 1024;

/** Whether Accept-Encoding allows gzip (RFC 9110 §12.5.3: listed, or "*", with q above 0). */
function acceptsGzip(header: string | string[] | undefined): boolean {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  return text.split(",").some((part) => {
    const [coding = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (coding === "gzip" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** Sends a kept answer, gzipped (once, then kept too) when the client accepts it. */
function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer) {
  if (answer.disposition) reply.header("content-disposition", answer.disposition);
  reply.header("vary", "accept-encoding").type(answer.contentType);
  if (answer.body.length >= GZIP_MIN_BYTES && acceptsGzip(request.headers["accept-encoding"])) {
    answer.gzip ??= gzipSync(answer.body, { level: 6 });
    return reply.header("content-encoding", "gzip").send(answer.gzip);
  }
  return reply.send(answer.body);
}

interface MountContext {
  cache: ResponseCache;
  dataVersion(): string | undefined;
  /** Differs at every start, so that an ETag from before a restart (other code, reset counters) never matches. */
  bootId: string;
}

function mountRoute(app: FastifyInstance, route: RouteDef, ctx: MountContext) {
  app.route({
    method: route.method,
    url: route.path,
    schema: routeSchema(route, "draft-7"),
    bodyLimit: route.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    // The OpenAPI document gets the 2020-12 form and who may use the route (see swagger transform);
    // the access hook (access.ts) enforces `access` from here.
    config: {
      docSchema: {
        ...routeSchema(route, "draft-2020-12"),
        "x-access": route.access,
        ...(route.portless ? { "x-port-scope": "none" } : {}),
      },
      access: route.access,
      portless: route.portless === true,
      operationId: route.operationId,
    } satisfies AccessRouteConfig & { docSchema: unknown },
    handler: async (request, reply) => {
      // zod is the one validator (Ajv is switched off below): coercion, defaults, refinements.
      const lang = requestLanguage(request.headers["accept-language"]);
      const parsed = {
        params: parsePart(route.params, request.params, "path", lang),
        query: parsePart(route.query, request.query, "query", lang),
        body: parsePart(route.body, request.body, "body", lang),
        headers: request.headers,
        context: requestContext(request),
      };
      // A read whose answer depends only on the request and the stored data (and the current
      // second, for some) is kept until the data changes.
      // A principal with an owner (a terminal, a company) may get an answer confined to its own
      // data under the same address as the full one: such answers are never kept nor served kept.
      const policy =
        route.method === "GET" && !parsed.context?.principal?.owner ? route.cache?.(parsed) : undefined;
      const dataVersion = policy ? ctx.dataVersion() : undefined;
      const version =
        dataVersion === undefined
          ? undefined
          : policy === "second"
            ? `${dataVersion}@${Math.floor(Date.now() / 1000)}`
            : dataVersion;
      if (version !== undefined) {
        const etag = `W/"${ctx.bootId}-${version}"`;
        reply.header("etag", etag);
        const ifNoneMatch = request.headers["if-none-match"];
        if (ifNoneMatch?.split(",").some((t) => t.trim() === etag)) return reply.code(304).send();
        const hit = ctx.cache.get(request.url, version);
        if (hit) return sendAnswer(request, reply, hit);
      }
      const body = await route.handler(parsed);
      let contentType = "application/json; charset=utf-8";
      let disposition: string | undefined;
      if (route.produces) {
        contentType = route.produces.contentTypeOf?.(parsed) ?? route.produces.contentType;
        const file = route.produces.download?.(parsed);
        if (file) disposition = `attachment; filename="${file}"`;
      }
      if (version === undefined) {
        if (disposition) reply.header("content-disposition", disposition);
        return reply.type(contentType).send(body);
      }
      const text = route.produces ? String(body) : (reply.serialize(body) as string);
      const answer: CachedAnswer = {
        version,
        contentType,
        body: Buffer.from(text),
        ...(disposition ? { disposition } : {}),
      };
      // Kept only when nothing was written meanwhile (the answer may have read before and after).
      if (ctx.dataVersion() === dataVersion) ctx.cache.set(request.url, answer);
      return sendAnswer(request, reply, answer);
    },
  });
}

/**
 * Request bodies: 1 MiB for the API's JSON (event and telemetry batches, compute requests) unless a
 * route states its own (sign-in and admin forms: 16 KiB).
 */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** RFC 9457 problem details, as every error reply of the API is shaped. */
const PROBLEM_SCHEMA = {
  description: "RFC 9457 problem details (application/problem+json)",
  type: "object",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string" },
    instance: { type: "string" },
    issues: {
      type: "array",
      items: {
        type: "object",
        properties: {
          file: { type: "string" },
          line: { type: "integer" },
          field: { type: "string" },
          in: { type: "string", enum: ["path", "query", "body"] },
          given: { type: "string", description: "the value as sent" },
          expected: { type: "string" },
          example: { type: "string" },
          reason: { type: "string", description: "the whole sentence, in the client's language" },
        },
      },
    },
  },
  required: ["type", "title", "status", "detail", "code"],
};

const healthResponse = z.object({
  status: z.literal("ok"),
  version: z.string(),
  database: z.enum(["sqlite", "postgres"]),
});
export type Health = z.output<typeof healthResponse>;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // One line per request is noise at the console; at debug level it is wanted.
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    routerOptions: { ignoreTrailingSlash: true },
    // A hop count as proxy-addr's trust function: the nearest n addresses are proxies.
    trustProxy:
      typeof options.trustProxy === "number"
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(options.trustProxy)
        : (options.trustProxy ?? false),
  });

  // Who may use what, enforced once for every route mounted below (issue 14).
  installAccessEnforcement(app, {
    access: options.store.access,
    ...(options.limits?.mutationLimits ? { mutationLimits: options.limits.mutationLimits } : {}),
    ...(options.limits?.badKeyLimits ? { badKeyLimits: options.limits.badKeyLimits } : {}),
  });

  // Data arrived (an ingest, an import): the exchange publishes what changed soon after (issue 15).
  const onDataChanged = options.onDataChanged;
  if (onDataChanged)
    app.addHook("onResponse", async (request, reply) => {
      if (
        request.method !== "GET" &&
        request.method !== "HEAD" &&
        reply.statusCode < 300 &&
        !request.url.startsWith("/api/exchange/") &&
        !request.url.startsWith("/api/session")
      )
        onDataChanged();
    });

  // zod validates every request (mountRoute); Fastify's Ajv would answer first, in its own words.
  app.setValidatorCompiler(() => () => true);

  await app.register(fastifySwagger, {
    // The document shows the JSON Schema 2020-12 form of each route and who may use it.
    transform: ({ schema, url, route }) => ({
      schema: ((route.config as { docSchema?: typeof schema } | undefined)?.docSchema ??
        schema) as typeof schema,
      url,
    }),
    openapi: {
      openapi: "3.1.0",
      servers: [{ url: "/", description: "this node (the API is served beside the portal)" }],
      info: {
        title: "Sister Ports Exchange API",
        description:
          "Emissions, port calls, supply-chain KPIs, zero-emission planning and the sister-port exchange " +
          "for the Port of Los Angeles (USLAX) and the Port of Nagoya (JPNGO).",
        version: APP_VERSION,
        license: { name: "Apache-2.0", identifier: "Apache-2.0" },
      },
      tags: [
        { name: "system", description: "Health and metadata" },
        { name: "ports", description: "Port registry: ports, terminals, berths, geography" },
        { name: "vessels", description: "AIS: vessels on the map, particulars, tracks" },
        {
          name: "calls",
          description: "Port calls, operating modes, anchorage queue, speed-zone compliance, DCSA timestamps",
        },
        {
          name: "operations",
          description:
            "Supply chain: container events (DCSA Track & Trace), truck visits, rail moves, terminal KPIs, container search",
        },
        { name: "access", description: "Sign-in, sessions, accounts, API keys and the audit log" },
        {
          name: "emissions",
          description:
            "Activity-based emissions inventories (EPA / IMO methods), sources, progress against CAAP / CNP targets, one call's computation",
        },
      ],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });

  app.setErrorHandler((error, request, reply) => {
    const lang = requestLanguage(request.headers["accept-language"]);
    if (error instanceof WordedValidation || error instanceof RequestInvalid) {
      const issues =
        error instanceof WordedValidation
          ? error.worded
          : [ruleIssue(error, request.params, request.body, lang)];
      return reply
        .status(400)
        .type("application/problem+json")
        .send(validationProblem(issues, request.url, lang));
    }
    if (isDomainError(error)) {
      const problem = problemFor(error.code, error.message, request.url, error.issues);
      if (error.code === "validation") problem.title = TITLE_INVALID[lang];
      return reply.status(problem.status).type("application/problem+json").send(problem);
    }
    const fastifyError = error as { statusCode?: number; message?: string };
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      // e.g. a body that is not JSON, or too large: Fastify's own words.
      const problem = { ...problemFor("validation", fastifyError.message ?? "bad request", request.url) };
      problem.status = fastifyError.statusCode;
      problem.title = TITLE_INVALID[lang];
      return reply.status(fastifyError.statusCode).type("application/problem+json").send(problem);
    }
    request.log.error(error);
    return reply
      .status(500)
      .type("application/problem+json")
      .send(problemFor("internal", "unexpected error; see the server log", request.url));
  });

  const stored = await options.store.ports.listPorts();
  const knownPorts = new Set(stored.map((p) => p.locode));
  const timeZones = new Map(stored.map((p) => [p.locode, p.timeZone]));
  const currencies = new Map(stored.map((p) => [p.locode, p.currency]));
  let scenarioTables: ScenarioTablesIn | undefined;
  // A neighbour whose terminals lie in a registered port's waters (Long Beach, USLGB, in San Pedro
  // Bay) has calls of its own (issue 10): they are listed under its code, in the host port's zone.
  for (const p of stored)
    for (const f of p.geography.features) {
      const neighbour = f.properties["port"];
      if (typeof neighbour === "string" && !timeZones.has(neighbour)) timeZones.set(neighbour, p.timeZone);
    }
  const exchangeEngine = exchangeEngineDeps(options.store);
  const routes: RouteDef[] = [
    {
      method: "GET",
      path: "/api/health",
      operationId: "health",
      summary: "Liveness and the database in use",
      tags: ["system"],
      access: ["public"],
      response: healthResponse,
      handler: async () => ({ status: "ok" as const, version: APP_VERSION, database: options.store.kind }),
    },
    ...portRoutes(options.store.ports),
    ...aisRoutes({
      ais: options.store.ais,
      portRegion: portRegionOf(options.store),
      particularsDefaults: referenceTables().engineDefaults,
    }),
    ...callRoutes({ calls: options.store.calls, timeZoneOf: (locode) => timeZones.get(locode) }),
    ...emissionRoutes({
      ...emissionsServiceDeps(options.store),
      hasPort: (locode) => knownPorts.has(locode),
    }),
    ...operationsRoutes({
      operations: options.store.operations,
      calls: options.store.calls,
      timeZoneOf: (locode) => (knownPorts.has(locode) ? timeZones.get(locode) : undefined),
      parseEvents: options.parseEvents ?? parseDcsaBody,
    }),
    ...alertRoutes({
      operations: options.store.operations,
      timeZoneOf: (l) => (knownPorts.has(l) ? timeZones.get(l) : undefined),
      ...(options.webhookTargets ? { targets: options.webhookTargets } : {}),
    }),
    ...fleetRoutes({
      transition: options.store.transition,
      timeZoneOf: (locode) => (knownPorts.has(locode) ? timeZones.get(locode) : undefined),
      currencyOf: (locode) => currencies.get(locode),
      tables: scorecardTables,
    }),
    // Rollout scenarios (issue 13); their tables are built once, on first use.
    ...scenarioRoutes({
      transition: options.store.transition,
      timeZoneOf: (locode) => (knownPorts.has(locode) ? timeZones.get(locode) : undefined),
      currencyOf: (locode) => currencies.get(locode),
      scenarioTables: () => {
        scenarioTables ??= scenarioTablesFrom(scorecardTables());
        return scenarioTables;
      },
      demandEstimates: () => hydrogenTables().demand,
    }),
    ...accessRoutes({
      access: options.store.access,
      ...(options.limits?.login ? { loginLimits: options.limits.login } : {}),
      ...(options.limits?.passwordScrypt ? { passwordScrypt: options.limits.passwordScrypt } : {}),
    }),
    ...hydrogenRoutes({
      tables: hydrogenTables,
      solarYear: shippedSolarYear,
      knowsPort: (port) => knownPorts.has(port),
    }),
    // The sister-port exchange (issue 15): node document and catalog public; the peer's signed
    // negotiation messages, pulls, notices and receipts (each body checked against its node key).
    // Admin: negotiation steps and sync, delivered to the peer over HTTP; a valid notice starts a
    // pull in the background.
    ...exchangeRoutes({
      exchange: options.store.exchange,
      now: () => new Date(),
      engine: exchangeEngine,
      onNotice: (agreementId) =>
        void syncAgreement(exchangeEngine, agreementId).catch((error) =>
          app.log.warn({ agreementId, error: String(error) }, "exchange pull after a notice failed"),
        ),
    }),
    // What people read of the exchange: agreements, their logs and packages, the audit log.
    ...exchangeViewRoutes({
      exchange: options.store.exchange,
      now: () => new Date(),
      ownRows: (port, dataset, range) => exchangeDatasetRows(options.store, port, dataset, range),
    }),
  ];
  const ctx: MountContext = {
    cache: new ResponseCache(),
    dataVersion: () => options.store.dataVersion(),
    bootId: randomUUID().slice(0, 8),
  };
  for (const route of routes) mountRoute(app, route, ctx);

  // public. The document is fixed once the app is ready: made (and gzipped) once, on first request.
  let openapi: CachedAnswer | undefined;
  app.get("/api/openapi.json", { schema: { hide: true } }, async (request, reply) => {
    openapi ??= {
      version: APP_VERSION,
      contentType: "application/json; charset=utf-8",
      body: Buffer.from(JSON.stringify(app.swagger())),
    };
    return sendAnswer(request, reply, openapi);
  });

  const webDir = options.webDir;
  const indexHtml = webDir ? path.join(webDir, "index.html") : undefined;
  if (webDir && indexHtml && fs.existsSync(indexHtml)) {
    // wildcard: files built after start-up are served too; misses fall through to the SPA fallback.
    await app.register(fastifyStatic, { root: webDir, wildcard: true, index: ["index.html"] });
  }

  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api/");
    if (isPage && indexHtml && fs.existsSync(indexHtml)) {
      // Client-side routes (/ports/USLAX …) are the portal's: hand them its single page.
      return reply.type("text/html").send(fs.readFileSync(indexHtml));
    }
    const problem = problemFor("not_found", `no route ${request.method} ${request.url}`, request.url);
    return reply.status(404).type("application/problem+json").send(problem);
  });

  return app;
}

/**
 * The rule a handler found broken, worded; the field is a path parameter when the path names it,
 * a body field when the body does (a webhook URL), a query parameter otherwise.
 */
function ruleIssue(error: RequestInvalid, params: unknown, body: unknown, lang: Lang): WordedIssue {
  const names = (x: unknown) => x !== null && typeof x === "object" && error.field in x;
  const part = names(params) ? "path" : names(body) ? "body" : "query";
  return wordRule(error.field, error.given, error.rule, part, lang);
}

function validationProblem(issues: WordedIssue[], instance: string, lang: Lang) {
  return {
    ...problemFor("validation", issues.map((i) => i.reason).join(lang === "ja" ? "" : " "), instance),
    title: TITLE_INVALID[lang],
    issues,
  };
}

export const DEFAULT_WEB_DIR = path.join(REPO_ROOT, "web", "dist");

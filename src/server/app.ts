/**
 * The Fastify application: mounts every capability's routes, the OpenAPI document and docs, maps
 * errors to problem+json, and serves the built portal. Composition only: no domain logic here.
 */
import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import { z } from "zod";
import { aisRoutes } from "../ais/index.ts";
import { loadDefaultEngineTable } from "../ais/particulars-io.ts";
import { callRoutes } from "../calls/index.ts";
import { DomainError, isDomainError } from "../core/errors.ts";
import type { RouteDef } from "../core/http.ts";
import { emissionRoutes } from "../emissions/routes.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { portRoutes } from "../ports/index.ts";
import type { Store } from "../store/index.ts";
import { APP_VERSION, REPO_ROOT } from "./paths.ts";
import { problemFor } from "./problem.ts";
import { portRegionOf } from "./regions.ts";

export interface BuildAppOptions {
  store: Store;
  /** Folder of the built portal; not served when absent. */
  webDir?: string;
  logger?: FastifyServerOptions["logger"];
  logRequests?: boolean;
}

/** zod → JSON Schema in the draft Fastify's Ajv accepts (STACK.md trap 1). */
function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: "draft-7",
    io,
    unrepresentable: "any",
  });
  return rest;
}

function mountRoute(app: FastifyInstance, route: RouteDef) {
  app.route({
    method: route.method,
    url: route.path,
    schema: {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      ...(route.params ? { params: jsonSchema(route.params, "input") } : {}),
      ...(route.query ? { querystring: jsonSchema(route.query, "input") } : {}),
      ...(route.body ? { body: jsonSchema(route.body, "input") } : {}),
      response: {
        200: route.produces
          ? {
              description: route.produces.contentType,
              content: { [route.produces.contentType]: { schema: { type: "string" } } },
            }
          : jsonSchema(route.response, "output"),
        "4xx": PROBLEM_SCHEMA,
        "5xx": PROBLEM_SCHEMA,
      },
    },
    handler: async (request, reply) => {
      // Ajv checked the shapes; zod parses again for coercion, defaults and refinements.
      const parse = (schema: z.ZodType | undefined, value: unknown, where: string) => {
        if (!schema) return value;
        const result = schema.safeParse(value);
        if (!result.success) {
          const issues = result.error.issues.map((i) => ({
            field: `${where}.${i.path.join(".")}`,
            reason: i.message,
          }));
          throw new DomainError(
            "validation",
            issues.map((i) => `${i.field}: ${i.reason}`).join("; "),
            issues,
          );
        }
        return result.data;
      };
      const parsed = {
        params: parse(route.params, request.params, "params"),
        query: parse(route.query, request.query, "query"),
        body: parse(route.body, request.body, "body"),
        headers: request.headers,
      };
      const body = await route.handler(parsed);
      if (route.produces) {
        reply.type(route.produces.contentTypeOf?.(parsed) ?? route.produces.contentType);
        const file = route.produces.download?.(parsed);
        if (file) reply.header("content-disposition", `attachment; filename="${file}"`);
      }
      return body;
    },
  });
}

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
          reason: { type: "string" },
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

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // One line per request is noise at the console; at debug level it is wanted.
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    routerOptions: { ignoreTrailingSlash: true },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Sister Ports Exchange API",
        description:
          "Emissions, port calls, supply-chain KPIs, zero-emission planning and the sister-port exchange " +
          "for the Port of Los Angeles (USLAX) and the Port of Nagoya (JPNGO).",
        version: APP_VERSION,
        license: { name: "Apache-2.0" },
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
          name: "emissions",
          description:
            "Activity-based emissions inventories (EPA / IMO methods), sources, progress against CAAP / CNP targets, one call's computation",
        },
      ],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });

  app.setErrorHandler((error, request, reply) => {
    if (isDomainError(error)) {
      const problem = problemFor(error.code, error.message, request.url, error.issues);
      return reply.status(problem.status).type("application/problem+json").send(problem);
    }
    const fastifyError = error as { validation?: unknown; statusCode?: number; message?: string };
    if (fastifyError.validation) {
      const problem = problemFor("validation", fastifyError.message ?? "invalid request", request.url);
      return reply.status(400).type("application/problem+json").send(problem);
    }
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      const problem = { ...problemFor("validation", fastifyError.message ?? "bad request", request.url) };
      problem.status = fastifyError.statusCode;
      return reply.status(fastifyError.statusCode).type("application/problem+json").send(problem);
    }
    request.log.error(error);
    return reply
      .status(500)
      .type("application/problem+json")
      .send(problemFor("internal", "unexpected error; see the server log", request.url));
  });

  const knownPorts = new Set((await options.store.ports.listPorts()).map((p) => p.locode));
  const routes: RouteDef[] = [
    {
      method: "GET",
      path: "/api/health",
      operationId: "health",
      summary: "Liveness and the database in use",
      tags: ["system"],
      response: healthResponse,
      handler: async () => ({ status: "ok" as const, version: APP_VERSION, database: options.store.kind }),
    },
    ...portRoutes(options.store.ports),
    ...aisRoutes({
      ais: options.store.ais,
      portRegion: portRegionOf(options.store),
      particularsDefaults: loadDefaultEngineTable(),
    }),
    ...callRoutes({ calls: options.store.calls, hasPort: (locode) => knownPorts.has(locode) }),
    ...emissionRoutes({
      ais: options.store.ais,
      calls: options.store.calls,
      emissions: options.store.emissions,
      activity: options.store.emissionActivity,
      registry: loadPortRegistry(),
      hasPort: (locode) => knownPorts.has(locode),
    }),
  ];
  for (const route of routes) mountRoute(app, route);

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

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

export const DEFAULT_WEB_DIR = path.join(REPO_ROOT, "web", "dist");

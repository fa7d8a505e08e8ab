/**
 * Framework-free HTTP route definitions. Capabilities describe their routes here with zod schemas
 * and a plain handler; `server/` mounts them on Fastify and derives the OpenAPI document, so no
 * capability imports the web framework.
 */
import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteRequest<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  headers: Record<string, string | string[] | undefined>;
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
  params?: P;
  query?: Q;
  body?: B;
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

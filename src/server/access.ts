/**
 * Enforcement of access (issue 14), in one place: every route mounted from a RouteDef carries its
 * `access` list in the route config, and one onRequest hook resolves the principal (API key in
 * `Authorization: Bearer spx_…`, or the `sp_session` cookie), asks access/'s `decide`, checks the
 * CSRF header of cookie-authenticated changes and the per-principal rate of changes, and answers
 * problem+json 401/403/429 — auditing every denial. An onSend hook audits every key use and every
 * change with its status. Security headers go on every answer, API or portal.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  type AccessStore,
  type Actor,
  type ApiKeyRecord,
  accessMsg,
  auditEntry,
  csrfTokenFor,
  decide,
  principalFromKey,
  principalFromSession,
  safeEqual,
  sha256Hex,
  TokenBuckets,
} from "../access/index.ts";
import type { Audience, Principal, RequestContext } from "../core/http.ts";
import { problemFor } from "./problem.ts";
import { requestLanguage } from "./validation.ts";

export const SESSION_COOKIE = "sp_session";
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Routes a browser without a session may change through (signing in has no CSRF token yet). */
const CSRF_EXEMPT = new Set(["signIn"]);

/** What mountRoute puts in each route's config. */
export interface AccessRouteConfig {
  access?: readonly Audience[];
  operationId?: string;
  /** The route touches no port's data (RouteDef.portless). */
  portless?: boolean;
}

export interface AccessEnforcementOptions {
  access: AccessStore;
  nowMs?: () => number;
  /** Changes per principal: default 120 at once, refilling 2 a second. */
  mutationLimits?: TokenBuckets;
  /** Refused API keys per client address: default 10 a minute, then 429 (key guessing). */
  badKeyLimits?: TokenBuckets;
  /** Verified keys kept (default: 30 s each); a test gives its own to look at. */
  keyCache?: KeyPrincipalCache;
}

const contexts = new WeakMap<FastifyRequest, RequestContext>();

declare module "fastify" {
  interface FastifyInstance {
    /** Writes the audit entries and key last-use times the access hook holds (tests; close does it too). */
    flushAccessAudit(): Promise<void>;
  }
}

/** How often the hook's audit entries are written, and how many it holds at most before writing. */
const AUDIT_FLUSH_MS = 5_000;
const AUDIT_FLUSH_ENTRIES = 200;
/** A session's last-seen time is written at most this often. */
const SESSION_TOUCH_MS = 5 * 60_000;

/**
 * The hook's audit entries (denials, key use, changes) and key last-use times, written in batches:
 * every write moves the store's data version, and a write per read would end the server's answer
 * cache (ETag / 304) for every client holding a key. Each entry keeps its own time and outcome.
 */
class AuditBuffer {
  private entries: {
    actor: Actor;
    action: string;
    target: string;
    outcome: string;
    atMs: number;
    detail: Record<string, unknown>;
  }[] = [];
  private keysUsed = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  constructor(
    private readonly store: AccessStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  add(
    actor: Actor,
    action: string,
    target: string,
    outcome: string,
    atMs: number,
    detail: Record<string, unknown>,
  ) {
    this.entries.push({ actor, action, target, outcome, atMs, detail });
    if (actor.kind === "key" && actor.id) this.keysUsed.set(actor.id, atMs);
    if (this.entries.length >= AUDIT_FLUSH_ENTRIES) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), AUDIT_FLUSH_MS).unref();
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const entries = this.entries;
    const keys = this.keysUsed;
    this.entries = [];
    this.keysUsed = new Map();
    this.writing = this.writing.then(async () => {
      try {
        await this.store.appendAudit(
          entries.map((e) => auditEntry(e.actor, e.action, e.target, e.outcome, e.atMs, e.detail)),
        );
        for (const [id, atMs] of keys) await this.store.touchKey(id, new Date(atMs).toISOString());
      } catch (error) {
        this.onError(error);
      }
    });
    return this.writing;
  }
}

/** How long a verified API key is taken on trust before the store is read again (another process may revoke it). */
export const KEY_CACHE_MS = 30_000;
/** Keys held at most (each a few hundred bytes); the oldest goes first. */
const KEY_CACHE_ENTRIES = 1_000;

/**
 * API keys verified recently → their principal, so that a client sending its key with every
 * request does not cost a store read each time (the KPI reads' p99 under load, issue 12). An entry
 * lasts KEY_CACHE_MS and never past the key's own expiry; every change made through the access
 * routes of this process (revoking a key, disabling a user …) empties the cache at once, and a
 * revocation by another process (the CLI) is seen within KEY_CACHE_MS. Refused keys are not kept:
 * each refusal reaches the store and the guessing limit. Entries are keyed by the token's SHA-256.
 */
export class KeyPrincipalCache {
  readonly #entries = new Map<string, { principal: Principal; untilMs: number }>();
  constructor(
    private readonly ttlMs = KEY_CACHE_MS,
    private readonly maxEntries = KEY_CACHE_ENTRIES,
  ) {}

  get(tokenHash: string, nowMs: number): Principal | undefined {
    const hit = this.#entries.get(tokenHash);
    if (hit === undefined) return undefined;
    if (hit.untilMs <= nowMs) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return hit.principal;
  }

  /** Keeps a verified key's principal until the TTL ends or the key expires, whichever is first. */
  set(tokenHash: string, principal: Principal, nowMs: number, expiresAt: string | null): void {
    const expiresMs = expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(expiresAt);
    const untilMs = Math.min(nowMs + this.ttlMs, expiresMs);
    if (!(untilMs > nowMs)) return;
    this.#entries.delete(tokenHash);
    this.#entries.set(tokenHash, { principal, untilMs });
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * principalFromKey through the cache: a hit costs one SHA-256 and no store read; a miss reads the
 * key (its record is seen on the way, for its expiry) and keeps the principal when valid.
 */
async function keyPrincipal(
  store: AccessStore,
  cache: KeyPrincipalCache,
  token: string,
  nowMs: number,
): Promise<{ principal: Principal } | { error: string; keyId?: string }> {
  const hash = sha256Hex(token);
  const hit = cache.get(hash, nowMs);
  if (hit !== undefined) return { principal: hit };
  let record: ApiKeyRecord | undefined;
  // The same store, its key read noted: principalFromKey stays the one place that judges a key.
  const noting: AccessStore = Object.create(store, {
    getKey: {
      value: async (id: string) => {
        record = await store.getKey(id);
        return record;
      },
    },
  });
  const found = await principalFromKey(noting, token, nowMs);
  if ("principal" in found && record !== undefined) cache.set(hash, found.principal, nowMs, record.expiresAt);
  return found;
}

/** The request's access context (principal, address…), set by the hook for every RouteDef route. */
export function requestContext(request: FastifyRequest): RequestContext | undefined {
  return contexts.get(request);
}

/**
 * Content-Security-Policy of the portal. The map draws only our GeoJSON (web/src/map/PortMap.tsx:
 * no tiles, glyphs, sprites or fonts fetched) and runs maplibre's worker from our own origin
 * (setWorkerUrl → 'self'; blob: kept for maplibre's fallback). Styles: maplibre and echarts set
 * element styles from script and the build injects its CSS, hence 'unsafe-inline' for styles
 * only; scripts come from 'self' alone. Images: canvas snapshots and vessel icons are data:/blob:.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply) {
  reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
  reply.header("x-frame-options", "DENY");
  reply.header("x-content-type-options", "nosniff");
  reply.header("referrer-policy", "strict-origin-when-cross-origin");
  reply.header("cross-origin-opener-policy", "same-origin");
  // HSTS only over TLS (RFC 6797 §7.2: a host must not send it over plain HTTP).
  if (request.protocol === "https") reply.header("strict-transport-security", "max-age=31536000");
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sessionCookie(token: string | null, secure: boolean, maxAgeS?: number): string {
  const attrs = [
    `${SESSION_COOKIE}=${token ?? ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${token === null ? 0 : (maxAgeS ?? 0)}`,
  ];
  if (secure) attrs.push("Secure");
  return attrs.join("; ");
}

interface Pending {
  /** Set when the request was denied (already audited). */
  denied?: boolean;
}
const pending = new WeakMap<FastifyRequest, Pending>();

export function installAccessEnforcement(app: FastifyInstance, options: AccessEnforcementOptions): void {
  const store = options.access;
  const now = options.nowMs ?? Date.now;
  const mutationLimits = options.mutationLimits ?? new TokenBuckets({ capacity: 120, refillPerS: 2 });
  const badKeyLimits = options.badKeyLimits ?? new TokenBuckets({ capacity: 10, refillPerS: 10 / 60 });
  const buffer = new AuditBuffer(store, (error) => app.log.error(error));
  const keyCache = options.keyCache ?? new KeyPrincipalCache();
  const sessionTouched = new Map<string, number>();
  app.decorate("flushAccessAudit", () => buffer.flush());
  app.addHook("onClose", async () => buffer.flush());

  const deny = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: 401 | 403 | 429,
    detail: string,
    reason: string,
    retryAfterS?: number,
  ) => {
    const ctx = contexts.get(request);
    const p = ctx?.principal ?? null;
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    pending.set(request, { denied: true });
    buffer.add(
      { kind: p ? p.kind : "anonymous", id: p?.id ?? null, ip: request.ip },
      "denied",
      route,
      status === 429 ? "rate_limited" : `denied_${status}`,
      now(),
      { reason, url: request.url },
    );
    const code = status === 401 ? "unauthorized" : status === 403 ? "forbidden" : "rate_limited";
    if (status === 401) reply.header("www-authenticate", 'Bearer realm="sisterports"');
    if (retryAfterS !== undefined) reply.header("retry-after", String(retryAfterS));
    return reply
      .status(status)
      .type("application/problem+json")
      .send(problemFor(code, detail, request.url));
  };

  app.addHook("onRequest", async (request, reply) => {
    setSecurityHeaders(request, reply);
    const config = request.routeOptions.config as AccessRouteConfig | undefined;
    const access = config?.access;
    if (!access) return; // not a RouteDef: the portal's files, /docs, /api/openapi.json, 404s — all public
    const lang = requestLanguage(request.headers["accept-language"]);
    const route = `${request.method} ${request.routeOptions.url}`;
    const secure = request.protocol === "https";
    const ctx: RequestContext = {
      principal: null,
      ip: request.ip,
      secure,
      setSession: (token, maxAgeS) => {
        reply.header("set-cookie", sessionCookie(token, secure, maxAgeS));
      },
    };
    contexts.set(request, ctx);

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const m = /^Bearer +(\S+)$/i.exec(authorization);
      const found = m ? await keyPrincipal(store, keyCache, m[1]!, now()) : { error: "not a Bearer token" };
      if ("error" in found) {
        // Guessing keys: after 10 refusals a minute from one address, it is told to wait.
        const t = badKeyLimits.take(request.ip, now());
        if (!t.allowed)
          return deny(
            request,
            reply,
            429,
            accessMsg("rateLimited", { seconds: t.retryAfterS }, lang),
            `key: ${found.error}; too many refused keys`,
            t.retryAfterS,
          );
        return deny(
          request,
          reply,
          401,
          accessMsg("badKey", { reason: found.error }, lang),
          `key: ${found.error}`,
        );
      }
      ctx.principal = found.principal;
    } else {
      const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
      if (token) {
        const principal = await principalFromSession(store, token, now());
        if (principal) {
          ctx.principal = principal;
          ctx.sessionToken = token;
          const hash = sha256Hex(token);
          if ((sessionTouched.get(hash) ?? 0) < now() - SESSION_TOUCH_MS) {
            sessionTouched.set(hash, now());
            if (sessionTouched.size > 10_000) sessionTouched.clear();
            await store.touchSession(hash, new Date(now()).toISOString());
          }
        } else ctx.setSession(null); // expired or ended: the browser forgets it
      }
    }

    // The port the route addresses; null when its path has none (a call or vessel by id).
    const locode = (request.params as Record<string, unknown> | undefined)?.["locode"];
    const port = typeof locode === "string" ? locode : config.portless ? undefined : null;
    const decision = decide(access, ctx.principal, port);
    if (decision === 401)
      return deny(request, reply, 401, accessMsg("needSignIn", { route }, lang), "no principal");
    if (decision === 403) {
      const p = ctx.principal!;
      const byPort = access.includes(p.role);
      return deny(
        request,
        reply,
        403,
        byPort
          ? accessMsg(port === null ? "forbiddenUnscoped" : "forbiddenPort", { port: String(port) }, lang)
          : accessMsg("forbiddenRole", { role: p.role, route }, lang),
        byPort ? "port outside scope" : "role not listed",
      );
    }
    if (!MUTATING.has(request.method)) return;
    if (ctx.sessionToken && !CSRF_EXEMPT.has(config.operationId ?? "")) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !safeEqual(sent, csrfTokenFor(ctx.sessionToken)))
        return deny(request, reply, 403, accessMsg("csrfMissing", { method: request.method }, lang), "csrf");
    }
    if (ctx.principal) {
      const t = mutationLimits.take(`${ctx.principal.kind}:${ctx.principal.id}`, now());
      if (!t.allowed)
        return deny(
          request,
          reply,
          429,
          accessMsg("rateLimited", { seconds: t.retryAfterS }, lang),
          "mutation rate",
          t.retryAfterS,
        );
    }
  });

  // Every key use and every change, with the status it got (denials were audited when denied).
  app.addHook("onSend", async (request, reply, payload) => {
    const ctx = contexts.get(request);
    if (!ctx || pending.get(request)?.denied) return payload;
    const p = ctx.principal;
    const mutating = MUTATING.has(request.method);
    // A change to accounts or keys (revoked, disabled, another role …): no key is taken on trust
    // from before it. These routes are the portless ones (they touch no port's data).
    const config = request.routeOptions.config as AccessRouteConfig | undefined;
    if (mutating && config?.portless && reply.statusCode < 400) keyCache.clear();
    if (!mutating && p?.kind !== "key") return payload;
    const route = `${request.method} ${request.routeOptions.url}`;
    buffer.add(
      { kind: p ? p.kind : "anonymous", id: p?.id ?? null, ip: request.ip },
      mutating ? "change" : "key.use",
      route,
      String(reply.statusCode),
      now(),
      { url: request.url },
    );
    return payload;
  });
}

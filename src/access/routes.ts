/**
 * HTTP routes of the access capability. Who may use each (DESIGN.md "Access"):
 * - POST   /api/session            public — sign in (rate-limited per address and per user name)
 * - GET    /api/session            public — who am I and the CSRF token (null when not signed in)
 * - DELETE /api/session            every role — sign out
 * - POST   /api/session/password   every role — change one's own password (users, not keys)
 * - GET/POST /api/admin/users, POST /api/admin/users/{id}/disable,
 *   GET/POST /api/admin/keys, DELETE /api/admin/keys/{id}, GET /api/admin/audit   admin
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { defineRoute, type Principal, type RouteDef, type RouteRequest } from "../core/http.ts";
import type { Language } from "../core/language.ts";
import { readAuditPage } from "./audit-page.ts";
import { accessMsg } from "./messages.ts";
import { ROLES } from "./policy.ts";
import { TokenBuckets } from "./rate-limit.ts";
import { csrfTokenFor, type ScryptParams, sha256Hex } from "./secrets.ts";
import {
  type Actor,
  addUser,
  audit,
  changePassword,
  createKey,
  disableUser,
  principalOfUser,
  revokeKey,
  SESSION_TTL_S,
  signIn,
} from "./service.ts";
import type { AccessStore, ApiKeyRecord, UserRecord } from "./store.ts";
import {
  auditPageSchema,
  auditQuerySchema,
  keySchema,
  loginBodySchema,
  newKeyBodySchema,
  newUserBodySchema,
  passwordBodySchema,
  sessionReplySchema,
  userSchema,
} from "./wire.ts";

export interface AccessRouteDeps {
  access: AccessStore;
  nowMs?: () => number;
  /** Sign-in attempts per client address and per user name: default 10 a minute each. */
  loginLimits?: { byIp: TokenBuckets; byName: TokenBuckets };
  /** scrypt cost of the passwords of new accounts (default PASSWORD_SCRYPT; the fuzz bench lowers it). */
  passwordScrypt?: ScryptParams;
}

/** Bodies of the access routes are small: 16 KiB is plenty for a name and a password. */
export const ACCESS_BODY_LIMIT_BYTES = 16 * 1024;

/** Every role: anyone signed in (or holding a key). */
const SIGNED_IN = [...ROLES];

function langOf(headers: RouteRequest<unknown, unknown, unknown>["headers"]): Language {
  const h = headers["accept-language"];
  const text = (Array.isArray(h) ? h.join(",") : (h ?? "")).trim().toLowerCase();
  return text.startsWith("ja") ? "ja" : "en";
}

const userWire = (u: UserRecord) => ({
  id: u.id,
  name: u.name,
  role: u.role,
  ports: u.ports,
  owner: u.owner,
  createdAt: u.createdAt,
  disabledAt: u.disabledAt,
});
const keyWire = ({ secretHash: _hidden, ...k }: ApiKeyRecord) => k;

function actorOf(request: RouteRequest<unknown, unknown, unknown>): Actor {
  const p = request.context?.principal;
  return { kind: p ? p.kind : "anonymous", id: p?.id ?? null, ip: request.context?.ip ?? null };
}

function principalWire(p: Principal) {
  return {
    kind: p.kind,
    id: p.id,
    role: p.role,
    ports: p.ports === "*" ? ("*" as const) : [...p.ports],
    ...(p.name ? { name: p.name } : {}),
    ...(p.owner ? { owner: p.owner } : {}),
  };
}

export function accessRoutes(deps: AccessRouteDeps): RouteDef[] {
  const now = deps.nowMs ?? Date.now;
  const limits = deps.loginLimits ?? {
    byIp: new TokenBuckets({ capacity: 10, refillPerS: 10 / 60 }),
    byName: new TokenBuckets({ capacity: 10, refillPerS: 10 / 60 }),
  };
  const store = deps.access;
  const limited = (ip: string, name: string, lang: Language) => {
    const t = now();
    const a = limits.byIp.take(ip, t);
    const b = limits.byName.take(name.toLowerCase(), t);
    if (!a.allowed || !b.allowed)
      throw new DomainError(
        "rate_limited",
        accessMsg("rateLimited", { seconds: Math.max(a.retryAfterS, b.retryAfterS) }, lang),
      );
  };
  const idParams = z.object({ id: z.string().min(1).max(100) });

  return [
    defineRoute({
      method: "POST",
      path: "/api/session",
      operationId: "signIn",
      summary: "Sign in with a user name and password: sets the session cookie, returns the CSRF token",
      tags: ["access"],
      portless: true,
      access: ["public"],
      bodyLimitBytes: ACCESS_BODY_LIMIT_BYTES,
      body: loginBodySchema,
      response: sessionReplySchema,
      handler: async (request) => {
        const lang = langOf(request.headers);
        const ip = request.context?.ip ?? "unknown";
        const actor: Actor = { kind: "anonymous", id: null, ip };
        try {
          limited(ip, request.body.name, lang);
        } catch (e) {
          await audit(store, actor, "login", request.body.name, "rate_limited", now());
          throw e;
        }
        const result = await signIn(store, request.body.name, request.body.password, now());
        if (!result) {
          await audit(store, actor, "login", request.body.name, "failed", now());
          throw new DomainError("unauthorized", accessMsg("loginFailed", {}, lang));
        }
        await audit(store, { kind: "user", id: result.user.id, ip }, "login", result.user.id, "ok", now());
        request.context?.setSession(result.token, SESSION_TTL_S);
        return {
          principal: principalWire(principalOfUser(result.user)),
          csrfToken: csrfTokenFor(result.token),
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/session",
      operationId: "whoAmI",
      summary: "Who is signed in (null when nobody) and the CSRF token to send with changes",
      tags: ["access"],
      portless: true,
      access: ["public"],
      response: sessionReplySchema,
      handler: async (request) => {
        const p = request.context?.principal ?? null;
        const token = request.context?.sessionToken;
        return { principal: p ? principalWire(p) : null, csrfToken: token ? csrfTokenFor(token) : null };
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/session",
      operationId: "signOut",
      summary: "Sign out: ends the session and clears its cookie",
      tags: ["access"],
      portless: true,
      access: SIGNED_IN,
      response: z.object({ signedOut: z.boolean() }),
      handler: async (request) => {
        const token = request.context?.sessionToken;
        if (token) await store.deleteSession(sha256Hex(token));
        request.context?.setSession(null);
        await audit(store, actorOf(request), "logout", request.context?.principal?.id ?? "", "ok", now());
        return { signedOut: token !== undefined };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/session/password",
      operationId: "changePassword",
      summary: "Change one's own password; every session of the user ends and a new one starts",
      tags: ["access"],
      portless: true,
      access: SIGNED_IN,
      bodyLimitBytes: ACCESS_BODY_LIMIT_BYTES,
      body: passwordBodySchema,
      response: sessionReplySchema,
      handler: async (request) => {
        const lang = langOf(request.headers);
        const p = request.context?.principal;
        if (p?.kind !== "user") throw new DomainError("forbidden", accessMsg("passwordOnlyUsers", {}, lang));
        limited(request.context?.ip ?? "unknown", p.name ?? p.id, lang);
        const ok = await changePassword(
          store,
          p.id,
          request.body.currentPassword,
          request.body.newPassword,
          actorOf(request),
          now(),
        );
        if (!ok) throw new DomainError("unauthorized", accessMsg("loginFailed", {}, lang));
        const user = await store.getUser(p.id);
        const fresh = user ? await signIn(store, user.name, request.body.newPassword, now()) : undefined;
        if (!fresh) throw new DomainError("internal", "password changed but no new session");
        request.context?.setSession(fresh.token, SESSION_TTL_S);
        return { principal: principalWire(p), csrfToken: csrfTokenFor(fresh.token) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/admin/users",
      operationId: "listUsers",
      summary: "Every account (never a password hash)",
      tags: ["access"],
      portless: true,
      access: ["admin"],
      response: z.array(userSchema),
      handler: async () => (await store.listUsers()).map(userWire),
    }),
    defineRoute({
      method: "POST",
      path: "/api/admin/users",
      operationId: "addUser",
      summary: "Add an account; its one-time password is in this answer only",
      tags: ["access"],
      portless: true,
      access: ["admin"],
      bodyLimitBytes: ACCESS_BODY_LIMIT_BYTES,
      body: newUserBodySchema,
      response: z.object({ user: userSchema, oneTimePassword: z.string() }),
      handler: async (request) => {
        const { user, oneTimePassword } = await addUser(
          store,
          request.body,
          actorOf(request),
          now(),
          deps.passwordScrypt,
        );
        return { user: userWire(user), oneTimePassword };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/admin/users/:id/disable",
      operationId: "disableUser",
      summary: "Disable an account and end its sessions",
      tags: ["access"],
      portless: true,
      access: ["admin"],
      bodyLimitBytes: ACCESS_BODY_LIMIT_BYTES,
      params: idParams,
      response: userSchema,
      handler: async (request) =>
        userWire(await disableUser(store, request.params.id, actorOf(request), now())),
    }),
    defineRoute({
      method: "GET",
      path: "/api/admin/keys",
      operationId: "listKeys",
      summary: "Every API key (never the key itself): scope, expiry, revocation, last use",
      tags: ["access"],
      portless: true,
      access: ["admin"],
      response: z.array(keySchema),
      handler: async () => (await store.listKeys()).map(keyWire),
    }),
    defineRoute({
      method: "POST",
      path: "/api/admin/keys",
      operationId: "createKey",
      summary: "Create an API key scoped to a role, ports and owner; the key is in this answer only",
      tags: ["access"],
      portless: true,
      access: ["admin"],
      bodyLimitBytes: ACCESS_BODY_LIMIT_BYTES,
      body: newKeyBodySchema,
      response: z.object({ key: keySchema, token: z.string() }),
      handler: async (request) => {
        const { key, token } = await createKey(store, request.body, actorOf(request), now());
        return { key: keyWire(key), token };
      },
    }),
    defineRoute({
      method: "DELETE",
      path: "/api/admin/keys/:id",
      operationId: "revokeKey",
      summary: "Revoke an API key (it stops working at once; the record stays)",
      tags: ["access"],
      portless: true,
      access: ["admin"],
      params: idParams,
      response: keySchema,
      handler: async (request) => {
        const lang = langOf(request.headers);
        await revokeKey(store, request.params.id, actorOf(request), now());
        const key = await store.getKey(request.params.id);
        if (!key) throw new DomainError("not_found", accessMsg("noKey", { id: request.params.id }, lang));
        return keyWire(key);
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/admin/audit",
      operationId: "listAudit",
      summary:
        "The audit log, newest first (sign-ins, key use, changes, denied requests): a page of `limit` entries and the cursor of the next, older page",
      tags: ["access"],
      portless: true,
      access: ["admin"],
      query: auditQuerySchema,
      response: auditPageSchema,
      handler: async (request) => {
        const q = request.query;
        const page = await readAuditPage(
          store,
          {
            limit: q.limit,
            ...(q.before !== undefined ? { before: q.before } : {}),
            ...(q.actor !== undefined ? { actorId: q.actor } : {}),
            ...(q.action !== undefined ? { action: q.action } : {}),
            ...(q.outcome !== undefined ? { outcome: q.outcome } : {}),
            ...(q.from !== undefined ? { since: new Date(q.from).toISOString() } : {}),
            ...(q.to !== undefined ? { until: new Date(q.to).toISOString() } : {}),
          },
          langOf(request.headers),
        );
        return page;
      },
    }),
  ];
}

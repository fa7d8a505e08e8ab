/**
 * The access capability's operations over its store, shared by the HTTP routes, the server's
 * enforcement and the CLI: resolving who a request is, signing in, creating accounts and keys,
 * and writing the audit log. No framework here.
 */
import { randomUUID } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import type { Principal } from "../core/http.ts";
import { accessMsg } from "./messages.ts";
import { isRole, ROLES, type Role } from "./policy.ts";
import {
  hashPassword,
  newApiKey,
  newOneTimePassword,
  newSessionToken,
  parseApiKey,
  type ScryptParams,
  secretMatches,
  sha256Hex,
  verifyAgainstNothing,
  verifyPassword,
} from "./secrets.ts";
import type { AccessStore, ActorKind, ApiKeyRecord, AuditEntry, UserRecord } from "./store.ts";

/** A session lasts 12 hours from sign-in, then the user signs in again. */
export const SESSION_TTL_S = 12 * 3600;
export const MIN_PASSWORD_LENGTH = 12;

const iso = (ms: number) => new Date(ms).toISOString();

export function principalOfUser(u: UserRecord): Principal {
  return {
    kind: "user",
    id: u.id,
    role: u.role,
    ports: u.ports,
    name: u.name,
    ...(u.owner ? { owner: u.owner } : {}),
  };
}

export function principalOfKey(k: ApiKeyRecord): Principal {
  return {
    kind: "key",
    id: k.id,
    role: k.role,
    ports: k.ports,
    name: k.name,
    ...(k.owner ? { owner: k.owner } : {}),
  };
}

/** The key a bearer token names, when it is valid now; otherwise why not (for the audit and the reply). */
export async function principalFromKey(
  store: AccessStore,
  token: string,
  nowMs: number,
): Promise<{ principal: Principal } | { error: string; keyId?: string }> {
  const parsed = parseApiKey(token);
  if (!parsed) return { error: "not shaped like spx_<id>_<secret>" };
  const key = await store.getKey(parsed.id);
  if (!key || !secretMatches(parsed.secret, key.secretHash))
    return { error: "unknown key", keyId: parsed.id };
  if (key.revokedAt) return { error: "revoked", keyId: key.id };
  if (key.expiresAt && key.expiresAt <= iso(nowMs)) return { error: "expired", keyId: key.id };
  return { principal: principalOfKey(key) };
}

/** The user a session cookie names, when the session is live and the account enabled. */
export async function principalFromSession(
  store: AccessStore,
  token: string,
  nowMs: number,
): Promise<Principal | undefined> {
  const hash = sha256Hex(token);
  const session = await store.getSession(hash);
  if (!session) return undefined;
  if (session.expiresAt <= iso(nowMs)) {
    await store.deleteSession(hash);
    return undefined;
  }
  const user = await store.getUser(session.userId);
  if (!user || user.disabledAt) return undefined;
  return principalOfUser(user);
}

/** Checks a name and password; a new session when they match (the caller sets the cookie). */
export async function signIn(
  store: AccessStore,
  name: string,
  password: string,
  nowMs: number,
): Promise<{ user: UserRecord; token: string } | undefined> {
  const user = await store.findUserByName(name);
  // An unknown name costs as much as a wrong password: no probing names by timing.
  if (!user) return verifyAgainstNothing(password).then(() => undefined);
  if (!(await verifyPassword(password, user.passwordHash)) || user.disabledAt) return undefined;
  const { token, tokenHash } = newSessionToken();
  await store.addSession({
    tokenHash,
    userId: user.id,
    createdAt: iso(nowMs),
    expiresAt: iso(nowMs + SESSION_TTL_S * 1000),
    lastSeenAt: iso(nowMs),
  });
  return { user, token };
}

export interface Actor {
  kind: ActorKind;
  id: string | null;
  ip?: string | null;
}

export async function audit(
  store: AccessStore,
  actor: Actor,
  action: string,
  target: string,
  outcome: string,
  nowMs: number,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  await store.appendAudit(auditEntry(actor, action, target, outcome, nowMs, detail));
}

/** An audit entry of `actor` doing `action` on `target` at `nowMs`, with its outcome. */
export function auditEntry(
  actor: Actor,
  action: string,
  target: string,
  outcome: string,
  nowMs: number,
  detail: Record<string, unknown> | null = null,
): AuditEntry {
  return {
    id: randomUUID(),
    at: iso(nowMs),
    actorKind: actor.kind,
    actorId: actor.id,
    action,
    target,
    outcome,
    ip: actor.ip ?? null,
    detail,
  };
}

const LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;

/** Checks a role and a port list given by a person (CLI flag or admin form). */
export function checkScope(
  role: string,
  ports: readonly string[] | "*",
): { role: Role; ports: string[] | "*" } {
  if (!isRole(role))
    throw new DomainError("validation", accessMsg("badRole", { roles: ROLES.join(", "), role }));
  if (ports === "*") return { role, ports };
  const upper = ports.map((p) => p.trim().toUpperCase());
  for (const p of upper)
    if (!LOCODE.test(p)) throw new DomainError("validation", accessMsg("badPort", { port: p }));
  return { role, ports: upper.length === 0 ? "*" : upper };
}

export interface NewUserInput {
  name: string;
  role: string;
  ports?: readonly string[] | "*";
  owner?: string | null;
}

/** Adds an account with a generated one-time password (returned once, never stored). */
export async function addUser(
  store: AccessStore,
  input: NewUserInput,
  actor: Actor,
  nowMs: number,
  /** The scrypt cost (default PASSWORD_SCRYPT, the OWASP minimum). */
  hashParams?: ScryptParams,
): Promise<{ user: UserRecord; oneTimePassword: string }> {
  const { role, ports } = checkScope(input.role, input.ports ?? "*");
  const name = input.name.trim();
  if (name === "" || name.length > 100) throw new DomainError("validation", "name: 1 to 100 characters");
  if (await store.findUserByName(name)) throw new DomainError("conflict", accessMsg("userExists", { name }));
  const oneTimePassword = newOneTimePassword();
  const user: UserRecord = {
    id: randomUUID(),
    name,
    role,
    ports,
    owner: input.owner?.trim() || null,
    passwordHash: await hashPassword(oneTimePassword, hashParams),
    createdAt: iso(nowMs),
    disabledAt: null,
  };
  await store.addUser(user);
  await audit(store, actor, "user.add", user.id, "ok", nowMs, { name, role, ports });
  return { user, oneTimePassword };
}

export interface NewKeyInput {
  name: string;
  role: string;
  ports?: readonly string[] | "*";
  owner?: string | null;
  /** Days until the key stops working; none: until revoked. */
  expiresInDays?: number;
}

/** Creates an API key; the token is returned once and only its secret's hash is stored. */
export async function createKey(
  store: AccessStore,
  input: NewKeyInput,
  actor: Actor,
  nowMs: number,
): Promise<{ key: ApiKeyRecord; token: string }> {
  const { role, ports } = checkScope(input.role, input.ports ?? "*");
  const name = input.name.trim();
  if (name === "" || name.length > 100) throw new DomainError("validation", "name: 1 to 100 characters");
  const { id, token, secretHash } = newApiKey();
  const key: ApiKeyRecord = {
    id,
    secretHash,
    name,
    role,
    ports,
    owner: input.owner?.trim() || null,
    createdBy: actor.id ?? actor.kind,
    createdAt: iso(nowMs),
    expiresAt: input.expiresInDays ? iso(nowMs + input.expiresInDays * 86_400_000) : null,
    revokedAt: null,
    lastUsedAt: null,
  };
  await store.addKey(key);
  await audit(store, actor, "key.create", id, "ok", nowMs, { name, role, ports });
  return { key, token };
}

export async function revokeKey(
  store: AccessStore,
  id: string,
  actor: Actor,
  nowMs: number,
): Promise<boolean> {
  const done = await store.revokeKey(id, iso(nowMs));
  await audit(store, actor, "key.revoke", id, done ? "ok" : "failed", nowMs);
  return done;
}

export async function disableUser(
  store: AccessStore,
  id: string,
  actor: Actor,
  nowMs: number,
): Promise<UserRecord> {
  const user = await store.getUser(id);
  if (!user) throw new DomainError("not_found", accessMsg("noUser", { id }));
  const done = await store.disableUser(id, iso(nowMs));
  await audit(store, actor, "user.disable", id, done ? "ok" : "failed", nowMs);
  return { ...user, disabledAt: user.disabledAt ?? iso(nowMs) };
}

/** Changes a user's password after checking the current one; every session of theirs ends. */
export async function changePassword(
  store: AccessStore,
  userId: string,
  current: string,
  next: string,
  actor: Actor,
  nowMs: number,
): Promise<boolean> {
  const user = await store.getUser(userId);
  if (!user || !(await verifyPassword(current, user.passwordHash))) {
    await audit(store, actor, "password.change", userId, "failed", nowMs);
    return false;
  }
  if (next.length < MIN_PASSWORD_LENGTH)
    throw new DomainError("validation", accessMsg("passwordTooShort", { min: MIN_PASSWORD_LENGTH }));
  await store.setPasswordHash(userId, await hashPassword(next));
  await store.deleteUserSessions(userId);
  await audit(store, actor, "password.change", userId, "ok", nowMs);
  return true;
}

/** The demo terminal operator runs one Los Angeles terminal of the registry (its data reach). */
const DEMO_SCOPES: Partial<Record<Role, { ports: string[]; owner: string }>> = {
  terminal: { ports: ["USLAX"], owner: "uslax-terminal-apm-pier400" },
  // One of the demo's trucking companies (src/demo/operations.ts), by its SCAC.
  trucking: { ports: ["USLAX"], owner: "HBDY" },
};

/**
 * The demo's accounts, one per role (`demo-analyst`, `demo-terminal`, …), each with its own
 * generated one-time password — made only when the node has no account yet (first start with the
 * demo), so a real node never gets one and no password is ever fixed.
 */
export async function addDemoUsers(
  store: AccessStore,
  nowMs: number,
): Promise<{ name: string; role: Role; oneTimePassword: string }[]> {
  if ((await store.listUsers()).length > 0) return [];
  const made: { name: string; role: Role; oneTimePassword: string }[] = [];
  for (const role of ROLES) {
    const { user, oneTimePassword } = await addUser(
      store,
      { name: `demo-${role.replace("_", "-")}`, role, ...(DEMO_SCOPES[role] ?? {}) },
      { kind: "cli", id: "demo" },
      nowMs,
    );
    made.push({ name: user.name, role, oneTimePassword });
  }
  return made;
}

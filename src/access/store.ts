/**
 * What the access capability stores (implemented by src/store/access/): accounts, sessions, API
 * keys and the audit log. The audit log is append-only: this interface has no way to change or
 * remove an entry.
 */
import type { Role } from "./policy.ts";

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  ports: string[] | "*";
  owner: string | null;
  passwordHash: string;
  /** UTC instants, ISO 8601. */
  createdAt: string;
  disabledAt: string | null;
}

export interface SessionRecord {
  /** SHA-256 of the token, hex (the token itself is only in the browser's cookie). */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface ApiKeyRecord {
  id: string;
  /** SHA-256 of the key's secret part, hex. */
  secretHash: string;
  name: string;
  role: Role;
  ports: string[] | "*";
  owner: string | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export type ActorKind = "user" | "key" | "anonymous" | "cli";

export interface AuditEntry {
  id: string;
  at: string;
  actorKind: ActorKind;
  actorId: string | null;
  /** e.g. "login", "logout", "denied", "key.use", "mutation", "user.add", "key.revoke". */
  action: string;
  /** What was acted on: a route ("POST /api/ports/:locode/events"), a user or key id. */
  target: string;
  /** "ok", "failed", "denied_401", "denied_403", "rate_limited", or an HTTP status. */
  outcome: string;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

/** Where a page of the audit log ended: entries strictly older in (at, id) order come next. */
export interface AuditPosition {
  at: string;
  id: string;
}

export interface AuditQuery {
  /** Entries at or after this instant (ISO 8601, UTC). */
  since?: string;
  /** Entries before this instant (ISO 8601, UTC; exclusive, so a day is [since, until)). */
  until?: string;
  /** Entries after this one in newest-first order (keyset paging: stable while entries are appended). */
  before?: AuditPosition;
  /** Only this actor: a user id, a key id, or the operating-system user of a CLI action. */
  actorId?: string;
  action?: string;
  outcome?: string;
  limit?: number;
}

export interface AccessStore {
  addUser(user: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | undefined>;
  findUserByName(name: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /** Disables an account and ends its sessions. */
  disableUser(userId: string, at: string): Promise<boolean>;

  addSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | undefined>;
  touchSession(tokenHash: string, at: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<void>;

  addKey(key: ApiKeyRecord): Promise<void>;
  getKey(id: string): Promise<ApiKeyRecord | undefined>;
  listKeys(): Promise<ApiKeyRecord[]>;
  revokeKey(id: string, at: string): Promise<boolean>;
  touchKey(id: string, at: string): Promise<void>;

  /** Appends one entry, or several in one transaction (the server's batched entries). */
  appendAudit(entries: AuditEntry | readonly AuditEntry[]): Promise<void>;
  /** Newest first: by `at`, then by `id` among entries of the same instant. */
  listAudit(query?: AuditQuery): Promise<AuditEntry[]>;
}

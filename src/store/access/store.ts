/** AccessStore on Kysely: one code path for SQLite and PostgreSQL. The audit log is only appended to. */
import type { Kysely } from "kysely";
import { formatPorts, parsePorts, type Role } from "../../access/policy.ts";
import type { AccessStore, ActorKind, ApiKeyRecord, AuditEntry, UserRecord } from "../../access/store.ts";
import type { AccessApiKeysTable, AccessAuditLogTable, AccessDatabase, AccessUsersTable } from "./schema.ts";

/** Audit rows per INSERT (9 columns: well under either database's parameter limit). */
const AUDIT_ROWS_PER_INSERT = 200;

function userFromRow(r: AccessUsersTable): UserRecord {
  return {
    id: r.id,
    name: r.name,
    role: r.role as Role,
    ports: parsePorts(r.ports),
    owner: r.owner,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

function keyFromRow(r: AccessApiKeysTable): ApiKeyRecord {
  return {
    id: r.id,
    secretHash: r.secret_hash,
    name: r.name,
    role: r.role as Role,
    ports: parsePorts(r.ports),
    owner: r.owner,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}

function auditFromRow(r: AccessAuditLogTable): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actorKind: r.actor_kind as ActorKind,
    actorId: r.actor_id,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    ip: r.ip,
    detail: r.detail_json === null ? null : (JSON.parse(r.detail_json) as Record<string, unknown>),
  };
}

/**
 * `bookkeeping` is told how many rows the audit log and last-use times wrote (store.ts: they do not
 * count as a change of data for the server's kept answers — every key use is audited).
 */
export function createAccessStore(
  db: Kysely<AccessDatabase>,
  bookkeeping: (changedRows: number) => void = () => undefined,
): AccessStore {
  return {
    async addUser(u) {
      await db
        .insertInto("access_users")
        .values({
          id: u.id,
          name: u.name,
          role: u.role,
          ports: formatPorts(u.ports),
          owner: u.owner,
          password_hash: u.passwordHash,
          created_at: u.createdAt,
          disabled_at: u.disabledAt,
        })
        .execute();
    },
    async getUser(id) {
      const r = await db.selectFrom("access_users").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? userFromRow(r) : undefined;
    },
    async findUserByName(name) {
      const r = await db.selectFrom("access_users").selectAll().where("name", "=", name).executeTakeFirst();
      return r ? userFromRow(r) : undefined;
    },
    async listUsers() {
      return (await db.selectFrom("access_users").selectAll().orderBy("name").execute()).map(userFromRow);
    },
    async setPasswordHash(userId, passwordHash) {
      await db
        .updateTable("access_users")
        .set({ password_hash: passwordHash })
        .where("id", "=", userId)
        .execute();
    },
    async disableUser(userId, at) {
      return db.transaction().execute(async (tx) => {
        const r = await tx
          .updateTable("access_users")
          .set({ disabled_at: at })
          .where("id", "=", userId)
          .where("disabled_at", "is", null)
          .executeTakeFirst();
        await tx.deleteFrom("access_sessions").where("user_id", "=", userId).execute();
        return Number(r.numUpdatedRows) > 0;
      });
    },

    async addSession(s) {
      await db
        .insertInto("access_sessions")
        .values({
          token_hash: s.tokenHash,
          user_id: s.userId,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          last_seen_at: s.lastSeenAt,
        })
        .execute();
    },
    async getSession(tokenHash) {
      const r = await db
        .selectFrom("access_sessions")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      return r
        ? {
            tokenHash: r.token_hash,
            userId: r.user_id,
            createdAt: r.created_at,
            expiresAt: r.expires_at,
            lastSeenAt: r.last_seen_at,
          }
        : undefined;
    },
    async touchSession(tokenHash, at) {
      const r = await db
        .updateTable("access_sessions")
        .set({ last_seen_at: at })
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      bookkeeping(Number(r.numUpdatedRows));
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom("access_sessions").where("token_hash", "=", tokenHash).execute();
    },
    async deleteUserSessions(userId) {
      await db.deleteFrom("access_sessions").where("user_id", "=", userId).execute();
    },

    async addKey(k) {
      await db
        .insertInto("access_api_keys")
        .values({
          id: k.id,
          secret_hash: k.secretHash,
          name: k.name,
          role: k.role,
          ports: formatPorts(k.ports),
          owner: k.owner,
          created_by: k.createdBy,
          created_at: k.createdAt,
          expires_at: k.expiresAt,
          revoked_at: k.revokedAt,
          last_used_at: k.lastUsedAt,
        })
        .execute();
    },
    async getKey(id) {
      const r = await db.selectFrom("access_api_keys").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? keyFromRow(r) : undefined;
    },
    async listKeys() {
      return (
        await db.selectFrom("access_api_keys").selectAll().orderBy("created_at").orderBy("id").execute()
      ).map(keyFromRow);
    },
    async revokeKey(id, at) {
      const r = await db
        .updateTable("access_api_keys")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async touchKey(id, at) {
      const r = await db
        .updateTable("access_api_keys")
        .set({ last_used_at: at })
        .where("id", "=", id)
        .executeTakeFirst();
      bookkeeping(Number(r.numUpdatedRows));
    },

    async appendAudit(entries) {
      const rows = (Array.isArray(entries) ? entries : [entries as AuditEntry]).map((e) => ({
        id: e.id,
        at: e.at,
        actor_kind: e.actorKind,
        actor_id: e.actorId,
        action: e.action,
        target: e.target,
        outcome: e.outcome,
        ip: e.ip,
        detail_json: e.detail === null ? null : JSON.stringify(e.detail),
      }));
      if (rows.length === 0) return;
      // One transaction for a batch: one commit (one WAL sync) instead of one per entry.
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += AUDIT_ROWS_PER_INSERT) {
          const r = await trx
            .insertInto("access_audit_log")
            .values(rows.slice(i, i + AUDIT_ROWS_PER_INSERT))
            .executeTakeFirst();
          bookkeeping(Number(r.numInsertedOrUpdatedRows ?? 0));
        }
      });
    },
    async listAudit(query = {}) {
      let q = db.selectFrom("access_audit_log").selectAll();
      if (query.since) q = q.where("at", ">=", query.since);
      if (query.until) q = q.where("at", "<", query.until);
      if (query.actorId !== undefined) q = q.where("actor_id", "=", query.actorId);
      if (query.action !== undefined) q = q.where("action", "=", query.action);
      if (query.outcome !== undefined) q = q.where("outcome", "=", query.outcome);
      const before = query.before;
      // Keyset over (at, id): an entry appended between two pages is newer than the first page's
      // end or (a batched entry stamped earlier) lands in a later page — never twice, never lost.
      if (before)
        q = q.where((eb) =>
          eb.or([eb("at", "<", before.at), eb.and([eb("at", "=", before.at), eb("id", "<", before.id)])]),
        );
      const rows = await q
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(query.limit ?? 1000)
        .execute();
      return rows.map(auditFromRow);
    },
  };
}

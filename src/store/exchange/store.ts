/** ExchangeStore on Kysely: one code path for SQLite and PostgreSQL. */
import type { Kysely, Transaction } from "kysely";
import { DomainError } from "../../core/errors.ts";
import type { NegotiationMessage, NegotiationState } from "../../exchange/agreement.ts";
import { type AuditEntry, type AuditEntryInput, auditHash } from "../../exchange/audit.ts";
import type { NodeDocument, NodeKey } from "../../exchange/identity.ts";
import type { DataPackage, Receipt } from "../../exchange/package.ts";
import type { AppendOutcome, Direction, ExchangeStore, Peer, StoredPackage } from "../../exchange/store.ts";
import type {
  ExchangeAuditTable,
  ExchangeDatabase,
  ExchangeKeysTable,
  ExchangePeersTable,
} from "./schema.ts";

const json = <T>(text: string): T => JSON.parse(text) as T;

function storedPackage(r: { package: string; stored_at: string; purged_at: string | null }): StoredPackage {
  return {
    ...json<DataPackage>(r.package),
    storedAt: r.stored_at,
    ...(r.purged_at !== null ? { purgedAt: r.purged_at } : {}),
  };
}

function keyFromRow(r: ExchangeKeysTable): NodeKey {
  return {
    kid: r.kid,
    publicKey: r.public_key,
    from: r.from_at,
    ...(r.until_at !== null ? { until: r.until_at } : {}),
    ...(r.endorsed_by !== null && r.endorsement !== null
      ? { endorsedBy: { kid: r.endorsed_by, signature: r.endorsement } }
      : {}),
  };
}

function keyRow(key: NodeKey, privateKeyPem: string, at: string): ExchangeKeysTable {
  return {
    kid: key.kid,
    public_key: key.publicKey,
    private_key_pem: privateKeyPem,
    from_at: key.from,
    until_at: key.until ?? null,
    endorsed_by: key.endorsedBy?.kid ?? null,
    endorsement: key.endorsedBy?.signature ?? null,
    created_at: at,
  };
}

function peerFromRow(r: ExchangePeersTable): Peer {
  return {
    port: r.port,
    fingerprint: r.fingerprint,
    document: json<NodeDocument>(r.document),
    addedAt: r.added_at,
    updatedAt: r.updated_at,
  };
}

function auditFromRow(r: ExchangeAuditTable): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    action: r.action as AuditEntry["action"],
    ...(r.peer !== null ? { peer: r.peer } : {}),
    ...(r.agreement_id !== null ? { agreementId: r.agreement_id } : {}),
    outcome: r.outcome as AuditEntry["outcome"],
    ...(r.reason !== null ? { reason: r.reason } : {}),
    ...(r.detail !== null ? { detail: json<Record<string, unknown>>(r.detail) } : {}),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * A transaction, tried again when SQLite answers SQLITE_BUSY at once: in WAL mode a transaction that
 * read and then writes after another process committed (the CLI beside a running server: a sync
 * while the server stores receipts, audit entries) cannot upgrade its snapshot, and busy_timeout does
 * not wait for that case. Each try re-reads, so the retry is the same as running later.
 */
async function inTransaction<T>(
  db: Kysely<ExchangeDatabase>,
  work: (trx: Transaction<ExchangeDatabase>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const busy = (error as { code?: string }).code?.startsWith("SQLITE_BUSY") === true;
      if (!busy || attempt >= 8) throw error;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 20));
    }
  }
}

export function createExchangeStore(db: Kysely<ExchangeDatabase>): ExchangeStore {
  return {
    async getNode() {
      const node = await db.selectFrom("exchange_node").selectAll().executeTakeFirst();
      if (!node) return undefined;
      const keys = await db
        .selectFrom("exchange_keys")
        .selectAll()
        .orderBy("from_at")
        .orderBy("kid")
        .execute();
      return {
        profile: { port: node.port, name: { en: node.name_en, ja: node.name_ja }, endpoint: node.endpoint },
        keys: keys.map(keyFromRow),
        document: json<NodeDocument>(node.document),
      };
    },

    async initNode({ profile, key, privateKeyPem, document }) {
      await inTransaction(db, async (trx) => {
        const existing = await trx.selectFrom("exchange_node").select("port").executeTakeFirst();
        if (existing) throw new DomainError("conflict", `this node is already set up as ${existing.port}`);
        await trx
          .insertInto("exchange_keys")
          .values(keyRow(key, privateKeyPem, document.issuedAt))
          .execute();
        await trx
          .insertInto("exchange_node")
          .values({
            port: profile.port,
            name_en: profile.name.en,
            name_ja: profile.name.ja,
            endpoint: profile.endpoint,
            document: JSON.stringify(document),
            updated_at: document.issuedAt,
          })
          .execute();
      });
    },

    async rotateKey({ oldKid, oldUntil, key, privateKeyPem, document }) {
      await inTransaction(db, async (trx) => {
        const old = await trx
          .updateTable("exchange_keys")
          .set({ until_at: oldUntil })
          .where("kid", "=", oldKid)
          .executeTakeFirst();
        if (Number(old.numUpdatedRows) !== 1) throw new DomainError("not_found", `no key ${oldKid}`);
        await trx
          .insertInto("exchange_keys")
          .values(keyRow(key, privateKeyPem, document.issuedAt))
          .execute();
        await trx
          .updateTable("exchange_node")
          .set({ document: JSON.stringify(document), updated_at: document.issuedAt })
          .execute();
      });
    },

    async privateKey(kid) {
      const r = await db
        .selectFrom("exchange_keys")
        .select("private_key_pem")
        .where("kid", "=", kid)
        .executeTakeFirst();
      return r?.private_key_pem;
    },

    async savePeer({ port, fingerprint, document, at }) {
      return inTransaction(db, async (trx) => {
        const existing = await trx
          .selectFrom("exchange_peers")
          .selectAll()
          .where("port", "=", port)
          .executeTakeFirst();
        const text = JSON.stringify(document);
        if (!existing) {
          await trx
            .insertInto("exchange_peers")
            .values({ port, fingerprint, document: text, added_at: at, updated_at: at })
            .execute();
          return "added" as const;
        }
        if (existing.document === text && existing.fingerprint === fingerprint) return "unchanged" as const;
        await trx
          .updateTable("exchange_peers")
          .set({ fingerprint, document: text, updated_at: at })
          .where("port", "=", port)
          .execute();
        return "updated" as const;
      });
    },

    async getPeer(port) {
      const r = await db.selectFrom("exchange_peers").selectAll().where("port", "=", port).executeTakeFirst();
      return r ? peerFromRow(r) : undefined;
    },

    async setPeerKey(port, apiKey, at) {
      const r = await db
        .updateTable("exchange_peers")
        .set({ api_key: apiKey, updated_at: at })
        .where("port", "=", port)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new DomainError("not_found", `${port} is not a known peer`);
    },

    async peerKey(port) {
      const r = await db
        .selectFrom("exchange_peers")
        .select("api_key")
        .where("port", "=", port)
        .executeTakeFirst();
      return r?.api_key ?? undefined;
    },

    async listPeers() {
      return (await db.selectFrom("exchange_peers").selectAll().orderBy("port").execute()).map(peerFromRow);
    },

    async appendNegotiationMessage(
      message: NegotiationMessage,
      hash: string,
      state: NegotiationState,
      at: string,
    ) {
      return inTransaction(db, async (trx): Promise<AppendOutcome> => {
        const existing = await trx
          .selectFrom("exchange_negotiation_messages")
          .select("hash")
          .where("negotiation_id", "=", message.negotiationId)
          .where("seq", "=", message.seq)
          .executeTakeFirst();
        if (existing) {
          if (existing.hash === hash) return "duplicate";
          throw new DomainError(
            "conflict",
            `negotiation ${message.negotiationId} already has a message ${message.seq}`,
          );
        }
        await trx
          .insertInto("exchange_negotiation_messages")
          .values({
            negotiation_id: message.negotiationId,
            seq: message.seq,
            hash,
            message: JSON.stringify(message),
            stored_at: at,
          })
          .execute();
        const row = {
          provider: state.provider,
          consumer: state.consumer,
          state: state.state,
          state_json: JSON.stringify(state),
          updated_at: state.updatedAt,
        };
        const updated = await trx
          .updateTable("exchange_negotiations")
          .set(row)
          .where("id", "=", state.id)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0)
          await trx
            .insertInto("exchange_negotiations")
            .values({ id: state.id, ...row })
            .execute();
        return "appended";
      });
    },

    async getNegotiation(id) {
      const r = await db
        .selectFrom("exchange_negotiations")
        .select("state_json")
        .where("id", "=", id)
        .executeTakeFirst();
      return r ? json<NegotiationState>(r.state_json) : undefined;
    },

    async listNegotiations() {
      const rows = await db
        .selectFrom("exchange_negotiations")
        .select("state_json")
        .orderBy("updated_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map((r) => json<NegotiationState>(r.state_json));
    },

    async negotiationLog(id) {
      const rows = await db
        .selectFrom("exchange_negotiation_messages")
        .select("message")
        .where("negotiation_id", "=", id)
        .orderBy("seq")
        .execute();
      return rows.map((r) => json<NegotiationMessage>(r.message));
    },

    async appendPackage(direction: Direction, pkg: DataPackage, hash: string, at: string) {
      return inTransaction(db, async (trx): Promise<AppendOutcome> => {
        const existing = await trx
          .selectFrom("exchange_packages")
          .select("hash")
          .where("agreement_id", "=", pkg.agreementId)
          .where("direction", "=", direction)
          .where("seq", "=", pkg.seq)
          .executeTakeFirst();
        if (existing) {
          if (existing.hash === hash) return "duplicate";
          throw new DomainError(
            "conflict",
            `agreement ${pkg.agreementId} already has a package ${pkg.seq} (${direction})`,
          );
        }
        await trx
          .insertInto("exchange_packages")
          .values({
            agreement_id: pkg.agreementId,
            direction,
            seq: pkg.seq,
            hash,
            dataset: pkg.dataset,
            issued_at: pkg.issuedAt,
            package: JSON.stringify(pkg),
            stored_at: at,
            purged_at: null,
          })
          .execute();
        return "appended";
      });
    },

    async chainHead(agreementId, direction) {
      const r = await db
        .selectFrom("exchange_packages")
        .select(["seq", "hash"])
        .where("agreement_id", "=", agreementId)
        .where("direction", "=", direction)
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirst();
      return r ? { seq: Number(r.seq), hash: r.hash } : undefined;
    },

    async listPackages(agreementId, direction) {
      const rows = await db
        .selectFrom("exchange_packages")
        .select(["package", "stored_at", "purged_at"])
        .where("agreement_id", "=", agreementId)
        .where("direction", "=", direction)
        .orderBy("seq")
        .execute();
      return rows.map(storedPackage);
    },

    async packagesDueForPurge(agreementId, storedBefore) {
      const rows = await db
        .selectFrom("exchange_packages")
        .select(["package", "stored_at", "purged_at"])
        .where("agreement_id", "=", agreementId)
        .where("direction", "=", "received")
        .where("stored_at", "<", storedBefore)
        .where("purged_at", "is", null)
        .orderBy("seq")
        .execute();
      return rows.map(storedPackage);
    },

    async purgeReceivedPackages(agreementId, seqs, at) {
      if (seqs.length === 0) return 0;
      return inTransaction(db, async (trx) => {
        const rows = await trx
          .selectFrom("exchange_packages")
          .select(["seq", "package"])
          .where("agreement_id", "=", agreementId)
          .where("direction", "=", "received")
          .where("seq", "in", [...seqs])
          .where("purged_at", "is", null)
          .execute();
        for (const r of rows) {
          const pkg = json<DataPackage>(r.package);
          await trx
            .updateTable("exchange_packages")
            .set({ package: JSON.stringify({ ...pkg, cells: [] }), purged_at: at })
            .where("agreement_id", "=", agreementId)
            .where("direction", "=", "received")
            .where("seq", "=", r.seq)
            .execute();
        }
        return rows.length;
      });
    },

    async appendReceipt(direction: Direction, receipt: Receipt, hash: string, at: string) {
      const r = await db
        .insertInto("exchange_receipts")
        .values({
          hash,
          agreement_id: receipt.agreementId,
          direction,
          package_seq: receipt.packageSeq,
          receipt: JSON.stringify(receipt),
          stored_at: at,
        })
        .onConflict((oc) => oc.column("hash").doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1 ? "appended" : "duplicate";
    },

    async listReceipts(agreementId) {
      const rows = await db
        .selectFrom("exchange_receipts")
        .select(["receipt", "direction"])
        .where("agreement_id", "=", agreementId)
        .orderBy("package_seq")
        .orderBy("stored_at")
        .execute();
      return rows.map((r) => ({ ...json<Receipt>(r.receipt), direction: r.direction as Direction }));
    },

    async appendAudit(entry: AuditEntryInput) {
      return inTransaction(db, async (trx) => {
        const last = await trx
          .selectFrom("exchange_audit")
          .select(["seq", "hash"])
          .orderBy("seq", "desc")
          .limit(1)
          .executeTakeFirst();
        const body = { ...entry, seq: last ? Number(last.seq) + 1 : 1, prevHash: last?.hash ?? null };
        const full: AuditEntry = { ...body, hash: auditHash(body) };
        await trx
          .insertInto("exchange_audit")
          .values({
            seq: full.seq,
            at: full.at,
            action: full.action,
            peer: full.peer ?? null,
            agreement_id: full.agreementId ?? null,
            outcome: full.outcome,
            reason: full.reason ?? null,
            detail: full.detail !== undefined ? JSON.stringify(full.detail) : null,
            prev_hash: full.prevHash,
            hash: full.hash,
          })
          .execute();
        return full;
      });
    },

    async listAudit(query = {}) {
      let q = db.selectFrom("exchange_audit").selectAll();
      if (query.agreementId !== undefined) q = q.where("agreement_id", "=", query.agreementId);
      if (query.before !== undefined) q = q.where("seq", "<", query.before);
      const rows =
        query.limit !== undefined
          ? (await q.orderBy("seq", "desc").limit(query.limit).execute()).reverse()
          : await q.orderBy("seq").execute();
      return rows.map(auditFromRow);
    },
  };
}

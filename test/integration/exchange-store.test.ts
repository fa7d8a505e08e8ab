/**
 * The exchange store on SQLite and PostgreSQL: the node's identity (private key kept, never in the
 * document), rotation in one step, peers, a negotiation log stored message by message and replayed
 * to the same state, append-only packages with their chain head, receipts, and the hash-chained
 * audit log (an edited entry shows).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayLog } from "../../src/exchange/agreement.ts";
import { firstBrokenAuditEntry } from "../../src/exchange/audit.ts";
import { finalizedLog, KEYS, LA, NGO } from "../../src/exchange/fixtures/nodes.ts";
import { endorseKey, signNodeDocument, verifyNodeDocument } from "../../src/exchange/identity.ts";
import { fingerprint, keyPairFromSeed } from "../../src/exchange/keys.ts";
import { buildPackage, signReceipt } from "../../src/exchange/package.ts";
import { signedHash } from "../../src/exchange/signed.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

const AT = "2027-01-05T00:00:00.000Z";
const rows = ["A", "B", "C"].map((c, i) => ({
  contributor: c,
  dims: { category: "ogv", month: "2026-01", year: "2026" },
  values: { co2eTonnes: i + 1 },
}));

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`exchange store on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      db = await kind.create();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("keeps the node's identity; a second init is refused; rotation is one step", async () => {
      expect(await store.exchange.getNode()).toBeUndefined();
      const profile = { port: "USLAX", name: LA.document.name, endpoint: LA.document.endpoint };
      await store.exchange.initNode({
        profile,
        key: LA.key,
        privateKeyPem: LA.pair.privateKeyPem,
        document: LA.document,
      });
      await expect(
        store.exchange.initNode({
          profile,
          key: LA.key,
          privateKeyPem: LA.pair.privateKeyPem,
          document: LA.document,
        }),
      ).rejects.toThrow(/already set up/);
      expect(await store.exchange.privateKey(LA.key.kid)).toBe(LA.pair.privateKeyPem);
      const node = await store.exchange.getNode();
      expect(node?.keys).toEqual([LA.key]);
      expect(JSON.stringify(node)).not.toContain("PRIVATE KEY");

      const next = keyPairFromSeed(Buffer.alloc(32, 9));
      const key = endorseKey("USLAX", next.publicKey, AT, LA.signer);
      const oldUntil = "2027-02-01T00:00:00.000Z";
      const document = signNodeDocument(
        { ...profile, keys: [{ ...LA.key, until: oldUntil }, key], issuedAt: AT },
        { port: "USLAX", kid: key.kid, privateKeyPem: next.privateKeyPem },
      );
      await store.exchange.rotateKey({
        oldKid: LA.key.kid,
        oldUntil,
        key,
        privateKeyPem: next.privateKeyPem,
        document,
      });
      const rotated = await store.exchange.getNode();
      expect(rotated?.keys).toEqual([{ ...LA.key, until: oldUntil }, key]);
      expect(verifyNodeDocument(rotated?.document, { trusted: LA.document })).toMatchObject({ ok: true });
    });

    it("adds a peer once; the same document again changes nothing", async () => {
      const fp = fingerprint(NGO.key.publicKey);
      expect(
        await store.exchange.savePeer({ port: "JPNGO", fingerprint: fp, document: NGO.document, at: AT }),
      ).toBe("added");
      expect(
        await store.exchange.savePeer({ port: "JPNGO", fingerprint: fp, document: NGO.document, at: AT }),
      ).toBe("unchanged");
      expect(await store.exchange.getPeer("JPNGO")).toMatchObject({
        port: "JPNGO",
        fingerprint: fp,
        document: NGO.document,
      });
      expect((await store.exchange.listPeers()).map((p) => p.port)).toEqual(["JPNGO"]);
    });

    it("stores a negotiation message by message; the stored log replays to the stored state", async () => {
      const { log, state } = finalizedLog();
      let s = undefined as ReturnType<typeof replayLog> | undefined;
      for (const [i, m] of log.entries()) {
        s = replayLog(log.slice(0, i + 1), KEYS);
        if (!s.ok) throw new Error(s.detail);
        expect(await store.exchange.appendNegotiationMessage(m, signedHash(m), s.state, AT)).toBe("appended");
      }
      const last = log[5];
      if (!last || !s?.ok) throw new Error();
      expect(await store.exchange.appendNegotiationMessage(last, signedHash(last), s.state, AT)).toBe(
        "duplicate",
      );
      const other = log[4];
      if (!other) throw new Error();
      await expect(
        store.exchange.appendNegotiationMessage({ ...other, seq: 5 }, "different", s.state, AT),
      ).rejects.toThrow(/already has a message 5/);
      expect(await store.exchange.getNegotiation(state.id)).toEqual(state);
      const stored = await store.exchange.negotiationLog(state.id);
      expect(replayLog(stored, KEYS)).toEqual({ ok: true, state });
      expect((await store.exchange.listNegotiations()).map((n) => n.state)).toEqual(["FINALIZED"]);
    });

    it("appends packages (never edits) and gives the chain head; receipts once", async () => {
      const { state } = finalizedLog();
      expect(await store.exchange.chainHead(state.id, "sent")).toBeUndefined();
      const p1 = buildPackage(state, { dataset: "emissions-inventory", rows }, undefined, LA.signer, AT);
      const h1 = signedHash(p1);
      expect(await store.exchange.appendPackage("sent", p1, h1, AT)).toBe("appended");
      expect(await store.exchange.appendPackage("sent", p1, h1, AT)).toBe("duplicate");
      const p2 = buildPackage(
        state,
        { dataset: "emissions-inventory", rows, supersedes: 1 },
        { seq: 1, hash: h1 },
        LA.signer,
        AT,
      );
      expect(await store.exchange.appendPackage("sent", p2, signedHash(p2), AT)).toBe("appended");
      const altered = { ...p2, issuedAt: "2027-01-05T00:00:01.000Z" };
      await expect(store.exchange.appendPackage("sent", altered, signedHash(altered), AT)).rejects.toThrow(
        /already has a package 2/,
      );
      expect(await store.exchange.chainHead(state.id, "sent")).toEqual({ seq: 2, hash: signedHash(p2) });
      expect(await store.exchange.chainHead(state.id, "received")).toBeUndefined();
      expect((await store.exchange.listPackages(state.id, "sent")).map((p) => p.seq)).toEqual([1, 2]);
      expect(await store.exchange.listPackages(state.id, "sent").then((x) => x[0])).toEqual({
        ...p1,
        storedAt: AT,
      });

      const receipt = signReceipt(p1, h1, { outcome: "accepted" }, NGO.signer, AT);
      expect(await store.exchange.appendReceipt("received", receipt, signedHash(receipt), AT)).toBe(
        "appended",
      );
      expect(await store.exchange.appendReceipt("received", receipt, signedHash(receipt), AT)).toBe(
        "duplicate",
      );
      expect(await store.exchange.listReceipts(state.id)).toEqual([{ ...receipt, direction: "received" }]);
    });

    it("chains the audit log; an edited entry is found", async () => {
      const a = await store.exchange.appendAudit({
        at: AT,
        action: "peer.add",
        peer: "JPNGO",
        outcome: "ok",
        detail: { fp: "x" },
      });
      const b = await store.exchange.appendAudit({
        at: AT,
        action: "package.refused",
        peer: "JPNGO",
        agreementId: "0b8e8f5e-3d2c-4a55-9a7e-1d2f3c4b5a69",
        outcome: "refused",
        reason: "replayed",
      });
      expect(b.seq).toBe(a.seq + 1);
      expect(b.prevHash).toBe(a.hash);
      const all = await store.exchange.listAudit();
      expect(firstBrokenAuditEntry(all)).toBeUndefined();
      expect(await store.exchange.listAudit({ agreementId: "0b8e8f5e-3d2c-4a55-9a7e-1d2f3c4b5a69" })).toEqual(
        [b],
      );
      expect(await store.exchange.listAudit({ limit: 1 })).toEqual([b]);
      await store.db
        .updateTable("exchange_audit")
        .set({ reason: "stale" })
        .where("seq", "=", b.seq)
        .execute();
      expect(firstBrokenAuditEntry(await store.exchange.listAudit())).toBe(b.seq);
    });
  });
}

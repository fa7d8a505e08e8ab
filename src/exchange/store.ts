/**
 * What the exchange needs from storage; src/store/exchange/store.ts implements it on SQLite and
 * PostgreSQL. This node's keys (private keys only through `privateKey`, for the moment of signing),
 * its node document, known peers with the fingerprint trusted for each, negotiations with their
 * message logs, packages sent and received (append-only), receipts, and the hash-chained audit log.
 */
import type { NegotiationMessage, NegotiationState } from "./agreement.ts";
import type { AuditEntry, AuditEntryInput } from "./audit.ts";
import type { LocalizedText, NodeDocument, NodeKey } from "./identity.ts";
import type { ChainHead, DataPackage, Receipt } from "./package.ts";

export interface NodeProfile {
  port: string;
  name: LocalizedText;
  endpoint: string;
}

export interface LocalNode {
  profile: NodeProfile;
  /** Public parts only. */
  keys: NodeKey[];
  document: NodeDocument;
}

export interface Peer {
  port: string;
  fingerprint: string;
  document: NodeDocument;
  addedAt: string;
  updatedAt: string;
}

export type Direction = "sent" | "received";
export type StoredPackage = DataPackage & { storedAt: string; purgedAt?: string };
export type AppendOutcome = "appended" | "duplicate";

export interface ExchangeStore {
  getNode(): Promise<LocalNode | undefined>;
  /** First start: the profile, the first key (private key PEM kept here) and the signed document. */
  initNode(node: {
    profile: NodeProfile;
    key: NodeKey;
    privateKeyPem: string;
    document: NodeDocument;
  }): Promise<void>;
  /** Rotation, in one transaction: the old key's `until`, the new key, the re-signed document. */
  rotateKey(rotation: {
    oldKid: string;
    oldUntil: string;
    key: NodeKey;
    privateKeyPem: string;
    document: NodeDocument;
  }): Promise<void>;
  /** The PKCS#8 PEM of one of this node's keys (undefined when unknown). */
  privateKey(kid: string): Promise<string | undefined>;

  savePeer(peer: {
    port: string;
    fingerprint: string;
    document: NodeDocument;
    at: string;
  }): Promise<"added" | "updated" | "unchanged">;
  getPeer(port: string): Promise<Peer | undefined>;
  listPeers(): Promise<Peer[]>;
  /** The API key this node presents to a peer's HTTP routes (kept out of Peer: never printed back). */
  setPeerKey(port: string, apiKey: string, at: string): Promise<void>;
  peerKey(port: string): Promise<string | undefined>;

  /**
   * Appends a message to a negotiation's log and stores the state it led to, in one transaction.
   * The same message again (same seq and hash) is a duplicate and changes nothing; another message
   * with a seq already stored is a conflict (DomainError).
   */
  appendNegotiationMessage(
    message: NegotiationMessage,
    hash: string,
    state: NegotiationState,
    at: string,
  ): Promise<AppendOutcome>;
  getNegotiation(id: string): Promise<NegotiationState | undefined>;
  listNegotiations(): Promise<NegotiationState[]>;
  negotiationLog(id: string): Promise<NegotiationMessage[]>;

  /** Append-only: a stored package is never changed; the same one again is a duplicate. */
  appendPackage(direction: Direction, pkg: DataPackage, hash: string, at: string): Promise<AppendOutcome>;
  chainHead(agreementId: string, direction: Direction): Promise<ChainHead | undefined>;
  /** Packages in seq order; a purged one keeps its chain fields, with no cells and `purgedAt`. */
  listPackages(agreementId: string, direction: Direction): Promise<StoredPackage[]>;
  /** Received packages stored before `storedBefore` whose cells are still there. */
  packagesDueForPurge(agreementId: string, storedBefore: string): Promise<StoredPackage[]>;
  /**
   * Retention: removes the cells of received packages (the only edit ever made to a stored package),
   * keeping seq, hash and prevHash so the chain still refuses replays. Returns how many were purged.
   */
  purgeReceivedPackages(agreementId: string, seqs: readonly number[], at: string): Promise<number>;

  appendReceipt(direction: Direction, receipt: Receipt, hash: string, at: string): Promise<AppendOutcome>;
  listReceipts(agreementId: string): Promise<(Receipt & { direction: Direction })[]>;

  /** Appends an entry chained to the last one; returns it with its seq and hashes. */
  appendAudit(entry: AuditEntryInput): Promise<AuditEntry>;
  /**
   * Entries in seq order (all, or one agreement's; only those before seq `before` when given — a
   * page of older entries; the newest `limit` of them when given).
   */
  listAudit(query?: { agreementId?: string; limit?: number; before?: number }): Promise<AuditEntry[]>;
}

/** The tables of the exchange capability (issue 15); documents, messages and packages as JSON text. */

export interface ExchangeNodeTable {
  port: string;
  name_en: string;
  name_ja: string;
  endpoint: string;
  document: string;
  updated_at: string;
}

export interface ExchangeKeysTable {
  kid: string;
  public_key: string;
  /** PKCS#8 PEM: never leaves this table except to sign. */
  private_key_pem: string;
  from_at: string;
  until_at: string | null;
  endorsed_by: string | null;
  endorsement: string | null;
  created_at: string;
}

export interface ExchangePeersTable {
  port: string;
  fingerprint: string;
  document: string;
  added_at: string;
  updated_at: string;
  /** The API key this node presents to the peer (0730); null until set. */
  api_key: string | null;
}

export interface ExchangeNegotiationsTable {
  id: string;
  provider: string;
  consumer: string;
  state: string;
  state_json: string;
  updated_at: string;
}

export interface ExchangeNegotiationMessagesTable {
  negotiation_id: string;
  seq: number;
  hash: string;
  message: string;
  stored_at: string;
}

export interface ExchangePackagesTable {
  agreement_id: string;
  direction: string;
  seq: number;
  hash: string;
  dataset: string;
  issued_at: string;
  package: string;
  stored_at: string;
  /** Set when retention removed the cells (the chain fields stay so replays are still refused). */
  purged_at: string | null;
}

export interface ExchangeReceiptsTable {
  hash: string;
  agreement_id: string;
  direction: string;
  package_seq: number;
  receipt: string;
  stored_at: string;
}

export interface ExchangeAuditTable {
  seq: number;
  at: string;
  action: string;
  peer: string | null;
  agreement_id: string | null;
  outcome: string;
  reason: string | null;
  detail: string | null;
  prev_hash: string | null;
  hash: string;
}

export interface ExchangeDatabase {
  exchange_node: ExchangeNodeTable;
  exchange_keys: ExchangeKeysTable;
  exchange_peers: ExchangePeersTable;
  exchange_negotiations: ExchangeNegotiationsTable;
  exchange_negotiation_messages: ExchangeNegotiationMessagesTable;
  exchange_packages: ExchangePackagesTable;
  exchange_receipts: ExchangeReceiptsTable;
  exchange_audit: ExchangeAuditTable;
}

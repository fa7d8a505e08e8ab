/** The tables of the access capability: accounts, sessions, API keys and the append-only audit log. */

export interface AccessUsersTable {
  id: string;
  name: string;
  role: string;
  /** "*" or comma-separated UN/LOCODEs. */
  ports: string;
  owner: string | null;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

export interface AccessSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface AccessApiKeysTable {
  id: string;
  secret_hash: string;
  name: string;
  role: string;
  ports: string;
  owner: string | null;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface AccessAuditLogTable {
  id: string;
  at: string;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  target: string;
  outcome: string;
  ip: string | null;
  detail_json: string | null;
}

export interface AccessDatabase {
  access_users: AccessUsersTable;
  access_sessions: AccessSessionsTable;
  access_api_keys: AccessApiKeysTable;
  access_audit_log: AccessAuditLogTable;
}

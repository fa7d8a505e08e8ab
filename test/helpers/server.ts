/**
 * Starts the real application for a test: a fresh database (SQLite in a temporary folder unless a
 * URL is given), migrations, the port registry, the built portal — listening on a free loopback port.
 */
import { addUser, createKey } from "../../src/access/index.ts";
import { loadPortRecords, type PortRecord } from "../../src/ports/index.ts";
import { buildApp, DEFAULT_WEB_DIR } from "../../src/server/app.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { testDatabaseKinds } from "./databases.ts";

export interface TestServer {
  baseUrl: string;
  store: Store;
  /** Headers that authenticate as an admin (an API key made for this server). */
  adminHeaders: Record<string, string>;
  /** Headers of a new API key with this role (and ports, owner). */
  headersFor(role: string, options?: { ports?: string[]; owner?: string }): Promise<Record<string, string>>;
  /**
   * Signs a new user with this role in through POST /api/session: the session cookie (to put on a
   * browser context) and the CSRF token.
   */
  signIn(role: string): Promise<{ cookie: { name: string; value: string; url: string }; csrfToken: string }>;
  /** Writes the audit entries the server holds (it writes them in batches). */
  flushAudit(): Promise<void>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Ports to load instead of the shipped registry. */
  ports?: PortRecord[];
  /** A database URL; default: a new SQLite file. */
  databaseUrl?: string;
  webDir?: string;
}

/** Authorization headers of a new admin API key in this store (for tests that inject into buildApp). */
export async function adminKeyHeaders(store: Store): Promise<Record<string, string>> {
  const { token } = await createKey(
    store.access,
    { name: "test admin", role: "admin" },
    { kind: "cli", id: "test" },
    Date.now(),
  );
  return { authorization: `Bearer ${token}` };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.databaseUrl ? undefined : await testDatabaseKinds()[0]!.create();
  const store = openStore({ databaseUrl: options.databaseUrl ?? database!.url });
  await store.migrate();
  await store.ports.upsertPorts(options.ports ?? loadPortRecords());
  const app = await buildApp({ store, webDir: options.webDir ?? DEFAULT_WEB_DIR });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server has no TCP address");
  const headersFor: TestServer["headersFor"] = async (role, keyOptions = {}) => {
    const { token } = await createKey(
      store.access,
      { name: `test ${role}`, role, ports: keyOptions.ports ?? "*", owner: keyOptions.owner ?? null },
      { kind: "cli", id: "test" },
      Date.now(),
    );
    return { authorization: `Bearer ${token}` };
  };
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    store,
    adminHeaders: await headersFor("admin"),
    headersFor,
    flushAudit: () => app.flushAccessAudit(),
    async signIn(role) {
      const name = `test-${role}-${Math.random().toString(36).slice(2, 8)}`;
      const { oneTimePassword } = await addUser(
        store.access,
        { name, role },
        { kind: "cli", id: "test" },
        Date.now(),
      );
      const baseUrl = `http://127.0.0.1:${address.port}`;
      const r = await fetch(`${baseUrl}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, password: oneTimePassword }),
      });
      if (!r.ok) throw new Error(`sign-in as ${role} failed: ${r.status}`);
      const value = /sp_session=([^;]+)/.exec(r.headers.get("set-cookie") ?? "")?.[1];
      if (!value) throw new Error("sign-in set no session cookie");
      const { csrfToken } = (await r.json()) as { csrfToken: string };
      return { cookie: { name: "sp_session", value, url: baseUrl }, csrfToken };
    },
    async close() {
      await app.close();
      await store.close();
      await database?.drop();
    },
  };
}

/**
 * Starts the real application for a test: a fresh database (SQLite in a temporary folder unless a
 * URL is given), migrations, the port registry, the built portal — listening on a free loopback port.
 */
import { createKey } from "../../src/access/index.ts";
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
    async close() {
      await app.close();
      await store.close();
      await database?.drop();
    },
  };
}

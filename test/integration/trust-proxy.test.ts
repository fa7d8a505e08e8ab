/**
 * SP_TRUST_PROXY (issue 14): X-Forwarded-For names the client only when the TCP peer is a trusted
 * proxy; otherwise (and by default) the peer's address is what the audit log and limits see.
 */
import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "../../src/core/config.ts";
import { loadPortRecords } from "../../src/ports/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { openStore } from "../../src/store/index.ts";
import { testDatabaseKinds } from "../helpers/databases.ts";

describe("SP_TRUST_PROXY", () => {
  it("parses off, hops and CIDR lists, and refuses trusting everyone", () => {
    expect(parseTrustProxy("off")).toBe(false);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("10.0.0.0/8, loopback")).toEqual(["10.0.0.0/8", "loopback"]);
    expect(parseTrustProxy("10.0.0.0/33")).toHaveProperty("reason");
    expect(parseTrustProxy("true")).toHaveProperty("reason");
  });

  for (const trustProxy of [undefined, ["127.0.0.1"]] as const)
    it(`audits the forwarded address only behind a trusted proxy (${trustProxy ?? "off"})`, async () => {
      const db = await testDatabaseKinds()[0]!.create();
      const store = openStore({ databaseUrl: db.url });
      await store.migrate();
      await store.ports.upsertPorts(loadPortRecords());
      const app = await buildApp({
        store,
        webDir: "/nonexistent",
        ...(trustProxy ? { trustProxy: [...trustProxy] } : {}),
      });
      const guess = (remoteAddress: string) =>
        app.inject({
          method: "GET",
          url: "/api/ports/USLAX/emissions/inventories",
          remoteAddress,
          headers: {
            "x-forwarded-for": "198.51.100.9",
            authorization: `Bearer spx_${"0".repeat(16)}_${"A".repeat(43)}`,
          },
        });
      await guess("127.0.0.1");
      await guess("10.9.9.9"); // not a trusted proxy: its header is ignored
      await app.flushAccessAudit();
      const ips = (await store.access.listAudit({ limit: 10 })).map((e) => e.ip).sort();
      expect(ips).toEqual(trustProxy ? ["10.9.9.9", "198.51.100.9"] : ["10.9.9.9", "127.0.0.1"]);
      await app.close();
      await store.close();
      await db.drop();
    }, 30_000);
});

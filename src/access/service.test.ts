import { describe, expect, it } from "vitest";
import { openStore } from "../store/index.ts";
import { addDemoUsers, principalFromSession, signIn } from "./service.ts";

describe("demo accounts", () => {
  it("makes one per role with its own one-time password, only on a node with no account", async () => {
    const store = openStore({ databaseUrl: "sqlite::memory:" });
    await store.migrate();
    try {
      const made = await addDemoUsers(store.access, Date.parse("2026-12-05T00:00:00Z"));
      expect(made.map((u) => u.name)).toEqual([
        "demo-analyst",
        "demo-terminal",
        "demo-trucking",
        "demo-partner",
        "demo-sister-port",
        "demo-admin",
      ]);
      expect(new Set(made.map((u) => u.oneTimePassword)).size).toBe(6);
      const terminal = await store.access.findUserByName("demo-terminal");
      expect([terminal?.ports, terminal?.owner]).toEqual([["USLAX"], "uslax-terminal-apm-pier400"]);
      const t0 = Date.parse("2026-12-05T01:00:00Z");
      const session = await signIn(store.access, "demo-partner", made[3]!.oneTimePassword, t0);
      expect(session).toBeDefined();
      expect(await signIn(store.access, "demo-partner", made[0]!.oneTimePassword, t0)).toBeUndefined();
      expect((await principalFromSession(store.access, session!.token, t0))?.role).toBe("partner");
      // A session lasts 12 h: at 13:00 it is gone.
      expect(
        await principalFromSession(store.access, session!.token, Date.parse("2026-12-05T13:00:00Z")),
      ).toBe(undefined);
      expect(await addDemoUsers(store.access, t0)).toEqual([]);
    } finally {
      await store.close();
    }
  }, 30_000);
});

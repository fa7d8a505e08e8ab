/** The `users`, `keys` and `audit` commands in process, on a temporary SQLite store. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openStore, type Store } from "../store/index.ts";
import { registerAccessCommands } from "./cli.ts";
import { verifyPassword } from "./secrets.ts";
import { principalFromKey } from "./service.ts";

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-access-cli-"));
  store = openStore({ databaseUrl: `sqlite:${path.join(dir, "db.sqlite")}` });
  await store.migrate();
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(group: string, args: string[]): Promise<string> {
  const program = new Command("sisterports").exitOverride();
  registerAccessCommands(program, group, async () => ({ access: store.access, close: async () => {} }));
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((c) => {
    out.push(String(c));
    return true;
  });
  try {
    await program.parseAsync(["node", "sisterports", ...args]);
  } finally {
    spy.mockRestore();
  }
  return out.join("");
}

describe("access commands", () => {
  it("adds the first admin with a one-time password printed once, which signs in", async () => {
    const out = await run("users", ["users", "add", "--name", "root", "--role", "admin"]);
    const password = out.trim().split("\n").at(-1)!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const user = (await store.access.findUserByName("root"))!;
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);
    expect(user.passwordHash).not.toContain(password);
    const list = await run("users", ["users", "list"]);
    expect(list).toContain("root");
    expect(list).not.toContain("scrypt");
    await expect(run("users", ["users", "add", "--name", "root", "--role", "admin"])).rejects.toThrow(
      /exists/,
    );
    await expect(run("users", ["users", "add", "--name", "x", "--role", "king"])).rejects.toThrow(
      /Role must be/,
    );
  }, 20_000);

  it("creates a scoped key that works, lists it without the secret, revokes it", async () => {
    const out = await run("keys", [
      "keys",
      "create",
      "--name",
      "ACME H2",
      "--role",
      "partner",
      "--port",
      "USLAX",
    ]);
    const token = out.trim().split("\n").at(-1)!;
    const found = await principalFromKey(store.access, token, Date.now());
    expect(found).toEqual({
      principal: { kind: "key", id: token.split("_")[1], role: "partner", ports: ["USLAX"], name: "ACME H2" },
    });
    const listed = await run("keys", ["keys", "list"]);
    expect(listed).toContain("ACME H2");
    // The secret is all after "spx_<id>_" (it may hold "_" itself).
    expect(listed).not.toContain(token.slice(token.indexOf("_", 4) + 1));
    await run("keys", ["keys", "revoke", token.split("_")[1]!]);
    expect(await principalFromKey(store.access, token, Date.now())).toMatchObject({ error: "revoked" });
    const audit = (
      JSON.parse(await run("audit", ["audit", "--json"])) as {
        entries: { action: string; actorKind: string }[];
        nextCursor: string | null;
      }
    ).entries;
    expect(audit.map((e) => e.action)).toEqual(["key.revoke", "key.create", "user.add"]);
    expect(audit.every((e) => e.actorKind === "cli")).toBe(true);
    // A page of two prints the cursor of the next; that page holds the third entry and says it is the last.
    const first = await run("audit", ["audit", "--limit", "2"]);
    const cursor = /--before (\S+)/.exec(first)?.[1];
    expect(cursor).toBeDefined();
    const second = await run("audit", ["audit", "--limit", "2", "--before", cursor!]);
    expect(second).toContain("user.add");
    expect(second).not.toContain("key.create");
    expect(second).not.toContain("--before");
    const filtered = JSON.parse(await run("audit", ["audit", "--json", "--action", "key.create"])) as {
      entries: { action: string }[];
    };
    expect(filtered.entries.map((e) => e.action)).toEqual(["key.create"]);
  });
});

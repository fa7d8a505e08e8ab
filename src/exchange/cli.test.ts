/**
 * The `exchange` commands in process on two temporary SQLite stores: node init, export, peer add with
 * a right and a wrong fingerprint, catalog, agreement draft/list/show in English and Japanese, key
 * rotation accepted by the peer without a new fingerprint, and no private key in any output.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openStore, type Store } from "../store/index.ts";
import { registerExchangeCommands } from "./cli.ts";

let dir: string;
const stores: Record<string, Store> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-exchange-cli-"));
  for (const n of ["la", "ngo"]) {
    const s = openStore({ databaseUrl: `sqlite:${path.join(dir, `${n}.sqlite`)}` });
    await s.migrate();
    stores[n] = s;
  }
});
afterAll(async () => {
  for (const s of Object.values(stores)) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(
  node: "la" | "ngo",
  args: string[],
  lang = "en",
): Promise<{ out: string; err: string; error?: Error }> {
  process.env.SP_LANG = lang;
  const program = new Command("sisterports").exitOverride();
  const store = stores[node];
  if (!store) throw new Error(node);
  registerExchangeCommands(program, async () => ({ exchange: store.exchange, close: async () => {} }));
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["node", "sisterports", "exchange", ...args]);
    return { out, err };
  } catch (error) {
    return { out, err, error: error as Error };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const fpOf = (out: string) => /([0-9a-f]{4}(?: [0-9a-f]{4}){15})/.exec(out)?.[1] ?? "";

describe("exchange commands", () => {
  it("sets up two nodes, introduces them, drafts and shows an agreement", async () => {
    const la = await run("la", [
      "node",
      "init",
      "--port",
      "USLAX",
      "--name-en",
      "Port of Los Angeles",
      "--name-ja",
      "ロサンゼルス港",
      "--endpoint",
      "http://127.0.0.1:8081/",
    ]);
    expect(la.out).toContain("node USLAX set up");
    const ngo = await run(
      "ngo",
      [
        "node",
        "init",
        "--port",
        "JPNGO",
        "--name-en",
        "Port of Nagoya",
        "--name-ja",
        "名古屋港",
        "--endpoint",
        "http://127.0.0.1:8082/",
      ],
      "ja",
    );
    expect(ngo.out).toContain("ノード JPNGO を設定しました");
    const again = await run("la", [
      "node",
      "init",
      "--port",
      "USLAX",
      "--name-en",
      "x",
      "--name-ja",
      "x",
      "--endpoint",
      "http://x/",
    ]);
    expect(again.error?.message).toMatch(/already set up as USLAX/);

    const laDoc = path.join(dir, "la.json");
    const ngoDoc = path.join(dir, "ngo.json");
    await run("la", ["node", "export", "--out", laDoc]);
    await run("ngo", ["node", "export", "--out", ngoDoc]);
    for (const f of [laDoc, ngoDoc]) expect(fs.readFileSync(f, "utf8")).not.toMatch(/PRIVATE KEY/);

    const wrong = await run("la", ["peer", "add", ngoDoc, "--fingerprint", fpOf(la.out)]);
    expect(wrong.error?.message).toMatch(/fingerprint_mismatch/);
    const right = await run("la", ["peer", "add", ngoDoc, "--fingerprint", fpOf(ngo.out).replace(/ /g, ":")]);
    expect(right.out).toContain(`peer JPNGO added; fingerprint ${fpOf(ngo.out)}`);
    const unchecked = await run("ngo", ["peer", "add", laDoc], "ja");
    expect(unchecked.out).toContain("相手ノード USLAX を追加しました");
    expect(unchecked.err).toContain("照合してください");
    expect((await run("la", ["peer", "list"])).out).toContain("Port of Nagoya");
    expect((await run("la", ["peer", "list"], "ja")).out).toContain("名古屋港");

    expect((await run("la", ["catalog"])).out).toMatch(
      /emissions-inventory\s+Emissions inventory by source category and month/,
    );
    expect((await run("la", ["catalog"], "ja")).out).toContain("排出インベントリ（発生源区分・月別）");
    expect(JSON.parse((await run("la", ["catalog", "--json"])).out)).toHaveLength(6);

    const draft = await run("la", [
      "agreement",
      "draft",
      "--peer",
      "JPNGO",
      "--dataset",
      "emissions-inventory:category-month:co2eTonnes,noxTonnes",
      "--min-cell-size",
      "3",
      "--purpose-en",
      "Compare emissions",
      "--purpose-ja",
      "排出量の比較",
      "--attribution-en",
      "Source: Port of Los Angeles",
      "--attribution-ja",
      "出典：ロサンゼルス港",
      "--from",
      "2026-12-01",
      "--until",
      "2027-12-01",
      "--json",
    ]);
    const drafted = JSON.parse(draft.out) as {
      state: { id: string; state: string };
      message: { type: string };
    };
    expect(drafted).toMatchObject({ state: { state: "OFFERED" }, message: { type: "offer" } });
    const full = [
      "--purpose-en",
      "p",
      "--purpose-ja",
      "p",
      "--attribution-en",
      "a",
      "--attribution-ja",
      "a",
      "--from",
      "2026-12-01",
      "--until",
      "2027-12-01",
    ];
    const bad = await run("la", ["agreement", "draft", "--peer", "JPNGO", "--dataset", "salaries", ...full]);
    expect(bad.error?.message).toMatch(/--dataset: salaries is not in the catalog/);
    const missing = await run("la", ["agreement", "draft", "--peer", "JPNGO", "--dataset", "port-calls"]);
    expect(missing.error?.message).toMatch(
      /missing --purpose-en, --purpose-ja, --attribution-en, --attribution-ja, --from, --until/,
    );

    expect((await run("la", ["agreement", "list"])).out).toMatch(
      new RegExp(`${drafted.state.id}\\s+USLAX\\s+JPNGO\\s+OFFERED\\s+negotiating`),
    );
    const show = await run("la", ["agreement", "show", drafted.state.id], "ja");
    expect(show.out).toContain("最小セルサイズ k = 3（事業者数）");
    expect(show.out).toContain("禁止：distribute, commercialize");
    expect(show.out).toMatch(/0\s+offer\s+USLAX/);
    expect((await run("la", ["agreement", "show", "nope"])).error?.message).toMatch(/no agreement nope/);
  });

  it("rotates the key; the peer accepts the new document through the old key's endorsement", async () => {
    const r = await run("la", ["node", "rotate", "--overlap-days", "7"]);
    expect(r.out).toMatch(/new key ed25519-[0-9a-f]{16}; the old key ed25519-[0-9a-f]{16} verifies until/);
    const shown = await run("la", ["node", "show"]);
    expect(shown.out.match(/fingerprint /g)).toHaveLength(2);
    expect(shown.out).toContain("(signs now)");
    const doc = path.join(dir, "la2.json");
    await run("la", ["node", "export", "--out", doc]);
    expect((await run("ngo", ["peer", "add", doc])).out).toContain("peer USLAX updated (key rotation)");
    expect((await run("la", ["retention"])).out).toContain("no received data is past its retention period");
    expect((await run("la", ["retention"], "ja")).out).toContain("保存期間を過ぎた受領データはありません");
    const audit = await run("la", ["audit"]);
    expect(audit.out).toMatch(/1\s+\S+ \S+\s+node\.init\s+ok/);
    expect(audit.out).toMatch(/peer\.add\s+JPNGO\s+refused\s+fingerprint_mismatch/);
    expect(audit.out).toMatch(/node\.rotate\s+ok/);
    expect(audit.out).toContain("audit chain intact");
    expect((await run("la", ["audit"], "ja")).out).toContain("監査記録の連鎖は完全です");
    for (const args of [
      ["node", "show", "--json"],
      ["node", "export"],
      ["peer", "list", "--json"],
      ["agreement", "list", "--json"],
    ])
      expect((await run("la", args)).out).not.toMatch(/PRIVATE KEY/);
  });
});

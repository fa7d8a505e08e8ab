/** `ops alerts …` in process, on a temporary SQLite store, pinging a local receiver. */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { nowS } from "../core/time.ts";
import { openStore, type Store } from "../store/index.ts";
import { registerAlertCommands, subscriptionBody } from "./alerts-cli.ts";
import { verifyWebhook } from "./webhooks.ts";

let dir: string;
let store: Store;
let url: string;
const got: { body: string; headers: Record<string, string> }[] = [];
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => {
    body += c.toString("utf8");
  });
  req.on("end", () => {
    got.push({ body, headers: req.headers as Record<string, string> });
    res.statusCode = 204;
    res.end();
  });
});

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-alerts-cli-"));
  store = openStore({ databaseUrl: `sqlite:${path.join(dir, "db.sqlite")}` });
  await store.migrate();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(
  args: string[],
  lang: "en" | "ja" = "en",
  alertTargets = { allowPrivate: false, allowCidrs: ["127.0.0.1/32"] },
): Promise<string> {
  process.env.SP_LANG = lang;
  const program = new Command("sisterports").exitOverride();
  const ops = program.command("ops");
  // The receiver is on loopback, refused by default (SSRF guard): allowed as
  // SP_ALERTS_ALLOW_PRIVATE=127.0.0.1/32 would.
  registerAlertCommands(ops, async () => ({
    operations: store.operations,
    close: async () => {},
    alertTargets,
  }));
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["node", "sisterports", "ops", "alerts", ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe("ops alerts", () => {
  it("builds the API's body from the options given", () => {
    expect(
      subscriptionBody({
        port: "USLAX",
        url: "https://x/h",
        owner: "o",
        turnMin: "45",
        turnStat: "p90",
        emptySize: "40",
      }),
    ).toEqual({
      url: "https://x/h",
      owner: "o",
      kinds: {
        "turn_time.exceeded": { thresholdMin: 45, statistic: "p90" },
        "empty_return.closed": { sizeFt: 40 },
      },
    });
    expect(() => subscriptionBody({ port: "USLAX", url: "https://x/h", owner: "o" })).toThrow(/--watch/);
  });

  it("subscribes, lists, pings, shows deliveries and removes — in English and Japanese", async () => {
    const created = JSON.parse(
      await run([
        "subscribe",
        "--port",
        "uslax",
        "--url",
        url,
        "--owner",
        "ACME",
        "--watch",
        "CSQU3054383",
        "--dwell-days",
        "5",
        "--json",
      ]),
    );
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.kinds).toEqual({
      "box.moved": { containers: ["CSQU3054383"] },
      "dwell.exceeded": { thresholdDays: 5 },
    });
    await expect(
      run(["subscribe", "--port", "USLAX", "--url", url, "--owner", "o", "--watch", "CSQU3054384"]),
    ).rejects.toThrow(/invalid subscription/);

    expect(await run(["list", "--port", "USLAX"])).toMatch(
      new RegExp(`${created.id}\\s+ACME\\s+box.moved, dwell.exceeded`),
    );
    expect(await run(["list", "--port", "USLAX"], "ja")).toContain("登録者");
    expect(await run(["deliveries", created.id, "--port", "USLAX"])).toContain(
      `no deliveries for ${created.id} yet`,
    );

    expect(await run(["test", created.id, "--port", "USLAX"])).toMatch(
      new RegExp(`ping ${created.id}: delivered \\(204, \\d+ ms\\)`),
    );
    expect(got).toHaveLength(1);
    expect(verifyWebhook(created.secret, got[0]?.headers ?? {}, got[0]?.body ?? "", nowS())).toBeNull();
    expect(await run(["deliveries", created.id, "--port", "USLAX"], "ja")).toMatch(/ping\s+配信済\s+1\s+204/);

    expect(await run(["remove", created.id, "--port", "USLAX"])).toContain(
      `subscription ${created.id} removed`,
    );
    expect(await run(["list", "--port", "USLAX"])).toContain("no alert subscriptions at USLAX");
    await expect(run(["deliveries", created.id, "--port", "USLAX"])).rejects.toThrow(/no subscription/);
  });

  it("disables and re-enables a subscription, in English and Japanese", async () => {
    const created = JSON.parse(
      await run([
        "subscribe",
        "--port",
        "USLAX",
        "--url",
        url,
        "--owner",
        "o",
        "--dwell-days",
        "5",
        "--json",
      ]),
    );
    expect(await run(["enable", created.id, "--port", "USLAX"])).toContain(
      `subscription ${created.id} is enabled already`,
    );
    expect(await run(["disable", created.id, "--port", "USLAX"])).toContain(
      `subscription ${created.id} disabled`,
    );
    const off = JSON.parse(await run(["list", "--port", "USLAX", "--json"])).subscriptions[0];
    expect(off).toMatchObject({ id: created.id, active: false });
    expect(off.disabledReason).toMatch(/^disabled by the command line at /);
    expect(await run(["disable", created.id, "--port", "USLAX"], "ja")).toContain(
      `購読 ${created.id} はすでに無効です`,
    );
    await expect(run(["test", created.id, "--port", "USLAX"])).rejects.toThrow(/is disabled/);
    // Re-enabled: alerts from now on, shown in Los Angeles time.
    expect(await run(["enable", created.id, "--port", "USLAX"], "ja")).toMatch(
      new RegExp(
        `購読 ${created.id} を有効にしました: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d（America/Los_Angeles）以降`,
      ),
    );
    const on = JSON.parse(await run(["enable", created.id, "--port", "USLAX", "--json"]));
    expect(on).toMatchObject({ id: created.id, active: true, disabledReason: null });
    await expect(run(["enable", "sub_nope", "--port", "USLAX"])).rejects.toThrow(/no subscription sub_nope/);
    await run(["remove", created.id, "--port", "USLAX"]);
  });

  it("refuses a URL at an address the node may not call, in English and Japanese (SSRF guard)", async () => {
    const strict = { allowPrivate: false, allowCidrs: [] };
    const args = ["subscribe", "--port", "USLAX", "--url", url, "--owner", "o", "--dwell-days", "5"];
    await expect(run(args, "en", strict)).rejects.toThrow(
      new RegExp(
        `--url ${url}: refused — a URL whose host is a public address: 127\\.0\\.0\\.1 is a loopback address`,
      ),
    );
    await expect(run(args, "ja", strict)).rejects.toThrow(/127\.0\.0\.1 はループバックアドレス/);
    const meta = [
      "subscribe",
      "--port",
      "USLAX",
      "--url",
      "http://0xa9fea9fe/",
      "--owner",
      "o",
      "--dwell-days",
      "5",
    ];
    await expect(run(meta)).rejects.toThrow(/169\.254\.169\.254 is a link-local address/);
    expect(await run(["list", "--port", "USLAX"])).toContain("no alert subscriptions at USLAX");
  });
});

/**
 * The webhook target guard where it acts: when a subscription is made (check) and when a delivery
 * connects (send), against a REAL local receiver on 127.0.0.1. A name "resolves" through a resolver
 * the test gives, as a DNS server under an attacker's control would answer.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ResolveHost, WebhookTargetRefused, webhookTargets } from "./alerts-sender.ts";
import { STRICT_TARGETS } from "./webhook-targets.ts";

const got: string[] = [];
const server = http.createServer((req, res) => {
  got.push(req.url ?? "");
  req.resume();
  req.on("end", () => {
    if (req.url === "/moved") {
      res.writeHead(302, { location: "/elsewhere" });
      res.end("see /elsewhere");
      return;
    }
    res.statusCode = 204;
    res.end();
  });
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const headers = { "webhook-id": "msg_1", "webhook-timestamp": "1", "webhook-signature": "v1,x" };
/** A resolver giving each name the addresses listed; the calls are counted. */
function resolver(answers: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve: ResolveHost = async (host) => {
    calls.push(host);
    const list = answers[host];
    if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { resolve, calls };
}

async function refusal(check: Promise<void>) {
  try {
    await check;
  } catch (e) {
    if (e instanceof WebhookTargetRefused) return e.verdict;
    throw e;
  }
  return null;
}

describe("webhook target guard: at subscribe time", () => {
  const { resolve } = resolver({
    "hooks.example": ["93.184.215.14"],
    "intranet.example": ["10.1.2.3"],
    "mixed.example": ["93.184.215.14", "169.254.169.254"],
    "v6.example": ["fd00::5"],
  });
  const strict = webhookTargets(STRICT_TARGETS, { resolve });

  it("refuses an address in the URL, however it is spelled, naming the address and why", async () => {
    expect(await refusal(strict.check("http://2130706433/hook"))).toEqual({
      address: "127.0.0.1",
      refusal: "loopback",
    });
    expect(await refusal(strict.check("http://0x7f000001/"))).toEqual({
      address: "127.0.0.1",
      refusal: "loopback",
    });
    expect(await refusal(strict.check("http://[::ffff:127.0.0.1]:8080/"))).toEqual({
      address: "127.0.0.1",
      refusal: "loopback",
    });
    expect(await refusal(strict.check("http://169.254.169.254/latest/meta-data/"))).toEqual({
      address: "169.254.169.254",
      refusal: "link_local",
    });
    expect(await refusal(strict.check("https://[fe80::1]/"))).toEqual({
      address: "fe80::1",
      refusal: "link_local",
    });
    expect(await refusal(strict.check("http://192.168.1.1/"))).toMatchObject({ refusal: "private" });
    expect(await refusal(strict.check("http://100.100.100.200/"))).toMatchObject({ refusal: "shared" });
    expect(await refusal(strict.check("http://0.0.0.0/"))).toMatchObject({ refusal: "unspecified" });
    expect(await refusal(strict.check("http://[::]/"))).toMatchObject({ refusal: "unspecified" });
    expect(await refusal(strict.check("http://239.1.1.1/"))).toMatchObject({ refusal: "multicast" });
    expect(await refusal(strict.check("http://[ff02::1]/"))).toMatchObject({ refusal: "multicast" });
    expect(await refusal(strict.check("http://93.184.215.14/"))).toBeNull();
  });

  it("refuses a name that resolves to a refused address (any of its addresses)", async () => {
    expect(await refusal(strict.check("https://intranet.example/h"))).toEqual({
      address: "10.1.2.3",
      refusal: "private",
    });
    expect(await refusal(strict.check("https://mixed.example/h"))).toEqual({
      address: "169.254.169.254",
      refusal: "link_local",
    });
    expect(await refusal(strict.check("https://v6.example/h"))).toEqual({
      address: "fd00::5",
      refusal: "private",
    });
    expect(await refusal(strict.check("https://hooks.example/h"))).toBeNull();
    // Not resolvable now: accepted; every connection checks again.
    expect(await refusal(strict.check("https://nowhere.example/h"))).toBeNull();
  });

  it("lets through what the node's configuration allows", async () => {
    const ten = webhookTargets({ allowPrivate: false, allowCidrs: ["10.0.0.0/8"] }, { resolve });
    expect(await refusal(ten.check("https://intranet.example/h"))).toBeNull();
    expect(await refusal(ten.check("http://127.0.0.1/"))).toMatchObject({ refusal: "loopback" });
    const all = webhookTargets({ allowPrivate: true, allowCidrs: [] }, { resolve });
    expect(await refusal(all.check("http://169.254.169.254/"))).toBeNull();
  });
});

describe("webhook target guard: at connect time", () => {
  it("refuses an address in the URL without connecting", async () => {
    const before = got.length;
    const r = await webhookTargets().send(`http://127.0.0.1:${port}/x`, headers, "{}", 2000);
    expect(r).toMatchObject({ statusCode: null, error: "refused target 127.0.0.1 (loopback)" });
    const mapped = await webhookTargets().send(`http://[::ffff:7f00:1]:${port}/x`, headers, "{}", 2000);
    expect(mapped.error).toBe("refused target 127.0.0.1 (loopback)");
    expect(got.length).toBe(before);
  });

  it("refuses a name that resolved to a public address at subscribe time and to loopback now (DNS rebinding)", async () => {
    let answer = "93.184.215.14";
    const calls: string[] = [];
    const resolve: ResolveHost = async (host) => {
      calls.push(host);
      return [{ address: answer, family: 4 }];
    };
    const guard = webhookTargets(STRICT_TARGETS, { resolve });
    const url = `http://rebind.example:${port}/rebind`;
    await guard.check(url); // passes: public now
    answer = "127.0.0.1"; // the attacker's DNS flips the name to the node's own address
    const before = got.length;
    const r = await guard.send(url, headers, "{}", 2000);
    expect(r).toMatchObject({ statusCode: null, error: "refused target 127.0.0.1 (loopback)" });
    expect(got.length).toBe(before); // nothing reached the receiver
    expect(calls).toEqual(["rebind.example", "rebind.example"]); // resolved again to connect
  });

  it("connects to the address it checked when the configuration allows it, and follows no redirect", async () => {
    const { resolve } = resolver({ "receiver.test": ["127.0.0.1"] });
    const local = webhookTargets({ allowPrivate: false, allowCidrs: ["127.0.0.1/32"] }, { resolve });
    const ok = await local.send(`http://receiver.test:${port}/ok`, headers, '{"a":1}', 2000);
    expect(ok).toMatchObject({ statusCode: 204, error: null });
    expect(got.at(-1)).toBe("/ok");
    const moved = await local.send(`http://127.0.0.1:${port}/moved`, headers, "{}", 2000);
    expect(moved).toMatchObject({ statusCode: 302, error: "see /elsewhere" });
    expect(got.at(-1)).toBe("/moved");
    expect(got).not.toContain("/elsewhere");
  });

  it("reports a name that does not resolve and a receiver that does not answer in time", async () => {
    const { resolve } = resolver({});
    const r = await webhookTargets(STRICT_TARGETS, { resolve }).send(
      "http://nowhere.example/h",
      headers,
      "{}",
      2000,
    );
    expect(r).toMatchObject({ statusCode: null, error: "ENOTFOUND" });
    const silent = http.createServer(() => undefined); // never answers
    await new Promise<void>((res) => silent.listen(0, "127.0.0.1", res));
    const p = (silent.address() as AddressInfo).port;
    const t = await webhookTargets({ allowPrivate: true, allowCidrs: [] }).send(
      `http://127.0.0.1:${p}/`,
      headers,
      "{}",
      200,
    );
    expect(t).toMatchObject({ statusCode: null, error: "timeout after 200 ms" });
    silent.closeAllConnections();
    await new Promise((res) => silent.close(res));
  });
});

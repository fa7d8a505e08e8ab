/** Live feeds against local senders: UDP datagrams and a TCP feed server that drops the connection. */
import dgram from "node:dgram";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAis } from "../../src/ais/encode.ts";
import { startListener } from "../../src/ais/listen.ts";
import type { AisPayload } from "../../src/ais/messages.ts";
import { decodeTrackBlock } from "../../src/ais/track-block.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { T0 } from "../helpers/ais-samples.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

function lines(mmsi: number, n: number, withTime = true): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const payload = {
      msgType: 1,
      repeat: 0,
      mmsi,
      navStatus: 0,
      rotDegPerMin: 0,
      sogKnots: 10,
      positionAccuracy: 1,
      lonDeg: 136.8 + i * 0.001,
      latDeg: 34.9 + i * 0.001,
      cogDeg: 10,
      headingDeg: 10,
      utcSecond: i % 60,
      maneuver: null,
      raim: 0,
    } as AisPayload;
    out.push(...encodeAis(payload, withTime ? { tag: { source: "ngo-rx", unixTimeS: T0 + i * 10 } } : {}));
  }
  return out;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("live AIS feeds", () => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await testDatabaseKinds()[0]!.create();
    store = openStore({ databaseUrl: database.url });
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it("ingests UDP datagrams (several lines each) within one flush interval", async () => {
    const listener = await startListener(store.ais, [{ kind: "udp", port: 0, host: "127.0.0.1" }], {
      flushIntervalS: 0.2,
    });
    const sender = dgram.createSocket("udp4");
    const all = lines(431000101, 40);
    for (let i = 0; i < all.length; i += 4) {
      await new Promise<void>((resolve) =>
        sender.send(`${all.slice(i, i + 4).join("\r\n")}\r\n`, listener.udpPorts[0]!, "127.0.0.1", () =>
          resolve(),
        ),
      );
    }
    sender.send("!AIVDM,garbage*00", listener.udpPorts[0]!, "127.0.0.1");
    await until(async () => (await store.ais.trackBlocks(431000101, T0, T0 + 3600))[0]?.reportCount === 40);
    await listener.close();
    sender.close();
    const counts = Object.values(listener.counts())[0]!;
    expect(counts).toMatchObject({ read: 41, accepted: 40, rejected: 1, duplicates: 0 });
  });

  it("reconnects to a TCP feed server, keeps lines split across packets, and stamps untimed reports on receipt", async () => {
    const timed = lines(431000202, 30);
    const untimed = lines(431000203, 3, false);
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      if (connections === 1) {
        // Half the feed, the last line cut in two packets, then the connection drops.
        const first = `${timed.slice(0, 15).join("\n")}\n`;
        socket.write(first.slice(0, first.length - 20));
        setTimeout(() => {
          socket.write(first.slice(first.length - 20));
          socket.destroy();
        }, 50);
      } else {
        socket.write(`${[...timed.slice(15), ...untimed].join("\n")}\n`);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    const statuses: string[] = [];
    const receiptS = T0 + 5000;
    const listener = await startListener(store.ais, [{ kind: "tcp", host: "127.0.0.1", port }], {
      flushIntervalS: 0.2,
      nowS: () => receiptS,
      onStatus: (_feed, text) => statuses.push(text),
    });
    await until(
      async () =>
        (await store.ais.trackBlocks(431000202, T0, T0 + 3600))[0]?.reportCount === 30 &&
        (await store.ais.latestPosition(431000203)) !== undefined,
    );
    await listener.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(connections).toBe(2);
    expect(statuses.some((s) => s.startsWith("disconnected"))).toBe(true);
    const track = decodeTrackBlock((await store.ais.trackBlocks(431000202, T0, T0 + 3600))[0]!.data);
    expect(Array.from(track.timeS.subarray(0, 3))).toEqual([T0, T0 + 10, T0 + 20]);
    expect((await store.ais.latestPosition(431000203))?.timeS).toBe(receiptS);
    expect(Object.values(listener.counts())[0]).toMatchObject({
      read: 33,
      accepted: 33,
      duplicates: 0,
      rejected: 0,
    });
  });
});

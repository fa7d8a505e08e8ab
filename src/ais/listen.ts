/**
 * Live AIS feeds: NMEA over UDP (what receivers and AIS-catcher broadcast) and TCP (feed servers,
 * e.g. a provider's raw stream), decoded and ingested as they arrive. TCP connections reconnect
 * with back-off and are paused while the store catches up; everything is flushed every few
 * seconds, so the map and later the port calls follow the traffic within a minute.
 */
import dgram from "node:dgram";
import net from "node:net";
import type { IngestCounts } from "../core/ingest.ts";
import { AisDecoder } from "./decoder.ts";
import { AisIngest } from "./ingest.ts";
import type { AisStore } from "./track-store.ts";

export interface FeedSpec {
  kind: "udp" | "tcp";
  /** UDP: the local port to listen on; TCP: the port to connect to. */
  port: number;
  /** TCP: the host to connect to; UDP: the address to bind (default all interfaces' loopback-safe 0.0.0.0). */
  host?: string;
}

/** "udp:10110" or "tcp:feed.example:5631" → FeedSpec; undefined when malformed. */
export function parseFeedSpec(kind: "udp" | "tcp", text: string): FeedSpec | undefined {
  if (kind === "udp") {
    const port = Number(text);
    return Number.isInteger(port) && port >= 0 && port < 65536 ? { kind, port } : undefined;
  }
  const colon = text.lastIndexOf(":");
  if (colon <= 0) return undefined;
  const port = Number(text.slice(colon + 1));
  if (!Number.isInteger(port) || port <= 0 || port >= 65536) return undefined;
  return { kind, host: text.slice(0, colon).replace(/^\[|\]$/g, ""), port };
}

export interface ListenerOptions {
  /** Seconds between flushes. Default 5. */
  flushIntervalS?: number;
  /** Records buffered before an early flush. Default 50,000. */
  flushEveryRecords?: number;
  /** Longest wait between TCP reconnection attempts. Default 30 s. */
  maxReconnectDelayS?: number;
  /** Clock (epoch seconds) for reports without a tag-block time. */
  nowS?: () => number;
  onFlush?: (feed: string, counts: IngestCounts) => void;
  onStatus?: (feed: string, status: string) => void;
}

interface Feed {
  name: string;
  ingest: AisIngest;
  decoders: Map<string, AisDecoder>;
  line: number;
  flushing: Promise<void>;
}

export interface RunningListener {
  /** Bound UDP ports, in the order given (useful with port 0). */
  udpPorts: number[];
  counts(): Record<string, IngestCounts>;
  /** Stops reading, flushes what is buffered, and closes the sockets. */
  close(): Promise<void>;
}

export async function startListener(
  store: AisStore,
  feeds: FeedSpec[],
  options: ListenerOptions = {},
): Promise<RunningListener> {
  const flushIntervalMs = (options.flushIntervalS ?? 5) * 1000;
  const flushEveryRecords = options.flushEveryRecords ?? 50_000;
  const nowS = options.nowS ?? (() => Date.now() / 1000);
  const startedAt = new Date().toISOString();
  const active: Feed[] = [];
  const closers: (() => Promise<void>)[] = [];
  let closing = false;

  const makeFeed = (name: string): Feed => {
    // Rejects are kept per (source, line): the session's start keeps line numbers of runs apart.
    const feed: Feed = {
      name,
      ingest: new AisIngest(store, { source: `${name}@${startedAt}`, flushEveryRecords }),
      decoders: new Map(),
      line: 0,
      flushing: Promise.resolve(),
    };
    active.push(feed);
    return feed;
  };

  /** Flushes one at a time per feed; a failed write is reported and the feed goes on. */
  const flush = (feed: Feed): Promise<void> => {
    feed.flushing = feed.flushing.then(async () => {
      try {
        await feed.ingest.flush();
        options.onFlush?.(feed.name, feed.ingest.counts);
      } catch (error) {
        options.onStatus?.(feed.name, `store write failed: ${(error as Error).message}`);
      }
    });
    return feed.flushing;
  };

  const pushLine = (feed: Feed, decoderKey: string, b: Buffer, start: number, end: number) => {
    if (end > start && b[end - 1] === 13) end--;
    if (end <= start) return;
    let decoder = feed.decoders.get(decoderKey);
    if (!decoder) {
      // One decoder per sender: multi-sentence messages are reassembled per sender. Parts older
      // than a minute are given up (orphan_part), as a live feed has no end.
      decoder = new AisDecoder({
        onReject: (r) => feed.ingest.addReject(r.line, r.reason, r.text),
        partTimeoutMs: 60_000,
      });
      feed.decoders.set(decoderKey, decoder);
    }
    feed.line++;
    const msg = decoder.pushBytes(b, start, end);
    if (msg !== null) feed.ingest.addMessage(msg, msg.tagUnixTimeS ?? nowS(), "");
  };

  const splitLines = (feed: Feed, key: string, chunk: Buffer, carry: Buffer | null): Buffer | null => {
    const data = carry ? Buffer.concat([carry, chunk]) : chunk;
    let from = 0;
    let nl = data.indexOf(10, from);
    while (nl >= 0) {
      pushLine(feed, key, data, from, nl);
      from = nl + 1;
      nl = data.indexOf(10, from);
    }
    return from < data.length ? data.subarray(from) : null;
  };

  const udpPorts: number[] = [];
  for (const spec of feeds) {
    if (spec.kind === "udp") {
      const feed = makeFeed(`udp:${spec.port}`);
      const socket = dgram.createSocket({ type: "udp4", reuseAddr: true });
      socket.on("message", (msg, rinfo) => {
        // A datagram holds whole lines; the last one may lack its newline.
        const rest = splitLines(feed, `${rinfo.address}:${rinfo.port}`, msg, null);
        if (rest) pushLine(feed, `${rinfo.address}:${rinfo.port}`, rest, 0, rest.length);
        if (feed.ingest.flushDue) void flush(feed);
      });
      socket.on("error", (error) => options.onStatus?.(feed.name, `error: ${error.message}`));
      await new Promise<void>((resolve, reject) => {
        socket.once("error", reject);
        socket.bind(spec.port, spec.host ?? "0.0.0.0", () => {
          socket.off("error", reject);
          resolve();
        });
      });
      udpPorts.push(socket.address().port);
      options.onStatus?.(feed.name, `listening on UDP port ${socket.address().port}`);
      closers.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
    } else {
      const feed = makeFeed(`tcp:${spec.host}:${spec.port}`);
      let socket: net.Socket | undefined;
      let delayMs = 1000;
      let timer: NodeJS.Timeout | undefined;
      const connect = () => {
        if (closing) return;
        let carry: Buffer | null = null;
        const s = net.connect({ host: spec.host, port: spec.port });
        socket = s;
        s.on("connect", () => {
          delayMs = 1000;
          options.onStatus?.(feed.name, "connected");
        });
        s.on("data", (chunk: Buffer) => {
          carry = splitLines(feed, "tcp", chunk, carry);
          if (feed.ingest.flushDue) {
            // Back-pressure: stop reading until the store has taken the batch.
            s.pause();
            void flush(feed).then(() => s.resume());
          }
        });
        s.on("error", (error) => options.onStatus?.(feed.name, `error: ${error.message}`));
        s.on("close", () => {
          if (closing) return;
          options.onStatus?.(feed.name, `disconnected; retrying in ${delayMs / 1000} s`);
          timer = setTimeout(connect, delayMs);
          delayMs = Math.min(delayMs * 2, (options.maxReconnectDelayS ?? 30) * 1000);
        });
      };
      connect();
      closers.push(async () => {
        if (timer) clearTimeout(timer);
        socket?.destroy();
      });
    }
  }

  const interval = setInterval(() => {
    for (const feed of active) void flush(feed);
  }, flushIntervalMs);

  return {
    udpPorts,
    counts: () => Object.fromEntries(active.map((f) => [f.name, { ...f.ingest.counts }])),
    async close() {
      closing = true;
      clearInterval(interval);
      for (const close of closers) await close();
      for (const feed of active) {
        for (const decoder of feed.decoders.values()) decoder.end();
        await flush(feed);
      }
    },
  };
}

/** `ais listen --udp PORT --tcp HOST:PORT`: live NMEA feeds into the store until interrupted. */
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import { addIngestCounts, emptyIngestCounts, formatIngestCounts } from "../core/ingest.ts";
import type { OpenAisStore } from "./ingest-cli.ts";
import { type FeedSpec, parseFeedSpec, startListener } from "./listen.ts";

const collect = (value: string, previous: string[]) => [...previous, value];

/** Feed specs from the command's options, every bad one listed at once. */
export function feedSpecs(udp: string[], tcp: string[]): FeedSpec[] {
  const specs: FeedSpec[] = [];
  const issues: { field: string; reason: string }[] = [];
  for (const text of udp) {
    const spec = parseFeedSpec("udp", text);
    if (spec) specs.push(spec);
    else issues.push({ field: "--udp", reason: `"${text}" is not a UDP port` });
  }
  for (const text of tcp) {
    const spec = parseFeedSpec("tcp", text);
    if (spec) specs.push(spec);
    else issues.push({ field: "--tcp", reason: `"${text}" is not HOST:PORT` });
  }
  if (issues.length > 0)
    throw new DomainError("validation", issues.map((i) => `${i.field}: ${i.reason}`).join("; "), issues);
  return specs;
}

export function registerAisListenCommand(ais: Command, openStore: OpenAisStore): void {
  ais
    .command("listen")
    .description("ingest live NMEA from UDP (receivers) and TCP (feed servers) until Ctrl-C")
    .option("--udp <port>", "listen for NMEA datagrams on this UDP port (repeatable)", collect, [])
    .option(
      "--tcp <host:port>",
      "connect to a feed server and read NMEA lines (repeatable; reconnects)",
      collect,
      [],
    )
    .option("--flush-seconds <s>", "seconds between writes to the store", "5")
    .option("--json", "print counts as JSON lines")
    .action(async (opts: { udp: string[]; tcp: string[]; flushSeconds: string; json?: boolean }) => {
      const specs = feedSpecs(opts.udp, opts.tcp);
      if (specs.length === 0)
        throw new DomainError("validation", "give at least one --udp PORT or --tcp HOST:PORT");
      const flushIntervalS = Number(opts.flushSeconds);
      if (!(flushIntervalS > 0))
        throw new DomainError("validation", "--flush-seconds must be a positive number");
      const store = await openStore();
      const say = (feed: string, text: string) =>
        process.stderr.write(`${new Date().toISOString()} ${feed}: ${text}\n`);
      const lastRead = new Map<string, number>();
      const listener = await startListener(store.ais, specs, {
        flushIntervalS,
        onStatus: say,
        onFlush: (feed, counts) => {
          if (opts.json)
            process.stdout.write(`${JSON.stringify({ feed, time: new Date().toISOString(), ...counts })}\n`);
          else if (counts.read !== (lastRead.get(feed) ?? 0)) say(feed, formatIngestCounts(counts));
          lastRead.set(feed, counts.read);
        },
      });
      const follower = store.follow?.();
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await listener.close();
      await follower?.stop();
      await store.close();
      const total = Object.values(listener.counts()).reduce(addIngestCounts, emptyIngestCounts());
      process.stderr.write(`total: ${formatIngestCounts(total)}\n`);
    });
}

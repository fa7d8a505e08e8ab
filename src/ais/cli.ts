/**
 * `ais decode [file]`: NMEA in, NDJSON out. Streams chunk by chunk (memory stays flat on
 * multi-GB inputs), waits for 'drain' when stdout is slow, and stops quietly on EPIPE (`| head`).
 */
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import { forEachLine, openInput } from "../core/input.ts";
import { AisDecoder, type AisDecodeStats, type AisReject } from "./decoder.ts";
import { AIS_REJECT_REASONS } from "./messages.ts";
import { NdjsonWriter } from "./ndjson.ts";

/** Output is written in chunks of about this many bytes. */
const FLUSH_BYTES = 1 << 20;
/** Room for one chunk plus the line that crosses the mark. */
const SINK_BYTES = FLUSH_BYTES + (1 << 16);

export interface DecodeStreamOptions {
  partTimeoutLines?: number;
}

export interface DecodeStreamResult {
  stats: AisDecodeStats;
  /** True when the output closed early (EPIPE) and reading stopped. */
  outputClosed: boolean;
}

/**
 * Collects output lines in large byte buffers (each line is encoded into it as it comes, so no
 * long string is built and flattened) and hands a full one to the stream; when the stream's own
 * buffer is full, `flush` waits for drain (or for the stream to fail or close).
 */
class Sink {
  readonly lines = new NdjsonWriter(SINK_BYTES);
  closed = false;
  error: Error | undefined;

  constructor(private readonly stream: Writable) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      this.closed = true;
      if (err.code !== "EPIPE" && err.code !== "ERR_STREAM_DESTROYED") this.error = err;
    });
    stream.on("close", () => {
      this.closed = true;
    });
  }

  /** Bytes waiting to be written. */
  get pending(): number {
    return this.lines.length;
  }

  async flush(): Promise<void> {
    // The stream keeps the chunk until written: the writer starts a fresh buffer.
    const data = this.lines.take();
    if (data.length === 0 || this.closed) return;
    if (this.stream.write(data)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off("drain", done);
        this.stream.off("error", done);
        this.stream.off("close", done);
        resolve();
      };
      this.stream.once("drain", done);
      this.stream.once("error", done);
      this.stream.once("close", done);
    });
  }
}

/**
 * Decodes a byte stream of NMEA lines, writing one JSON object per decoded message to `out` and one
 * `{line, reason, text}` per rejected line to `rejectsOut`.
 *
 * Example: the two lines "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C\njunk\n" give one line of
 * NDJSON with `"mmsi":366053209` on `out`, `{"line":2,"reason":"not_ais","text":"junk"}` on
 * `rejectsOut`, and stats `{ lines: 2, messages: 1, rejected: 1 }`.
 */
export async function decodeStream(
  input: AsyncIterable<Buffer | string>,
  out: Writable,
  rejectsOut: Writable,
  options: DecodeStreamOptions = {},
): Promise<DecodeStreamResult> {
  const sink = new Sink(out);
  const rejectSink = rejectsOut === out ? sink : new Sink(rejectsOut);
  // Rejects keep their exact shape and text: JSON.stringify, as always (they are rare).
  const onReject = (r: AisReject) => rejectSink.lines.text(`${JSON.stringify(r)}\n`);
  const dec = new AisDecoder({ onReject, partTimeoutLines: options.partTimeoutLines });
  // Lines are cut straight from the byte chunks (AIS is ASCII): no string per line unless needed.
  await forEachLine(
    input,
    // Not async: a promise per line (and its microtask) would cost more than the decoding.
    // Only a flush hands back a promise, which forEachLine awaits before reading on.
    (chunk, from, to) => {
      const msg = dec.pushBytes(chunk, from, to);
      if (msg !== null) sink.lines.message(msg);
      if (sink.pending >= FLUSH_BYTES) return sink.flush();
      if (rejectSink.pending >= FLUSH_BYTES) return rejectSink.flush();
      return undefined;
    },
    () => sink.closed,
  );
  if (!sink.closed) dec.end();
  await sink.flush();
  await rejectSink.flush();
  if (sink.error) throw sink.error;
  if (rejectSink.error) throw rejectSink.error;
  return { stats: dec.stats, outputClosed: sink.closed };
}

/** "read 3 lines, decoded 2 messages, rejected 1 (by reason: not_ais 1)". */
export function formatSummary(stats: AisDecodeStats): string {
  const parts = AIS_REJECT_REASONS.filter((r) => stats.byReason[r] > 0).map(
    (r) => `${r} ${stats.byReason[r]}`,
  );
  const blank = stats.blankLines > 0 ? `, ${stats.blankLines} blank` : "";
  const byReason = parts.length > 0 ? ` (by reason: ${parts.join(", ")})` : "";
  return `read ${stats.lines} lines${blank}, decoded ${stats.messages} messages, rejected ${stats.rejected}${byReason}`;
}

/** Adds `decode [file]` to the given `ais` command. */
export function registerAisCommands(ais: Command): void {
  ais
    .command("decode [file]")
    .description(
      "decode NMEA AIVDM/AIVDO (file, .gz, or - / none for stdin) to NDJSON on stdout; rejects as NDJSON on stderr",
    )
    .option(
      "--rejects <file>",
      "write rejected lines as NDJSON {line, reason, text} to FILE instead of stderr",
    )
    .option("-q, --quiet", "do not print the summary")
    .option("--part-timeout-lines <n>", "give up a multi-sentence message after N lines", "1000")
    .action(
      async (
        file: string | undefined,
        opts: { rejects?: string; quiet?: boolean; partTimeoutLines: string },
      ) => {
        const timeout = Number(opts.partTimeoutLines);
        if (!Number.isInteger(timeout) || timeout < 1) {
          throw new DomainError("validation", "--part-timeout-lines must be a positive integer", [
            { field: "part-timeout-lines", reason: `not a positive integer: ${opts.partTimeoutLines}` },
          ]);
        }
        let rejectsOut: Writable = process.stderr;
        if (opts.rejects !== undefined) {
          // Open the rejects file before reading anything: rejects must never be dropped silently.
          const ws = createWriteStream(opts.rejects);
          rejectsOut = ws;
          await new Promise<void>((resolve, reject) => {
            ws.once("open", () => resolve());
            ws.once("error", (err) =>
              reject(
                new DomainError("validation", `cannot write rejects file ${opts.rejects}: ${err.message}`, [
                  {
                    file: opts.rejects,
                    field: "rejects",
                    reason: (err as NodeJS.ErrnoException).code ?? "error",
                  },
                ]),
              ),
            );
          });
        }
        let result: DecodeStreamResult;
        const input = openInput(file ?? "-").stream;
        try {
          result = await decodeStream(input, process.stdout, rejectsOut, { partTimeoutLines: timeout });
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          if (e.code === "ENOENT" || e.code === "EISDIR" || e.code === "EACCES") {
            throw new DomainError("not_found", `cannot read ${file}: ${e.code}`, [
              { file: file ?? "-", reason: e.code },
            ]);
          }
          if (e.code === "Z_DATA_ERROR" || e.code === "Z_BUF_ERROR") {
            throw new DomainError("validation", `${file} is not valid gzip`, [
              { file: file ?? "-", reason: e.code },
            ]);
          }
          throw err;
        }
        if (result.outputClosed && input !== process.stdin) input.destroy();
        if (rejectsOut !== process.stderr) {
          await new Promise<void>((resolve, reject) => {
            rejectsOut.once("error", reject);
            rejectsOut.end(resolve);
          });
        }
        if (!opts.quiet) process.stderr.write(`${formatSummary(result.stats)}\n`);
      },
    );
}

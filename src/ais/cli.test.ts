import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { gzipSync } from "node:zlib";
import { Command } from "commander";
import { describe, expect, it, vi } from "vitest";
import { decodeStream, formatSummary, registerAisCommands } from "./cli.ts";
import { decodeAisLines } from "./decoder.ts";

const TYPE1 = "!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C";
const T5A = "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
const T5B = "!AIVDM,2,2,1,A,88888888880,2*25";

class Collect extends Writable {
  text = "";
  constructor(private readonly delayMs = 0) {
    super({ highWaterMark: 1024 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.text += chunk.toString();
    if (this.delayMs > 0) setTimeout(cb, this.delayMs);
    else cb();
  }
}

describe("decodeStream", () => {
  it("writes NDJSON, reports rejects, handles lines split across chunks and CRLF", async () => {
    const all = `${TYPE1}\r\njunk\r\n${T5A}\n${T5B}`;
    const chunks = [all.slice(0, 10), all.slice(10, 77), all.slice(77)].map((s) => Buffer.from(s));
    const out = new Collect();
    const rej = new Collect();
    const { stats, outputClosed } = await decodeStream(Readable.from(chunks), out, rej);
    const msgs = out.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(msgs.map((m) => [m.line, m.mmsi])).toEqual([
      [1, 366053209],
      [4, 351759000],
    ]);
    expect(JSON.parse(rej.text)).toEqual({ line: 2, reason: "not_ais", text: "junk" });
    expect(stats).toMatchObject({ lines: 4, messages: 2, rejected: 1 });
    expect(outputClosed).toBe(false);
    expect(formatSummary(stats)).toBe("read 4 lines, decoded 2 messages, rejected 1 (by reason: not_ais 1)");
  });

  it("reads lines that span many chunks (5-byte chunks) exactly as one chunk", async () => {
    const all = `${TYPE1}\n${T5A}\r\n${T5B}\njunk`;
    const whole = new Collect();
    await decodeStream(Readable.from([Buffer.from(all)]), whole, new Collect());
    const pieces: Buffer[] = [];
    for (let i = 0; i < all.length; i += 5) pieces.push(Buffer.from(all.slice(i, i + 5)));
    const out = new Collect();
    const rej = new Collect();
    const { stats } = await decodeStream(Readable.from(pieces), out, rej);
    expect(out.text).toBe(whole.text);
    expect(stats).toMatchObject({ lines: 4, messages: 2, rejected: 1 });
    expect(JSON.parse(rej.text)).toEqual({ line: 4, reason: "not_ais", text: "junk" });
  });

  it("writes the real San Pedro Bay fixture as NDJSON that parses to the decoded messages", async () => {
    const text = readFileSync(new URL("./fixtures/san-pedro-bay-2005.nmea", import.meta.url), "latin1");
    const out = new Collect();
    const { stats } = await decodeStream(Readable.from([Buffer.from(text, "latin1")]), out, new Collect());
    const want = decodeAisLines(text.split("\n").filter((l) => l.length > 0)).messages;
    expect(stats.messages).toBe(want.length);
    const got = out.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(got).toEqual(JSON.parse(JSON.stringify(want)));
  });

  it("respects back-pressure of a slow output and loses nothing", async () => {
    const n = 3000;
    const input = Readable.from([Buffer.from(`${TYPE1}\n`.repeat(n))]);
    const out = new Collect(1);
    const { stats } = await decodeStream(input, out, new Collect());
    expect(stats.messages).toBe(n);
    expect(out.text.split("\n").length - 1).toBe(n);
  });

  it("stops reading quietly when the output closes (EPIPE, e.g. piped into head)", async () => {
    let writes = 0;
    const out = new Writable({
      highWaterMark: 16,
      write(_chunk, _enc, cb) {
        writes++;
        const err = Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
        cb(writes > 1 ? err : null);
      },
    });
    async function* endless() {
      for (;;) yield Buffer.from(`${TYPE1}\n`.repeat(5000));
    }
    const { outputClosed, stats } = await decodeStream(endless(), out, new Collect());
    expect(outputClosed).toBe(true);
    expect(stats.lines).toBeGreaterThan(0);
  });
});

describe("ais decode command", () => {
  it("fails before reading when the rejects file cannot be written", async () => {
    const program = new Command("sisterports").exitOverride();
    registerAisCommands(program.command("ais"));
    await expect(
      program.parseAsync([
        "node",
        "sisterports",
        "ais",
        "decode",
        "/dev/null",
        "--rejects",
        "/nonexistent/dir/r.ndjson",
      ]),
    ).rejects.toMatchObject({ code: "validation" });
  });

  it("reads a .gz file, writes rejects to --rejects FILE and the summary to stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ais-cli-"));
    const file = join(dir, "in.nmea.gz");
    writeFileSync(file, gzipSync(`${TYPE1}\nnope\n${T5A}\n${T5B}\n`));
    const rejects = join(dir, "rejects.ndjson");
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const program = new Command("sisterports").exitOverride();
      registerAisCommands(program.command("ais"));
      await program.parseAsync(["node", "sisterports", "ais", "decode", file, "--rejects", rejects]);
      const written = stdout.mock.calls.map((c) => String(c[0])).join("");
      expect(written.trim().split("\n")).toHaveLength(2);
      expect(stderr.mock.calls.map((c) => String(c[0])).join("")).toContain(
        "read 4 lines, decoded 2 messages, rejected 1 (by reason: not_ais 1)",
      );
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(JSON.parse(readFileSync(rejects, "utf8"))).toEqual({ line: 2, reason: "not_ais", text: "nope" });
  });
});

/**
 * AIS decode speed against the npm decoder `ggencoder` (and, in process, `ais-stream-decoder`),
 * measured in the same run on the same lines.
 *
 *   npm run bench -- ais [--positions N] [--mixed N] [--runs N] [--whole-runs N] [--in-process 0]
 *
 * 1. Whole process, as users run it: `sisterports ais decode FILE > /dev/null` (start-up, read,
 *    decode, NDJSON, write) beside `bench/ais-peer-ggencoder.mjs FILE > /dev/null` (ggencoder's
 *    whole process doing the same job), on the same file of N position reports, alternating,
 *    median of --whole-runs (default 3). The target is ≥ 2.5× ggencoder.
 * 2. In process (decoding only, best of --runs): our decoder, our decoder plus each NDJSON
 *    serialiser, and the peers through their fastest entry points: ggencoder's
 *    `new AisDecode(line, session)`, ais-stream-decoder's `_transform` with `push` replaced by a
 *    counter (no stream buffering). Peers decode fewer messages of the mixed corpus (neither reads
 *    tag blocks; ais-stream-decoder lacks 19/21/27), hence msgs/s is over what each decoded.
 *
 * Corpora (bench/ais-corpus.ts) are generated deterministically with our encoder.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { AisDecoder } from "../src/ais/decoder.ts";
import { NdjsonWriter } from "../src/ais/ndjson.ts";
import { mixedCorpus, positionsCorpus } from "./ais-corpus.ts";

const require = createRequire(import.meta.url);

interface GgDecoded {
  valid: boolean;
  mmsi?: number;
}
type GgCtor = new (line: string, session: Record<string, unknown>) => GgDecoded;
interface AsdInstance {
  push: (chunk: unknown) => boolean;
  _transform: (chunk: string, enc: string, cb: (err?: unknown) => void) => void;
}
type AsdCtor = new (options?: { silent?: boolean }) => AsdInstance;

const GgAisDecode = (require("ggencoder") as { AisDecode: GgCtor }).AisDecode;
const AisStreamDecoder = (require("ais-stream-decoder") as { default: AsdCtor }).default;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

type Runner = (lines: string[]) => number;

const ours: Runner = (lines) => {
  const dec = new AisDecoder();
  let n = 0;
  let sink = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = dec.push(lines[i]!);
    if (m !== null) {
      n++;
      sink += m.mmsi;
    }
  }
  dec.end();
  if (sink === -1) console.log(sink);
  return n;
};

// The same lines as one byte buffer, cut at '\n' and fed with pushBytes (how `ais decode` reads files).
const bytesOf = new WeakMap<string[], Buffer>();
const oursBytes: Runner = (lines) => {
  let buf = bytesOf.get(lines);
  if (buf === undefined) {
    buf = Buffer.from(lines.join("\n"), "latin1");
    bytesOf.set(lines, buf);
  }
  const dec = new AisDecoder();
  let n = 0;
  let from = 0;
  for (;;) {
    const nl = buf.indexOf(10, from);
    const end = nl < 0 ? buf.length : nl;
    if (dec.pushBytes(buf, from, end) !== null) n++;
    if (nl < 0) break;
    from = nl + 1;
  }
  dec.end();
  return n;
};

const oursJson: Runner = (lines) => {
  const dec = new AisDecoder();
  let n = 0;
  let bytes = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = dec.push(lines[i]!);
    if (m !== null) {
      n++;
      bytes += JSON.stringify(m).length;
    }
  }
  if (bytes === -1) console.log(bytes);
  return n;
};

// What `ais decode` does per message: the hand-written NDJSON writer into large byte buffers.
const oursNdjson: Runner = (lines) => {
  const dec = new AisDecoder();
  const w = new NdjsonWriter();
  let n = 0;
  let bytes = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = dec.push(lines[i]!);
    if (m !== null) {
      n++;
      w.message(m);
      if (w.length >= 1 << 20) bytes += w.take().length;
    }
  }
  if (bytes === -1) console.log(bytes);
  return n;
};

const gg: Runner = (lines) => {
  const session: Record<string, unknown> = {};
  let n = 0;
  let sink = 0;
  for (let i = 0; i < lines.length; i++) {
    try {
      const d = new GgAisDecode(lines[i]!, session);
      if (d.valid) {
        n++;
        sink += d.mmsi ?? 0;
      }
    } catch {
      // ggencoder throws on some malformed multi-part input
    }
  }
  if (sink === -1) console.log(sink);
  return n;
};

const asd: Runner = (lines) => {
  const dec = new AisStreamDecoder({ silent: true });
  let n = 0;
  dec.push = () => {
    n++;
    return true;
  };
  const cb = () => {};
  for (let i = 0; i < lines.length; i++) {
    try {
      dec._transform(lines[i]!, "utf8", cb);
    } catch {
      // not expected with silent: true, but never let a peer's exception end the run
    }
  }
  return n;
};

interface Result {
  name: string;
  decoded: number;
  bestS: number;
  msgsPerS: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Warms each decoder up, then times them round-robin (so load changes hit all alike); best run counts. */
function measureAll(entries: [string, Runner][], lines: string[], runs: number): Result[] {
  const warm = lines.slice(0, Math.min(lines.length, 50000));
  for (const [, run] of entries) {
    run(warm);
    run(warm);
  }
  const results: Result[] = entries.map(([name]) => ({
    name,
    decoded: 0,
    bestS: Number.POSITIVE_INFINITY,
    msgsPerS: 0,
  }));
  for (let k = 0; k < runs; k++) {
    entries.forEach(([, run], i) => {
      gc?.(); // collect the previous decoder's garbage outside the timed region
      const t0 = performance.now();
      const decoded = run(lines);
      const s = (performance.now() - t0) / 1000;
      const r = results[i]!;
      r.decoded = decoded;
      if (s < r.bestS) r.bestS = s;
    });
  }
  for (const r of results) r.msgsPerS = r.decoded / r.bestS;
  return results;
}

function table(title: string, lines: string[], runs: number): Result[] {
  bytesOf.set(lines, Buffer.from(lines.join("\n"), "latin1")); // built outside the timed runs
  const results = measureAll(
    [
      ["sisterports", ours],
      ["ggencoder 1.0.10", gg],
      ["sisterports pushBytes", oursBytes],
      ["sisterports + JSON.stringify", oursJson],
      ["sisterports + NdjsonWriter", oursNdjson],
      ["ais-stream-decoder 2.1.2", asd],
    ],
    lines,
    runs,
  );
  const ggRate = results[1]!.msgsPerS;
  console.log(`\n${title}: ${lines.length.toLocaleString("en-US")} lines, best of ${runs} runs`);
  console.log(
    `${"decoder".padEnd(30)}${"decoded".padStart(11)}${"best s".padStart(9)}${"msgs/s".padStart(13)}${"× ggencoder".padStart(13)}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(30)}${r.decoded.toLocaleString("en-US").padStart(11)}${r.bestS.toFixed(3).padStart(9)}${Math.round(r.msgsPerS).toLocaleString("en-US").padStart(13)}${(r.msgsPerS / ggRate).toFixed(2).padStart(13)}`,
    );
  }
  return results;
}

/** Runs a command with stdout to /dev/null; resolves with its wall time in seconds and its stderr. */
function timeProcess(args: string[]): Promise<{ s: number; stderr: string }> {
  const devNull = openSync("/dev/null", "w");
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", devNull, "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const s = (performance.now() - t0) / 1000;
      if (code !== 0) reject(new Error(`${args.join(" ")} exited ${code}: ${stderr}`));
      else resolve({ s, stderr });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Whole processes on the same file, alternating ours and the peer (so load changes hit both). */
async function wholeProcess(lines: string[], runs: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "sisterports-ais-bench-"));
  const file = join(dir, "positions.nmea");
  writeFileSync(file, `${lines.join("\n")}\n`);
  const ours = ["bin/sisterports.mjs", "ais", "decode", file];
  const peer = ["bench/ais-peer-ggencoder.mjs", file];
  const oursS: number[] = [];
  const peerS: number[] = [];
  let summary = "";
  try {
    // Untimed: the first run of the command rebuilds the compiled CLI when a source is newer.
    await timeProcess(["bin/sisterports.mjs", "--help"]);
    for (let k = 0; k < runs; k++) {
      const o = await timeProcess(ours);
      oursS.push(o.s);
      summary = o.stderr.trim();
      peerS.push((await timeProcess(peer)).s);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ratio = median(peerS) / median(oursS);
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(", ");
  console.log(
    `\nwhole process, ${lines.length.toLocaleString("en-US")} position reports → NDJSON on /dev/null, median of ${runs}:`,
  );
  console.log(
    `  sisterports ais decode FILE        ${median(oursS).toFixed(2)} s  (runs ${fmt(oursS)}; ${summary})`,
  );
  console.log(`  ggencoder 1.0.10 (peer script)     ${median(peerS).toFixed(2)} s  (runs ${fmt(peerS)})`);
  console.log(`  ratio ${ratio.toFixed(2)}× — target ≥ 2.5× ${ratio >= 2.5 ? "(met)" : "(NOT met)"}`);
  return ratio;
}

const nPositions = arg("positions", 1_000_000);
const nMixed = arg("mixed", 300_000);
const runs = arg("runs", 3);
const wholeRuns = arg("whole-runs", 3);
const inProcess = arg("in-process", 1) !== 0;

let t = performance.now();
// Join and split again so every decoder gets lines as a line reader would hand them over
// (slices of one big string), not the concatenation trees the encoder builds.
const positions = positionsCorpus(nPositions).join("\n").split("\n");
console.log(
  `generated ${positions.length.toLocaleString("en-US")} position lines in ${((performance.now() - t) / 1000).toFixed(1)} s (node ${process.version})`,
);
const wholeRatio = await wholeProcess(positions, wholeRuns);
if (inProcess) {
  t = performance.now();
  const mixed = mixedCorpus(nMixed).join("\n").split("\n");
  console.log(
    `generated ${mixed.length.toLocaleString("en-US")} mixed lines in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const pos = table("in process: position reports (types 1-3, 18)", positions, runs);
  table("in process: mixed real-shaped corpus", mixed, runs);
  const ratio = pos[0]!.msgsPerS / pos[1]!.msgsPerS;
  console.log(`\nin process, decoding only: ${ratio.toFixed(2)}× ggencoder on position reports`);
}
console.log(
  `whole process: ${wholeRatio.toFixed(2)}× ggencoder ${wholeRatio >= 2.5 ? "(target ≥ 2.5× met)" : "(target ≥ 2.5× NOT met)"}`,
);

#!/usr/bin/env node
// The peer of `sisterports ais decode FILE` as a whole process: ggencoder reads FILE line by line,
// decodes each with `new AisDecode(line, session)` (its documented entry point; the session object
// carries multi-sentence state) and writes each valid result as one JSON line to stdout — the same
// job our command does, so `bench -- ais` can time both processes on the same file.
//   node bench/ais-peer-ggencoder.mjs FILE > out.ndjson
import { createReadStream } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

const { AisDecode } = createRequire(import.meta.url)("ggencoder");
const session = {};
let buf = "";
const out = process.stdout;
const rl = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of rl) {
  let d;
  try {
    d = new AisDecode(line, session);
  } catch {
    continue; // ggencoder throws on some malformed multi-part input
  }
  if (!d.valid) continue;
  buf += `${JSON.stringify(d)}\n`;
  // Batched writes with back-pressure, as ours: it is the peer's decoding we compare, not its I/O.
  if (buf.length >= 1 << 16) {
    if (!out.write(buf)) await new Promise((resolve) => out.once("drain", resolve));
    buf = "";
  }
}
if (buf.length > 0) out.write(buf);

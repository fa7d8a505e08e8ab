#!/usr/bin/env node
// Compiles src/ to JavaScript for the shipped `sisterports` command and server (dist/cli/), so that
// nothing is transpiled at start-up (issue 10: `--help` went from 2.1 s through tsx to < 150 ms).
// Run by `npm ci`/`npm install` (prepare), and by bin/sisterports.mjs, `npm start` and `npm test`
// whenever a source is newer than the build. `node scripts/build-cli.mjs --if-stale` builds only then.
//
// Output stays two folders below the repository (dist/cli/*.js), as src/<capability>/*.ts are, so the
// `new URL("../../data/…", import.meta.url)` paths of the sources resolve the same in both.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_OUT_DIR = path.join(root, "dist", "cli");
export const CLI_ENTRY = path.join(CLI_OUT_DIR, "main.js");
const STAMP = path.join(CLI_OUT_DIR, "build-stamp.json");
// Pure-JS packages are bundled (one file parses far faster than kysely's or zod's hundreds of modules);
// native, server and file-serving packages stay external and load when used.
const EXTERNAL_PACKAGES = [
  "better-sqlite3",
  "pg",
  "fastify",
  "@fastify/*",
  "ajv",
  "ajv-formats",
  "tsx",
  "esbuild",
];
const INPUTS = [
  path.join(root, "src"),
  path.join(root, "package.json"),
  path.join(root, "package-lock.json"),
];

/** Newest modification time of the compiled inputs (tests are not shipped: not even looked at). */
function newestInputMtimeMs(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const name of fs.readdirSync(entry))
    if (!name.endsWith(".test.ts")) newest = Math.max(newest, newestInputMtimeMs(path.join(entry, name)));
  return newest;
}

/** True when dist/cli is missing or older than a source. */
export function cliBuildIsStale() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
  } catch {
    return true;
  }
  return (
    !fs.existsSync(CLI_ENTRY) || INPUTS.some((entry) => newestInputMtimeMs(entry) > stamp.builtFromMtimeMs)
  );
}

/** Bundles src/cli/main.ts (packages stay external, dynamic imports become their own chunks). */
export async function buildCli() {
  const inputsMtimeMs = Math.max(...INPUTS.map(newestInputMtimeMs));
  const { build } = await import("esbuild");
  const tmpDir = `${CLI_OUT_DIR}.tmp-${process.pid}`;
  fs.rmSync(tmpDir, { recursive: true, force: true });
  await build({
    entryPoints: { main: path.join(root, "src", "cli", "main.ts") },
    outdir: tmpDir,
    bundle: true,
    splitting: true, // heavy commands (server, demo) load only when run
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL_PACKAGES,
    // Bundled CommonJS (commander, cli-progress) calls require() for Node's built-ins.
    banner: {
      js: 'import { createRequire as __spCreateRequire } from "node:module"; const require = __spCreateRequire(import.meta.url);',
    },
    chunkNames: "chunk-[hash]",
    legalComments: "none",
    logLevel: "warning",
  });
  fs.writeFileSync(
    path.join(tmpDir, "build-stamp.json"),
    `${JSON.stringify({ builtFromMtimeMs: inputsMtimeMs })}\n`,
  );
  // Swap in whole: a process starting meanwhile sees the old build or the new one, never a mix.
  // Two builds at once (parallel starts): whichever lands last wins, the other is discarded.
  const oldDir = `${CLI_OUT_DIR}.old-${process.pid}`;
  try {
    fs.renameSync(CLI_OUT_DIR, oldDir);
  } catch {}
  try {
    fs.renameSync(tmpDir, CLI_OUT_DIR);
  } catch {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  fs.rmSync(oldDir, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const ifStale = process.argv.includes("--if-stale");
  if (!ifStale || cliBuildIsStale()) {
    const started = Date.now();
    await buildCli();
    process.stderr.write(`Compiled the CLI and server to dist/cli (${Date.now() - started} ms)\n`);
  }
}

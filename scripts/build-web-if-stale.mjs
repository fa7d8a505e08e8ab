#!/usr/bin/env node
// Builds the portal (web/dist) when it is missing or older than its sources, so that
// `npm start` and `npm test` work from a fresh clone without a separate build step.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const built = path.join(root, "web", "dist", "index.html");
const sources = [path.join(root, "web"), path.join(root, "package-lock.json")];

function newestMtimeMs(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    if (name === "dist" || name === "node_modules") continue;
    newest = Math.max(newest, newestMtimeMs(path.join(entry, name)));
  }
  return newest;
}

if (!fs.existsSync(path.join(root, "web", "index.html"))) process.exit(0);
const builtAt = fs.statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sourcesAt = Math.max(...sources.map(newestMtimeMs));
if (builtAt >= sourcesAt) process.exit(0);

process.stderr.write("Building the portal (web/dist)…\n");
const vite = path.join(root, "node_modules", "vite", "bin", "vite.js");
const result = spawnSync(
  process.execPath,
  [vite, "build", "--config", path.join(root, "web", "vite.config.ts"), "--logLevel", "warn"],
  {
    cwd: root,
    stdio: "inherit",
  },
);
process.exit(result.status ?? 1);

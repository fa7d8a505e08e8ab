#!/usr/bin/env node
// Runs bench/NAME.bench.ts (through tsx) for `npm run bench -- NAME`, or every bench when no name
// is given. Extra arguments after the name are passed to the bench.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const benchDir = join(root, "bench");
const [name, ...rest] = process.argv.slice(2);
const available = existsSync(benchDir)
  ? readdirSync(benchDir)
      .filter((f) => f.endsWith(".bench.ts"))
      .map((f) => f.slice(0, -".bench.ts".length))
      .sort()
  : [];

if (name !== undefined && !available.includes(name)) {
  process.stderr.write(`no bench named "${name}"; available: ${available.join(", ") || "none"}\n`);
  process.exit(2);
}

for (const bench of name === undefined ? available : [name]) {
  process.stdout.write(`\n== bench ${bench} ==\n`);
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(benchDir, `${bench}.bench.ts`), ...rest],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

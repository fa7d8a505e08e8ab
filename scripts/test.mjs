#!/usr/bin/env node
// `npm test`: sets up what the tests need, then runs every test (vitest) and prints one summary.
//  - builds the portal and the compiled CLI when stale (the process tests run dist/cli);
//  - the browser tests need Debian's chromium and fonts-noto-cjk, the PostgreSQL tier Debian's
//    postgresql: when missing and this user may install packages (root with apt-get), installs them;
//    otherwise stops before the tests with one line saying what to install (PostgreSQL alone may be
//    missing: its tests are then reported as skipped, with the reason);
//  - starts a throw-away PostgreSQL cluster on a free loopback port unless SP_TEST_DATABASE_URL is set;
//  - ends with "N passed, N failed, N skipped" and names every skipped test: none passes silently.
// Arguments go to vitest (`npm test -- src/ais` runs one folder).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const say = (line) => process.stderr.write(`[npm test] ${line}\n`);
const run = (cmd, args, options = {}) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...options });

const chromiumPath = process.env.SP_CHROMIUM ?? "/usr/bin/chromium";
const cjkFontFiles = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"];
const pgBinDirs = () =>
  fs.existsSync("/usr/lib/postgresql")
    ? fs
        .readdirSync("/usr/lib/postgresql")
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
        .filter((d) => fs.existsSync(`${d}/initdb`))
    : [];

function missingPackages() {
  const missing = [];
  if (!fs.existsSync(chromiumPath)) missing.push("chromium");
  if (!cjkFontFiles.some((f) => fs.existsSync(f))) missing.push("fonts-noto-cjk");
  if (!process.env.SP_TEST_DATABASE_URL && pgBinDirs().length === 0) missing.push("postgresql");
  return missing;
}

function canInstallPackages() {
  return process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
}

function installPackages(packages) {
  say(`installing Debian packages the tests need: ${packages.join(" ")} (apt-get, about a minute)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const quiet = { stdio: ["ignore", "ignore", "inherit"], env };
  const update = run("apt-get", ["update", "-qq"], quiet);
  const install =
    update.status === 0
      ? run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], quiet)
      : undefined;
  if (install?.status !== 0) {
    say(`apt-get install ${packages.join(" ")} failed`);
    process.exit(1);
  }
}

function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startPostgres() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-test-pg-"));
  const port = await freeLoopbackPort();
  const env = { ...process.env, SP_PG_PORT: String(port) };
  const started = spawnSync("bash", [path.join(root, "scripts", "pg-cluster.sh"), "start", dir], {
    env,
    encoding: "utf8",
  });
  if (started.status !== 0) {
    say(`could not start PostgreSQL: ${(started.stderr || started.stdout).trim()}`);
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const stop = () => {
    spawnSync("bash", [path.join(root, "scripts", "pg-cluster.sh"), "stop", dir], { env, stdio: "ignore" });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url: started.stdout.trim(), stop };
}

/** The tier a test belongs to: what it needs beyond Node. */
function tierOf(file, fullName) {
  if (file.startsWith(`test${path.sep}browser`)) return "browser (chromium)";
  if (/ on postgres\b/.test(fullName)) return "PostgreSQL";
  return "unit and integration (SQLite)";
}

/**
 * "N passed, N failed, N skipped" from vitest's JSON report, the skipped tests by name, and a line a
 * tier saying whether it ran (and why not, from `notRun`).
 */
function summarise(reportFile, notRun) {
  if (!fs.existsSync(reportFile)) return { line: "0 passed, 1 failed, 0 skipped", skipped: [], tiers: [] };
  const report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
  const skipped = [];
  const tally = new Map();
  for (const file of report.testResults ?? [])
    for (const t of file.assertionResults ?? []) {
      const rel = path.relative(root, file.name);
      const tier = tierOf(rel, t.fullName);
      const counts = tally.get(tier) ?? { passed: 0, failed: 0, skipped: 0 };
      if (t.status === "skipped" || t.status === "pending" || t.status === "todo") {
        skipped.push(`${rel} › ${t.fullName}`);
        counts.skipped++;
      } else if (t.status === "passed") counts.passed++;
      else counts.failed++;
      tally.set(tier, counts);
    }
  const tiers = [...tally].map(([tier, c]) =>
    c.passed + c.failed === 0
      ? `${tier}: did not run (${notRun[tier] ?? "skipped"}; ${c.skipped} tests)`
      : `${tier}: ran — ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`,
  );
  const failedFiles = (report.testResults ?? []).filter(
    (f) => f.status === "failed" && (f.assertionResults ?? []).length === 0,
  ).length; // a file that failed to load has no tests to count
  const skippedCount = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return {
    line: `${report.numPassedTests} passed, ${report.numFailedTests + failedFiles} failed, ${skippedCount} skipped`,
    skipped,
    tiers,
  };
}

const scripts = path.join(root, "scripts");
for (const args of [[`${scripts}/build-web-if-stale.mjs`], [`${scripts}/build-cli.mjs`, "--if-stale"]]) {
  const r = run(process.execPath, args);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let missing = missingPackages();
if (missing.length > 0 && canInstallPackages()) {
  installPackages(missing);
  missing = missingPackages();
}
const browserMissing = missing.filter((p) => p !== "postgresql");
if (browserMissing.length > 0) {
  say(
    `the browser tests need Debian's ${browserMissing.join(" and ")}: run \`sudo apt-get install ${browserMissing.join(" ")}\` (or set SP_CHROMIUM to a chromium binary), then npm test again`,
  );
  process.exit(1);
}

let postgres;
const notRun = {};
if (!process.env.SP_TEST_DATABASE_URL) {
  if (missing.includes("postgresql")) {
    notRun.PostgreSQL = "no PostgreSQL server here: apt-get install postgresql";
    say(`${notRun.PostgreSQL}; its tests will be reported as skipped`);
  } else postgres = await startPostgres();
}
if (postgres) say(`PostgreSQL tier on ${postgres.url}`);

const reportFile = path.join(root, "test-output", "vitest.json");
fs.mkdirSync(path.dirname(reportFile), { recursive: true });
fs.rmSync(reportFile, { force: true });
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const env = { ...process.env, TZ: "UTC", ...(postgres ? { SP_TEST_DATABASE_URL: postgres.url } : {}) };
let result;
try {
  result = run(
    process.execPath,
    [
      vitest,
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reportFile}`,
      ...process.argv.slice(2),
    ],
    { env },
  );
} finally {
  postgres?.stop();
}

const { line, skipped, tiers } = summarise(reportFile, notRun);
if (skipped.length > 0) {
  process.stdout.write(`\nSkipped (${skipped.length}):\n`);
  for (const name of skipped.slice(0, 50)) process.stdout.write(`  ${name}\n`);
  if (skipped.length > 50)
    process.stdout.write(`  … and ${skipped.length - 50} more (test-output/vitest.json)\n`);
}
if (tiers.length > 0) process.stdout.write(`\nTiers:\n${tiers.map((t) => `  ${t}\n`).join("")}`);
process.stdout.write(`\n${line}\n`);
process.exit(result.status ?? 1);

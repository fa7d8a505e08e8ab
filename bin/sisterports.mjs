#!/usr/bin/env node
// Entry point of the `sisterports` command. Runs the compiled build in dist/cli (made by
// scripts/build-cli.mjs at install, and again here whenever a source is newer), so nothing is
// transpiled at start-up. SP_TS=1 runs the TypeScript sources through tsx instead (development).
import { pathToFileURL } from "node:url";

// A reader that stops early (`sisterports … | head`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

let main;
if (process.env.SP_TS === "1") {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
} else {
  const { CLI_ENTRY, buildCli, cliBuildIsStale } = await import("../scripts/build-cli.mjs");
  if (cliBuildIsStale()) await buildCli();
  ({ main } = await import(pathToFileURL(CLI_ENTRY).href));
}
const code = await main(process.argv);
// `serve` keeps running (its server holds the event loop); other commands end here.
if (code !== 0) process.exitCode = code;

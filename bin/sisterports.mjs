#!/usr/bin/env node
// Entry point of the `sisterports` command: registers tsx so the TypeScript sources run as they
// are (no build step), then hands over to the CLI.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
const code = await main(process.argv);
// `serve` keeps running (its server holds the event loop); other commands end here.
if (code !== 0) process.exitCode = code;

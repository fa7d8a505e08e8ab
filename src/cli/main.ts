/**
 * The `sisterports` command: composes each capability's commands. Only this folder maps
 * DomainError codes to exit codes.
 */
import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import type { ConfigFlags } from "../core/config.ts";
import { DomainError, isDomainError } from "../core/errors.ts";
import { terminalLanguage } from "../core/language.ts";
import { printJson, printTable } from "../core/text-table.ts";
import { localDateTime } from "../core/time.ts";
import { APP_VERSION } from "../server/paths.ts";
import { EXIT_CODE_BY_ERROR, EXIT_USAGE } from "./exit-codes.ts";
import { COMMAND_GROUPS } from "./groups.ts";
import { msg } from "./messages.ts";
import { loadConfig, openReadyStore } from "./runtime.ts";

// Start-up cost matters (`sisterports --help` < 150 ms, issue 10): the store, the server and each
// capability's commands are imported when a command needs them, never at start.
type GlobalOptions = ConfigFlags & { json?: boolean };

function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

const collect = (value: string, previous: string[]) => [...previous, value];

function localTime(timeZone: string): string {
  const t = localDateTime(new Date(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

/**
 * The port registry and its views, loaded when a ports command runs (hashing the GeoJSON brings
 * node:crypto, ~6 ms of start-up). Past ports/index.ts, which also brings the HTTP routes and zod.
 */
async function portModules() {
  const [registry, view] = await Promise.all([import("../ports/registry.ts"), import("../ports/view.ts")]);
  return { ...registry, ...view };
}

export function buildProgram(): Command {
  const program = new Command("sisterports")
    .description("Sister Ports Exchange: emissions, port calls and data sharing for sister seaports")
    .version(APP_VERSION)
    .option("--data-dir <dir>", "folder for the embedded database (env SP_DATA_DIR, default ./var)")
    .option("--database-url <url>", "postgres://… or sqlite:<file> (env SP_DATABASE_URL)")
    .option("--log-level <level>", "fatal, error, warn, info, debug, trace or silent (env SP_LOG_LEVEL)")
    .option("--lang <en|ja>", "language of messages and tables (env SP_LANG, else the locale)")
    .showHelpAfterError()
    .exitOverride();
  // Every command's words follow the configured language: --lang is checked by the config and
  // passed on as SP_LANG, the variable every message catalog reads.
  program.hook("preAction", () => {
    const { lang } = program.opts<GlobalOptions>();
    if (lang !== undefined) process.env.SP_LANG = loadConfig({ lang }).language;
  });
  // A command that wrote what shared datasets are built from publishes under the agreements in
  // force before it ends, rather than waiting for the server's timer (publish-after.ts).
  program.hook("postAction", async (_program, action) => {
    const { SHARED_DATA_COMMANDS, commandPath, publishChangedData } = await import("./publish-after.ts");
    if (SHARED_DATA_COMMANDS.has(commandPath(action)))
      await publishChangedData(loadConfig(program.opts<GlobalOptions>()));
  });

  program
    .command("serve")
    .description("serve the HTTP API and the portal (migrates the database and loads the ports first)")
    .option("--port <port>", "TCP port (env PORT or SP_PORT, default 8080)")
    .option("--host <host>", "address to bind (env SP_HOST, default localhost)")
    .option("--no-demo", "do not load demo data into an empty database")
    .option("--ais-udp <port>", "also ingest live NMEA datagrams on this UDP port (repeatable)", collect, [])
    .option("--ais-tcp <host:port>", "also ingest live NMEA from a feed server (repeatable)", collect, [])
    .action(
      async (
        options: { port?: string; host?: string; demo?: boolean; aisUdp: string[]; aisTcp: string[] },
        command: Command,
      ) => {
        const { feedSpecs } = await import("../ais/listen-cli.ts");
        const config = loadConfig({
          ...globals(command),
          port: options.port,
          host: options.host,
          demo: options.demo === false ? "off" : undefined,
        });
        const { serve } = await import("./serve.ts");
        await serve(config, feedSpecs(options.aisUdp, options.aisTcp));
      },
    );

  const db = program.command("db").description("database administration");
  db.command("migrate")
    .description("apply pending migrations and load the port registry")
    .option("--json", "machine-readable output")
    .action(async (options: { json?: boolean }, command: Command) => {
      const config = loadConfig(globals(command));
      const ready = await openReadyStore(config);
      const status = await ready.store.migrationStatus();
      await ready.store.close();
      if (options.json) {
        printJson({
          database: config.databaseKind,
          applied: ready.migrationsApplied,
          total: status.applied.length,
          ports: ready.ports,
        });
        return;
      }
      process.stdout.write(
        `${ready.migrationsApplied.length > 0 ? msg("migrationsApplied", { list: ready.migrationsApplied.join(", ") }) : msg("migrationsCurrent", { count: status.applied.length })}\n`,
      );
      process.stdout.write(`${msg("portsSynced", { ...ready.ports })}\n`);
    });
  db.command("status")
    .description("list applied and pending migrations")
    .option("--json", "machine-readable output")
    .action(async (options: { json?: boolean }, command: Command) => {
      const config = loadConfig(globals(command));
      const { openStore } = await import("../store/index.ts");
      const store = openStore({ databaseUrl: config.databaseUrl });
      try {
        const status = await store.migrationStatus();
        if (options.json) return printJson({ database: config.databaseKind, ...status });
        printTable(
          ["migration", ""],
          [
            ...status.applied.map((m) => [m, msg("applied")]),
            ...status.pending.map((m) => [m, msg("pending")]),
          ],
        );
      } finally {
        await store.close();
      }
    });

  const ports = program.command("ports").description("the port registry");
  ports
    .command("list")
    .description("list the ports with their zone, local time and terminals")
    .option("--json", "machine-readable output")
    .action(async (options: { json?: boolean }) => {
      const { loadPortRecords, portSummary } = await portModules();
      const summaries = loadPortRecords().map(portSummary);
      if (options.json) return printJson(summaries);
      const lang = terminalLanguage();
      printTable(
        [
          msg("colLocode"),
          msg("colName"),
          msg("colTimeZone"),
          msg("colLocalTime"),
          msg("colCurrency"),
          msg("colTerminals"),
          msg("colBerths"),
        ],
        summaries.map((p) => [
          p.locode,
          p.name[lang],
          p.timeZone,
          localTime(p.timeZone),
          p.currency,
          p.terminalCount,
          p.berthCount,
        ]),
      );
    });
  ports
    .command("show")
    .description("one port with its terminals and berths")
    .argument("<locode>", "UN/LOCODE, e.g. USLAX or JPNGO")
    .option("--json", "machine-readable output (includes the GeoJSON)")
    .action(async (locode: string, options: { json?: boolean }) => {
      const { loadPortRecords, portDetail } = await portModules();
      const record = loadPortRecords().find((p) => p.locode === locode.toUpperCase());
      if (!record) {
        throw new DomainError(
          "not_found",
          `no port ${locode}; known: ${loadPortRecords()
            .map((p) => p.locode)
            .join(", ")}`,
        );
      }
      const detail = portDetail(record);
      if (options.json) return printJson(detail);
      const lang = terminalLanguage();
      process.stdout.write(
        `${detail.locode}  ${detail.name[lang]}  ${detail.timeZone}  ${localTime(detail.timeZone)}  ${detail.currency}\n\n`,
      );
      printTable(
        [msg("colTerminal"), msg("colOperator"), msg("colBerthRange"), msg("colBerthList")],
        detail.terminals.map((t) => [
          t.name[lang],
          t.operator,
          t.berthRange,
          t.berths.map((b) => b.berth).join(", "),
        ]),
      );
    });

  program
    .command("openapi")
    .description("write the OpenAPI document of the HTTP API")
    .option("--out <file>", "file to write (default: stdout)")
    .action(async (options: { out?: string }) => {
      const { generateOpenApiText } = await import("../server/openapi.ts");
      const text = await generateOpenApiText();
      if (!options.out) return void process.stdout.write(text);
      fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
      fs.writeFileSync(options.out, text);
      process.stderr.write(`${msg("openapiWritten", { file: options.out })}\n`);
    });

  return program;
}

/** Global options that take a value: their value is not a command name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(["--data-dir", "--database-url", "--log-level"]);

/** The first command word of `argv` (node, script, …args), past global options; `help X` names X. */
export function commandWord(argv: readonly string[]): string | undefined {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i++;
    else if (arg === "help") return args[i + 1];
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

/**
 * The whole program for `argv`: the command group it names is registered in full; every other
 * group stands as its name and description, enough for `--help`, without loading its code.
 */
export async function buildProgramFor(argv: readonly string[]): Promise<Command> {
  const program = buildProgram();
  const named = commandWord(argv);
  for (const [name, group] of Object.entries(COMMAND_GROUPS)) {
    if (name === named) await group.register(program);
    else program.command(name).description(group.description);
    program.commands.find((c) => c.name() === name)?.description(group.description);
  }
  return program;
}

function reportError(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (isDomainError(error)) {
    if (json) {
      process.stderr.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message, issues: error.issues } })}\n`,
      );
    } else {
      process.stderr.write(`${msg("error")}: ${error.message}\n`);
      for (const issue of error.issues) {
        const where = [issue.file, issue.line, issue.field]
          .filter((x) => x !== undefined && x !== "")
          .join(":");
        process.stderr.write(`  ${where ? `${where}: ` : ""}${issue.reason}\n`);
      }
    }
    return EXIT_CODE_BY_ERROR[error.code];
  }
  process.stderr.write(
    `${msg("error")}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT_CODE_BY_ERROR.internal;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgramFor(argv);
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    return reportError(error, argv.includes("--json"));
  }
}

/**
 * The `sisterports` command: composes each capability's commands. Only this folder maps
 * DomainError codes to exit codes.
 */
import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { registerAisCommands } from "../ais/cli.ts";
import { registerAisIngestCommand } from "../ais/ingest-cli.ts";
import { feedSpecs, registerAisListenCommand } from "../ais/listen-cli.ts";
import { registerVesselCommands } from "../ais/vessels-cli.ts";
import { registerCallsCommands } from "../calls/cli.ts";
import type { ConfigFlags } from "../core/config.ts";
import { DomainError, isDomainError } from "../core/errors.ts";
import { localDateTime } from "../core/time.ts";
import { registerDemoCommand } from "../demo/cli.ts";
import type { DemoPort } from "../demo/index.ts";
import { registerEmissionsCommands } from "../emissions/cli.ts";
import { registerActivityImportCommands } from "../emissions/nonship/cli.ts";
import { registerOgvCalculatorCommands } from "../emissions/ogv/cli.ts";
import { loadCallActivity } from "../emissions/service.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { loadPortRecords, portDetail, portSummary } from "../ports/index.ts";
import { APP_VERSION } from "../server/paths.ts";
import { openStore } from "../store/index.ts";
import { EXIT_CODE_BY_ERROR, EXIT_USAGE } from "./exit-codes.ts";
import { cliLanguage, msg } from "./messages.ts";
import { printJson, printTable } from "./output.ts";
import { loadConfig, openReadyStore } from "./runtime.ts";

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

export function buildProgram(): Command {
  const program = new Command("sisterports")
    .description("Sister Ports Exchange: emissions, port calls and data sharing for sister seaports")
    .version(APP_VERSION)
    .option("--data-dir <dir>", "folder for the embedded database (env SP_DATA_DIR, default ./var)")
    .option("--database-url <url>", "postgres://… or sqlite:<file> (env SP_DATABASE_URL)")
    .option("--log-level <level>", "fatal, error, warn, info, debug, trace or silent (env SP_LOG_LEVEL)")
    .showHelpAfterError()
    .exitOverride();

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
        const feeds = feedSpecs(options.aisUdp, options.aisTcp);
        const config = loadConfig({
          ...globals(command),
          port: options.port,
          host: options.host,
          demo: options.demo === false ? "off" : undefined,
        });
        const { store } = await openReadyStore(config);
        let demoLoaded = false;
        if (config.loadDemo) {
          const { loadDemoIfEmpty } = await import("./demo-load.ts");
          const started = Date.now();
          const demo = await loadDemoIfEmpty(store.ais, {
            seed: 1,
            days: 2,
            scale: 1,
            end: new Date(),
            onProgress: (n) =>
              process.stderr.write(`${msg("demoProgress", { n: n.toLocaleString("en-US") })}\r`),
          });
          demoLoaded = demo !== null;
          if (demo) {
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            const reports = demo.counts.accepted.toLocaleString("en-US");
            process.stderr.write(
              `${msg("demoLoaded", { vessels: demo.vessels, calls: demo.calls, reports, seconds })}\n`,
            );
          }
        }
        // Loaded on demand: the web framework is not needed by the other commands.
        const { buildApp, DEFAULT_WEB_DIR } = await import("../server/app.ts");
        const app = await buildApp({
          store,
          webDir: DEFAULT_WEB_DIR,
          logger: { level: config.logLevel },
          logRequests: config.logLevel === "debug" || config.logLevel === "trace",
        });
        // Port calls follow the AIS: recomputed for changed vessel-days every 30 s (and now).
        const { startCallUpdater } = await import("../calls/index.ts");
        const { callServiceDeps } = await import("./demo-load.ts");
        const callUpdater = startCallUpdater(await callServiceDeps(store), {
          intervalS: 30,
          onError: (error) => app.log.error(error),
        });
        if (demoLoaded) {
          // The demo's emissions need its calls: detect them now, then the non-ship activity,
          // the current reporting year's inventories and the demo's (labelled) baselines.
          await callUpdater.runNow();
          const { loadDemoEmissions } = await import("./demo-load.ts");
          const { reportingYearAt } = await import("../emissions/service.ts");
          const deps = {
            ais: store.ais,
            calls: store.calls,
            emissions: store.emissions,
            activity: store.emissionActivity,
            registry: loadPortRegistry(),
          };
          const ports = ["USLAX", "JPNGO"] as const;
          const result = await loadDemoEmissions(deps, {
            seed: 1,
            ports: [...ports],
            years: Object.fromEntries(ports.map((p) => [p, reportingYearAt(deps, p, new Date())])),
          });
          process.stderr.write(
            `${msg("demoEmissions", {
              list: result.inventories
                .map(
                  (i) => `${i.port} ${i.label} (${Math.round(i.co2eTonnes).toLocaleString("en-US")} t CO2e)`,
                )
                .join(", "),
            })}\n`,
          );
        } else void callUpdater.runNow().catch((error) => app.log.error(error));
        const { startListener } = await import("../ais/listen.ts");
        const listener =
          feeds.length > 0
            ? await startListener(store.ais, feeds, {
                onStatus: (feed, text) => app.log.info({ feed }, text),
                onFlush: (feed, counts) => app.log.debug({ feed, counts }, "AIS feed flushed"),
              })
            : undefined;
        // Inventories follow the calls: the current reporting year of every port that has one stored
        // is recomputed every 15 minutes (a year of a port takes seconds; older years stay as computed).
        const { startInventoryRefresher } = await import("../emissions/service.ts");
        const refresher = startInventoryRefresher(
          {
            ais: store.ais,
            calls: store.calls,
            emissions: store.emissions,
            activity: store.emissionActivity,
            registry: loadPortRegistry(),
          },
          { intervalS: 15 * 60, onError: (error) => app.log.error(error) },
        );
        const stop = async () => {
          process.stderr.write(`${msg("stopping")}\n`);
          refresher.stop();
          await listener?.close();
          await app.close();
          await store.close();
          process.exit(0);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
        await app.listen({ port: config.port, host: config.host });
        const address = app.server.address();
        const port = typeof address === "object" && address ? address.port : config.port;
        const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
        process.stdout.write(
          `${msg("listening", { url, db: config.databaseKind === "sqlite" ? config.databaseUrl : "PostgreSQL" })}\n`,
        );
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
      const summaries = loadPortRecords().map(portSummary);
      if (options.json) return printJson(summaries);
      const lang = cliLanguage();
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
      const lang = cliLanguage();
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

  const ais = program.command("ais").description("AIS: decode NMEA, ingest, vessels");
  registerAisCommands(ais);
  const openAisStore = async () => {
    const { store } = await openReadyStore(loadConfig(program.opts<GlobalOptions>()));
    const { callServiceDeps } = await import("./demo-load.ts");
    const { updateCalls, startCallUpdater } = await import("../calls/index.ts");
    // Composed once per command: the demo geography (when demo data is loaded) is part of it.
    const callDeps = await callServiceDeps(store);
    return {
      ais: store.ais,
      calls: store.calls,
      close: () => store.close(),
      extraFeatures: callDeps.extraFeatures,
      // New AIS recomputes the port calls of the vessel-days it touched (issue 4).
      afterIngest: async () => {
        const summary = await updateCalls(callDeps);
        return `port calls updated: ${summary.vessels} vessels, ${summary.vesselDays} vessel-days, ${summary.calls} calls`;
      },
      follow: () => startCallUpdater(callDeps, { intervalS: 30 }),
    };
  };
  registerAisIngestCommand(ais, openAisStore);
  registerAisListenCommand(ais, openAisStore);
  registerVesselCommands(program, openAisStore);
  registerDemoCommand(program);
  registerCallsCommands(program, openAisStore, async (databaseUrl) => {
    const store = openStore({ databaseUrl });
    await store.migrate();
    return { ais: store.ais, calls: store.calls, close: () => store.close() };
  });
  const emissions = program
    .command("emissions")
    .description("emissions: calculators, activity imports, inventories, progress against targets");
  const openEmissions = async () => {
    const { store } = await openReadyStore(loadConfig(program.opts<GlobalOptions>()));
    return {
      ais: store.ais,
      calls: store.calls,
      emissions: store.emissions,
      activity: store.emissionActivity,
      registry: loadPortRegistry(),
      close: () => store.close(),
    };
  };
  registerEmissionsCommands(emissions, openEmissions);
  emissions
    .command("demo")
    .description(
      "load a whole demo reporting year (AIS, vessel particulars, equipment, trucks, rail, labelled demo baselines) into the database and compute its inventories — a few minutes",
    )
    .option(
      "--year <year>",
      "reporting year (calendar year at Los Angeles, April–March fiscal year at Nagoya)",
      "2025",
    )
    .option("--port <port>", "USLAX, JPNGO or all", "all")
    .option("--interval-scale <x>", "multiplies AIS report intervals (fewer reports, same calls)", "6")
    .option("--seed <n>", "demo world seed", "2025")
    .action(async (opts: { year: string; port: string; intervalScale: string; seed: string }) => {
      const year = Number(opts.year.replace(/^FY/i, ""));
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new DomainError("validation", `--year: a year such as 2025, not ${opts.year}`);
      const intervalScale = Number(opts.intervalScale);
      if (!(intervalScale >= 1 && intervalScale <= 60))
        throw new DomainError("validation", `--interval-scale: 1 to 60, not ${opts.intervalScale}`);
      const seed = Number(opts.seed);
      const p = opts.port.toUpperCase();
      const ports = (p === "ALL" ? ["USLAX", "JPNGO"] : [p]) as DemoPort[];
      if (!ports.every((x) => x === "USLAX" || x === "JPNGO"))
        throw new DomainError("validation", `--port: USLAX, JPNGO or all, not ${opts.port}`);
      const { ingestDemoWorld, callServiceDeps, loadDemoEmissions } = await import("./demo-load.ts");
      const { reportingYear } = await import("../emissions/inventory.ts");
      const { loadEmissionsReference } = await import("../emissions/reference-io.ts");
      const { updateCalls } = await import("../calls/index.ts");
      const deps = await openEmissions();
      try {
        const ref = loadEmissionsReference();
        for (const port of ports) {
          const entry = deps.registry.get(port);
          const settings = ref.settings.get(port);
          if (!entry || !settings) continue;
          const period = reportingYear(settings, entry.timeZone, year);
          const started = Date.now();
          const loaded = await ingestDemoWorld(deps.ais, {
            seed,
            start: new Date(period.fromS * 1000),
            days: (period.toS - period.fromS) / 86_400,
            scale: 1,
            ports: [port],
            intervalScale,
            onProgress: (n) =>
              process.stderr.write(`${port} ${period.label}: ${n.toLocaleString("en-US")} AIS messages\r`),
          });
          process.stderr.write(
            `\n${msg("demoYearAis", {
              port,
              label: period.label,
              facts: loaded.counts.accepted.toLocaleString("en-US"),
              vessels: loaded.vessels,
              seconds: ((Date.now() - started) / 1000).toFixed(0),
            })}\n`,
          );
        }
        const callDeps = await callServiceDeps(deps);
        let calls = 0;
        for (;;) {
          const s = await updateCalls(callDeps);
          if (s.vesselDays === 0) break;
          calls += s.calls;
          process.stderr.write(`port calls: ${calls.toLocaleString("en-US")}\r`);
        }
        process.stderr.write(`\n${msg("demoYearCalls", { calls: calls.toLocaleString("en-US") })}\n`);
        const result = await loadDemoEmissions(deps, {
          seed,
          ports,
          years: Object.fromEntries(ports.map((x) => [x, year])),
        });
        for (const i of result.inventories)
          process.stdout.write(
            `${msg("demoYearDone", {
              port: i.port,
              label: i.label,
              calls: i.calls.toLocaleString("en-US"),
              tonnes: Math.round(i.co2eTonnes).toLocaleString("en-US"),
              year,
            })}\n`,
          );
      } finally {
        await deps.close();
      }
    });
  registerOgvCalculatorCommands(emissions, async (id) => {
    const deps = await openEmissions();
    try {
      return await loadCallActivity(deps, id);
    } finally {
      await deps.close();
    }
  });
  registerActivityImportCommands(emissions, async () => {
    const deps = await openEmissions();
    return { store: deps.activity, close: deps.close };
  });
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
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    return reportError(error, argv.includes("--json"));
  }
}

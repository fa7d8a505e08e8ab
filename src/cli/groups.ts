/**
 * The CLI's command groups (ais, vessels, demo, calls, emissions, ops), each registered only when its
 * name is on the command line: every capability module here is imported dynamically, so a command
 * loads its own code and `sisterports --help` loads none (issue 10, start-up < 150 ms).
 */
import type { Command } from "commander";
import type { ConfigFlags } from "../core/config.ts";
import { DomainError } from "../core/errors.ts";
import { SECONDS_PER_DAY } from "../core/time.ts";
import type { DemoPort } from "../demo/index.ts";
import { msg } from "./messages.ts";
import { loadConfig, openReadyStore } from "./runtime.ts";

type GlobalOptions = ConfigFlags & { json?: boolean };

/** The top-level groups: name → description (shown by `--help`) and registration. */
export const COMMAND_GROUPS: Record<
  string,
  { description: string; register: (program: Command) => Promise<void> }
> = {
  ais: { description: "AIS: decode NMEA, ingest, listen to live feeds", register: registerAisGroup },
  vessels: {
    description: "the vessel registry: particulars and AIS static data",
    register: registerVesselsGroup,
  },
  demo: {
    description: "generate a deterministic demo world of AIS traffic with its ground truth",
    register: registerDemoGroup,
  },
  calls: { description: "port calls and operating modes from AIS", register: registerCallsGroup },
  emissions: {
    description: "emissions: calculators, activity imports, inventories, progress against targets",
    register: registerEmissionsGroup,
  },
  ops: {
    description: "supply chain: container events, truck visits, terminal KPIs, container search",
    register: registerOperationsGroup,
  },
  ze: {
    description: "zero-emission transition: equipment fleet, telemetry, pilot scorecards, hydrogen supply",
    register: registerZeGroup,
  },
  exchange: {
    description: "sister-port exchange: node identity, peers, catalog, agreements",
    register: registerExchangeGroup,
  },
  users: {
    description: "accounts: add (the first admin too), list, disable",
    register: accessGroup("users"),
  },
  keys: {
    description: "API keys for machines and partners: create, list, revoke",
    register: accessGroup("keys"),
  },
  audit: {
    description: "the audit log: sign-ins, key use, changes, denied requests",
    register: accessGroup("audit"),
  },
};

function accessGroup(group: "users" | "keys" | "audit") {
  return async (program: Command): Promise<void> => {
    const { registerAccessCommands } = await import("../access/cli.ts");
    registerAccessCommands(program, group, async () => {
      const { store } = await openReadyStore(loadConfig(program.opts<GlobalOptions>()));
      return { access: store.access, close: () => store.close() };
    });
  };
}

function aisStoreOpener(program: Command) {
  return async () => {
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
}

async function registerAisGroup(program: Command): Promise<void> {
  const [{ registerAisCommands }, { registerAisIngestCommand }, { registerAisListenCommand }] =
    await Promise.all([
      import("../ais/cli.ts"),
      import("../ais/ingest-cli.ts"),
      import("../ais/listen-cli.ts"),
    ]);
  const ais = program.command("ais");
  registerAisCommands(ais);
  registerAisIngestCommand(ais, aisStoreOpener(program));
  registerAisListenCommand(ais, aisStoreOpener(program));
}

async function registerVesselsGroup(program: Command): Promise<void> {
  const { registerVesselCommands } = await import("../vessels/cli.ts");
  registerVesselCommands(program, aisStoreOpener(program));
}

async function registerDemoGroup(program: Command): Promise<void> {
  const { registerDemoCommand } = await import("../demo/cli.ts");
  registerDemoCommand(program);
}

async function registerCallsGroup(program: Command): Promise<void> {
  const [{ registerCallsCommands }, { registerCallsEvaluateCommand }] = await Promise.all([
    import("../calls/cli.ts"),
    import("../demo/evaluate-calls-cli.ts"),
  ]);
  const openAisStore = aisStoreOpener(program);
  const calls = registerCallsCommands(program, openAisStore);
  registerCallsEvaluateCommand(calls, async (databaseUrl) => {
    const { openStore } = await import("../store/index.ts");
    const store = openStore({ databaseUrl });
    await store.migrate();
    return { ais: store.ais, calls: store.calls, close: () => store.close() };
  });
}

function emissionsOpener(program: Command) {
  return async () => {
    const { store } = await openReadyStore(loadConfig(program.opts<GlobalOptions>()));
    const { emissionsServiceDeps } = await import("../store/services.ts");
    return { ...emissionsServiceDeps(store), close: () => store.close() };
  };
}

async function registerEmissionsGroup(program: Command): Promise<void> {
  const [
    { registerEmissionsCommands },
    { registerOgvCalculatorCommands },
    { registerActivityImportCommands },
  ] = await Promise.all([
    import("../emissions/cli.ts"),
    import("../emissions/ogv/cli.ts"),
    import("../emissions/nonship/cli.ts"),
  ]);
  const emissions = program.command("emissions");
  const openEmissions = emissionsOpener(program);
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
            days: (period.toS - period.fromS) / SECONDS_PER_DAY,
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
      const { loadCallActivity } = await import("../emissions/service.ts");
      return await loadCallActivity(deps, id);
    } finally {
      await deps.close();
    }
  });
  registerActivityImportCommands(emissions, async () => {
    const deps = await openEmissions();
    return { store: deps.activity, close: deps.close };
  });
}

async function registerOperationsGroup(program: Command): Promise<void> {
  const { registerOperationsCommands } = await import("../operations/cli.ts");
  // The parsers by file kind (DCSA, EDIFACT, gate CSV, rail CSV), composed once in store/services.ts.
  registerOperationsCommands(
    program,
    async () => {
      const { store } = await openReadyStore(loadConfig(program.opts<GlobalOptions>()));
      return { operations: store.operations, calls: store.calls, close: () => store.close() };
    },
    (await import("../store/services.ts")).operationsParsers(),
  );
}

async function registerZeGroup(program: Command): Promise<void> {
  const [{ registerFleetCommands }, { registerHydrogenCommands }] = await Promise.all([
    import("../transition/cli.ts"),
    import("../transition/hydrogen-cli.ts"),
  ]);
  const ze = program
    .command("ze")
    .description("zero-emission transition: fleet, pilots, hydrogen supply, rollout scenarios and targets");
  registerFleetCommands(ze, async () => {
    const { store } = await openReadyStore(loadConfig(program.opts<GlobalOptions>()));
    return { transition: store.transition, close: () => store.close() };
  });
  registerHydrogenCommands(ze);
}

async function registerExchangeGroup(program: Command): Promise<void> {
  const { registerExchangeCommands } = await import("../exchange/cli.ts");
  registerExchangeCommands(program, async () => {
    const { store } = await openReadyStore(loadConfig(program.opts<GlobalOptions>()));
    const { exchangeEngineDeps } = await import("../store/services.ts");
    return { exchange: store.exchange, close: () => store.close(), engine: exchangeEngineDeps(store) };
  });
}

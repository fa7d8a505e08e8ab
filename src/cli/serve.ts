/**
 * `sisterports serve`: the store (migrated, ports loaded, demo data on an empty database), the HTTP
 * API and portal, and the timers that keep derived results following the facts (port calls every
 * 30 s, the current reporting year's inventories every 15 minutes — both nudging the exchange
 * sync, so that what changed reaches sister ports soon —, the import forecast and the
 * empty-return board every 5 minutes), plus live AIS feeds if asked.
 * Imported only when `serve` runs: it brings the web framework.
 */
import { type FeedSpec, startListener } from "../ais/index.ts";
import { startCallUpdater } from "../calls/index.ts";
import type { AppConfig } from "../core/config.ts";
import { reportingYearAt, startInventoryRefresher } from "../emissions/service.ts";
import { startExchangeSync } from "../exchange/index.ts";
import { startSignalRefresher, webhookTargets } from "../operations/index.ts";
import { buildApp, DEFAULT_WEB_DIR } from "../server/app.ts";
import { emissionsServiceDeps, exchangeEngineDeps, portRegistry } from "../store/services.ts";
import {
  callServiceDeps,
  DEMO_AHEAD_DAYS,
  DEMO_DAYS,
  type DemoWindow,
  loadDemoEmissions,
  loadDemoIfEmpty,
  loadDemoOperations,
} from "./demo-load.ts";
import { msg } from "./messages.ts";
import { openReadyStore } from "./runtime.ts";

export async function serve(config: AppConfig, feeds: FeedSpec[]): Promise<void> {
  const { store } = await openReadyStore(config);
  let demoWindow: DemoWindow | null = null;
  if (config.loadDemo) {
    const started = Date.now();
    const demo = await loadDemoIfEmpty(store.ais, {
      seed: 1,
      days: DEMO_DAYS,
      scale: 1,
      end: new Date(),
      aheadDays: DEMO_AHEAD_DAYS,
      onProgress: (n) => process.stderr.write(`${msg("demoProgress", { n: n.toLocaleString("en-US") })}\r`),
    });
    if (demo) {
      demoWindow = { start: new Date(demo.window.from), end: new Date(demo.window.to) };
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const reports = demo.counts.accepted.toLocaleString("en-US");
      process.stderr.write(
        `${msg("demoLoaded", { vessels: demo.vessels, calls: demo.calls, reports, seconds })}\n`,
      );
    }
  }
  // The sister-port exchange: every agreement that may move is synced every SP_EXCHANGE_SYNC_S
  // (a consumer pulls, a provider publishes what changed since its last package), once at start,
  // and shortly after data arrives through the API.
  const exchangeSync = startExchangeSync(exchangeEngineDeps(store), {
    intervalS: config.exchangeSyncS,
    onError: (error) => process.stderr.write(`exchange sync: ${String(error)}\n`),
  });
  // Alert webhooks go to public addresses only, unless the configuration allows private ones.
  const targets = webhookTargets(config.alertTargets);
  const app = await buildApp({
    store,
    webhookTargets: targets,
    webDir: DEFAULT_WEB_DIR,
    logger: { level: config.logLevel },
    logRequests: config.logLevel === "debug" || config.logLevel === "trace",
    onDataChanged: () => exchangeSync.nudge(),
    trustProxy: config.trustProxy,
  });
  // Port calls follow the AIS: recomputed for changed vessel-days every 30 s (and now); calls that
  // changed (live feeds, another process's ingest) are published soon after, not at the next timer.
  const callUpdater = startCallUpdater(await callServiceDeps(store), {
    intervalS: 30,
    onRun: (run) => {
      if (run.calls > 0) exchangeSync.nudge();
    },
    onError: (error) => app.log.error(error),
  });
  if (demoWindow) {
    // The demo's emissions need its calls: detect them now, then the container and gate flows,
    // the non-ship activity, the current reporting year's inventories and the demo's baselines —
    // all over the demo's window (DemoWindow: one port, one period, one scale).
    await callUpdater.runNow();
    const ports = ["USLAX", "JPNGO"] as const;
    // Gate data before the inventories: the drayage lines idle for the turn times it measures.
    const operations = await loadDemoOperations(store, {
      seed: 1,
      ports: [...ports],
      end: demoWindow.end,
      window: demoWindow,
    });
    process.stderr.write(
      `${msg("demoOperations", {
        list: operations.map((o) => `${o.port} ${o.counts.accepted.toLocaleString("en-US")}`).join(", "),
      })}\n`,
    );
    const deps = emissionsServiceDeps(store);
    const result = await loadDemoEmissions(deps, {
      seed: 1,
      ports: [...ports],
      years: Object.fromEntries(ports.map((p) => [p, reportingYearAt(deps, p, new Date())])),
      window: demoWindow,
    });
    process.stderr.write(
      `${msg("demoEmissions", {
        list: result.inventories
          .map((i) => `${i.port} ${i.label} (${Math.round(i.co2eTonnes).toLocaleString("en-US")} t CO2e)`)
          .join(", "),
      })}\n`,
    );
    const { loadDemoFleet, loadDemoScenarios } = await import("../demo/transition.ts");
    const fleet = await loadDemoFleet(store, { seed: 1, ports: [...ports], end: new Date(), days: 28 });
    process.stderr.write(
      `${msg("demoFleet", {
        list: fleet
          .map(
            (f) =>
              `${f.port} ${f.equipment.accepted} units, ${f.telemetry.accepted.toLocaleString("en-US")} telemetry rows`,
          )
          .join(", "),
      })}\n`,
    );
    const scenarios = await loadDemoScenarios(store, { ports: [...ports] });
    process.stderr.write(
      `${msg("demoScenarios", {
        list: ports
          .map(
            (p) =>
              `${p} ${scenarios
                .filter((s) => s.port === p)
                .map((s) => `“${s.name}”`)
                .join(", ")}`,
          )
          .join("; "),
      })}\n`,
    );
    // One account per role to sign in with, each with a generated one-time password (issue 14).
    const { addDemoUsers, accessMsg } = await import("../access/index.ts");
    const demoUsers = await addDemoUsers(store.access, Date.now());
    if (demoUsers.length > 0)
      process.stderr.write(
        `${accessMsg("demoUsers")}\n${demoUsers.map((u) => `  ${u.name.padEnd(18)} ${u.oneTimePassword}`).join("\n")}\n`,
      );
  } else void callUpdater.runNow().catch((error) => app.log.error(error));
  const listener =
    feeds.length > 0
      ? await startListener(store.ais, feeds, {
          onStatus: (feed, text) => app.log.info({ feed }, text),
          onFlush: (feed, counts) => app.log.debug({ feed, counts }, "AIS feed flushed"),
        })
      : undefined;
  // Inventories follow the calls: the current reporting year of every port that has one stored
  // is recomputed every 15 minutes (a year of a port takes seconds; older years stay as computed).
  // After a run that recomputed any inventory the exchange sync is nudged; it sends a package only
  // where a shared dataset's content changed (an inventory recomputed to the same figures sends none).
  const refresher = startInventoryRefresher(emissionsServiceDeps(store), {
    intervalS: 15 * 60,
    onRun: (run) => {
      if (run.recomputed.length > 0) exchangeSync.nudge();
    },
    onError: (error) => app.log.error(error),
  });
  // The import forecast and the empty-return board move with the clock: recomputed every 5 minutes.
  const signals = startSignalRefresher(store.operations, (port) => portRegistry().get(port)?.timeZone, {
    send: targets.send,
    onError: (error) => app.log.error(error),
  });
  const stop = async () => {
    process.stderr.write(`${msg("stopping")}\n`);
    exchangeSync.stop();
    refresher.stop();
    signals.stop();
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
  void exchangeSync.kick();
  process.stdout.write(
    `${msg("listening", { url, db: config.databaseKind === "sqlite" ? config.databaseUrl : "PostgreSQL" })}\n`,
  );
}

/**
 * Operations capability: container events (DCSA Track & Trace 2.2.0 names), truck visits, rail
 * moves, and the supply-chain KPIs. Other capabilities import from here.
 *
 * - Model: model.ts (what every parser returns: `ParsedOperations`).
 * - Parsers: DCSA T&T 2.2.0 (dcsa.ts, validated against the published schema), UN/EDIFACT CODECO
 *   and COARRI (edifact.ts), gate transactions (gate.ts) and rail moves (rail.ts) CSV; the facility
 *   lookup (facilities.ts) maps SMDG terminal codes onto our terminals.
 * - Storage: the `OperationsStore` interface (store.ts; implemented in src/store/operations/).
 * - Ingest: `ingestOperations(store, parsed, { file, port, timeZone })` — one transaction, counts
 *   that balance, idempotent; rollups (rollup.ts) added to in the same transaction.
 * - KPIs: kpi.ts (pure) over the rollups; service.ts `operationsKpis`, `operationsSummary`,
 *   `containerTimeline`. Forecast, availability and the empty-return board: forecast.ts,
 *   availability.ts, empty-return.ts (pure).
 * - Alerts: signed webhooks (webhooks.ts) when a watched box moves, dwell or turn time passes a
 *   threshold, or empty returns close — alerts.ts (pure), alerts-service.ts (outbox, delivery),
 *   alerts-routes.ts `alertRoutes(deps)`.
 * - HTTP: `operationsRoutes(deps)`; CLI: `registerOperationsCommands` in ./cli.ts (not re-exported).
 */
export * from "./alerts.ts";
export { targetExpected } from "./alerts-messages.ts";
export { type AlertRouteDeps, alertRoutes } from "./alerts-routes.ts";
export * from "./alerts-sender.ts";
export * from "./alerts-service.ts";
export type * from "./alerts-store.ts";
export * from "./alerts-wire.ts";
export * from "./dcsa.ts";
export * from "./dcsa-schema-io.ts";
export * from "./edifact.ts";
export * from "./facilities.ts";
export * from "./facilities-io.ts";
export * from "./gate.ts";
export { ingestOperations, type OperationsIngestOptions, type OperationsIngestResult } from "./ingest.ts";
export * from "./kpi.ts";
export * from "./model.ts";
export * from "./rail.ts";
export * from "./receiving-rules.ts";
export { offsetTimeS, parsePlace, zonedTimeS } from "./records.ts";
export * from "./rollup.ts";
export { type OperationsRouteDeps, operationsRoutes } from "./routes.ts";
export * from "./service.ts";
export * from "./signals.ts";
export type * from "./store.ts";
export {
  type MeasuredTruckIdle,
  MIN_TIMED_VISITS,
  measuredTruckIdle,
  truckIdleByMonth,
} from "./truck-idle.ts";
export * from "./webhook-targets.ts";
export * from "./webhooks.ts";
export type * from "./wire.ts";

/**
 * Operations capability: container events (DCSA Track & Trace 2.2.0 names), truck visits, rail
 * moves, and the supply-chain KPIs. Other capabilities import from here.
 *
 * - Model: model.ts (what every parser returns: `ParsedOperations`).
 * - Storage: the `OperationsStore` interface (store.ts; implemented in src/store/operations/).
 * - Ingest: `ingestOperations(store, parsed, { file, port, timeZone })` — one transaction, counts
 *   that balance, idempotent; rollups (rollup.ts) added to in the same transaction.
 * - KPIs: kpi.ts (pure) over the rollups; service.ts `operationsKpis`, `operationsSummary`,
 *   `containerTimeline`.
 * - HTTP: `operationsRoutes(deps)`; CLI: `registerOperationsCommands` in ./cli.ts (not re-exported).
 */
export { ingestOperations, type OperationsIngestOptions, type OperationsIngestResult } from "./ingest.ts";
export * from "./kpi.ts";
export * from "./model.ts";
export * from "./rollup.ts";
export { type OperationsRouteDeps, operationsRoutes } from "./routes.ts";
export * from "./service.ts";
export type * from "./store.ts";
export type * from "./wire.ts";

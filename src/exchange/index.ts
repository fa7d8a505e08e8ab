/**
 * Exchange (issue 15): two independent sister-port nodes share signed datasets under signed
 * agreements. Pure protocol core, each in its own file:
 *
 * - canonical.ts: RFC 8785 canonical JSON and its SHA-256; keys.ts: Ed25519 (node:crypto),
 *   fingerprints; signed.ts: the signed envelope and chain hash.
 * - identity.ts: node documents, key rotation, verification with an out-of-band fingerprint.
 * - catalog.ts: the DCAT-style catalog of datasets a node can offer.
 * - agreement.ts: terms (ODRL-style rules), the Dataspace Protocol negotiation state machine.
 * - package.ts: aggregation with the minimum-cell-size rule, signed chained packages, verification
 *   with reason codes, receipts, corrections.
 * - audit.ts: the hash-chained audit log.
 * - store.ts: the storage interface (src/store/exchange/ implements it); service.ts: use cases.
 * - datasets.ts: this node's stored results as rows of the catalog's datasets (pure mappers;
 *   src/store/exchange-datasets.ts `exchangeDatasetRows` reads the stores).
 * - engine.ts: two running nodes — steps delivered to the peer (retried, idempotent), the provider's
 *   publishing (only what changed; corrections supersede), sync either side, the server's timer.
 * - wire.ts: the admin routes' shapes (the portal imports their types).
 * - views.ts, view-routes.ts, wire.ts: what people read (agreements, their logs and packages, the
 *   audit log); normalise.ts: units, reporting years (fiscal / calendar), zones, money on display.
 * The CLI's `registerExchangeCommands` is in cli.ts (it imports commander; the CLI imports it directly).
 */
export * from "./agreement.ts";
export * from "./audit.ts";
export * from "./canonical.ts";
export * from "./catalog.ts";
export { METRIC_DEFS, METRICS, type MetricId, publicDisplay, sideBySide, weightedMean } from "./compare.ts";
export * from "./datasets.ts";
export * from "./engine.ts";
export * from "./identity.ts";
export * from "./keys.ts";
export * from "./normalise.ts";
export * from "./package.ts";
export { type ExchangeRouteDeps, exchangeRoutes, httpTransport, PullResponseSchema } from "./routes.ts";
export * from "./service.ts";
export * from "./signed.ts";
export type * from "./store.ts";
export * from "./sync.ts";
export { type ExchangeViewRouteDeps, exchangeViewRoutes } from "./view-routes.ts";
export * from "./views.ts";
export * from "./wire.ts";

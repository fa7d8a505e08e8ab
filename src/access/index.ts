/** The access capability (issue 14): roles, the policy, secrets, rate limits, its store interface and routes. */

export * from "./audit-page.ts";
export { accessMsg } from "./messages.ts";
export * from "./policy.ts";
export * from "./rate-limit.ts";
export * from "./routes.ts";
export * from "./secrets.ts";
export * from "./service.ts";
export type * from "./store.ts";
export * from "./wire.ts";

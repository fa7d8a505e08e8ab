/** The access capability (issue 14): roles, the policy, secrets, rate limits, its store interface and routes. */
export * from "./policy.ts";
export * from "./rate-limit.ts";
export * from "./secrets.ts";
export type * from "./store.ts";

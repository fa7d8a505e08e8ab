export type { Database } from "./ais/schema.ts";
export { type OpenStoreOptions, openStore, type Store } from "./store.ts";

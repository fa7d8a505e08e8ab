export type { Database } from "./schema.ts";
export { type OpenStoreOptions, openStore, type Store } from "./store.ts";

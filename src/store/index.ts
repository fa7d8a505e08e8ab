export { type Database, type OpenStoreOptions, openStore, type Store } from "./store.ts";

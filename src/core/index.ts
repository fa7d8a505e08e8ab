export * from "./config.ts";
export * from "./errors.ts";
export * from "./http.ts";
export * from "./ids.ts";
export * from "./ingest.ts";
export * from "./time.ts";
export * from "./units.ts";

/** The operations capability's door: the event model, the input parsers and the facility lookup. */
export * from "./dcsa.ts";
export * from "./dcsa-schema-io.ts";
export * from "./edifact.ts";
export * from "./facilities.ts";
export * from "./facilities-io.ts";
export * from "./gate.ts";
export * from "./model.ts";
export * from "./rail.ts";
export { offsetTimeS, parsePlace, zonedTimeS } from "./records.ts";

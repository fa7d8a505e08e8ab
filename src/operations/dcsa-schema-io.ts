/**
 * The DCSA Track & Trace 2.2.0 event schemas (data/standards/dcsa/tnt-2.2.0-events.schema.json,
 * converted once from the published YAML by scripts/convert-dcsa-tnt-schema.mjs) compiled with ajv,
 * one validator per eventType — as DCSA's own conformance suite dispatches on eventType. Loaded once.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsImport from "ajv-formats";
import type { EventType } from "./model.ts";

export const DCSA_TNT_SCHEMA_FILE = fileURLToPath(
  new URL("../../data/standards/dcsa/tnt-2.2.0-events.schema.json", import.meta.url),
);

export interface DcsaValidators {
  /** The validator of one eventType's schema (transportEvent, shipmentEvent, equipmentEvent). */
  byType: Record<EventType, ValidateFunction>;
  /** Where in the schema file an ajv error's keyword sits, e.g. "#/components/schemas/baseEvent/required". */
  schemaPathOf(error: ErrorObject): string;
}

const SCHEMA_NAMES: Record<EventType, string> = {
  TRANSPORT: "transportEvent",
  SHIPMENT: "shipmentEvent",
  EQUIPMENT: "equipmentEvent",
};

// ajv-formats is CommonJS: under Node's ESM loader its default export is the function itself.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ??
  addFormatsImport) as unknown as (ajv: Ajv) => Ajv;

let cached: DcsaValidators | undefined;

/** Compiles the schemas (once per process). */
export function dcsaValidators(file: string = DCSA_TNT_SCHEMA_FILE): DcsaValidators {
  if (cached !== undefined && file === DCSA_TNT_SCHEMA_FILE) return cached;
  const schema = JSON.parse(readFileSync(file, "utf8")) as { $id: string };
  // verbose: errors carry parentSchema, which locates the failing keyword in the file (below).
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
  // OpenAPI 3.0 annotation keywords and our provenance fields: known, not validated.
  ajv.addVocabulary(["example", "components", "x-source-sha256"]);
  addFormats(ajv);
  ajv.addSchema(schema);
  const pointers = new Map<object, string>();
  const walk = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== "object") return;
    pointers.set(node, pointer);
    for (const [k, v] of Object.entries(node))
      walk(v, `${pointer}/${k.replaceAll("~", "~0").replaceAll("/", "~1")}`);
  };
  walk(schema, "#");
  const get = (type: EventType): ValidateFunction => {
    const v = ajv.getSchema(`${schema.$id}#/components/schemas/${SCHEMA_NAMES[type]}`);
    if (v === undefined) throw new Error(`${file}: no schema ${SCHEMA_NAMES[type]}`);
    return v;
  };
  // ajv's own schemaPath is relative to the $ref target it was compiled in ("#/required");
  // the parent schema object found in the file gives the full path.
  const validators: DcsaValidators = {
    byType: { TRANSPORT: get("TRANSPORT"), SHIPMENT: get("SHIPMENT"), EQUIPMENT: get("EQUIPMENT") },
    schemaPathOf(error) {
      const parent = error.parentSchema as object | undefined;
      const base = parent === undefined ? undefined : pointers.get(parent);
      return base === undefined ? error.schemaPath : `${base}/${error.keyword}`;
    },
  };
  if (file === DCSA_TNT_SCHEMA_FILE) cached = validators;
  return validators;
}

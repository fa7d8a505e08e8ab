#!/usr/bin/env node
// Converts the event schemas of DCSA Track & Trace 2.2.0 (the published OpenAPI YAML, all $refs
// resolved within the file) into the JSON the operations parser validates against at run time:
// the transitive closure of components.schemas reachable from transportEvent, shipmentEvent and
// equipmentEvent, copied unchanged (same names, same `#/components/schemas/…` references).
// Run once, by hand, when the source changes:
//   node scripts/convert-dcsa-tnt-schema.mjs /path/to/TNT_v2.2.0-resolved.yaml
// Writes data/standards/dcsa/tnt-2.2.0-events.schema.json and prints the source's SHA-256.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const source = process.argv[2];
if (!source) {
  process.stderr.write("usage: node scripts/convert-dcsa-tnt-schema.mjs TNT_v2.2.0-resolved.yaml\n");
  process.exit(2);
}
const text = readFileSync(source);
const spec = parse(text.toString("utf8"));
if (spec.info?.version !== "2.2.0") throw new Error(`expected T&T 2.2.0, found ${spec.info?.version}`);
const all = spec.components.schemas;
const roots = ["transportEvent", "shipmentEvent", "equipmentEvent"];
const kept = {};
const pending = [...roots];
while (pending.length > 0) {
  const name = pending.pop();
  if (name in kept) continue;
  if (!(name in all)) throw new Error(`unresolved schema ${name}`);
  kept[name] = all[name];
  const json = JSON.stringify(all[name]);
  for (const m of json.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) pending.push(m[1]);
}
const sorted = Object.fromEntries(
  Object.keys(kept)
    .sort()
    .map((k) => [k, kept[k]]),
);
const out = {
  $id: "https://sisterports.local/schemas/dcsa/tnt-2.2.0-events.json",
  title: `DCSA Track & Trace ${spec.info.version}: event schemas (${roots.join(", ")})`,
  "x-source-sha256": createHash("sha256").update(text).digest("hex"),
  components: { schemas: sorted },
};
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "data/standards/dcsa/tnt-2.2.0-events.schema.json");
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(
  `${Object.keys(sorted).length} schemas → ${target}\nsource sha256 ${out["x-source-sha256"]}\n`,
);

/**
 * The house rules of DESIGN.md ("Layout", "Direction"), read from the import graph of src/ so a later
 * change cannot break them unnoticed:
 *  - capability code never imports the web framework, the database layer or drivers, or React, nor
 *    store/, server/, cli/ or demo/ (those compose capabilities, not the other way round);
 *  - a capability imports another only through its index.ts (core, the shared foundation, excepted);
 *  - core imports no other folder, geo only core.
 * The edges that break a rule today are listed below as debt (issue 11): a new one fails the test,
 * and so does a listed one that has gone (take it off the list).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src");
const CAPABILITIES = new Set([
  "core",
  "geo",
  "ports",
  "ais",
  "vessels",
  "calls",
  "emissions",
  "operations",
  "transition",
  "exchange",
  "access",
]);
const COMPOSERS = new Set(["store", "server", "cli", "demo"]);
const FORBIDDEN_PACKAGES = [/^fastify$/, /^@fastify\//, /^kysely$/, /^better-sqlite3$/, /^pg$/, /^react/];
const ALLOWED_BY_FOLDER: Record<string, Set<string>> = { core: new Set(), geo: new Set(["core"]) };

/** Today's breaches, each to be removed by issue 11's restructuring. */
const KNOWN_DEBT = new Set([
  "calls/cli.ts → demo/index.ts (a composer)",
  "calls/evaluate.ts → demo/index.ts (a composer)",
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

/** Every rule an import of src/ breaks, as "from → to (why)". */
function breaches(src: string): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(src)) {
    const from = path.relative(src, file);
    const folder = from.split(path.sep)[0] as string;
    if (!CAPABILITIES.has(folder)) continue;
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)";/gms)) {
      const spec = m[1] as string;
      if (!spec.startsWith(".")) {
        if (FORBIDDEN_PACKAGES.some((r) => r.test(spec)))
          found.add(`${from} → ${spec} (a framework or driver)`);
        continue;
      }
      const to = path.relative(src, path.resolve(path.dirname(file), spec));
      const toFolder = to.split(path.sep)[0] as string;
      if (toFolder === folder) continue;
      if (COMPOSERS.has(toFolder)) found.add(`${from} → ${to} (a composer)`);
      else if (ALLOWED_BY_FOLDER[folder] && !ALLOWED_BY_FOLDER[folder].has(toFolder))
        found.add(
          `${from} → ${to} (${folder} may import only ${[...ALLOWED_BY_FOLDER[folder]].join(", ") || "itself"})`,
        );
      else if (CAPABILITIES.has(toFolder) && toFolder !== "core" && to !== path.join(toFolder, "index.ts"))
        found.add(`${from} → ${to} (past ${toFolder}/index.ts)`);
    }
  }
  return [...found].sort();
}

describe("source structure (DESIGN.md)", () => {
  const found = breaches(SRC);

  it("adds no new breach of the import rules", () => {
    expect(found.filter((b) => !KNOWN_DEBT.has(b))).toEqual([]);
  });

  it("lists as debt only breaches that still exist", () => {
    expect([...KNOWN_DEBT].filter((b) => !found.includes(b))).toEqual([]);
  });

  it("sees each kind of breach (the reader is not blind)", () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), "sp-structure-"));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      fs.writeFileSync(path.join(tree, file), text);
    };
    write(
      "calls/x.ts",
      'import { sql } from "kysely";\nimport type { Store } from "../store/index.ts";\nimport { decode } from "../ais/decoder.ts";\nimport { ok } from "../ais/index.ts";\nimport { DomainError } from "../core/errors.ts";\n',
    );
    write("geo/y.ts", 'import { a } from "../ports/index.ts";\n');
    write("calls/x.test.ts", 'import { b } from "../store/index.ts";\n');
    try {
      expect(breaches(tree)).toEqual([
        "calls/x.ts → ais/decoder.ts (past ais/index.ts)",
        "calls/x.ts → kysely (a framework or driver)",
        "calls/x.ts → store/index.ts (a composer)",
        "geo/y.ts → ports/index.ts (geo may import only core)",
      ]);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});

/**
 * The house rules of DESIGN.md ("Layout", "Direction"), read from the import graph of src/ so a later
 * change cannot break them unnoticed:
 *  - capability code never imports the web framework, the database layer or drivers, or React, nor
 *    store/, server/, cli/ or demo/ (those compose capabilities, not the other way round);
 *  - a capability imports another only through its index.ts (core, the shared foundation, excepted);
 *  - core imports no other folder, geo only core.
 *  - no circle of folders among the capabilities (calls → demo → emissions → calls was one).
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

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

/** Every import of the capabilities' source files: [from, specifier], paths relative to src. */
function* capabilityImports(src: string): Generator<[from: string, spec: string]> {
  for (const file of sourceFiles(src)) {
    const from = path.relative(src, file);
    if (!CAPABILITIES.has(from.split(path.sep)[0] as string)) continue;
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)";/gms))
      yield [from, m[1] as string];
  }
}

const folderOf = (p: string) => p.split(path.sep)[0] as string;

/** Every rule an import of src/ breaks, as "from → to (why)". */
function breaches(src: string): string[] {
  const found = new Set<string>();
  for (const [from, spec] of capabilityImports(src)) {
    const folder = folderOf(from);
    if (!spec.startsWith(".")) {
      if (FORBIDDEN_PACKAGES.some((r) => r.test(spec)))
        found.add(`${from} → ${spec} (a framework or driver)`);
      continue;
    }
    const to = path.relative(src, path.resolve(path.dirname(path.join(src, from)), spec));
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
  return [...found].sort();
}

/** Circles in the graph of capability folders, each as "a → b → a" starting from its smallest name. */
function folderCircles(src: string): string[] {
  const edges = new Map<string, Set<string>>();
  for (const [from, spec] of capabilityImports(src)) {
    if (!spec.startsWith(".")) continue;
    const a = folderOf(from);
    const b = folderOf(path.relative(src, path.resolve(path.dirname(path.join(src, from)), spec)));
    if (a !== b && CAPABILITIES.has(b)) edges.set(a, (edges.get(a) ?? new Set()).add(b));
  }
  const circles = new Set<string>();
  const walk = (start: string, at: string, trail: string[]) => {
    for (const next of edges.get(at) ?? []) {
      if (next === start) circles.add([...trail, start].join(" → "));
      else if (!trail.includes(next) && next > start) walk(start, next, [...trail, next]);
    }
  };
  for (const start of [...edges.keys()].sort()) walk(start, start, [start]);
  return [...circles].sort();
}

describe("source structure (DESIGN.md)", () => {
  it("breaks no import rule", () => {
    expect(breaches(SRC)).toEqual([]);
  });

  it("has no circle of capability folders", () => {
    expect(folderCircles(SRC)).toEqual([]);
  });

  it("sees a circle of folders (the reader is not blind)", () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), "sp-structure-"));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      fs.writeFileSync(path.join(tree, file), text);
    };
    write("calls/a.ts", 'import { e } from "../emissions/index.ts";\n');
    write("emissions/b.ts", 'import { v } from "../vessels/index.ts";\n');
    write("vessels/c.ts", 'import { c } from "../calls/index.ts";\nimport { t } from "../core/time.ts";\n');
    write("ais/d.ts", 'import { c } from "../calls/index.ts";\n');
    try {
      expect(folderCircles(tree)).toEqual(["calls → emissions → vessels → calls"]);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
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

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateOpenApiText, OPENAPI_FILE } from "./openapi.ts";
import { REPO_ROOT } from "./paths.ts";

describe("committed OpenAPI document", () => {
  it("matches the API (run `npm run openapi` after changing a route)", async () => {
    const committed = fs.readFileSync(OPENAPI_FILE, "utf8");
    expect(await generateOpenApiText()).toBe(committed);
  });

  it("lints clean with Redocly CLI's recommended rules (redocly.yaml)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-openapi-"));
    const file = path.join(dir, "openapi.json");
    try {
      fs.writeFileSync(file, await generateOpenApiText());
      const cli = path.join(REPO_ROOT, "node_modules", "@redocly", "cli", "bin", "cli.js");
      // Exit status 1 on any error; its JSON report lists every problem, errors and warnings.
      const run = () =>
        execFileSync(
          process.execPath,
          [cli, "lint", file, "--format=json", `--config=${path.join(REPO_ROOT, "redocly.yaml")}`],
          {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, REDOCLY_TELEMETRY: "off" },
          },
        );
      let out: string;
      try {
        out = run();
      } catch (error) {
        out = (error as { stdout?: string }).stdout ?? "";
      }
      const report = JSON.parse(out.slice(out.indexOf("{"))) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; message: string; severity: string }[];
      };
      expect(report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("is OpenAPI 3.1 with servers, and says who may use every operation", async () => {
    const doc = JSON.parse(await generateOpenApiText()) as {
      openapi: string;
      servers: unknown[];
      paths: Record<string, Record<string, { "x-access"?: string[] }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers.length).toBeGreaterThan(0);
    const audiences = ["public", "analyst", "terminal", "trucking", "partner", "sister_port", "admin"];
    for (const [p, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        expect(op["x-access"], `${method} ${p}`).toBeDefined();
        for (const a of op["x-access"] ?? []) expect(audiences, `${method} ${p}`).toContain(a);
      }
  });
});

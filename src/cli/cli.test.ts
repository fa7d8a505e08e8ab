import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../server/paths.ts";

// The real entry point, as `npx sisterports` runs it: a new process with its own environment.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-cli-"));
function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "sisterports.mjs"), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, SP_DATA_DIR: dataDir, SP_LANG: "en", ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("sisterports CLI", () => {
  it("prints help for every command group", () => {
    const top = run(["--help"]);
    expect(top.code).toBe(0);
    for (const command of ["serve", "db", "ports", "ais", "openapi"]) expect(top.stdout).toContain(command);
    const ports = run(["ports", "--help"]);
    expect(ports.stdout).toContain("show");
  });

  it("lists both ports as JSON for machines", () => {
    const result = run(["ports", "list", "--json"]);
    expect(result.code).toBe(0);
    const ports = JSON.parse(result.stdout) as { locode: string; timeZone: string; terminalCount: number }[];
    expect(ports.map((p) => [p.locode, p.timeZone])).toEqual([
      ["USLAX", "America/Los_Angeles"],
      ["JPNGO", "Asia/Tokyo"],
    ]);
    for (const port of ports) expect(port.terminalCount).toBeGreaterThanOrEqual(5);
  });

  it("shows a port's terminals in English and in Japanese", () => {
    const en = run(["ports", "show", "USLAX"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("Port of Los Angeles");
    expect(en.stdout).toContain("APM Terminals");
    const ja = run(["ports", "show", "jpngo"], { SP_LANG: "ja" });
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain("名古屋港");
    expect(ja.stdout).toContain("ターミナル");
  });

  it("exits by error kind: not found 4, invalid configuration 3, usage 2", () => {
    const missing = run(["ports", "show", "NLRTM", "--json"]);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: "not_found" } });
    const badConfig = run(["db", "migrate"], { SP_DATABASE_URL: "mysql://nope", SP_LOG_LEVEL: "loud" });
    expect(badConfig.code).toBe(3);
    expect(badConfig.stderr).toContain("SP_DATABASE_URL");
    expect(badConfig.stderr).toContain("SP_LOG_LEVEL");
    expect(run(["ports", "frobnicate"]).code).toBe(2);
  });

  it("migrates a new database and loads the ports once", () => {
    const first = JSON.parse(run(["db", "migrate", "--json"]).stdout);
    expect(first).toMatchObject({ database: "sqlite", ports: { inserted: 2, updated: 0, unchanged: 0 } });
    expect(first.applied.length).toBeGreaterThan(0);
    const again = JSON.parse(run(["db", "migrate", "--json"]).stdout);
    expect(again).toMatchObject({ applied: [], ports: { inserted: 0, updated: 0, unchanged: 2 } });
    const status = JSON.parse(run(["db", "status", "--json"]).stdout);
    expect(status.pending).toEqual([]);
  });
});

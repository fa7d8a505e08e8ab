import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../server/paths.ts";
import { importReportLines, rejectsCsv } from "./cli.ts";

// The real entry point, as `npx sisterports` runs it: a new process with its own database.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-nonship-cli-"));
function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "sisterports.mjs"), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, SP_DATA_DIR: dataDir, SP_LANG: "en", SP_DEMO: "off", ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const HEADER = "unit_id,terminal,equipment_type,powertrain,rated_hp,model_year,year,month,hours";
const good = Array.from(
  { length: 5 },
  (_, i) => `YT-${i},uslax-terminal-yti,yard tractor,diesel,200,2018,2025,1,150`,
);
const bad = Array.from(
  { length: 23 },
  (_, i) => `BAD-${i},uslax-terminal-yti,yard tractor,diesel,200,2018,2025,14,150`,
);
const che = path.join(dataDir, "che.csv.gz");
fs.writeFileSync(che, gzipSync(Buffer.from([HEADER, ...good, ...bad].join("\n"))));

describe("emissions import (real entry point)", () => {
  it("prints counts and the first 20 rejects, writes all rejects, and re-import adds nothing", () => {
    const rejectsFile = path.join(dataDir, "rejects.csv");
    const first = run(["emissions", "import", "che", che, "--port", "uslax", "--rejects", rejectsFile]);
    expect(first.stderr).not.toContain("Error:");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${che} (che): read 28, accepted 5, rejected 23, duplicates 0`);
    expect(first.stderr).toContain(`  ${che}:7 month: 14 must be at most 12`);
    expect(first.stderr).toContain("  … and 3 more");
    const csv = fs.readFileSync(rejectsFile, "utf8").trim().split("\n");
    expect(csv[0]).toBe("file,line,field,reason,text");
    expect(csv).toHaveLength(24);

    const again = run(["emissions", "import", "che", che, "--port", "USLAX", "--json"]);
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout) as { counts: Record<string, number> }[];
    expect(json[0]!.counts).toEqual({
      read: 28,
      accepted: 0,
      added: 0,
      updated: 0,
      rejected: 23,
      duplicates: 5,
    });

    const ja = run(["emissions", "import", "che", che, "--port", "USLAX"], { SP_LANG: "ja" });
    expect(ja.stdout).toContain("読込 28 件、採用 0 件、却下 23 件、重複 5 件");
  }, 180_000);

  it("emissions trace shows a unit's steps in the CLI's language (after the import above)", () => {
    const args = [
      "emissions",
      "trace",
      "--port",
      "USLAX",
      "--year",
      "2025",
      "--category",
      "che",
      "--source",
      "che:YT-0",
    ];
    const en = run(args);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("yard tractor (diesel) YT-0  NOx");
    expect(en.stdout).toContain("hp·h at rated power (200 hp × 150.00 h)");
    expect(en.stdout).toMatch(/load factor \(che_load_factors\.csv: line \d+ — Terminal Tractors/);
    expect(en.stdout).toContain("DF = 1 + 0.008 × min(");
    const ja = run(args, { SP_LANG: "ja" });
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain("ヤードトラクター（ディーゼル）YT-0  NOx");
    expect(ja.stdout).toContain("定格出力換算 hp·h（200 hp × 150.00 h）");
    expect(ja.stdout).toMatch(/負荷率（che_load_factors\.csv: line \d+ — Terminal Tractors/);
    expect(ja.stdout).toContain("劣化係数 DF = 1 + 0.008 × min(");
    expect(ja.stdout).toContain("直接排出");
    expect(ja.stdout).not.toContain("YT-0  NOx    30,000 hp·h at rated power");
    expect(ja.stdout).not.toContain("load factor (");
  }, 120_000);

  it("an unknown port or a missing file is an error with its exit code", () => {
    const port = run(["emissions", "import", "factors", che, "--port", "NLRTM"]);
    expect(port.code).toBe(3);
    expect(port.stderr).toContain("unknown port NLRTM");
    const missing = run([
      "emissions",
      "import",
      "rail",
      path.join(dataDir, "nope.csv"),
      "--port",
      "JPNGO",
      "--json",
    ]);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: "not_found" } });
  }, 120_000);
});

describe("report helpers", () => {
  it("format a file's summary, its rejects and the rejects CSV", () => {
    const rejects = [{ file: "a.csv", line: 3, field: "tier", reason: 'bad "x", y', text: 'a,"b"' }];
    const lines = importReportLines({
      file: "a.csv",
      kind: "rail",
      port: "USLAX",
      counts: { read: 4, accepted: 2, added: 1, updated: 1, rejected: 1, duplicates: 1 },
      rejects,
      ignoredColumns: ["note"],
    });
    expect(lines.out).toEqual([
      "a.csv (rail): read 4, accepted 2, rejected 1, duplicates 1",
      "  1 new, 1 updated",
    ]);
    expect(lines.err).toEqual(['  a.csv:3 tier: bad "x", y', "  ignored columns: note"]);
    expect(rejectsCsv(rejects)).toBe('file,line,field,reason,text\na.csv,3,tier,"bad ""x"", y","a,""b"""\n');
  });
});

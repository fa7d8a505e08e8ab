import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it, vi } from "vitest";
import { MARINECADASTRE_HEADER } from "../ais/marinecadastre.ts";
import { registerDemoCommand } from "./cli.ts";
import { VESSELS_CSV_HEADER } from "./writers.ts";

const dir = mkdtempSync(join(tmpdir(), "sp-demo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("demo command", () => {
  it("writes every file and a summary", async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
      out.push(String(s));
      return true;
    });
    const spyErr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const program = new Command().exitOverride();
      registerDemoCommand(program);
      await program.parseAsync(
        ["demo", "--seed", "4", "--days", "0.2", "--scale", "0.3", "--out", dir, "--noise", "0.001"],
        { from: "user" },
      );
    } finally {
      spy.mockRestore();
      spyErr.mockRestore();
    }
    for (const f of [
      "USLAX.nmea",
      "JPNGO.nmea",
      "USLAX.csv",
      "JPNGO.csv",
      "USLAX.truth.json",
      "JPNGO.truth.json",
      "vessels.csv",
    ])
      expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readFileSync(join(dir, "USLAX.csv"), "utf8").split("\n")[0]).toBe(MARINECADASTRE_HEADER);
    expect(readFileSync(join(dir, "vessels.csv"), "utf8").split("\n")[0]).toBe(VESSELS_CSV_HEADER);
    const truth = JSON.parse(readFileSync(join(dir, "JPNGO.truth.json"), "utf8"));
    expect(truth.port).toBe("JPNGO");
    expect(Array.isArray(truth.calls)).toBe(true);
    const summary = out.join("");
    expect(summary).toMatch(/vessels: \d+/);
    expect(summary).toMatch(/calls: USLAX \d+, JPNGO \d+/);
    expect(summary).toMatch(/USLAX\.nmea: \d+ lines/);
  });

  it("rejects a bad port", async () => {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
    registerDemoCommand(program);
    await expect(program.parseAsync(["demo", "--port", "XXABC"], { from: "user" })).rejects.toThrow(
      /port must be/,
    );
  });
});

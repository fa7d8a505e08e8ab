/** The commands that publish after they store data must be commands the program has. */
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgramFor } from "./main.ts";
import { commandPath, SHARED_DATA_COMMANDS } from "./publish-after.ts";

function allPaths(command: Command): string[] {
  return command.commands.flatMap((c) => [commandPath(c), ...allPaths(c)]);
}

describe("publish after a command", () => {
  it("names only commands the program registers (a renamed command would stop publishing)", async () => {
    expect(SHARED_DATA_COMMANDS.size).toBe(6);
    for (const name of SHARED_DATA_COMMANDS) {
      // Each group registers its commands when its name is on the command line (groups.ts).
      const program = await buildProgramFor(["node", "sisterports", ...name.split(" ")]);
      expect(allPaths(program), name).toContain(name);
    }
  });
});

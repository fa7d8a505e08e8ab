import { describe, expect, it } from "vitest";
import { opsMsg } from "./messages.ts";

describe("ops messages", () => {
  it("speak English and Japanese", () => {
    expect(opsMsg("colVisits", {}, "en")).toBe("truck visits");
    expect(opsMsg("noData", { port: "JPNGO" }, "ja")).toContain("JPNGO");
  });
});

import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { generateOpenApiText, OPENAPI_FILE } from "./openapi.ts";

describe("committed OpenAPI document", () => {
  it("matches the API (run `npm run openapi` after changing a route)", async () => {
    const committed = fs.readFileSync(OPENAPI_FILE, "utf8");
    expect(await generateOpenApiText()).toBe(committed);
  });
});

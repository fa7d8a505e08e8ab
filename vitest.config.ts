import { defineConfig } from "vitest/config";

// Tests run in UTC so that nothing passes only in the developer's zone (DESIGN.md, Tests).
process.env.TZ = "UTC";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "web/src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "web/dist/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: "UTC" },
  },
});

import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
// The dev server forwards the API to a running `sisterports serve` (override with SP_API_TARGET).
const apiTarget = process.env["SP_API_TARGET"] ?? "http://127.0.0.1:8080";

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    // maplibre-gl alone is ~1 MB minified; it sits in its own lazy chunk.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { "/api": { target: apiTarget, changeOrigin: true } },
  },
});

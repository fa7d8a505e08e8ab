/** The OpenAPI document as committed in openapi/openapi.json, so API changes show in review. */
import path from "node:path";
import { openStore } from "../store/index.ts";
import { buildApp } from "./app.ts";
import { REPO_ROOT } from "./paths.ts";

export const OPENAPI_FILE = path.join(REPO_ROOT, "openapi", "openapi.json");

/** Stable text of the generated document (two-space JSON, trailing newline). */
export async function generateOpenApiText(): Promise<string> {
  // Routes are only described, never called: an in-memory database is enough.
  const store = openStore({ databaseUrl: "sqlite::memory:" });
  await store.migrate();
  const app = await buildApp({ store });
  await app.ready();
  const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await store.close();
  return text;
}

/**
 * Configuration, read once at start-up: command-line flags win over `SP_*` environment variables,
 * which win over defaults. Every bad value is listed at once in one DomainError.
 */
import path from "node:path";
import { DomainError, type FieldIssue } from "./errors.ts";
import { type Language, terminalLanguage } from "./language.ts";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export interface AppConfig {
  /** TCP port the server listens on. */
  port: number;
  /** Address the server binds to; `localhost` by default, `0.0.0.0` to serve other machines. */
  host: string;
  /** Folder for the embedded database and other local state. */
  dataDir: string;
  /** `postgres://…` for PostgreSQL, otherwise `sqlite:<file>` (default: `<dataDir>/sisterports.sqlite`). */
  databaseUrl: string;
  databaseKind: "sqlite" | "postgres";
  logLevel: LogLevel;
  /** Load the demo data into an empty database at start-up. */
  loadDemo: boolean;
  /** The language of messages and tables: --lang, else SP_LANG, else the locale (LC_ALL, LANG). */
  language: Language;
  /** Seconds between the exchange's syncs (a consumer pulls, a provider publishes): SP_EXCHANGE_SYNC_S, default 300. */
  exchangeSyncS: number;
}

/** Values as given on the command line (already split by the CLI parser); undefined = not given. */
export interface ConfigFlags {
  port?: string | number | undefined;
  host?: string | undefined;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  logLevel?: string | undefined;
  demo?: string | boolean | undefined;
  lang?: string | undefined;
}

interface Source {
  value: string;
  origin: string;
}

function pick(
  flag: unknown,
  flagName: string,
  env: NodeJS.ProcessEnv,
  envNames: string[],
): Source | undefined {
  if (flag !== undefined && flag !== null && flag !== "") return { value: String(flag), origin: flagName };
  for (const name of envNames) {
    const value = env[name];
    if (value !== undefined && value !== "") return { value, origin: name };
  }
  return undefined;
}

/**
 * Parses configuration from flags and environment. Example: with `PORT=9000` and `--data-dir /x`
 * the result has `port: 9000`, `dataDir: "/x"`, `databaseUrl: "sqlite:/x/sisterports.sqlite"`.
 */
export function parseConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const issues: FieldIssue[] = [];

  let port = 8080;
  const portSource = pick(flags.port, "--port", env, ["SP_PORT", "PORT"]);
  if (portSource) {
    const n = Number(portSource.value);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      issues.push({ field: portSource.origin, reason: `"${portSource.value}" is not a TCP port (0-65535)` });
    } else port = n;
  }

  const host = pick(flags.host, "--host", env, ["SP_HOST"])?.value ?? "localhost";

  const dataDir = path.resolve(cwd, pick(flags.dataDir, "--data-dir", env, ["SP_DATA_DIR"])?.value ?? "var");

  let databaseUrl = `sqlite:${path.join(dataDir, "sisterports.sqlite")}`;
  let databaseKind: AppConfig["databaseKind"] = "sqlite";
  const urlSource = pick(flags.databaseUrl, "--database-url", env, ["SP_DATABASE_URL"]);
  if (urlSource) {
    const url = urlSource.value;
    if (/^postgres(ql)?:\/\//.test(url)) {
      databaseUrl = url;
      databaseKind = "postgres";
    } else if (url.startsWith("sqlite:")) {
      const file = url.slice("sqlite:".length);
      if (file === "")
        issues.push({ field: urlSource.origin, reason: "sqlite: needs a file path (or :memory:)" });
      databaseUrl = file === ":memory:" ? url : `sqlite:${path.resolve(cwd, file)}`;
    } else {
      issues.push({
        field: urlSource.origin,
        reason: `"${url}" is neither postgres://… nor sqlite:<file>`,
      });
    }
  }

  let logLevel: LogLevel = "info";
  const levelSource = pick(flags.logLevel, "--log-level", env, ["SP_LOG_LEVEL"]);
  if (levelSource) {
    if ((LOG_LEVELS as readonly string[]).includes(levelSource.value))
      logLevel = levelSource.value as LogLevel;
    else
      issues.push({
        field: levelSource.origin,
        reason: `"${levelSource.value}" is not one of ${LOG_LEVELS.join(", ")}`,
      });
  }

  let loadDemo = true;
  const demoSource = pick(flags.demo, "--demo", env, ["SP_DEMO"]);
  if (demoSource) {
    const v = demoSource.value.toLowerCase();
    if (["1", "true", "on", "yes", "auto"].includes(v)) loadDemo = true;
    else if (["0", "false", "off", "no"].includes(v)) loadDemo = false;
    else issues.push({ field: demoSource.origin, reason: `"${demoSource.value}" is not on/off` });
  }

  let language = terminalLanguage(env);
  if (flags.lang !== undefined && flags.lang !== "") {
    if (flags.lang === "en" || flags.lang === "ja") language = flags.lang;
    else issues.push({ field: "--lang", reason: `"${flags.lang}" is not en or ja` });
  }

  let exchangeSyncS = 300;
  const syncSource = pick(undefined, "", env, ["SP_EXCHANGE_SYNC_S"]);
  if (syncSource) {
    const n = Number(syncSource.value);
    if (Number.isInteger(n) && n >= 1 && n <= 86_400) exchangeSyncS = n;
    else
      issues.push({
        field: syncSource.origin,
        reason: `"${syncSource.value}" is not a whole number of seconds (1-86400)`,
      });
  }

  if (issues.length > 0) {
    const list = issues.map((i) => `${i.field}: ${i.reason}`).join("; ");
    throw new DomainError("validation", `invalid configuration: ${list}`, issues);
  }
  return { port, host, dataDir, databaseUrl, databaseKind, logLevel, loadDemo, language, exchangeSyncS };
}

/**
 * Configuration, read once at start-up: command-line flags win over `SP_*` environment variables,
 * which win over defaults. Every bad value is listed at once in one DomainError.
 */
import { isIP } from "node:net";
import path from "node:path";
import { DomainError, type FieldIssue } from "./errors.ts";
import { type Language, terminalLanguage } from "./language.ts";
import { parseCidr } from "./net-address.ts";

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
  /**
   * Which addresses refused as alert webhook targets (loopback, private, link-local, …: see
   * operations/webhook-targets.ts) this node may call all the same: `SP_ALERTS_ALLOW_PRIVATE=1`
   * for all (receivers on the node's own network, tests), or a comma-separated list of CIDR
   * ranges (`10.20.0.0/16,fd00::/8`); none by default.
   */
  alertTargets: { allowPrivate: boolean; allowCidrs: string[] };
  /**
   * Whose X-Forwarded-For the server believes (SP_TRUST_PROXY): false (default: nobody's — the
   * client address is the TCP peer's, for the audit log and the rate limits); a number of proxy hops;
   * or the proxies' addresses and CIDRs (and proxy-addr's names loopback, linklocal, uniquelocal).
   */
  trustProxy: false | number | string[];
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
  trustProxy?: string | undefined;
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
  const alertTargets: AppConfig["alertTargets"] = { allowPrivate: false, allowCidrs: [] };
  const allowSource = pick(undefined, "", env, ["SP_ALERTS_ALLOW_PRIVATE"]);
  if (allowSource) {
    const v = allowSource.value.trim().toLowerCase();
    if (["1", "true", "on", "yes"].includes(v)) alertTargets.allowPrivate = true;
    else if (!["0", "false", "off", "no"].includes(v)) {
      const items = allowSource.value.split(",").map((x) => x.trim());
      const bad = items.filter((x) => parseCidr(x) === null);
      if (bad.length > 0)
        issues.push({
          field: allowSource.origin,
          reason: `${bad.map((b) => `"${b}"`).join(", ")}: expected 1, 0 or CIDR ranges such as 10.0.0.0/8,fd00::/8`,
        });
      else alertTargets.allowCidrs = items;
    }
  }
  let trustProxy: AppConfig["trustProxy"] = false;
  const proxySource = pick(flags.trustProxy, "--trust-proxy", env, ["SP_TRUST_PROXY"]);
  if (proxySource) {
    const parsed = parseTrustProxy(proxySource.value);
    if (typeof parsed === "object" && !Array.isArray(parsed))
      issues.push({ field: proxySource.origin, reason: parsed.reason });
    else trustProxy = parsed;
  }

  if (issues.length > 0) {
    const list = issues.map((i) => `${i.field}: ${i.reason}`).join("; ");
    throw new DomainError("validation", `invalid configuration: ${list}`, issues);
  }
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    databaseKind,
    logLevel,
    loadDemo,
    language,
    exchangeSyncS,
    alertTargets,
    trustProxy,
  };
}

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * SP_TRUST_PROXY: "off" (or "false", "0") → false; a whole number of hops → that number; otherwise
 * a comma-separated list of addresses, CIDRs or proxy-addr's names. "on" / "true" (believe anyone's
 * header) is refused: any client could then choose the address the audit log and limits see.
 * Example: "10.0.0.0/8, loopback" → ["10.0.0.0/8", "loopback"]; "2" → 2; "off" → false;
 * "10.0.0.0/33" → { reason: … }.
 */
export function parseTrustProxy(text: string): false | number | string[] | { reason: string } {
  const t = text.trim().toLowerCase();
  if (t === "" || t === "off" || t === "false" || t === "0" || t === "no") return false;
  if (/^\d+$/.test(t)) return Number(t);
  if (t === "on" || t === "true" || t === "yes" || t === "*")
    return {
      reason: `"${text}" would believe any client's X-Forwarded-For: name the proxies (CIDRs) or a hop count`,
    };
  const entries = t
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  for (const e of entries) {
    if (PROXY_NAMES.has(e)) continue;
    const [address = "", prefix, extra] = e.split("/");
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || extra !== undefined)
      return { reason: `"${e}" is not an IP address, a CIDR or one of ${[...PROXY_NAMES].join(", ")}` };
  }
  return entries;
}

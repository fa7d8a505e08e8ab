import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";
import { DomainError } from "./errors.ts";

describe("parseConfig", () => {
  it("uses defaults on an empty environment", () => {
    const config = parseConfig({}, {}, "/srv/app");
    expect(config).toEqual({
      port: 8080,
      host: "localhost",
      dataDir: "/srv/app/var",
      databaseUrl: `sqlite:${path.join("/srv/app/var", "sisterports.sqlite")}`,
      databaseKind: "sqlite",
      logLevel: "info",
      loadDemo: true,
      language: "en",
      exchangeSyncS: 300,
    });
    // SP_EXCHANGE_SYNC_S: whole seconds, 1 to a day.
    expect(parseConfig({}, { SP_EXCHANGE_SYNC_S: "2" }, "/x").exchangeSyncS).toBe(2);
    expect(() => parseConfig({}, { SP_EXCHANGE_SYNC_S: "0.5" }, "/x")).toThrow(/SP_EXCHANGE_SYNC_S/);
  });

  it("takes flags over SP_* over PORT over defaults", () => {
    expect(parseConfig({}, { PORT: "9000" }, "/x").port).toBe(9000);
    expect(parseConfig({}, { PORT: "9000", SP_PORT: "9100" }, "/x").port).toBe(9100);
    expect(parseConfig({ port: "9200" }, { PORT: "9000", SP_PORT: "9100" }, "/x").port).toBe(9200);
    const pgConfig = parseConfig(
      {},
      { SP_DATABASE_URL: "postgres://u@h:5432/db", SP_DATA_DIR: "/data" },
      "/x",
    );
    expect(pgConfig.databaseKind).toBe("postgres");
    expect(pgConfig.dataDir).toBe("/data");
    expect(parseConfig({ dataDir: "d" }, { SP_DATA_DIR: "/data" }, "/x").databaseUrl).toBe(
      "sqlite:/x/d/sisterports.sqlite",
    );
    expect(parseConfig({}, { LANG: "ja_JP.UTF-8" }, "/x").language).toBe("ja");
    expect(parseConfig({ lang: "en" }, { SP_LANG: "ja" }, "/x").language).toBe("en");
    expect(() => parseConfig({ lang: "fr" }, {}, "/x")).toThrow(/--lang: "fr" is not en or ja/);
    expect(parseConfig({ demo: "off" }, {}, "/x").loadDemo).toBe(false);
  });

  it("lists every bad value at once", () => {
    let error: unknown;
    try {
      parseConfig(
        { port: "80a" },
        { SP_DATABASE_URL: "mysql://x", SP_LOG_LEVEL: "loud", SP_DEMO: "maybe" },
        "/x",
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const domainError = error as DomainError;
    expect(domainError.code).toBe("validation");
    expect(domainError.issues.map((i) => i.field)).toEqual([
      "--port",
      "SP_DATABASE_URL",
      "SP_LOG_LEVEL",
      "SP_DEMO",
    ]);
  });
});

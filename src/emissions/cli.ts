/**
 * `emissions inventory|export|progress|sources|baseline set|baseline list` (the calculator
 * commands `factors|power|loads|call` are in ogv/cli.ts, the activity imports in nonship/cli.ts).
 * The CLI composes: these commands get an opener for the configured database.
 */
import fs from "node:fs";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import { type Language, terminalLanguage } from "../core/language.ts";
import { messages } from "../core/messages.ts";
import { printJson, printTable } from "../core/text-table.ts";
import { convertMass, gramsToTonnes } from "../core/units.ts";
import { inventoryLinesCsv, inventorySummaryCsv, type MassColumnUnit } from "./export.ts";
import {
  GWP_SETS,
  type GwpSet,
  POLLUTANT_LABELS,
  POLLUTANTS,
  type Pollutant,
  SOURCE_CATEGORIES,
  type SourceCategory,
} from "./model.ts";
import { isNonshipMessageKey, nonshipMessage } from "./nonship/index.ts";
import { DEFAULT_OGV_OPTIONS } from "./ogv/index.ts";
import {
  computeInventory,
  defaultInventoryOptions,
  type EmissionsServiceDeps,
  type InventoryReport,
  nonshipSourceTrace,
  type ProgressReport,
  progressReport,
  reportingYearAt,
} from "./service.ts";
import { renderStep, renderTrace, unitText } from "./trace-text.ts";
import type { InventoryWarning } from "./wire.ts";

export type OpenEmissionsDeps = () => Promise<EmissionsServiceDeps & { close(): Promise<void> }>;

const TEXT = {
  en: {
    title: "{port} emissions inventory {label} ({first} – {last}, {zone})",
    method:
      "Method {version}; GWP {gwp}; OGV {ogvMethod}, sea margin {sm} %, {bsfc} BSFC, LLAF {llaf}, aux loads {aux}",
    units:
      "Figures in {unit}. Tailpipe (direct) emissions; grid electricity and upstream fuel are shown apart.",
    category: "Source category",
    sources: "Sources",
    total: "Total",
    grid: "Grid electricity (shore power, battery equipment), t CO2e:",
    upstream: "Upstream fuel production (hydrogen, well-to-tank), t CO2e:",
    coverage:
      "Coverage: {calls} port calls ({estimated} with vessel particulars estimated from AIS), {unaccounted} h of AIS gaps not estimated.",
    warnings: "Notes:",
    ogv_coverage:
      "Ocean-going vessels: port calls cover {days} of the year's {yearDays} days (AIS from {from} to {to}); the other categories cover the months their records name",
    estimated_particulars:
      "{estimated} of {calls} calls: vessel particulars estimated from AIS type and size (no imported particulars)",
    progress: "Progress against targets",
    noBaseline:
      '{program} {pollutant}: no {year} baseline entered — npx sisterports emissions baseline set --port {port} --pollutant {key} --year {year} --tonnes N --source "…"',
    targetLine:
      "{program} {pollutant} −{pct} % by {target} vs {year}: {label} {tonnes} t = {change} % (path {path} %, {gap})",
    baselineLine: "baseline {year}: {baseline} t — {source}",
    ahead: "ahead by {n} points",
    behind: "behind by {n} points",
    share: "{program}: {metric} → {pct} % by {year}: {values}",
    shareNone: "no data yet",
    computing: "Computing",
    baselineSaved: "Baseline {port} {pollutant} {year}: {tonnes} t ({status}).",
    ogv: "Ocean-going vessels",
    harbor_craft: "Harbour craft",
    che: "Cargo-handling equipment",
    drayage: "Drayage trucks",
    rail: "Rail",
    traceLine: "{label} — {scope}, {month}: {activity}",
    colActivity: "activity",
    colFactor: "factor",
    colAdjustments: "adjustments",
    colSource: "source",
    tailpipe: "tailpipe",
    gridScope: "grid",
    upstreamScope: "upstream",
  },
  ja: {
    title: "{port} 排出量インベントリ {label}（{first} ～ {last}、{zone}）",
    method:
      "手法 {version}、GWP {gwp}、外航船 {ogvMethod}、シーマージン {sm} %、BSFC {bsfc}、低負荷補正 {llaf}、補機負荷 {aux}",
    units: "単位: {unit}。排気管からの直接排出。系統電力と上流の燃料製造は別掲。",
    category: "排出源区分",
    sources: "排出源数",
    total: "合計",
    grid: "系統電力（陸上電力、電動機器）t CO2e:",
    upstream: "上流の燃料製造（水素、Well-to-Tank）t CO2e:",
    coverage:
      "対象: 入港 {calls} 件（うち {estimated} 件は船舶諸元を AIS から推定）、AIS 欠測 {unaccounted} 時間は推計対象外。",
    warnings: "注記:",
    ogv_coverage:
      "外航船舶: 入港データは年間 {yearDays} 日のうち {days} 日分です（AIS {from} ～ {to}）。他の区分は記録にある月を対象としています",
    estimated_particulars:
      "入港 {calls} 件のうち {estimated} 件: 船舶諸元を AIS の船種と寸法から推定しました（諸元の取り込みなし）",
    progress: "目標に対する進捗",
    noBaseline:
      '{program} {pollutant}: {year} 年の基準値が未登録です — npx sisterports emissions baseline set --port {port} --pollutant {key} --year {year} --tonnes N --source "…"',
    targetLine:
      "{program} {pollutant} {year} 比 {target} 年までに −{pct} %: {label} {tonnes} t = {change} %（目標経路 {path} %、{gap}）",
    baselineLine: "基準値 {year}: {baseline} t — {source}",
    ahead: "{n} ポイント先行",
    behind: "{n} ポイント遅れ",
    share: "{program}: {metric} → {year} 年までに {pct} %: {values}",
    shareNone: "データなし",
    computing: "計算中",
    baselineSaved: "基準値 {port} {pollutant} {year}: {tonnes} t（{status}）。",
    ogv: "外航船舶",
    harbor_craft: "港内作業船",
    che: "荷役機械",
    drayage: "ドレージトラック",
    rail: "鉄道",
    traceLine: "{label} — {scope}、{month}: {activity}",
    colActivity: "活動量",
    colFactor: "係数",
    colAdjustments: "補正",
    colSource: "出典",
    tailpipe: "直接排出",
    gridScope: "系統電力",
    upstreamScope: "上流",
  },
} as const;

type TextKey = keyof (typeof TEXT)["en"];
const t = messages(TEXT);

/**
 * An inventory warning in the terminal's language: the inventory's own codes here, the non-ship
 * codes from their catalog, a sentence stored before codes as it was written.
 */
export function warningText(w: InventoryWarning, lang: Language = terminalLanguage()): string {
  if (w.code === "text") return String(w.params.text ?? "");
  if (w.code === "ogv_coverage" || w.code === "estimated_particulars") return t(w.code, w.params, lang);
  if (isNonshipMessageKey(w.code)) return nonshipMessage(w.code, w.params, lang);
  return `${w.code} ${JSON.stringify(w.params)}`;
}

/** Three significant figures, thousands separated; "0" only for zero. */
export function formatTonnes(v: number): string {
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1000) return Math.round(v).toLocaleString("en-US");
  return Number(v.toPrecision(3)).toLocaleString("en-US", { maximumFractionDigits: 6 });
}

function parsePort(value: string | undefined): string {
  if (!value) throw new DomainError("validation", "--port: required (USLAX or JPNGO)");
  return value.toUpperCase();
}

function parseYear(value: string | undefined, fallback: () => number): number {
  if (value === undefined) return fallback();
  const y = Number(value.replace(/^FY/i, ""));
  if (!Number.isInteger(y) || y < 1990 || y > 2100)
    throw new DomainError("validation", `--year: a year such as 2025 or FY2025, not ${value}`);
  return y;
}

function parseGwp(value: string | undefined): GwpSet {
  const v = (value ?? DEFAULT_OGV_OPTIONS.gwp).toUpperCase();
  if (!(GWP_SETS as readonly string[]).includes(v))
    throw new DomainError("validation", `--gwp: one of ${GWP_SETS.join(", ")}, not ${value}`);
  return v as GwpSet;
}

function parseUnit(value: string | undefined): MassColumnUnit {
  if (value === undefined || value === "t") return "t";
  if (value === "short_ton" || value === "short-ton" || value === "ton") return "short_ton";
  throw new DomainError(
    "validation",
    `--units: t (metric tonnes) or short_ton (US short tons), not ${value}`,
  );
}

function printInventory(report: InventoryReport, unit: MassColumnUnit, portName: string): void {
  const f = convertMass(1, report.unit, unit);
  const meta = report.meta;
  const ogv = meta.options?.ogv ?? {};
  const out = process.stdout;
  out.write(
    `${t("title", { port: portName, label: report.label, first: report.firstDay, last: report.lastDay, zone: report.timeZone })}\n`,
  );
  out.write(
    `${t("method", {
      version: report.methodVersion,
      gwp: String(meta.options?.gwp ?? ""),
      ogvMethod: String(ogv.method ?? ""),
      sm: String(ogv.seaMarginPct ?? ""),
      bsfc: ogv.loadBasedBsfc ? "load-based" : "baseline",
      llaf: String(ogv.llafMethod ?? ""),
      aux: String(ogv.auxLoadTable ?? ""),
    })}\n`,
  );
  out.write(`${t("units", { unit: unit === "t" ? "metric tonnes (t)" : "US short tons" })}\n\n`);
  const tail = report.scopes.tailpipe;
  const rows = tail.byCategory.map((c) => [
    t(c.category as TextKey),
    c.sources,
    ...POLLUTANTS.map((p) => formatTonnes(c.tonnes[p] * f)),
  ]);
  rows.push([t("total"), "", ...POLLUTANTS.map((p) => formatTonnes(tail.total[p] * f))]);
  printTable([t("category"), t("sources"), ...POLLUTANTS.map((p) => POLLUTANT_LABELS[p])], rows);
  for (const scope of ["grid", "upstream"] as const) {
    const s = report.scopes[scope];
    if (s.byCategory.length === 0) continue;
    out.write(
      `\n${t(scope)} ${s.byCategory.map((c) => `${t(c.category as TextKey)} ${formatTonnes(c.tonnes.co2e * f)}`).join("; ")}\n`,
    );
  }
  const cov = meta.coverage ?? {};
  out.write(
    `\n${t("coverage", { calls: cov.calls ?? 0, estimated: cov.estimatedVessels ?? 0, unaccounted: formatTonnes(cov.unaccountedH ?? 0) })}\n`,
  );
  const warnings = meta.warnings;
  if (warnings.length > 0) {
    out.write(`${t("warnings")}\n`);
    for (const w of warnings.slice(0, 20)) out.write(`  - ${warningText(w)}\n`);
    if (warnings.length > 20) out.write(`  … ${warnings.length - 20}\n`);
  }
}

function printProgress(p: ProgressReport): void {
  const out = process.stdout;
  // Fiscal-year ports (Nagoya) name their years FY2013 etc.
  const fy = (y: number) => (p.reportingYearStartMonth === 1 ? String(y) : `FY${y}`);
  out.write(`\n${t("progress")}\n`);
  for (const tp of p.targets) {
    const tg = tp.target;
    const name = POLLUTANT_LABELS[tg.pollutant];
    if (!tp.baseline) {
      out.write(
        `  ${t("noBaseline", { program: tg.program, pollutant: tg.programPollutant, year: tg.baselineYear, port: p.port, key: tg.pollutant })}\n`,
      );
      continue;
    }
    for (const y of tp.years) {
      const gap = Math.abs(y.gapPctPoints).toFixed(1);
      out.write(
        `  ${t("targetLine", {
          program: tg.program,
          pollutant: tg.programPollutant === name ? name : `${tg.programPollutant} (${name})`,
          pct: tg.targetReductionPct,
          target: fy(tg.targetYear),
          year: fy(tg.baselineYear),
          baseline: formatTonnes(tp.baseline.tonnes),
          source: tp.baseline.source,
          label: y.label,
          tonnes: formatTonnes(y.tonnes),
          change: y.changePct.toFixed(1),
          path: y.pathPct.toFixed(1),
          gap: y.gapPctPoints <= 0 ? t("ahead", { n: gap }) : t("behind", { n: gap }),
        })}\n`,
      );
    }
    out.write(
      `      ${t("baselineLine", { year: fy(tg.baselineYear), baseline: formatTonnes(tp.baseline.tonnes), source: tp.baseline.source })}\n`,
    );
  }
  for (const s of p.shares) {
    const values = s.years.length
      ? s.years.map((y) => `${y.year}: ${y.sharePct.toFixed(1)} % (${y.basis})`).join("; ")
      : t("shareNone");
    out.write(
      `  ${t("share", { program: s.target.program, metric: s.target.metric, pct: s.target.targetPct, year: s.target.targetYear, values })}\n`,
    );
  }
}

/** Opens the stores, runs `fn`, closes them whatever happens. */
async function withDeps<T>(
  open: OpenEmissionsDeps,
  fn: (deps: EmissionsServiceDeps) => Promise<T>,
): Promise<T> {
  const deps = await open();
  try {
    return await fn(deps);
  } finally {
    await deps.close();
  }
}

export function registerEmissionsCommands(emissions: Command, open: OpenEmissionsDeps): void {
  emissions
    .command("inventory")
    .description(
      "compute (and store) a port's emissions inventory for a reporting year, print it with progress against targets",
    )
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option(
      "--year <year>",
      "reporting year: 2025 (calendar, Los Angeles) or 2025 / FY2025 (April–March, Nagoya); default: the current one",
    )
    .option("--gwp <set>", "global warming potentials: AR4, AR5 or AR6", DEFAULT_OGV_OPTIONS.gwp)
    .option("--method <method>", "OGV method: epa or imo4 (Fourth IMO GHG Study)", DEFAULT_OGV_OPTIONS.method)
    .option(
      "--sea-margin <pct>",
      "sea margin on the propeller law, %",
      String(DEFAULT_OGV_OPTIONS.seaMarginPct),
    )
    .option("--load-based-bsfc", "main-engine BSFC from the load curve (ShipEF loadBasedBSFC = Y)")
    .option("--llaf <method>", "low-load adjustment: equation or table", DEFAULT_OGV_OPTIONS.llafMethod)
    .option(
      "--aux-loads <table>",
      "auxiliary and boiler loads: imo3 or starcrest2016",
      DEFAULT_OGV_OPTIONS.auxLoadTable,
    )
    .option("--well-to-wheel", "add diesel well-to-tank emissions as upstream")
    .option("--units <unit>", "t (metric tonnes) or short_ton (US short tons)", "t")
    .option("--json", "the full report as JSON")
    .option("--csv", "scope × category for the year and each month as CSV")
    .option("--no-progress", "no progress bar")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const port = parsePort(opts.port as string);
      const unit = parseUnit(opts.units as string | undefined);
      await withDeps(open, async (deps) => {
        const year = parseYear(opts.year as string | undefined, () =>
          reportingYearAt(deps, port, new Date()),
        );
        const options = defaultInventoryOptions();
        options.gwp = parseGwp(opts.gwp as string | undefined);
        const sm = Number(opts.seaMargin);
        if (!Number.isFinite(sm) || sm < 0 || sm > 50)
          throw new DomainError("validation", `--sea-margin: 0 to 50 %, not ${opts.seaMargin}`);
        const method = opts.method as string;
        if (method !== "epa" && method !== "imo4")
          throw new DomainError("validation", `--method: epa or imo4, not ${method}`);
        const llaf = opts.llaf as string;
        if (llaf !== "equation" && llaf !== "table")
          throw new DomainError("validation", `--llaf: equation or table, not ${llaf}`);
        const aux = opts.auxLoads as string;
        if (aux !== "imo3" && aux !== "starcrest2016")
          throw new DomainError("validation", `--aux-loads: imo3 or starcrest2016, not ${aux}`);
        options.ogv = {
          ...options.ogv,
          gwp: options.gwp,
          method,
          seaMarginPct: sm,
          loadBasedBsfc: Boolean(opts.loadBasedBsfc),
          llafMethod: llaf,
          auxLoadTable: aux,
        };
        options.wellToWheel = Boolean(opts.wellToWheel);
        const showBar = opts.progress !== false && !opts.json && !opts.csv;
        const bar = showBar
          ? new cliProgress.SingleBar(
              {
                format: `${t("computing")} {phase} |{bar}| {value}/{total}`,
                stream: process.stderr,
                noTTYOutput: true,
                notTTYSchedule: 5000,
                hideCursor: true,
              },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
        bar?.start(1, 0, { phase: "" });
        const report = await computeInventory(deps, port, year, options, (p) => {
          bar?.setTotal(Math.max(1, p.total));
          bar?.update(p.done, { phase: p.phase });
        });
        bar?.stop();
        if (opts.json) {
          printJson({ ...report, progress: await progressReport(deps, port) });
        } else if (opts.csv) {
          process.stdout.write(inventorySummaryCsv(report, unit));
        } else {
          const entry = deps.registry.get(port);
          const name = entry ? entry.name[terminalLanguage()] : port;
          printInventory(report, unit, name);
          printProgress(await progressReport(deps, port));
        }
      });
    });

  emissions
    .command("export")
    .description("every line of a stored inventory (source × scope × month) as CSV or JSON")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .requiredOption("--year <year>", "reporting year")
    .option("--format <format>", "csv or json", "csv")
    .option("--units <unit>", "t or short_ton (CSV)", "t")
    .option("--out <file>", "write to a file instead of standard output")
    .action(async (opts: { port: string; year: string; format: string; units: string; out?: string }) => {
      const port = parsePort(opts.port);
      const year = parseYear(opts.year, () => 0);
      const unit = parseUnit(opts.units);
      if (opts.format !== "csv" && opts.format !== "json")
        throw new DomainError("validation", `--format: csv or json, not ${opts.format}`);
      await withDeps(open, async (deps) => {
        const header = await deps.emissions.getInventory(port, year);
        if (!header)
          throw new DomainError(
            "not_found",
            `no stored inventory for ${port} ${year}: run npx sisterports emissions inventory --port ${port} --year ${year}`,
          );
        const lines = await deps.emissions.lines(port, year);
        const text =
          opts.format === "json"
            ? `${JSON.stringify({ ...header, lines }, null, 1)}\n`
            : inventoryLinesCsv(port, header.label, lines, unit);
        if (opts.out) fs.writeFileSync(opts.out, text);
        else process.stdout.write(text);
      });
    });

  emissions
    .command("progress")
    .description("progress of the stored inventories against the port's targets (CAAP / CNP)")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--json", "as JSON")
    .action(async (opts: { port: string; json?: boolean }) => {
      const port = parsePort(opts.port);
      await withDeps(open, async (deps) => {
        const p = await progressReport(deps, port);
        if (opts.json) printJson(p);
        else printProgress(p);
      });
    });

  emissions
    .command("sources")
    .description("the largest sources of a stored inventory (tailpipe)")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .requiredOption("--year <year>", "reporting year")
    .option("--category <category>", `one of ${SOURCE_CATEGORIES.join(", ")}`)
    .option("--pollutant <pollutant>", `order by: ${POLLUTANTS.join(", ")}`, "co2e")
    .option("--limit <n>", "how many", "20")
    .option("--json", "as JSON")
    .action(
      async (opts: {
        port: string;
        year: string;
        category?: string;
        pollutant: string;
        limit: string;
        json?: boolean;
      }) => {
        const port = parsePort(opts.port);
        const year = parseYear(opts.year, () => 0);
        if (opts.category && !(SOURCE_CATEGORIES as readonly string[]).includes(opts.category))
          throw new DomainError("validation", `--category: one of ${SOURCE_CATEGORIES.join(", ")}`);
        if (!(POLLUTANTS as readonly string[]).includes(opts.pollutant))
          throw new DomainError("validation", `--pollutant: one of ${POLLUTANTS.join(", ")}`);
        await withDeps(open, async (deps) => {
          const page = await deps.emissions.topSources(port, year, {
            ...(opts.category ? { category: opts.category as SourceCategory } : {}),
            pollutant: opts.pollutant as Pollutant,
            limit: Math.max(1, Math.min(1000, Number(opts.limit) || 20)),
            offset: 0,
          });
          if (opts.json) return printJson(page);
          printTable(
            [
              t("category"),
              "id",
              "",
              "terminal",
              "activity",
              ...POLLUTANTS.map((p) => `${POLLUTANT_LABELS[p]} t`),
            ],
            page.sources.map((s) => [
              t(s.category as TextKey),
              s.sourceId,
              s.label,
              s.terminal,
              `${formatTonnes(s.activity)} ${s.activityUnit}`,
              ...POLLUTANTS.map((p) => formatTonnes(gramsToTonnes(s.grams[p]))),
            ]),
          );
        });
      },
    );

  emissions
    .command("trace")
    .description(
      "one non-ship source's computation (CHE unit, harbour craft, truck group, rail): activity × factor × adjustments per step, with each factor's source (for a port call: emissions call ID)",
    )
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .requiredOption("--year <year>", "reporting year")
    .requiredOption("--category <category>", "harbor_craft, che, drayage or rail")
    .requiredOption("--source <id>", "the source id, as `emissions sources` lists it")
    .option("--json", "as JSON")
    .action(
      async (opts: { port: string; year: string; category: string; source: string; json?: boolean }) => {
        const port = parsePort(opts.port);
        const year = parseYear(opts.year, () => 0);
        const category = opts.category;
        if (
          category !== "harbor_craft" &&
          category !== "che" &&
          category !== "drayage" &&
          category !== "rail"
        )
          throw new DomainError(
            "validation",
            `--category: harbor_craft, che, drayage or rail, not ${category}`,
          );
        await withDeps(open, async (deps) => {
          const trace = await nonshipSourceTrace(deps, port, year, category, opts.source);
          if (opts.json) return printJson(trace);
          const lang = terminalLanguage();
          const scopeWord = { tailpipe: "tailpipe", grid: "gridScope", upstream: "upstreamScope" } as const;
          for (const line of trace.lines) {
            process.stdout.write(
              `\n${t("traceLine", {
                label: line.label,
                scope: t(scopeWord[line.scope]),
                month: `${line.year}-${String(line.month).padStart(2, "0")}`,
                activity: `${formatTonnes(line.activity)} ${renderTrace(unitText(line.activityUnit) ?? line.activityUnit, lang)}`,
              })}\n`,
            );
            printTable(
              ["", "", t("colActivity"), t("colFactor"), t("colAdjustments"), "g", t("colSource")],
              line.trace.map((s) => {
                const r = renderStep(s, lang);
                return [
                  r.what,
                  POLLUTANT_LABELS[s.pollutant],
                  `${formatTonnes(s.activity)} ${r.activityUnit}`,
                  `${formatTonnes(s.factor)} ${r.factorUnit}`,
                  r.adjustments.map((a) => `${a.name} ${formatTonnes(a.value)}`).join(" × "),
                  formatTonnes(s.grams),
                  r.source,
                ];
              }),
            );
          }
        });
      },
    );

  const baseline = emissions
    .command("baseline")
    .description("baselines of the port's targets (entered with their source)");
  baseline
    .command("set")
    .description(
      "enter a baseline: the port's emissions of a pollutant in the baseline year, with its source",
    )
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .requiredOption("--pollutant <p>", "dpm, nox, so2 (SOx), co2e or co2 (GHG)")
    .requiredOption("--year <year>", "baseline year, e.g. 2005, 1990 or 2013 (FY2013)")
    .requiredOption("--tonnes <t>", "metric tonnes in that year")
    .requiredOption("--source <text>", "where the figure comes from (report, table, page)")
    .action(
      async (opts: { port: string; pollutant: string; year: string; tonnes: string; source: string }) => {
        const port = parsePort(opts.port);
        if (!(POLLUTANTS as readonly string[]).includes(opts.pollutant))
          throw new DomainError(
            "validation",
            `--pollutant: one of ${POLLUTANTS.join(", ")}, not ${opts.pollutant}`,
          );
        const year = parseYear(opts.year, () => 0);
        const tonnes = Number(opts.tonnes);
        if (!Number.isFinite(tonnes) || tonnes <= 0)
          throw new DomainError("validation", `--tonnes: a positive number, not ${opts.tonnes}`);
        if (opts.source.trim().length < 3)
          throw new DomainError("validation", "--source: say where the figure comes from");
        await withDeps(open, async (deps) => {
          if (!deps.registry.get(port))
            throw new DomainError("validation", `--port: unknown port ${opts.port}`);
          const status = await deps.emissions.setBaseline({
            port,
            pollutant: opts.pollutant as Pollutant,
            year,
            tonnes,
            source: opts.source.trim(),
            enteredAt: new Date().toISOString(),
          });
          process.stdout.write(
            `${t("baselineSaved", { port, pollutant: opts.pollutant, year, tonnes: formatTonnes(tonnes), status })}\n`,
          );
        });
      },
    );
  baseline
    .command("list")
    .description("the baselines entered for a port")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--json", "as JSON")
    .action(async (opts: { port: string; json?: boolean }) => {
      const port = parsePort(opts.port);
      await withDeps(open, async (deps) => {
        const list = await deps.emissions.baselines(port);
        if (opts.json) return printJson(list);
        printTable(
          ["pollutant", "year", "t", "source", "entered"],
          list.map((b) => [
            POLLUTANT_LABELS[b.pollutant],
            b.year,
            formatTonnes(b.tonnes),
            b.source,
            b.enteredAt,
          ]),
        );
      });
    });
}

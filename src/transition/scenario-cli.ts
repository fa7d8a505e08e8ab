/**
 * `ze scenario run|save|list|show|compare` and `ze targets`. A scenario is a JSON document (see
 * scenario-wire.ts `scenarioInputSchema`); `--port` fills or checks its port. `run` computes and
 * prints without storing (it opens the store only for a scenario that starts from the registry);
 * `save` computes and stores; the rest read what was stored.
 */
import fs from "node:fs";
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import { formatTable } from "../core/text-table.ts";
import { loadPortRegistry } from "../geo/index.ts";
import type { OpenTransitionStore } from "./cli.ts";
import type { ScenarioTablesIn } from "./scenario.ts";
import { scenarioMsg as m, noteText } from "./scenario-messages.ts";
import {
  compareStored,
  computeScenario,
  parseScenario,
  saveScenario,
  storedScenario,
} from "./scenario-service.ts";
import { loadScenarioTables } from "./scenario-tables-io.ts";
import type { ScenarioInput, ScenarioResult, TargetsGapReply } from "./scenario-wire.ts";
import type { TransitionStore } from "./store.ts";
import { portTargets } from "./targets-gap.ts";

const f = (x: number | null, d = 1) =>
  x === null ? "-" : x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const out = (s: string): void => {
  process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
};

function currencyOf(port: string): string | undefined {
  return loadPortRegistry().get(port)?.currency;
}

function readScenarioFile(file: string, port: string | undefined): ScenarioInput {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new DomainError("not_found", `cannot read ${file}: ${code}`, [{ file, reason: code }]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new DomainError("validation", `${file}: not JSON (${(error as Error).message})`, [
      { file, reason: "not JSON" },
    ]);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc))
    throw new DomainError("validation", `${file}: a scenario is a JSON object`, [
      { file, reason: "not an object" },
    ]);
  const obj = doc as Record<string, unknown>;
  if (port !== undefined) {
    const p = port.toUpperCase();
    if (obj.port !== undefined && String(obj.port).toUpperCase() !== p)
      throw new DomainError("validation", `${file}: port ${String(obj.port)} but --port ${p}`, [
        { file, field: "port", reason: `--port ${p}` },
      ]);
    obj.port = p;
  }
  return parseScenario(obj, file);
}

/** The trajectory table, early retirements, costs and assumptions. */
export function printResult(r: ScenarioResult): void {
  out(
    m("heading", {
      port: r.port,
      name: r.name,
      from: r.baseYear,
      to: r.horizonYear,
      method: r.methodVersion,
      currency: r.currency,
      priceYear: r.priceYear === null ? "" : `, ${r.priceYear}`,
    }),
  );
  const cols = [
    "colYear",
    "colUnits",
    "colZeChe",
    "colZeDray",
    "colWtw",
    "colTailpipe",
    "colNox",
    "colH2",
    "colH2Peak",
    "colMwh",
    "colPeakKw",
    "colStations",
    "colCapex",
    "colUnpriced",
    "colOpex",
  ] as const;
  out(
    formatTable(
      cols.map((c) => m(c, { currency: r.currency })),
      r.years.map((y) => [
        y.year,
        y.fleet.reduce((a, x) => a + x.units, 0),
        f(y.zeShareChePct),
        f(y.zeShareDrayagePct),
        f(y.emissions.wtwCo2eT),
        f(y.emissions.tailpipeCo2eT),
        f(y.emissions.noxT, 2),
        f(y.h2TPerYear),
        f(y.h2PeakKgPerDay, 0),
        f(y.electricityMwhPerYear),
        f(y.peakKw, 0),
        y.stationsNeeded,
        f(y.capex, 0),
        y.capexUnpricedUnits,
        f(y.opex, 0),
      ]),
    ),
  );
  if (r.earlyRetirements.length > 0) {
    out(m("earlyHeading"));
    out(
      formatTable(
        (
          [
            "colYear",
            "colCategory",
            "colPowertrain",
            "colModelYear",
            "colUnits",
            "colLifeLeft",
            "colReason",
          ] as const
        ).map((c) => m(c)),
        r.earlyRetirements.map((e) => [
          e.year,
          e.category,
          e.powertrain,
          e.modelYear,
          e.units,
          e.remainingLifeYears,
          e.reason,
        ]),
      ),
    );
  }
  if (r.costsMissing.length > 0) out(m("costsMissing", { list: r.costsMissing.join(", ") }));
  out(m("assumptionsHeading", { n: r.assumptions.length }));
  for (const a of r.assumptions) out(m("assumption", { name: a.name, value: a.value, unit: a.unit }));
  for (const w of r.warnings) out(m("warning", { text: noteText(w) }));
}

export function printGap(g: TargetsGapReply): void {
  out(m("gapHeading", { port: g.port }));
  for (const t of g.targets) {
    const v = {
      program: t.program,
      metric: t.metric,
      target: t.targetValue,
      unit: t.unit,
      year: t.targetYear,
      value: t.scenarioValue === null ? "-" : `${f(t.scenarioValue)} ${t.kind === "ze_share" ? "%" : "%"}`,
      note: t.notes.map(noteText).join("; "),
    };
    out(m(t.met === null ? "gapUnknown" : t.met ? "gapMet" : "gapNotMet", v));
    if (t.kind === "ghg" && t.requiredT !== null && t.baseline !== null)
      out(
        m("gapGhg", {
          required: f(t.requiredT),
          scenario: f(t.scenarioT),
          baseline: f(t.baseline.tCo2e),
          baselineSource: (() => {
            const proxy = t.notes.find((n) => n.code === "n.baselineProxy");
            return proxy === undefined ? t.baseline.source : noteText(proxy);
          })(),
        }),
      );
    for (const x of t.toReplace)
      out(
        m("replaceLine", {
          units: x.units,
          category: x.category,
          year: x.byYear,
          early: x.early,
          natural: x.atEndOfLifeByThen,
          avoided: f(x.avoidedT),
        }),
      );
    const extra = t.notes.filter((n) => n.code !== "n.met" && n.code !== "n.baselineProxy");
    if (t.met !== null && extra.length > 0) out(m("gapNote", { note: extra.map(noteText).join("; ") }));
  }
}

export function registerScenarioCommands(ze: Command, open: OpenTransitionStore): void {
  let tables: ScenarioTablesIn | undefined;
  const deps = (transition: TransitionStore | null) => ({
    transition: transition as TransitionStore,
    tables: () => {
      tables ??= loadScenarioTables();
      return tables;
    },
    currencyOf,
  });
  const withStore = async <T>(fn: (t: TransitionStore) => Promise<T>): Promise<T> => {
    const s = await open();
    try {
      return await fn(s.transition);
    } finally {
      await s.close();
    }
  };
  const scenario = ze
    .command("scenario")
    .description(
      "zero-emission rollout scenarios to 2050: fleet turnover, emissions, hydrogen, electricity, costs, target gaps",
    );
  scenario
    .command("run <file>")
    .description(
      "compute a scenario (JSON: name, baseYear, horizonYear, startingFleet, purchases, zeTargets, …) and print its trajectory and target gaps",
    )
    .option("--port <locode>", "USLAX or JPNGO (fills or checks the file's port)")
    .option("--json", "machine-readable")
    .action(async (file: string, o: { port?: string; json?: boolean }) => {
      const input = readScenarioFile(file, o.port);
      const compute = (t: TransitionStore | null) => computeScenario(deps(t), input);
      const { run, gap } =
        input.startingFleet.source === "registry" ? await withStore((t) => compute(t)) : await compute(null);
      if (o.json) {
        out(JSON.stringify({ result: run.result, targetsGap: gap }, null, 2));
        return;
      }
      printResult(run.result);
      printGap(gap);
    });
  scenario
    .command("save <file>")
    .description("compute a scenario and save it for its port (a scenario of the same name is replaced)")
    .option("--port <locode>", "USLAX or JPNGO (fills or checks the file's port)")
    .option("--json", "machine-readable")
    .action(async (file: string, o: { port?: string; json?: boolean }) => {
      const input = readScenarioFile(file, o.port);
      const { stored, replaced } = await withStore((t) => saveScenario(deps(t), input));
      if (o.json)
        out(JSON.stringify({ port: stored.port, name: stored.name, replaced, savedAt: stored.savedAt }));
      else
        out(
          m("saved", {
            port: stored.port,
            name: stored.name,
            years: stored.result.years.length,
            replaced: replaced ? m("replaced") : "",
          }),
        );
    });
  scenario
    .command("list")
    .description("saved scenarios of a port")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--json", "machine-readable")
    .action(async (o: { port: string; json?: boolean }) => {
      const port = o.port.toUpperCase();
      const rows = await withStore((t) => t.listScenarios(port));
      if (o.json) return out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return out(m("noScenarios", { port }));
      out(
        formatTable(
          (["colName", "colYears", "colZe2030", "colWtwHorizon", "colSavedAt"] as const).map((c) => m(c)),
          rows.map((r) => [
            r.name,
            `${r.baseYear}–${r.horizonYear}`,
            f(r.zeShareChePctAt2030),
            f(r.wtwCo2eTAtHorizon),
            r.savedAt,
          ]),
        ),
      );
    });
  scenario
    .command("show <name>")
    .description("a saved scenario: its stored trajectory and target gaps")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--json", "machine-readable")
    .action(async (name: string, o: { port: string; json?: boolean }) => {
      const s = await withStore((t) => storedScenario(t, o.port.toUpperCase(), name));
      if (o.json) return out(JSON.stringify(s, null, 2));
      printResult(s.result);
      printGap(s.targetsGap);
    });
  scenario
    .command("compare <a> <b>")
    .description("two saved scenarios of a port side by side (b − a per year)")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--json", "machine-readable")
    .action(async (a: string, b: string, o: { port: string; json?: boolean }) => {
      const c = await withStore((t) => compareStored(t, o.port.toUpperCase(), a, b));
      if (o.json) return out(JSON.stringify(c, null, 2));
      out(m("compareHeading", { port: c.port, a: c.a, b: c.b, currency: c.currency }));
      out(
        formatTable(
          [
            m("colYear"),
            `${m("colWtw")} (a)`,
            `${m("colWtw")} (b)`,
            m("colDiffWtw"),
            m("colDiffZe"),
            m("colDiffH2"),
            m("colDiffMwh"),
            `${m("colDiffCapex")} ${c.currency}`,
          ],
          c.years.map((y) => [
            y.year,
            f(y.a.wtwCo2eT),
            f(y.b.wtwCo2eT),
            f(y.diff.wtwCo2eT),
            f(y.diff.zeShareChePct),
            f(y.diff.h2TPerYear),
            f(y.diff.electricityMwhPerYear),
            f(y.diff.capex, 0),
          ]),
        ),
      );
    });
  ze.command("targets")
    .description(
      "the port's targets (CAAP for USLAX, CNP for JPNGO), and with --scenario a saved scenario's gap to them",
    )
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--scenario <name>", "a saved scenario")
    .option("--json", "machine-readable")
    .action(async (o: { port: string; scenario?: string; json?: boolean }) => {
      const port = o.port.toUpperCase();
      if (o.scenario !== undefined) {
        const name = o.scenario;
        const s = await withStore((t) => storedScenario(t, port, name));
        if (o.json) return out(JSON.stringify(s.targetsGap, null, 2));
        return printGap(s.targetsGap);
      }
      const list = portTargets(deps(null).tables(), port);
      if (o.json) return out(JSON.stringify(list, null, 2));
      out(m("targetsHeading", { port }));
      for (const { row } of list)
        out(
          m("targetLine", {
            program: row.program,
            metric: row.metric,
            value: row.targetValue,
            unit: row.unit,
            year: row.targetYear ?? "-",
            baseline: row.baselineYear === null ? "" : ` vs ${row.baselineYear}`,
            source: `${row.sourceId}; ${row.confidence}`,
          }),
        );
    });
}

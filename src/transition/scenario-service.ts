/**
 * Scenario services over the TransitionStore: validate (zod, every issue with its field path),
 * run (reading the registry when the scenario starts from it), save (computed once, stored with
 * its gap to targets), compare stored scenarios. Reads serve stored results only.
 */
import { DomainError, type FieldIssue } from "../core/errors.ts";
import type { DemandEstimateRow } from "./hydrogen-tables.ts";
import {
  linesFromEstimates,
  type PortHydrogenSeries,
  type RegionalYearRow,
  regionalBalance,
  type YearlyLine,
} from "./regional-demand.ts";
import { hydrogenSeries, runScenario, type ScenarioRun, type ScenarioTablesIn } from "./scenario.ts";
import { comparePorts, compareScenarios, type PortSide } from "./scenario-compare.ts";
import type { StoredScenarioRow } from "./scenario-store.ts";
import {
  type PortsCompare,
  type ScenarioCompare,
  type ScenarioInput,
  scenarioInputSchema,
  type TargetsGapReply,
} from "./scenario-wire.ts";
import type { TransitionStore } from "./store.ts";
import { targetsGap } from "./targets-gap.ts";

export interface ScenarioServiceDeps {
  transition: TransitionStore;
  tables(): ScenarioTablesIn;
  /** The port's currency (ISO 4217), or undefined for an unknown port. */
  currencyOf(port: string): string | undefined;
}

/** Validates a scenario document; `file` names it in the issues. Throws DomainError "validation". */
export function parseScenario(value: unknown, file = "scenario"): ScenarioInput {
  const r = scenarioInputSchema.safeParse(value);
  if (r.success) return r.data;
  const issues: FieldIssue[] = r.error.issues.map((i) => ({
    file,
    field: i.path.map(String).join(".") || "(document)",
    reason: i.message,
  }));
  throw new DomainError(
    "validation",
    `${file}: ${issues.length} problem(s): ${issues
      .slice(0, 5)
      .map((i) => `${i.field}: ${i.reason}`)
      .join("; ")}`,
    issues,
  );
}

export async function computeScenario(
  deps: ScenarioServiceDeps,
  input: ScenarioInput,
): Promise<{ run: ScenarioRun; gap: TargetsGapReply }> {
  const currency = deps.currencyOf(input.port);
  if (currency === undefined) throw new DomainError("not_found", `unknown port ${input.port}`);
  const registry =
    input.startingFleet.source === "registry"
      ? await deps.transition.listEquipment({ port: input.port })
      : [];
  if (input.startingFleet.source === "registry" && registry.length === 0)
    throw new DomainError("validation", `startingFleet: no equipment registered for ${input.port}`, [
      { field: "startingFleet", reason: "the registry is empty: give cohorts" },
    ]);
  const tables = deps.tables();
  const run = runScenario(input, tables, { currency, registry });
  return { run, gap: targetsGap(run, input, tables) };
}

/** Computes and stores (replacing a scenario of the same name). */
export async function saveScenario(
  deps: ScenarioServiceDeps,
  input: ScenarioInput,
  now: Date = new Date(),
): Promise<{ stored: StoredScenarioRow; replaced: boolean }> {
  const { run, gap } = await computeScenario(deps, input);
  const stored: StoredScenarioRow = {
    port: input.port,
    name: input.name,
    description: input.description ?? null,
    input: JSON.parse(JSON.stringify(input)) as Record<string, unknown>,
    result: run.result,
    targetsGap: gap,
    savedAt: now.toISOString(),
  };
  const { replaced } = await deps.transition.saveScenario(stored);
  return { stored, replaced };
}

export async function storedScenario(
  store: TransitionStore,
  port: string,
  name: string,
): Promise<StoredScenarioRow> {
  const s = await store.scenario(port, name);
  if (s === undefined) throw new DomainError("not_found", `no scenario "${name}" saved for ${port}`);
  return s;
}

export async function compareStored(
  store: TransitionStore,
  port: string,
  a: string,
  b: string,
): Promise<ScenarioCompare> {
  const [sa, sb] = await Promise.all([storedScenario(store, port, a), storedScenario(store, port, b)]);
  return compareScenarios(sa.result, sb.result);
}

/** Ports side by side: each side's TEU from its saved scenario's `teuPerYear`, else `teuOf`. */
export async function comparePortsStored(
  store: TransitionStore,
  sides: readonly { port: string; scenario: string }[],
  teuOf: (port: string) => { value: number; source: string } | undefined = () => undefined,
): Promise<PortsCompare> {
  const out: PortSide[] = [];
  for (const s of sides) {
    const row = await storedScenario(store, s.port, s.scenario);
    const teu = (row.input as { teuPerYear?: { value: number; source: string } }).teuPerYear ?? teuOf(s.port);
    out.push({ result: row.result, teu: teu ?? null });
  }
  return comparePorts(out);
}

/**
 * Regional hydrogen demand against supply by year (the Chubu-class study): the saved scenarios'
 * t/yr of each port (`hydrogenSeries`) plus the reference estimates' demand and supply lines
 * (hydrogen_demand_estimates.csv, `linesFromEstimates`) — or the caller's own `lines` (the CLI's
 * `--lines FILE`). Served from the stored results.
 */
export async function regionalHydrogen(
  store: TransitionStore,
  sides: readonly { port: string; scenario: string }[],
  estimates: readonly DemandEstimateRow[],
  q: { fromYear: number; toYear: number; bound: "low" | "high"; lines?: readonly YearlyLine[] },
): Promise<{
  scenarios: { port: string; scenario: string }[];
  bound: "low" | "high";
  years: RegionalYearRow[];
}> {
  const series: PortHydrogenSeries[] = [];
  for (const s of sides) {
    const row = await storedScenario(store, s.port, s.scenario);
    series.push({ ...hydrogenSeries(row.result), port: `${s.port} (${s.scenario})` });
  }
  try {
    return {
      scenarios: [...sides],
      bound: q.bound,
      years: regionalBalance(q.fromYear, q.toYear, series, q.lines ?? linesFromEstimates(estimates, q.bound)),
    };
  } catch (e) {
    if (e instanceof RangeError) throw new DomainError("validation", e.message);
    throw e;
  }
}

/**
 * The saved scenario of each port the regional hydrogen view uses: the one `chosen` names, else
 * the port's first saved scenario by name — the portal's default (its scenario pickers list a
 * port's scenarios by name and start on the first). A port with none saved and none chosen is
 * left out; a chosen one that is not saved is a not_found error.
 * Example: ports [USLAX, JPNGO], chosen { JPNGO: "CNP on time" }, USLAX saved ["CAAP on time",
 * "natural replacement"] → [{ USLAX, "CAAP on time" }, { JPNGO, "CNP on time" }].
 */
export async function regionalSides(
  store: TransitionStore,
  ports: readonly string[],
  chosen: Readonly<Record<string, string>>,
): Promise<{ port: string; scenario: string }[]> {
  const out: { port: string; scenario: string }[] = [];
  for (const port of ports) {
    const name = chosen[port];
    if (name !== undefined) {
      await storedScenario(store, port, name);
      out.push({ port, scenario: name });
      continue;
    }
    const first = (await store.listScenarios(port))[0];
    if (first !== undefined) out.push({ port, scenario: first.name });
  }
  return out;
}

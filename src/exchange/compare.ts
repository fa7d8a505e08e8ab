/**
 * Side by side (issue 15): this port's figures and the sister port's on the same rows — emissions
 * per TEU and per call, the zero-emission share of cargo-handling equipment and of drayage, the mean
 * anchorage wait, the truck turn time, the pilots' availability and CO2 avoided. This node's figures
 * come from its own dataset rows, aggregated with the same aggregateRows at the agreed level; the
 * peer's from the CURRENT packages received under an ACTIVE agreement (superseded and purged ones
 * left out; a revoked or expired agreement shows nothing, and says why). Every peer figure carries
 * its origin: node and fingerprint, agreement, packages (seq, hash, issued, received), attribution.
 */
import type { Audience, Principal } from "../core/http.ts";
import { CHE_CATEGORIES, ZERO_EMISSION_POWERTRAINS } from "../transition/index.ts";
import { agreementStatus, type NegotiationState } from "./agreement.ts";
import { CATALOG, catalogDataset } from "./catalog.ts";
import type { LocalizedText } from "./identity.ts";
import { fingerprint } from "./keys.ts";
import { moneyNote, type ReportingPeriod, reportingPeriod, type YearBasis } from "./normalise.ts";
import { aggregateRows, currentPackages, type DatasetRow, type PackageCell } from "./package.ts";
import { signedHash } from "./signed.ts";
import type { ExchangeStore, StoredPackage } from "./store.ts";
import type { SideBySideWire, SideFigureWire } from "./wire.ts";

export const METRICS = [
  "co2ePerTeu",
  "co2ePerCall",
  "zeShareChe",
  "zeShareDrayage",
  "anchorageWaitH",
  "truckTurnMin",
  "pilotAvailability",
  "pilotCo2AvoidedTonnes",
] as const;
export type MetricId = (typeof METRICS)[number];

type Cells = ReadonlyMap<string, readonly PackageCell[]>;
type Computed = { value: number } | { reason: "no_data" | "field_missing" };

/** Sum of a field over cells; undefined when no cell carries it. */
function sum(cells: readonly PackageCell[] | undefined, name: string): number | undefined {
  const present = (cells ?? []).filter((c) => c.values[name] !== undefined);
  return present.length === 0 ? undefined : present.reduce((a, c) => a + (c.values[name] ?? 0), 0);
}

/**
 * The mean of a per-cell mean over several cells, weighted by a count field of the cell (calls,
 * truck visits) or, when the cell does not carry it, by its contributors. Example: cells with
 * anchorageWaitH 2 over 10 calls and 5 over 30 calls → (2×10 + 5×30) / 40 = 4.25 h.
 */
export function weightedMean(
  cells: readonly PackageCell[] | undefined,
  name: string,
  weight: string,
): number | undefined {
  let num = 0;
  let den = 0;
  for (const c of cells ?? []) {
    const v = c.values[name];
    if (v === undefined) continue;
    const w = c.values[weight] ?? c.contributors;
    num += v * w;
    den += w;
  }
  return den > 0 ? num / den : undefined;
}

function ratio(a: number | undefined, b: number | undefined): Computed {
  if (a === undefined || b === undefined) return { reason: "field_missing" };
  return b > 0 ? { value: a / b } : { reason: "no_data" };
}

/**
 * A sum over a sum, both over the months that each dataset covers (cells of a month-level
 * aggregation): a year's inventory over four weeks of container moves would be no ratio at all.
 * Cells without a month (a year-level aggregation) pair only with cells without a month on the
 * other side: a year over some months is not a ratio either. Example: emissions March 60 t
 * and April 165 t, TEU April 6,000 → April only, 165 / 6,000 = 0.0275 t per TEU.
 */
export function sharedMonthsRatio(
  numerator: readonly PackageCell[] | undefined,
  numeratorField: string,
  denominator: readonly PackageCell[] | undefined,
  denominatorField: string,
): Computed {
  const months = (cells: readonly PackageCell[] | undefined, field: string) =>
    new Set(
      (cells ?? []).filter((c) => c.values[field] !== undefined).map((c) => c.dims["month"] ?? "whole"),
    );
  const [a, b] = [months(numerator, numeratorField), months(denominator, denominatorField)];
  const shared = (cells: readonly PackageCell[] | undefined) =>
    (cells ?? []).filter((c) => {
      const m = c.dims["month"] ?? "whole";
      return a.has(m) && b.has(m);
    });
  return ratio(sum(shared(numerator), numeratorField), sum(shared(denominator), denominatorField));
}

/**
 * Zero-emission share of a set of categories: ZE unit-months over all unit-months (each ze-fleet row
 * is a unit that worked in a month, so a year's share is the share of working unit-months).
 * Example: 3 ZE and 3 diesel CHE in each of 12 months → 36 / 72 = 0.5.
 */
function zeShare(cells: readonly PackageCell[] | undefined, categories: readonly string[]): Computed {
  const mine = (cells ?? []).filter((c) => categories.includes(c.dims["category"] ?? ""));
  if (mine.length === 0) return { reason: "no_data" };
  if (mine.some((c) => c.dims["powertrain"] === undefined)) return { reason: "field_missing" };
  const ze = mine.filter((c) =>
    (ZERO_EMISSION_POWERTRAINS as readonly string[]).includes(c.dims["powertrain"] ?? ""),
  );
  return ratio(sum(ze, "units") ?? 0, sum(mine, "units"));
}

const orMissing = (v: number | undefined): Computed =>
  v === undefined ? { reason: "field_missing" } : { value: v };

interface MetricDef {
  unit: string;
  datasets: readonly string[];
  compute(cells: Cells): Computed;
}

/** How each figure is made from the cells of its datasets (one reporting year of them). */
export const METRIC_DEFS: Readonly<Record<MetricId, MetricDef>> = {
  co2ePerTeu: {
    unit: "t CO2e/TEU",
    datasets: ["emissions-inventory", "operations-kpis"],
    compute: (c) =>
      sharedMonthsRatio(c.get("emissions-inventory"), "co2eTonnes", c.get("operations-kpis"), "teu"),
  },
  co2ePerCall: {
    unit: "t CO2e/call",
    datasets: ["emissions-inventory", "port-calls"],
    compute: (c) =>
      sharedMonthsRatio(c.get("emissions-inventory"), "co2eTonnes", c.get("port-calls"), "calls"),
  },
  zeShareChe: {
    unit: "fraction",
    datasets: ["ze-fleet"],
    compute: (c) => zeShare(c.get("ze-fleet"), CHE_CATEGORIES),
  },
  zeShareDrayage: {
    unit: "fraction",
    datasets: ["ze-fleet"],
    compute: (c) => zeShare(c.get("ze-fleet"), ["drayage_truck"]),
  },
  anchorageWaitH: {
    unit: "h",
    datasets: ["port-calls"],
    compute: (c) => orMissing(weightedMean(c.get("port-calls"), "anchorageWaitH", "calls")),
  },
  truckTurnMin: {
    unit: "min",
    datasets: ["operations-kpis"],
    compute: (c) => orMissing(weightedMean(c.get("operations-kpis"), "truckTurnMin", "truckVisits")),
  },
  pilotAvailability: {
    unit: "fraction",
    datasets: ["pilot-scorecards"],
    compute: (c) => orMissing(weightedMean(c.get("pilot-scorecards"), "availability", "none")),
  },
  pilotCo2AvoidedTonnes: {
    unit: "t CO2",
    datasets: ["pilot-scorecards"],
    compute: (c) => {
      const kg = sum(c.get("pilot-scorecards"), "co2AvoidedKg");
      return kg === undefined ? { reason: "field_missing" } : { value: kg / 1000 };
    },
  },
};

/**
 * This node's datasets a reader who is not signed in may see aggregated here: those whose own
 * routes are public on this node (calls: derived from AIS; the operations summary; the fleet
 * summary). The emissions inventory and the pilot scorecards are analyst data (issue 14), so the
 * public sees no own figure built on them.
 */
const OWN_PUBLIC_DATASETS: ReadonlySet<string> = new Set(["port-calls", "operations-kpis", "ze-fleet"]);

/** Whether a reader sees everything (analyst, admin) or only what may be shown to the public. */
export function seesAll(principal: Principal | null | undefined): boolean {
  const role: Audience | undefined = principal?.role;
  return role === "analyst" || role === "admin";
}

/**
 * Whether an agreement lets figures be shown to the public: a `display` permission with no
 * constraint (a constrained one — a purpose, a recipient — names an audience this page cannot check).
 */
export function publicDisplay(terms: NegotiationState["terms"]): boolean {
  return terms.permissions.some((r) => r.action === "display" && r.constraints.length === 0);
}

/** Keeps cells of the period's months (or, for a year-level aggregation, of a calendar year asked for). */
function inPeriod(
  cells: readonly PackageCell[],
  period: ReportingPeriod,
): PackageCell[] | "fiscal_year_level" {
  const months = new Set(period.months);
  const out: PackageCell[] = [];
  for (const c of cells) {
    const month = c.dims["month"];
    if (month !== undefined) {
      if (months.has(month)) out.push(c);
    } else if (c.dims["year"] !== undefined) {
      if (period.effectiveBasis === "fiscal") return "fiscal_year_level";
      if (c.dims["year"] === String(period.year)) out.push(c);
    }
  }
  return out;
}

/** The UTC window that surely holds a period's local months: a day either side (rows carry their local month). */
function windowOf(period: ReportingPeriod): { from: string; to: string } {
  const [fy, fm] = (period.months[0] ?? "").split("-").map(Number) as [number, number];
  const [ly, lm] = (period.months[11] ?? "").split("-").map(Number) as [number, number];
  return {
    from: new Date(Date.UTC(fy, fm - 1, 1) - 86_400_000).toISOString(),
    to: new Date(Date.UTC(ly, lm, 1) + 86_400_000).toISOString(),
  };
}

export interface SideBySideDeps {
  exchange: ExchangeStore;
  now(): Date;
  /** This node's own rows of a dataset over a UTC window (src/store/services.ts exchangeDatasetRows). */
  ownRows(port: string, dataset: string, range: { from: string; to: string }): Promise<DatasetRow[]>;
}

type PeerSource =
  | { ok: true; agreement: NegotiationState; packages: StoredPackage[] }
  | { ok: false; reason: NonNullable<SideFigureWire["reason"]>; agreementId?: string };

/** The received packages a dataset's peer figures may come from, or why there are none. */
async function peerSource(
  store: ExchangeStore,
  consumerOf: readonly NegotiationState[],
  dataset: string,
  at: string,
  forPublic: boolean,
): Promise<PeerSource> {
  const covering = consumerOf.filter((a) => a.terms.datasets.some((d) => d.dataset === dataset));
  if (covering.length === 0) return { ok: false, reason: "no_agreement" };
  const active = covering.filter((a) => agreementStatus(a, at) === "active");
  if (active.length === 0) {
    const latest = [...covering].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
    const status = latest ? agreementStatus(latest, at) : "negotiating";
    const reason = status === "terminated" ? "revoked" : status === "active" ? "negotiating" : status;
    return { ok: false, reason, ...(latest ? { agreementId: latest.id } : {}) };
  }
  const shown = forPublic ? active.filter((a) => publicDisplay(a.terms)) : active;
  if (shown.length === 0) return { ok: false, reason: "not_for_public", agreementId: active[0]?.id ?? "" };
  // The most recently agreed active agreement wins when two cover the same dataset.
  const agreement = [...shown].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] as NegotiationState;
  const all = await store.listPackages(agreement.id, "received");
  const current = new Set(currentPackages(all));
  const packages = all.filter((p) => current.has(p.seq) && p.purgedAt === undefined && p.dataset === dataset);
  if (packages.length === 0) return { ok: false, reason: "no_packages", agreementId: agreement.id };
  return { ok: true, agreement, packages };
}

/**
 * Cells of current packages, one per cell key: when two current packages carry the same cell (a
 * re-publication that did not name what it supersedes), the later package's wins.
 */
function latestCells(packages: readonly StoredPackage[]): PackageCell[] {
  const byKey = new Map<string, PackageCell>();
  for (const p of [...packages].sort((a, b) => a.seq - b.seq))
    for (const c of p.cells) byKey.set(JSON.stringify(Object.entries(c.dims).sort()), c);
  return [...byKey.values()];
}

/** The side-by-side answer for a year on a basis, as a reader of this audience may see it. */
export async function sideBySide(
  deps: SideBySideDeps,
  query: { year: number; basis: YearBasis },
  principal: Principal | null | undefined,
): Promise<SideBySideWire> {
  const store = deps.exchange;
  const at = deps.now().toISOString();
  const forPublic = !seesAll(principal);
  const node = await store.getNode();
  const peers = await store.listPeers();
  const ownPort = node?.profile.port ?? "";
  const negotiations = await store.listNegotiations();
  const consumerOf = negotiations.filter((a) => a.consumer === ownPort);
  const peerPort = consumerOf[0]?.provider ?? peers[0]?.port ?? null;
  const peerDoc = peers.find((p) => p.port === peerPort);
  const ownPeriod = reportingPeriod(ownPort, query.year, query.basis);
  const peerPeriod = peerPort ? reportingPeriod(peerPort, query.year, query.basis) : null;

  // The level each dataset is aggregated at: the agreement's (so both sides are cut alike), else the finest.
  const levelOf = (dataset: string) => {
    const entry = catalogDataset(dataset);
    const agreed = consumerOf.flatMap((a) => a.terms.datasets).find((d) => d.dataset === dataset);
    return entry?.aggregations.find((l) => l.id === agreed?.aggregation) ?? entry?.aggregations[0];
  };

  const own = new Map<string, PackageCell[] | "restricted" | "fiscal_year_level">();
  const peer = new Map<string, PeerSource & { cells?: PackageCell[] | "fiscal_year_level" }>();
  const datasets = [...new Set(METRICS.flatMap((m) => METRIC_DEFS[m].datasets))];
  for (const dataset of datasets) {
    const entry = catalogDataset(dataset);
    const level = levelOf(dataset);
    if (!entry || !level) continue;
    if (forPublic && !OWN_PUBLIC_DATASETS.has(dataset)) own.set(dataset, "restricted");
    else if (node) {
      const rows = await deps.ownRows(ownPort, dataset, windowOf(ownPeriod));
      // k = 1: this node's own figures, shown to its own readers, hide nothing from them.
      const { cells } = aggregateRows(rows, level.dimensions, entry.fields, 1);
      own.set(dataset, inPeriod(cells, ownPeriod));
    }
    if (peerPeriod) {
      const source = await peerSource(store, consumerOf, dataset, at, forPublic);
      peer.set(
        dataset,
        source.ok ? { ...source, cells: inPeriod(latestCells(source.packages), peerPeriod) } : source,
      );
    }
  }

  const attributions = new Map<string, LocalizedText>();
  const metrics = METRICS.map((id) => {
    const def = METRIC_DEFS[id];
    // This port.
    let ownFigure: SideFigureWire;
    const ownCells = def.datasets.map((d) => own.get(d));
    const ownBlocked = ownCells.find((c) => typeof c === "string" || c === undefined);
    if (!node) ownFigure = figure(null, "no_data");
    else if (ownBlocked !== undefined || ownCells.some((c) => c === undefined))
      ownFigure = figure(null, (typeof ownBlocked === "string" ? ownBlocked : "no_data") as FigureReason);
    else {
      const cells = new Map(def.datasets.map((d, i) => [d, ownCells[i] as PackageCell[]]));
      ownFigure = fromComputed(def, cells);
    }
    // The sister port.
    let peerFigure: SideFigureWire;
    const sources = def.datasets.map((d) => peer.get(d));
    const refusedAt = sources.findIndex((s) => !s?.ok);
    const refused = sources[refusedAt];
    if (!peerPeriod) peerFigure = figure(null, "no_agreement");
    else if (refusedAt >= 0) {
      peerFigure = figure(null, refused && !refused.ok ? refused.reason : "no_agreement");
      if (refused && !refused.ok && refused.agreementId) peerFigure.agreementId = refused.agreementId;
    } else {
      const ok = sources as (PeerSource & { ok: true; cells?: PackageCell[] | "fiscal_year_level" })[];
      const level = ok.find((s) => s.cells === "fiscal_year_level");
      if (level) peerFigure = figure(null, "fiscal_year_level");
      else {
        const cells = new Map(def.datasets.map((d, i) => [d, (ok[i]?.cells ?? []) as PackageCell[]]));
        peerFigure = fromComputed(def, cells);
        // Nothing to show, yet the provider withheld cells under the agreement's k: say so.
        const withheld = ok.some((s) => s.packages.some((p) => p.suppressed.cells > 0));
        if (peerFigure.reason === "no_data" && withheld) peerFigure.reason = "withheld_k";
      }
      const agreement = ok[0]?.agreement as NegotiationState;
      attributions.set(agreement.id, agreement.terms.attribution);
      const key = peerDoc?.document.keys.find((k) => k.kid === ok[0]?.packages[0]?.kid);
      peerFigure.agreementId = agreement.id;
      peerFigure.origin = {
        node: {
          port: agreement.provider,
          name: peerDoc?.document.name ?? null,
          fingerprint: key ? fingerprint(key.publicKey) : (peerDoc?.fingerprint ?? null),
        },
        agreementId: agreement.id,
        attribution: agreement.terms.attribution,
        packages: ok
          .flatMap((s) => s.packages)
          .map((p) => {
            const { storedAt: _s, purgedAt: _p, ...signed } = p;
            return {
              seq: p.seq,
              dataset: p.dataset,
              hash: signedHash(signed),
              issuedAt: p.issuedAt,
              receivedAt: p.storedAt,
            };
          }),
      };
    }
    return { id, unit: def.unit, own: ownFigure, peer: peerFigure };
  });

  const party = (
    port: string,
    name: LocalizedText | null,
    role: "own" | "peer",
    period: ReportingPeriod,
  ) => ({
    port,
    name,
    role,
    period: {
      first: period.months[0] ?? "",
      last: period.months[11] ?? "",
      effectiveBasis: period.effectiveBasis,
      label: period.label,
      timeZone: period.timeZone,
    },
  });
  return {
    year: query.year,
    basis: query.basis,
    at,
    audience: forPublic ? "public" : "all",
    own: party(ownPort, node?.profile.name ?? null, "own", ownPeriod),
    peer: peerPort && peerPeriod ? party(peerPort, peerDoc?.document.name ?? null, "peer", peerPeriod) : null,
    metrics,
    attributions: [...attributions].map(([agreementId, text]) => ({ agreementId, text })),
    moneyNote: moneyNote(CATALOG.flatMap((d) => d.fields.map((f) => f.unit))),
  };
}

type FigureReason = NonNullable<SideFigureWire["reason"]>;

function figure(value: number | null, reason: FigureReason | null): SideFigureWire {
  return { value, reason, agreementId: null, origin: null };
}

function fromComputed(def: MetricDef, cells: Cells): SideFigureWire {
  if (def.datasets.every((d) => (cells.get(d) ?? []).length === 0)) return figure(null, "no_data");
  const r = def.compute(cells);
  return "value" in r ? figure(r.value, null) : figure(null, r.reason);
}

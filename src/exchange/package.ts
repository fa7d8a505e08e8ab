/**
 * Data packages (issue 15): what flows under a finalized agreement. The provider builds a package
 * from its own rows at send time — aggregated to the agreed level, agreed fields only, cells from
 * fewer than k contributors suppressed (and counted) — signs it and chains it to the previous package
 * of the agreement (sequence number and hash). The consumer verifies before storing and answers with
 * a signed receipt. A correction is a new package that names the one it supersedes; nothing is edited.
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { type AgreementTerms, agreementStatus, type NegotiationState } from "./agreement.ts";
import { catalogDataset } from "./catalog.ts";
import type { KeyLookup } from "./identity.ts";
import { type Signed, type Signer, signedHash, signWith, verifySigned } from "./signed.ts";

const Iso = z.iso.datetime({ offset: false });

export const PackageCell = z.object({
  dims: z.record(z.string(), z.string()),
  values: z.record(z.string(), z.number()),
  /** Distinct vessels or companies behind the cell (≥ k by construction). */
  contributors: z.number().int().min(1),
});
export type PackageCell = z.infer<typeof PackageCell>;

export const DataPackageBody = z.object({
  type: z.literal("sisterports.package/1"),
  agreementId: z.uuid(),
  agreementHash: z.string(),
  /** 1, 2, 3 … per agreement, no gaps. */
  seq: z.number().int().min(1),
  prevHash: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  issuedAt: Iso,
  dataset: z.string(),
  aggregation: z.string(),
  fields: z.array(z.object({ name: z.string(), unit: z.string() })),
  cells: z.array(PackageCell),
  /** Cells withheld by the minimum-cell-size rule, and how many contributors they held. */
  suppressed: z.object({ cells: z.number().int().min(0), minCellSize: z.number().int().min(1) }),
  /** A correction names the package (seq) whose content it replaces. */
  supersedes: z.number().int().min(1).optional(),
});
export type DataPackageBody = z.infer<typeof DataPackageBody>;
export const DataPackage = DataPackageBody.extend({ kid: z.string(), signature: z.string() });
export type DataPackage = z.infer<typeof DataPackage>;

/** One row of the provider's own data, before aggregation. */
export interface DatasetRow {
  /** The vessel (IMO) or company the row belongs to: cells count distinct contributors. */
  contributor: string;
  dims: Readonly<Record<string, string>>;
  values: Readonly<Record<string, number>>;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Aggregates rows to an aggregation level and applies the minimum-cell-size rule. Sums add; means are
 * over the rows of the cell that carry the field, or, for a field with a `weight`, over what each
 * row's mean is over. Cells are sorted by their dimension values.
 * Example (k = 3): rows A, B, C in month 2026-01 with co2eTonnes 1, 2, 3 and rows D, E in 2026-02 →
 * one cell {month: 2026-01, co2eTonnes: 6, contributors: 3}; 2026-02 (2 companies) suppressed: 1.
 * Weighted: truckTurnMin 30 over 100 truckVisits and 60 over 300 → (3,000 + 18,000) / 400 = 52.5
 * min (not (30 + 60) / 2 = 45).
 */
export function aggregateRows(
  rows: readonly DatasetRow[],
  dimensions: readonly string[],
  fields: readonly { name: string; aggregate: "sum" | "mean"; weight?: string | undefined }[],
  minCellSize: number,
): { cells: PackageCell[]; suppressedCells: number } {
  const groups = new Map<string, { dims: Record<string, string>; rows: DatasetRow[] }>();
  for (const row of rows) {
    const dims: Record<string, string> = {};
    for (const d of dimensions) {
      const v = row.dims[d];
      if (v === undefined) throw new DomainError("validation", `a row has no value for dimension ${d}`);
      dims[d] = v;
    }
    const key = JSON.stringify(dimensions.map((d) => dims[d]));
    const g = groups.get(key) ?? { dims, rows: [] };
    g.rows.push(row);
    groups.set(key, g);
  }
  const cells: PackageCell[] = [];
  let suppressedCells = 0;
  for (const [, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const contributors = new Set(g.rows.map((r) => r.contributor)).size;
    if (contributors < minCellSize) {
      suppressedCells++;
      continue;
    }
    const values: Record<string, number> = {};
    for (const f of fields) {
      const present = g.rows.filter((r) => Number.isFinite(r.values[f.name]));
      if (present.length === 0) continue;
      // A row without its weight counts once (as in an unweighted mean).
      const w = (r: DatasetRow) => (f.aggregate === "mean" && f.weight ? (r.values[f.weight] ?? 1) : 1);
      const sum = present.reduce((a, r) => a + (r.values[f.name] as number) * w(r), 0);
      const n = present.reduce((a, r) => a + w(r), 0);
      if (f.aggregate === "sum") values[f.name] = sum;
      else if (n > 0) values[f.name] = sum / n;
    }
    cells.push({ dims: g.dims, values, contributors });
  }
  return { cells, suppressedCells };
}

/**
 * Builds and signs the next package of an agreement. Refuses (agreement_required) when the agreement
 * is not active at `issuedAt` or does not cover the dataset; only the agreed fields leave the node.
 * Example: agreement (k = 3) over emissions-inventory category-month, rows of 3 companies in one
 * cell and 2 in another → a package with seq 1, prevHash null, 1 cell, suppressed.cells 1.
 */
export function buildPackage(
  agreement: NegotiationState,
  input: { dataset: string; rows: readonly DatasetRow[]; supersedes?: number },
  prev: ChainHead | undefined,
  signer: Signer,
  issuedAt: string,
): Signed<DataPackageBody> {
  const status = agreementStatus(agreement, issuedAt);
  if (status !== "active")
    throw new DomainError("agreement_required", `agreement ${agreement.id} is ${status}`);
  if (signer.port !== agreement.provider)
    throw new DomainError(
      "agreement_required",
      `${signer.port} is not the provider of agreement ${agreement.id}`,
    );
  const scope = agreement.terms.datasets.find((d) => d.dataset === input.dataset);
  const entry = catalogDataset(input.dataset);
  if (!scope || !entry)
    throw new DomainError("agreement_required", `agreement ${agreement.id} does not cover ${input.dataset}`);
  const level = entry.aggregations.find((a) => a.id === scope.aggregation);
  if (!level) throw new DomainError("internal", `${input.dataset} has no level ${scope.aggregation}`);
  const fields = entry.fields.filter((f) => scope.fields.includes(f.name));
  if (input.supersedes !== undefined && (prev === undefined || input.supersedes > prev.seq))
    throw new DomainError("validation", `package ${input.supersedes} has not been sent`);
  const { cells, suppressedCells } = aggregateRows(
    input.rows,
    level.dimensions,
    fields,
    agreement.terms.minCellSize,
  );
  return signWith(
    {
      type: "sisterports.package/1" as const,
      agreementId: agreement.id,
      agreementHash: agreement.agreementHash ?? "",
      seq: prev ? prev.seq + 1 : 1,
      prevHash: prev ? prev.hash : null,
      from: agreement.provider,
      to: agreement.consumer,
      issuedAt,
      dataset: input.dataset,
      aggregation: scope.aggregation,
      fields: fields.map((f) => ({ name: f.name, unit: f.unit })),
      cells,
      suppressed: { cells: suppressedCells, minCellSize: agreement.terms.minCellSize },
      ...(input.supersedes !== undefined ? { supersedes: input.supersedes } : {}),
    },
    signer,
  );
}

export type PackageRefusal =
  | "malformed"
  | "unknown_agreement"
  | "unknown_key"
  | "tampered"
  | "wrong_party"
  | "revoked"
  | "expired"
  | "not_agreed"
  | "out_of_agreement"
  | "replayed"
  | "out_of_order"
  | "broken_chain"
  | "stale";

export type PackageCheck =
  | { ok: true; package: DataPackage; hash: string }
  | { ok: false; reason: PackageRefusal; detail: string };

export interface VerifyContext {
  /** The negotiation the package names, as this node holds it (undefined: unknown). */
  agreement: NegotiationState | undefined;
  keys: KeyLookup;
  /** The last package accepted under the agreement (undefined: none yet). */
  last: ChainHead | undefined;
  /** Now, and how old (or how far in the future, for clock skew) a package may be. */
  now: string;
  maxAgeS: number;
  maxSkewS?: number;
}

const no = (reason: PackageRefusal, detail: string): PackageCheck => ({ ok: false, reason, detail });

/**
 * Verifies a received package before it is stored; every refusal has a reason code: malformed,
 * unknown_agreement, unknown_key, tampered (the signature does not cover these bytes), wrong_party,
 * revoked (agreement terminated), expired (validity over at issue or now), not_agreed (not FINALIZED
 * or not yet valid), out_of_agreement (other agreement hash, dataset, aggregation or fields than
 * agreed, a cell under k, a bad supersedes), replayed (a sequence number already accepted),
 * out_of_order (a gap), broken_chain (prevHash is not the last accepted package's hash), stale (issued
 * longer ago than maxAgeS, or in the future beyond the skew).
 */
export function verifyPackage(input: unknown, ctx: VerifyContext): PackageCheck {
  const parsed = DataPackage.safeParse(input);
  if (!parsed.success) return no("malformed", parsed.error.issues[0]?.message ?? "");
  const pkg = parsed.data;
  const a = ctx.agreement;
  if (!a || a.id !== pkg.agreementId) return no("unknown_agreement", `no agreement ${pkg.agreementId}`);
  const publicKey = ctx.keys(pkg.from, pkg.kid, pkg.issuedAt);
  if (publicKey === undefined)
    return no("unknown_key", `${pkg.from} has no key ${pkg.kid} valid at ${pkg.issuedAt}`);
  if (!verifySigned(pkg, publicKey))
    return no("tampered", `the signature of ${pkg.kid} does not match the content`);
  if (pkg.from !== a.provider || pkg.to !== a.consumer)
    return no("wrong_party", `${pkg.from} → ${pkg.to} under an agreement ${a.provider} → ${a.consumer}`);
  for (const at of [pkg.issuedAt, ctx.now]) {
    const status = agreementStatus(a, at);
    if (status === "terminated")
      return no("revoked", `agreement ${a.id} was terminated by ${a.terminatedBy ?? "?"}`);
    if (status === "expired") return no("expired", `agreement ${a.id} ended at ${a.terms.validUntil}`);
    if (status !== "active") return no("not_agreed", `agreement ${a.id} is ${status} at ${at}`);
  }
  const scope = outOfAgreement(pkg, a.terms, a.agreementHash);
  if (scope) return no("out_of_agreement", scope);
  if (ctx.last === undefined) {
    if (pkg.seq !== 1) return no("out_of_order", `seq ${pkg.seq}, expected 1`);
    if (pkg.prevHash !== null) return no("broken_chain", "the first package chains to nothing");
  } else {
    if (pkg.seq <= ctx.last.seq)
      return no("replayed", `seq ${pkg.seq} was accepted already (last ${ctx.last.seq})`);
    if (pkg.seq > ctx.last.seq + 1) return no("out_of_order", `seq ${pkg.seq}, expected ${ctx.last.seq + 1}`);
    if (pkg.prevHash !== ctx.last.hash)
      return no("broken_chain", `prevHash is not package ${ctx.last.seq}'s hash`);
  }
  const ageS = (Date.parse(ctx.now) - Date.parse(pkg.issuedAt)) / 1000;
  if (ageS > ctx.maxAgeS || ageS < -(ctx.maxSkewS ?? 300))
    return no("stale", `issued ${pkg.issuedAt}, ${Math.round(ageS)} s before ${ctx.now}`);
  return { ok: true, package: pkg, hash: signedHash(pkg) };
}

function outOfAgreement(
  pkg: DataPackage,
  terms: AgreementTerms,
  agreementHash: string | undefined,
): string | undefined {
  if (pkg.agreementHash !== agreementHash) return "signed under other terms (agreement hash)";
  const scope = terms.datasets.find((d) => d.dataset === pkg.dataset);
  if (!scope) return `dataset ${pkg.dataset} is not in the agreement`;
  if (pkg.aggregation !== scope.aggregation)
    return `aggregation ${pkg.aggregation}, agreed ${scope.aggregation}`;
  const level = catalogDataset(pkg.dataset)?.aggregations.find((x) => x.id === pkg.aggregation);
  const allowed = new Set(scope.fields);
  for (const f of pkg.fields) if (!allowed.has(f.name)) return `field ${f.name} is not agreed`;
  const declared = new Set(pkg.fields.map((f) => f.name));
  for (const c of pkg.cells) {
    if (c.contributors < terms.minCellSize)
      return `a cell of ${c.contributors} contributors (k = ${terms.minCellSize})`;
    for (const name of Object.keys(c.values))
      if (!declared.has(name)) return `cell field ${name} is not agreed`;
    const dims = Object.keys(c.dims).sort();
    if (level && dims.join(",") !== [...level.dimensions].sort().join(","))
      return `cell dimensions ${dims.join(",")} are not those of ${pkg.aggregation}`;
  }
  if (pkg.supersedes !== undefined && pkg.supersedes >= pkg.seq)
    return `supersedes ${pkg.supersedes}, not an earlier package`;
  return undefined;
}

export const ReceiptBody = z.object({
  type: z.literal("sisterports.receipt/1"),
  agreementId: z.string(),
  packageSeq: z.number().int(),
  packageHash: z.string(),
  from: z.string(),
  to: z.string(),
  receivedAt: Iso,
  outcome: z.enum(["accepted", "refused"]),
  reason: z.string().optional(),
});
export type ReceiptBody = z.infer<typeof ReceiptBody>;
export const Receipt = ReceiptBody.extend({ kid: z.string(), signature: z.string() });
export type Receipt = z.infer<typeof Receipt>;

/**
 * The consumer's signed answer to a package: accepted, or refused with the reason code — so the
 * sender logs the same outcome. `packageHash` is the hash of the package as received (signedHash).
 */
export function signReceipt(
  pkg: Pick<DataPackage, "agreementId" | "seq" | "from">,
  packageHash: string,
  outcome: { outcome: "accepted" } | { outcome: "refused"; reason: string },
  signer: Signer,
  receivedAt: string,
): Receipt {
  return signWith(
    {
      type: "sisterports.receipt/1" as const,
      agreementId: pkg.agreementId,
      packageSeq: pkg.seq,
      packageHash,
      from: signer.port,
      to: pkg.from,
      receivedAt,
      ...outcome,
    },
    signer,
  );
}

/** Verifies a receipt for a package this node sent: its signature and that it names that package. */
export function verifyReceipt(
  input: unknown,
  sent: { agreementId: string; seq: number; hash: string; to: string },
  keys: KeyLookup,
):
  | { ok: true; receipt: Receipt }
  | { ok: false; reason: "malformed" | "unknown_key" | "tampered" | "mismatch" } {
  const parsed = Receipt.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const r = parsed.data;
  const key = keys(r.from, r.kid, r.receivedAt);
  if (key === undefined) return { ok: false, reason: "unknown_key" };
  if (!verifySigned(r, key)) return { ok: false, reason: "tampered" };
  if (
    r.agreementId !== sent.agreementId ||
    r.packageSeq !== sent.seq ||
    r.packageHash !== sent.hash ||
    r.from !== sent.to
  )
    return { ok: false, reason: "mismatch" };
  return { ok: true, receipt: r };
}

/**
 * The figures in force after corrections: for each package, the latest package that supersedes it
 * (transitively) wins. Returns the seqs whose cells are current. Example: 1, 2, 3 (supersedes 1),
 * 4 (supersedes 3) → [2, 4].
 */
export function currentPackages(packages: readonly Pick<DataPackage, "seq" | "supersedes">[]): number[] {
  const superseded = new Set(packages.flatMap((p) => (p.supersedes !== undefined ? [p.supersedes] : [])));
  return packages
    .map((p) => p.seq)
    .filter((s) => !superseded.has(s))
    .sort((a, b) => a - b);
}

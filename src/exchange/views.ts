/**
 * What the agreements page and the API show of the exchange (issue 15): each agreement with its
 * parties, state, status, scope and traffic; one agreement in full (terms, signed log, packages,
 * receipts, audit); the audit log by pages. Read-only use cases over the ExchangeStore.
 */
import { DomainError } from "../core/errors.ts";
import {
  agreementStatus,
  MESSAGE_TYPES,
  type MessageType,
  type NegotiationState,
  TRANSITIONS,
} from "./agreement.ts";
import type { AuditEntry } from "./audit.ts";
import { catalogDataset } from "./catalog.ts";
import type { LocalizedText } from "./identity.ts";
import { currentPackages } from "./package.ts";
import { signedHash } from "./signed.ts";
import type { ExchangeStore, StoredPackage } from "./store.ts";
import type {
  AgreementDetailWire,
  AgreementListWire,
  AgreementSummaryWire,
  ExchangeAuditEntryWire,
  ExchangeAuditPageWire,
} from "./wire.ts";

/**
 * The steps a party may send now: those its role sends from the current state, and once the terms'
 * validity has ended only terminate (applyTransition refuses the rest as expired). Example: the
 * consumer of an OFFERED negotiation may accept, request (a counter-request) or terminate; the
 * provider of it only terminate.
 */
export function allowedSteps(
  state: NegotiationState,
  role: "provider" | "consumer",
  atIso: string,
): MessageType[] {
  if (state.state === "TERMINATED") return [];
  const expired = Date.parse(atIso) >= Date.parse(state.terms.validUntil);
  return MESSAGE_TYPES.filter((type) => {
    const rule = TRANSITIONS[type];
    if (rule.by !== "either" && rule.by !== role) return false;
    if (!rule.from.includes(state.state)) return false;
    return !expired || type === "terminate";
  });
}

/** Audit actions that mark a sync: a pull served (provider) or packages taken in (consumer). */
const SYNC_ACTIONS = /^(pull\.|sync\.|package\.received|package\.refused)/;

function auditWire(e: AuditEntry): ExchangeAuditEntryWire {
  return {
    seq: e.seq,
    at: e.at,
    action: e.action,
    peer: e.peer ?? null,
    agreementId: e.agreementId ?? null,
    outcome: e.outcome,
    reason: e.reason ?? null,
    detail: e.detail ?? null,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

/** A stored package as it was signed (the store's own fields off), for its hash. */
function packageHash(p: StoredPackage): string {
  const { storedAt: _s, purgedAt: _p, ...pkg } = p;
  return signedHash(pkg);
}

async function partyNames(store: ExchangeStore): Promise<{
  self: { port: string; name: LocalizedText } | undefined;
  names: Map<string, LocalizedText>;
}> {
  const node = await store.getNode();
  const names = new Map<string, LocalizedText>();
  for (const p of await store.listPeers()) names.set(p.port, p.document.name);
  if (node) names.set(node.profile.port, node.profile.name);
  return { self: node ? { port: node.profile.port, name: node.profile.name } : undefined, names };
}

async function summaryOf(
  store: ExchangeStore,
  a: NegotiationState,
  selfPort: string,
  names: Map<string, LocalizedText>,
  atIso: string,
  audit: readonly AuditEntry[],
): Promise<AgreementSummaryWire> {
  const role = a.provider === selfPort ? "provider" : "consumer";
  const sent = await store.listPackages(a.id, "sent");
  const received = await store.listPackages(a.id, "received");
  const lastAt =
    [...sent, ...received]
      .map((p) => p.storedAt)
      .sort()
      .at(-1) ?? null;
  const lastSyncAt =
    audit
      .filter((e) => SYNC_ACTIONS.test(e.action))
      .map((e) => e.at)
      .sort()
      .at(-1) ?? null;
  return {
    id: a.id,
    role,
    provider: { port: a.provider, name: names.get(a.provider) ?? null },
    consumer: { port: a.consumer, name: names.get(a.consumer) ?? null },
    state: a.state,
    status: agreementStatus(a, atIso),
    version: a.terms.version,
    datasets: a.terms.datasets.map((d) => {
      const entry = catalogDataset(d.dataset);
      return {
        dataset: d.dataset,
        title: entry?.title ?? null,
        aggregation: d.aggregation,
        fields: d.fields.map((name) => ({
          name,
          unit: entry?.fields.find((f) => f.name === name)?.unit ?? "",
        })),
      };
    }),
    minCellSize: a.terms.minCellSize,
    validFrom: a.terms.validFrom,
    validUntil: a.terms.validUntil,
    retentionDays: a.terms.retentionDays,
    packages: { sent: sent.length, received: received.length, lastAt },
    lastSyncAt,
    updatedAt: a.updatedAt,
    allowedSteps: allowedSteps(a, role, atIso),
  };
}

/** Every agreement this node takes part in, newest first, as of `now`. */
export async function listAgreementViews(store: ExchangeStore, now: Date): Promise<AgreementListWire> {
  const at = now.toISOString();
  const { self, names } = await partyNames(store);
  if (!self) return { node: null, at, agreements: [] };
  const agreements: AgreementSummaryWire[] = [];
  for (const a of await store.listNegotiations())
    agreements.push(
      await summaryOf(store, a, self.port, names, at, await store.listAudit({ agreementId: a.id })),
    );
  return { node: self, at, agreements };
}

/** One agreement in full: terms, the signed log, packages both ways, receipts and its audit entries. */
export async function agreementDetailView(
  store: ExchangeStore,
  id: string,
  now: Date,
): Promise<AgreementDetailWire> {
  const a = await store.getNegotiation(id);
  const { self, names } = await partyNames(store);
  if (!a || !self) throw new DomainError("not_found", `no agreement ${id}`);
  const at = now.toISOString();
  const audit = await store.listAudit({ agreementId: id });
  const summary = await summaryOf(store, a, self.port, names, at, audit);
  const log = await store.negotiationLog(id);
  const packages = [];
  for (const direction of ["sent", "received"] as const) {
    const list = await store.listPackages(id, direction);
    const current = new Set(currentPackages(list));
    for (const p of list)
      packages.push({
        direction,
        seq: p.seq,
        dataset: p.dataset,
        aggregation: p.aggregation,
        cells: p.cells.length,
        suppressedCells: p.suppressed.cells,
        supersedes: p.supersedes ?? null,
        current: current.has(p.seq),
        issuedAt: p.issuedAt,
        storedAt: p.storedAt,
        purgedAt: p.purgedAt ?? null,
        hash: packageHash(p),
      });
  }
  return {
    ...summary,
    terms: a.terms,
    agreementHash: a.agreementHash ?? null,
    terminatedBy: a.terminatedBy ?? null,
    terminationReason: a.terminationReason ?? null,
    log: log.map((m) => ({
      seq: m.seq,
      type: m.type,
      from: m.from,
      to: m.to,
      at: m.sentAt,
      hash: signedHash(m),
      termsVersion: m.terms?.version ?? null,
      reason: m.reason?.code ?? null,
    })),
    packages,
    receipts: (await store.listReceipts(id)).map((r) => ({
      direction: r.direction,
      packageSeq: r.packageSeq,
      outcome: r.outcome,
      reason: r.reason ?? null,
      receivedAt: r.receivedAt,
      from: r.from,
    })),
    audit: audit.map(auditWire),
  };
}

/**
 * A page of the audit log, newest first: `limit` entries before seq `before` (all when absent).
 * Example: entries 1…5, limit 2 → [5, 4] with nextBefore 4; then before 4 → [3, 2], nextBefore 2;
 * then before 2 → [1], nextBefore null.
 */
export async function auditPageView(
  store: ExchangeStore,
  query: { limit: number; before?: number | undefined },
): Promise<ExchangeAuditPageWire> {
  const rows = await store.listAudit({
    limit: query.limit + 1,
    ...(query.before !== undefined ? { before: query.before } : {}),
  });
  // The store gives the newest limit + 1 in seq order: one more than asked tells whether older ones exist.
  const more = rows.length > query.limit;
  const page = (more ? rows.slice(1) : rows).reverse();
  return { entries: page.map(auditWire), nextBefore: more ? (page.at(-1)?.seq ?? null) : null };
}

/**
 * The exchange between two running nodes (issue 15): negotiation steps delivered to the peer,
 * the provider's publishing of packages from its own data, and sync of an agreement either way.
 * Transport-agnostic: the caller passes `transportFor` (HTTP in server/ and cli/, in process in
 * tests) and `rowsFor` (the node's dataset rows, composed in store/). Every step is stored before it
 * is sent, so a lost answer is repaired by sending the same signed message again (the peer
 * acknowledges a duplicate); a network failure is retried a few times, then reported.
 */
import { DomainError } from "../core/errors.ts";
import {
  type AgreementStatus,
  type AgreementTerms,
  agreementStatus,
  type MessageType,
  type NegotiationMessage,
  type NegotiationState,
  type NegotiationStateName,
} from "./agreement.ts";
import { canonicalJson } from "./canonical.ts";
import { exchangeMsg } from "./messages.ts";
import type { DatasetRow, PackageCell, Receipt } from "./package.ts";
import { buildPackage } from "./package.ts";
import {
  draftAgreement,
  negotiationStep,
  nodeSigner,
  noticeFor,
  pullAgreement,
  sendPackage,
} from "./service.ts";
import type { ExchangeStore } from "./store.ts";
import type { PullRequest, PullResponse } from "./sync.ts";

/** What one node needs to reach a peer. */
export interface PeerTransport {
  sendNegotiationMessage(message: unknown): Promise<{ ok: boolean; reason?: string; detail?: string }>;
  sendNotice(notice: unknown): Promise<unknown>;
  pull(request: PullRequest): Promise<PullResponse>;
  sendReceipts(receipts: Receipt[]): Promise<void>;
}

export type TransportFor = (peer: {
  port: string;
  endpoint: string;
  apiKey: string | undefined;
}) => PeerTransport;

/** The node's own rows of a dataset over [from, to) — exchangeDatasetRows bound to its store. */
export type RowsFor = (
  port: string,
  dataset: string,
  range: { from: string; to: string },
) => Promise<DatasetRow[]>;

export interface EngineDeps {
  exchange: ExchangeStore;
  transportFor: TransportFor;
  rowsFor: RowsFor;
  now(): Date;
  /** Attempts per delivery on network failure (default 3), and the pause between them. */
  attempts?: number;
  retryDelayMs?: number;
  pageSize?: number;
}

export interface StepResult {
  id: string;
  state: NegotiationStateName;
  delivered: boolean;
  reason?: string;
}

export interface SyncResult {
  agreementId: string;
  role: "provider" | "consumer";
  status: AgreementStatus;
  sent: number[];
  accepted: number[];
  duplicates: number[];
  refused: { seq: number; reason: string }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retries `f` while it fails with `unavailable` (network, 5xx); other failures pass through. */
async function withRetry<T>(deps: EngineDeps, f: () => Promise<T>): Promise<T> {
  const attempts = deps.attempts ?? 3;
  for (let i = 1; ; i++) {
    try {
      return await f();
    } catch (error) {
      const retry = error instanceof DomainError && error.code === "unavailable" && i < attempts;
      if (!retry) throw error;
      await sleep((deps.retryDelayMs ?? 250) * i);
    }
  }
}

/** The transport to a known peer, with the API key stored for it. */
export async function peerTransport(deps: EngineDeps, port: string): Promise<PeerTransport> {
  const peer = await deps.exchange.getPeer(port);
  if (!peer) throw new DomainError("not_found", exchangeMsg("errNotPeer", { port }));
  return deps.transportFor({
    port,
    endpoint: peer.document.endpoint,
    apiKey: await deps.exchange.peerKey(port),
  });
}

const errorText = (error: unknown) =>
  error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);

async function deliver(
  deps: EngineDeps,
  state: NegotiationState,
  message: NegotiationMessage,
): Promise<StepResult> {
  const base = { id: state.id, state: state.state };
  try {
    const transport = await peerTransport(deps, message.to);
    const ack = await withRetry(deps, () => transport.sendNegotiationMessage(message));
    await deps.exchange.appendAudit({
      at: deps.now().toISOString(),
      action: "negotiation.delivered",
      peer: message.to,
      agreementId: state.id,
      outcome: ack.ok ? "ok" : "refused",
      ...(ack.ok ? {} : { reason: ack.reason ?? "refused" }),
      detail: { type: message.type, seq: message.seq, ...(ack.detail ? { detail: ack.detail } : {}) },
    });
    return ack.ok
      ? { ...base, delivered: true }
      : { ...base, delivered: false, reason: `${ack.reason ?? "refused"}: ${ack.detail ?? ""}` };
  } catch (error) {
    await deps.exchange.appendAudit({
      at: deps.now().toISOString(),
      action: "negotiation.delivered",
      peer: message.to,
      agreementId: state.id,
      outcome: "failed",
      reason: error instanceof DomainError ? error.code : "error",
      detail: { type: message.type, seq: message.seq, detail: errorText(error) },
    });
    return { ...base, delivered: false, reason: errorText(error) };
  }
}

/** This node, as consumer, requests an agreement on these terms and sends the request to the provider. */
export async function requestAgreement(deps: EngineDeps, terms: unknown): Promise<StepResult> {
  const { state, message } = await draftAgreement(deps.exchange, terms, deps.now());
  return deliver(deps, state, message);
}

/** This node's next step in a negotiation, stored, then delivered to the peer. */
export async function takeStep(
  deps: EngineDeps,
  id: string,
  step: { type: Exclude<MessageType, "request">; terms?: AgreementTerms; reason?: string },
): Promise<StepResult> {
  const { state, message } = await negotiationStep(
    deps.exchange,
    id,
    {
      type: step.type,
      ...(step.terms ? { terms: step.terms } : {}),
      ...(step.reason !== undefined
        ? { reason: { code: "operator", text: { en: step.reason, ja: step.reason } } }
        : {}),
    },
    deps.now(),
  );
  return deliver(deps, state, message);
}

/**
 * Sends this node's last negotiation message again (the peer answers a duplicate as received): what
 * repairs a step whose delivery failed. Undefined when the last message is the peer's.
 */
export async function resendLastStep(deps: EngineDeps, id: string): Promise<StepResult | undefined> {
  const state = await deps.exchange.getNegotiation(id);
  if (!state) throw new DomainError("not_found", exchangeMsg("errNoAgreement", { id }));
  const self = (await nodeSigner(deps.exchange, deps.now())).port;
  const last = (await deps.exchange.negotiationLog(id)).at(-1);
  if (!last || last.from !== self) return undefined;
  return deliver(deps, state, last);
}

const contentOf = (p: { fields: unknown; cells: readonly PackageCell[]; suppressed: unknown }) =>
  canonicalJson({ fields: p.fields, cells: p.cells, suppressed: p.suppressed });

/**
 * The provider publishes an agreement: for each agreed dataset, the package built now from its own
 * rows over the agreement's window (validFrom to now, at most validUntil) — sent only when its content
 * differs from the last package of that dataset, as a correction that supersedes it when there was
 * one — then a signed notice to the consumer. Nothing is built unless the agreement is active.
 * Example: first publish of an agreement over 2 datasets → sent [1, 2]; again with no data change →
 * sent []; after a changed month of the first dataset → sent [3] with supersedes 1.
 */
export async function publishAgreement(
  deps: EngineDeps,
  id: string,
): Promise<{
  status: AgreementStatus;
  sent: number[];
  notice?: "delivered" | "failed";
  noticeError?: string;
}> {
  const store = deps.exchange;
  const agreement = await store.getNegotiation(id);
  if (!agreement) throw new DomainError("not_found", exchangeMsg("errNoAgreement", { id }));
  const now = deps.now();
  const status = agreementStatus(agreement, now.toISOString());
  if (status !== "active") return { status, sent: [] };
  const signer = await nodeSigner(store, now);
  if (signer.port !== agreement.provider)
    throw new DomainError("validation", exchangeMsg("errNotProvider", { id }));
  const range = {
    from: agreement.terms.validFrom,
    to: new Date(Math.min(now.getTime(), Date.parse(agreement.terms.validUntil))).toISOString(),
  };
  const sent: number[] = [];
  const previous = await store.listPackages(id, "sent");
  for (const scope of agreement.terms.datasets) {
    const rows = await deps.rowsFor(agreement.provider, scope.dataset, range);
    const last = previous.filter((p) => p.dataset === scope.dataset).at(-1);
    // Built (and signed) only to compare: the stored chain moves only when the content changed.
    const candidate = buildPackage(
      agreement,
      { dataset: scope.dataset, rows },
      await store.chainHead(id, "sent"),
      signer,
      now.toISOString(),
    );
    if (last && contentOf(last) === contentOf(candidate)) continue;
    const r = await sendPackage(
      store,
      id,
      { dataset: scope.dataset, rows, ...(last ? { supersedes: last.seq } : {}) },
      now,
    );
    sent.push(r.package.seq);
  }
  if (sent.length === 0) return { status, sent };
  try {
    const transport = await peerTransport(deps, agreement.consumer);
    const notice = await noticeFor(store, id, deps.now());
    await withRetry(deps, () => transport.sendNotice(notice));
    await store.appendAudit({
      at: deps.now().toISOString(),
      action: "notice.sent",
      peer: agreement.consumer,
      agreementId: id,
      outcome: "ok",
      detail: { seq: notice.seq },
    });
    return { status, sent, notice: "delivered" };
  } catch (error) {
    // The consumer pulls on its own schedule too: a lost notice delays, it does not lose data.
    await store.appendAudit({
      at: deps.now().toISOString(),
      action: "notice.sent",
      peer: agreement.consumer,
      agreementId: id,
      outcome: "failed",
      reason: error instanceof DomainError ? error.code : "error",
      detail: { detail: errorText(error) },
    });
    return { status, sent, notice: "failed", noticeError: errorText(error) };
  }
}

/**
 * A whole negotiation between two nodes this process holds both of (the demo, tests): the
 * consumer requests `terms`, the provider answers with the same terms as its own offer (the next
 * version), then accept, agree, verify, finalize — each step delivered to the other node over its
 * transport, or refused (unavailable) naming the step that was not. Returns the agreement id.
 */
export async function negotiateAgreement(
  consumer: EngineDeps,
  provider: EngineDeps,
  terms: AgreementTerms,
): Promise<string> {
  const delivered = (step: string, r: StepResult): StepResult => {
    if (!r.delivered)
      throw new DomainError(
        "unavailable",
        exchangeMsg("errStepNotDelivered", { step, id: r.id, reason: r.reason ?? "" }),
      );
    return r;
  };
  const { id } = delivered("request", await requestAgreement(consumer, terms));
  delivered(
    "offer",
    await takeStep(provider, id, { type: "offer", terms: { ...terms, version: terms.version + 1 } }),
  );
  delivered("accept", await takeStep(consumer, id, { type: "accept" }));
  delivered("agree", await takeStep(provider, id, { type: "agree" }));
  delivered("verify", await takeStep(consumer, id, { type: "verify" }));
  delivered("finalize", await takeStep(provider, id, { type: "finalize" }));
  return id;
}

/**
 * Sync of one agreement from this node's side. Provider: publish (above); accepted and refused are
 * the consumer's signed receipts stored so far. Consumer: pull everything new (resuming from its own
 * chain head). While still negotiating, this node's last message is sent again (idempotent).
 */
export function syncAgreement(deps: EngineDeps, id: string): Promise<SyncResult> {
  // One sync of an agreement at a time in this process (the timer, a notice and an operator may
  // ask at once): a second waits for the first, then finds what is left.
  const key = `${id}`;
  const previous = inFlight.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => syncOnce(deps, id));
  const tail = run.catch(() => undefined);
  inFlight.set(key, tail);
  void tail.then(() => {
    if (inFlight.get(key) === tail) inFlight.delete(key);
  });
  return run;
}

const inFlight = new Map<string, Promise<unknown>>();

async function syncOnce(deps: EngineDeps, id: string): Promise<SyncResult> {
  const store = deps.exchange;
  const agreement = await store.getNegotiation(id);
  if (!agreement) throw new DomainError("not_found", exchangeMsg("errNoAgreement", { id }));
  const self = (await nodeSigner(store, deps.now())).port;
  const role = agreement.provider === self ? "provider" : "consumer";
  const status = agreementStatus(agreement, deps.now().toISOString());
  const empty = { agreementId: id, role, sent: [], accepted: [], duplicates: [], refused: [] } as const;
  if (status === "negotiating") {
    await resendLastStep(deps, id);
    return { ...empty, sent: [], accepted: [], duplicates: [], refused: [], status };
  }
  if (role === "provider") {
    const published = await publishAgreement(deps, id);
    const receipts = (await store.listReceipts(id)).filter((r) => r.direction === "received");
    return {
      ...empty,
      status: published.status,
      sent: published.sent,
      accepted: [...new Set(receipts.filter((r) => r.outcome === "accepted").map((r) => r.packageSeq))].sort(
        (a, b) => a - b,
      ),
      duplicates: [],
      refused: receipts
        .filter((r) => r.outcome === "refused")
        .map((r) => ({ seq: r.packageSeq, reason: r.reason ?? "" })),
    };
  }
  // A terminated or expired agreement is still asked once: the provider's answer says so.
  const transport = await peerTransport(deps, agreement.provider);
  // Freshness: a package waits at the provider until pulled, so a consumer that was down for days
  // must still take it; the chain (seq, prevHash) refuses replays. What it may not take is a package
  // older than it may keep (the agreed retention).
  const r = await pullAgreement(store, id, transport, deps.now, {
    ...(deps.pageSize !== undefined ? { pageSize: deps.pageSize } : {}),
    maxAgeS: agreement.terms.retentionDays * 86_400,
  });
  return {
    ...empty,
    status: r.status,
    sent: [],
    accepted: r.accepted,
    duplicates: r.duplicates,
    refused: r.refused,
  };
}

/** Sync of every agreement this node holds that may still move (negotiating or active). */
export async function syncAll(
  deps: EngineDeps,
): Promise<(SyncResult | { agreementId: string; error: string })[]> {
  const out: (SyncResult | { agreementId: string; error: string })[] = [];
  for (const a of await deps.exchange.listNegotiations()) {
    const status = agreementStatus(a, deps.now().toISOString());
    if (status !== "active" && status !== "negotiating") continue;
    try {
      out.push(await syncAgreement(deps, a.id));
    } catch (error) {
      out.push({ agreementId: a.id, error: errorText(error) });
    }
  }
  return out;
}

/**
 * Publishes under every agreement in force that this node provides (what a command that stored new
 * data does before it ends): the packages of datasets whose content changed, and a notice. None when
 * the node is not set up for the exchange.
 */
export async function publishAll(
  deps: EngineDeps,
): Promise<
  ({ agreementId: string; consumer: string } & (
    | Awaited<ReturnType<typeof publishAgreement>>
    | { error: string }
  ))[]
> {
  if (!(await deps.exchange.getNode())) return [];
  const self = (await nodeSigner(deps.exchange, deps.now())).port;
  const at = deps.now().toISOString();
  const out: Awaited<ReturnType<typeof publishAll>> = [];
  for (const a of await deps.exchange.listNegotiations()) {
    if (a.provider !== self || agreementStatus(a, at) !== "active") continue;
    try {
      out.push({ agreementId: a.id, consumer: a.consumer, ...(await publishAgreement(deps, a.id)) });
    } catch (error) {
      out.push({ agreementId: a.id, consumer: a.consumer, error: errorText(error) });
    }
  }
  return out;
}

/**
 * The server's exchange timer: every `intervalS`, sync every agreement that may move (a consumer
 * pulls, a provider publishes what changed). `kick()` runs one now; `nudge()` runs one `settleS`
 * (default 30) after data arrived, once per burst; runs never overlap.
 */
export function startExchangeSync(
  deps: EngineDeps,
  options: { intervalS: number; settleS?: number; onError?: (error: unknown) => void },
): { kick(): Promise<void>; nudge(): void; stop(): void } {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await syncAll(deps);
        } while (again);
      } catch (error) {
        options.onError?.(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void run(), options.intervalS * 1000);
  timer.unref();
  // After data arrived: one run once the writes have settled (a burst of ingests makes one run).
  let settle: ReturnType<typeof setTimeout> | undefined;
  const nudge = () => {
    if (settle) return;
    settle = setTimeout(
      () => {
        settle = undefined;
        void run();
      },
      (options.settleS ?? 30) * 1000,
    );
    settle.unref();
  };
  return {
    kick: run,
    nudge,
    stop: () => {
      clearInterval(timer);
      if (settle) clearTimeout(settle);
    },
  };
}

/**
 * Exchange use cases over the store (no transport yet): set up this node, rotate its key, add a peer
 * from its node document, draft an agreement, take a negotiation step, receive a peer's message.
 * Every outcome — done or refused — goes to the audit log with its reason code.
 */
import { randomUUID } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import { textOf } from "../core/json-text.ts";
import {
  AgreementTerms,
  agreementStatus,
  applyTransition,
  type MessageType,
  type NegotiationMessage,
  type NegotiationState,
  nextMessage,
  termsProblems,
} from "./agreement.ts";
import {
  currentKey,
  endorseKey,
  firstKey,
  type KeyLookup,
  keyLookup,
  type NodeDocument,
  signNodeDocument,
  verifyNodeDocument,
} from "./identity.ts";
import { fingerprint, generateNodeKeyPair } from "./keys.ts";
import { exchangeMsg } from "./messages.ts";
import {
  buildPackage,
  type DataPackage,
  type DatasetRow,
  type PackageRefusal,
  type Receipt,
  signReceipt,
  verifyPackage,
  verifyReceipt,
} from "./package.ts";
import { type Signer, signedHash } from "./signed.ts";
import type { ExchangeStore, LocalNode, NodeProfile, StoredPackage } from "./store.ts";
import {
  Notice,
  PullRequest,
  type PullResponse,
  type SyncTransport,
  signNotice,
  signPullRequest,
  verifySignedRequest,
} from "./sync.ts";

/** A stored package as it was signed (without the store's own fields). */
function asSent(p: StoredPackage): DataPackage {
  const { storedAt: _s, purgedAt: _p, ...pkg } = p;
  return pkg;
}

const iso = (d: Date) => d.toISOString();

async function requireNode(store: ExchangeStore): Promise<LocalNode> {
  const node = await store.getNode();
  if (!node) throw new DomainError("not_found", exchangeMsg("errNodeNotSetUp"));
  return node;
}

/** First start: a key pair (the private key stays in the store) and the signed node document. */
export async function initNode(store: ExchangeStore, profile: NodeProfile, now: Date): Promise<LocalNode> {
  const pair = generateNodeKeyPair();
  const key = firstKey(pair.publicKey, iso(now));
  const document = signNodeDocument(
    { ...profile, keys: [key], issuedAt: iso(now) },
    { port: profile.port, kid: key.kid, privateKeyPem: pair.privateKeyPem },
  );
  const check = verifyNodeDocument(document);
  if (!check.ok) throw new DomainError("validation", `node document: ${check.detail}`);
  await store.initNode({ profile, key, privateKeyPem: pair.privateKeyPem, document });
  await store.appendAudit({
    at: iso(now),
    action: "node.init",
    outcome: "ok",
    detail: { port: profile.port, kid: key.kid, fingerprint: fingerprint(key.publicKey) },
  });
  return requireNode(store);
}

/** The signer of this node now: its current key, read from the store for this signature only. */
export async function nodeSigner(store: ExchangeStore, now: Date): Promise<Signer> {
  const node = await requireNode(store);
  const key = currentKey(node.keys, iso(now));
  const pem = key && (await store.privateKey(key.kid));
  if (!key || !pem) throw new DomainError("internal", "this node has no current key");
  return { port: node.profile.port, kid: key.kid, privateKeyPem: pem };
}

/**
 * Rotation: a new key endorsed by the current one; the old key stays listed and verifies until
 * now + overlapDays; the document is re-signed by the new key.
 */
export async function rotateNodeKey(
  store: ExchangeStore,
  overlapDays: number,
  now: Date,
): Promise<LocalNode> {
  const node = await requireNode(store);
  const old = await nodeSigner(store, now);
  const pair = generateNodeKeyPair();
  const key = endorseKey(node.profile.port, pair.publicKey, iso(now), old);
  const oldUntil = iso(new Date(now.getTime() + overlapDays * 86_400_000));
  const keys = node.keys.map((k) => (k.kid === old.kid ? { ...k, until: oldUntil } : k));
  const document = signNodeDocument(
    { ...node.profile, keys: [...keys, key], issuedAt: iso(now) },
    { port: node.profile.port, kid: key.kid, privateKeyPem: pair.privateKeyPem },
  );
  const check = verifyNodeDocument(document, { trusted: node.document });
  if (!check.ok) throw new DomainError("internal", `rotated document: ${check.reason} ${check.detail}`);
  await store.rotateKey({ oldKid: old.kid, oldUntil, key, privateKeyPem: pair.privateKeyPem, document });
  await store.appendAudit({
    at: iso(now),
    action: "node.rotate",
    outcome: "ok",
    detail: { oldKid: old.kid, oldUntil, kid: key.kid, fingerprint: fingerprint(key.publicKey) },
  });
  return requireNode(store);
}

export interface PeerAdded {
  port: string;
  outcome: "added" | "updated" | "unchanged";
  fingerprint: string;
  /** False when no fingerprint was given and the peer was new: compare it out of band. */
  fingerprintChecked: boolean;
}

/**
 * Adds (or updates) a peer from its node document. A new peer: with a fingerprint, the signing key
 * must have it. A known peer: the new document must reach a key trusted so far through endorsements
 * (a rotation), unless a fingerprint re-introduces it. Refusals are audited and thrown
 * (signature_invalid, or validation for a malformed document).
 */
export async function addPeer(
  store: ExchangeStore,
  input: unknown,
  options: { fingerprint?: string },
  now: Date,
): Promise<PeerAdded> {
  const node = await store.getNode();
  const port = (input as { port?: unknown } | null)?.port;
  const known = typeof port === "string" ? await store.getPeer(port) : undefined;
  const check = verifyNodeDocument(
    input,
    options.fingerprint !== undefined
      ? { fingerprint: options.fingerprint }
      : known
        ? { trusted: known.document }
        : {},
  );
  if (!check.ok) {
    await store.appendAudit({
      at: iso(now),
      action: known ? "peer.update" : "peer.add",
      ...(typeof port === "string" ? { peer: port } : {}),
      outcome: "refused",
      reason: check.reason,
      detail: { detail: check.detail },
    });
    throw new DomainError(
      check.reason === "malformed" ? "validation" : "signature_invalid",
      `${check.reason}: ${check.detail}`,
    );
  }
  const doc = check.document;
  if (node && doc.port === node.profile.port)
    throw new DomainError("validation", exchangeMsg("errOwnPort", { port: doc.port }));
  const outcome = await store.savePeer({
    port: doc.port,
    fingerprint: check.fingerprint,
    document: doc,
    at: iso(now),
  });
  if (outcome !== "unchanged")
    await store.appendAudit({
      at: iso(now),
      action: known ? "peer.update" : "peer.add",
      peer: doc.port,
      outcome: "ok",
      detail: { fingerprint: check.fingerprint, kid: doc.kid },
    });
  return {
    port: doc.port,
    outcome,
    fingerprint: check.fingerprint,
    fingerprintChecked: options.fingerprint !== undefined || known !== undefined,
  };
}

/** Keys of this node and of every trusted peer. */
export async function exchangeKeys(store: ExchangeStore): Promise<KeyLookup> {
  const node = await store.getNode();
  const peers = await store.listPeers();
  const docs: NodeDocument[] = [...(node ? [node.document] : []), ...peers.map((p) => p.document)];
  return keyLookup(docs);
}

/**
 * Drafts an agreement with a peer: this node's first message — a request when it is the consumer, an
 * offer when it is the provider (Dataspace Protocol) — applied, stored and audited.
 */
export async function draftAgreement(
  store: ExchangeStore,
  input: unknown,
  now: Date,
): Promise<{ state: NegotiationState; message: NegotiationMessage }> {
  const parsed = AgreementTerms.safeParse(input);
  if (!parsed.success)
    throw new DomainError(
      "validation",
      exchangeMsg("errAgreementTerms"),
      parsed.error.issues.map((i) => ({ field: i.path.join("."), reason: i.message })),
    );
  const terms = { ...parsed.data, version: 1 };
  const problems = termsProblems(terms);
  if (problems.length > 0)
    throw new DomainError(
      "validation",
      exchangeMsg("errAgreementTerms"),
      problems.map((reason) => ({ reason })),
    );
  const signer = await nodeSigner(store, now);
  const role =
    terms.provider === signer.port ? "provider" : terms.consumer === signer.port ? "consumer" : undefined;
  if (!role) throw new DomainError("validation", exchangeMsg("errNeitherParty", { port: signer.port }));
  const peer = role === "provider" ? terms.consumer : terms.provider;
  if (!(await store.getPeer(peer)))
    throw new DomainError("not_found", exchangeMsg("errNotPeerAddFirst", { port: peer }));
  return sendStep(
    store,
    undefined,
    { type: role === "provider" ? "offer" : "request", negotiationId: randomUUID(), terms },
    now,
  );
}

/** This node's next step in a negotiation (counter-offer, accept, agree, verify, finalize, terminate). */
export async function negotiationStep(
  store: ExchangeStore,
  id: string,
  step: {
    type: MessageType;
    terms?: AgreementTerms;
    reason?: { code: string; text: { en: string; ja: string } };
  },
  now: Date,
): Promise<{ state: NegotiationState; message: NegotiationMessage }> {
  const state = await store.getNegotiation(id);
  if (!state) throw new DomainError("not_found", exchangeMsg("errNoAgreement", { id }));
  return sendStep(store, state, { ...step, negotiationId: id }, now);
}

async function sendStep(
  store: ExchangeStore,
  state: NegotiationState | undefined,
  step: {
    type: MessageType;
    negotiationId: string;
    terms?: AgreementTerms;
    reason?: { code: string; text: { en: string; ja: string } };
  },
  now: Date,
) {
  const signer = await nodeSigner(store, now);
  const terms = step.terms ?? state?.terms;
  const to = terms?.provider === signer.port ? terms.consumer : terms?.provider;
  if (!to) throw new DomainError("validation", exchangeMsg("errNoTerms"));
  const message = nextMessage(state, { ...step, to, sentAt: iso(now) }, signer);
  const r = applyTransition(state, message, await exchangeKeys(store));
  if (!r.ok) throw new DomainError("conflict", `${step.type}: ${r.reason}: ${r.detail}`);
  await store.appendNegotiationMessage(message, signedHash(message), r.state, iso(now));
  await store.appendAudit({
    at: iso(now),
    action: "negotiation.sent",
    peer: to,
    agreementId: r.state.id,
    outcome: "ok",
    detail: { type: message.type, seq: message.seq, state: r.state.state, version: r.state.terms.version },
  });
  return { state: r.state, message };
}

/** A peer's negotiation message: applied to the stored state, stored and audited — or refused and audited. */
export async function receiveNegotiationMessage(
  store: ExchangeStore,
  input: unknown,
  now: Date,
): Promise<
  { ok: true; state: NegotiationState; duplicate: boolean } | { ok: false; reason: string; detail: string }
> {
  const m = input as Partial<NegotiationMessage> | null;
  const id = typeof m?.negotiationId === "string" ? m.negotiationId : undefined;
  const state = id ? await store.getNegotiation(id) : undefined;
  // The same message again (a retry): acknowledged, nothing changes.
  if (state && typeof m?.seq === "number" && m.seq <= state.lastSeq) {
    const log = await store.negotiationLog(state.id);
    const same = log[m.seq];
    if (same && signedHash(same) === signedHash(input as NegotiationMessage))
      return { ok: true, state, duplicate: true };
  }
  const r = applyTransition(state, input, await exchangeKeys(store));
  if (!r.ok) {
    await store.appendAudit({
      at: iso(now),
      action: "negotiation.refused",
      ...(typeof m?.from === "string" ? { peer: m.from } : {}),
      ...(id ? { agreementId: id } : {}),
      outcome: "refused",
      reason: r.reason,
      detail: { detail: r.detail, type: m?.type, seq: m?.seq },
    });
    return r;
  }
  const message = input as NegotiationMessage;
  await store.appendNegotiationMessage(message, signedHash(message), r.state, iso(now));
  await store.appendAudit({
    at: iso(now),
    action: "negotiation.received",
    peer: message.from,
    agreementId: r.state.id,
    outcome: "ok",
    detail: { type: message.type, seq: message.seq, state: r.state.state },
  });
  return { ok: true, state: r.state, duplicate: false };
}

/** Freshness window of a received package unless the caller says otherwise: one day. */
export const DEFAULT_PACKAGE_MAX_AGE_S = 86_400;

/**
 * The provider builds the next package of an agreement from its own rows (aggregation and k-cell rule
 * at send time), signs it, chains it to the last package sent, stores it (append-only) and audits it.
 */
export async function sendPackage(
  store: ExchangeStore,
  agreementId: string,
  input: { dataset: string; rows: readonly DatasetRow[]; supersedes?: number },
  now: Date,
): Promise<{ package: DataPackage; hash: string }> {
  const agreement = await store.getNegotiation(agreementId);
  if (!agreement) throw new DomainError("not_found", exchangeMsg("errNoAgreement", { id: agreementId }));
  const signer = await nodeSigner(store, now);
  const prev = await store.chainHead(agreementId, "sent");
  const pkg = buildPackage(agreement, input, prev, signer, iso(now));
  const hash = signedHash(pkg);
  await store.appendPackage("sent", pkg, hash, iso(now));
  await store.appendAudit({
    at: iso(now),
    action: "package.sent",
    peer: pkg.to,
    agreementId,
    outcome: "ok",
    detail: {
      seq: pkg.seq,
      hash,
      dataset: pkg.dataset,
      cells: pkg.cells.length,
      suppressedCells: pkg.suppressed.cells,
      ...(pkg.supersedes !== undefined ? { supersedes: pkg.supersedes } : {}),
    },
  });
  return { package: pkg, hash };
}

/**
 * The consumer's side: verify a package against the stored agreement and chain, store it when good,
 * audit either way, and answer with a signed receipt (accepted, or refused with the reason code).
 * The same package again (a retry after a lost receipt) is acknowledged as accepted, not stored twice.
 */
export async function receivePackage(
  store: ExchangeStore,
  input: unknown,
  now: Date,
  options: { maxAgeS?: number } = {},
): Promise<{ receipt: Receipt; outcome: "accepted" | "duplicate" | "refused"; reason?: PackageRefusal }> {
  const p = input as Partial<DataPackage> | null;
  const agreementId = typeof p?.agreementId === "string" ? p.agreementId : "";
  const agreement = agreementId ? await store.getNegotiation(agreementId) : undefined;
  const last = agreementId ? await store.chainHead(agreementId, "received") : undefined;
  const signer = await nodeSigner(store, now);
  const hash = input !== null && typeof input === "object" ? signedHash(input as DataPackage) : "";
  const seq = typeof p?.seq === "number" ? p.seq : 0;
  const from = typeof p?.from === "string" ? p.from : "";
  if (agreement && last && seq >= 1 && seq <= last.seq) {
    const stored = (await store.listPackages(agreementId, "received")).find((x) => x.seq === seq);
    if (stored && signedHash(asSent(stored)) === hash) {
      const receipt = signReceipt(
        { agreementId, seq, from },
        hash,
        { outcome: "accepted" },
        signer,
        iso(now),
      );
      return { receipt, outcome: "duplicate" };
    }
  }
  const check = verifyPackage(input, {
    agreement,
    keys: await exchangeKeys(store),
    last,
    now: iso(now),
    maxAgeS: options.maxAgeS ?? DEFAULT_PACKAGE_MAX_AGE_S,
  });
  const outcome = check.ok
    ? { outcome: "accepted" as const }
    : { outcome: "refused" as const, reason: check.reason };
  const receipt = signReceipt({ agreementId, seq, from }, hash, outcome, signer, iso(now));
  if (check.ok) await store.appendPackage("received", check.package, check.hash, iso(now));
  await store.appendReceipt("sent", receipt, signedHash(receipt), iso(now));
  await store.appendAudit({
    at: iso(now),
    action: check.ok ? "package.received" : "package.refused",
    ...(from ? { peer: from } : {}),
    ...(agreementId ? { agreementId } : {}),
    outcome: check.ok ? "ok" : "refused",
    ...(check.ok ? {} : { reason: check.reason }),
    detail: { seq, hash, ...(check.ok ? { cells: check.package.cells.length } : { detail: check.detail }) },
  });
  return check.ok ? { receipt, outcome: "accepted" } : { receipt, outcome: "refused", reason: check.reason };
}

/** The provider stores the consumer's receipt for a package it sent, after checking it. */
export async function receiveReceipt(store: ExchangeStore, input: unknown, now: Date): Promise<Receipt> {
  const r = input as Partial<Receipt> | null;
  const agreementId = typeof r?.agreementId === "string" ? r.agreementId : "";
  const sent = (await store.listPackages(agreementId, "sent")).find((p) => p.seq === r?.packageSeq);
  if (!sent)
    throw new DomainError(
      "not_found",
      exchangeMsg("errNoPackageSent", { seq: textOf(r?.packageSeq), id: agreementId }),
    );
  const check = verifyReceipt(
    input,
    { agreementId, seq: sent.seq, hash: signedHash(asSent(sent)), to: sent.to },
    await exchangeKeys(store),
  );
  if (!check.ok) {
    await store.appendAudit({
      at: iso(now),
      action: "receipt.received",
      peer: sent.to,
      agreementId,
      outcome: "refused",
      reason: check.reason,
    });
    throw new DomainError("signature_invalid", `receipt: ${check.reason}`);
  }
  if (
    (await store.appendReceipt("received", check.receipt, signedHash(check.receipt), iso(now))) === "appended"
  )
    await store.appendAudit({
      at: iso(now),
      action: "receipt.received",
      peer: sent.to,
      agreementId,
      outcome: check.receipt.outcome === "accepted" ? "ok" : "refused",
      ...(check.receipt.reason !== undefined ? { reason: check.receipt.reason } : {}),
      detail: { seq: sent.seq },
    });
  return check.receipt;
}

/**
 * Retention on the receiving side: the cells of every package received under an agreement more than
 * its retentionDays ago are deleted, and the audit log records which packages (seq and hash) and
 * under which rule — the proof that the data is gone. Example: retentionDays 365, a package stored
 * 2027-01-05T00:00Z is purged by a run at 2028-01-05T00:00:01Z (stored before now − 365 d) and kept
 * by one at 2028-01-04T23:59Z.
 */
export async function applyRetention(
  store: ExchangeStore,
  now: Date,
): Promise<{ agreementId: string; purged: number[] }[]> {
  const node = await requireNode(store);
  const done: { agreementId: string; purged: number[] }[] = [];
  for (const a of await store.listNegotiations()) {
    if (a.consumer !== node.profile.port) continue;
    const storedBefore = iso(new Date(now.getTime() - a.terms.retentionDays * 86_400_000));
    const due = await store.packagesDueForPurge(a.id, storedBefore);
    if (due.length === 0) continue;
    const seqs = due.map((p) => p.seq);
    await store.purgeReceivedPackages(a.id, seqs, iso(now));
    await store.appendAudit({
      at: iso(now),
      action: "retention.deleted",
      peer: a.provider,
      agreementId: a.id,
      outcome: "ok",
      detail: {
        retentionDays: a.terms.retentionDays,
        storedBefore,
        packages: due.map((p) => ({ seq: p.seq, hash: signedHash(asSent(p)), storedAt: p.storedAt })),
      },
    });
    done.push({ agreementId: a.id, purged: seqs });
  }
  return done;
}

/**
 * The provider answers a consumer's signed pull: the packages it sent after `after` (up to `limit`),
 * only while the agreement is active; otherwise the status alone, so the consumer learns at once that
 * a revocation or expiry stopped the flow. Refusals are audited and thrown (signature_invalid).
 */
export async function servePull(store: ExchangeStore, input: unknown, now: Date): Promise<PullResponse> {
  const agreementId = textOf((input as { agreementId?: unknown } | null)?.agreementId ?? "");
  const agreement = agreementId ? await store.getNegotiation(agreementId) : undefined;
  const node = await requireNode(store);
  if (!agreement || agreement.provider !== node.profile.port)
    throw new DomainError("not_found", exchangeMsg("errNotProvidedHere", { id: agreementId }));
  const check = verifySignedRequest(
    PullRequest,
    input,
    { self: node.profile.port, from: agreement.consumer },
    await exchangeKeys(store),
    iso(now),
  );
  if (!check.ok) {
    await store.appendAudit({
      at: iso(now),
      action: "pull.refused",
      peer: agreement.consumer,
      agreementId,
      outcome: "refused",
      reason: check.reason,
      detail: { detail: check.detail },
    });
    throw new DomainError("signature_invalid", `pull: ${check.reason}: ${check.detail}`);
  }
  const status = agreementStatus(agreement, iso(now));
  const head = await store.chainHead(agreementId, "sent");
  const packages =
    status === "active"
      ? (await store.listPackages(agreementId, "sent"))
          .filter((p) => p.seq > check.value.after)
          .slice(0, check.value.limit)
          .map(asSent)
      : [];
  await store.appendAudit({
    at: iso(now),
    action: "pull.served",
    peer: agreement.consumer,
    agreementId,
    outcome: status === "active" ? "ok" : "refused",
    ...(status === "active" ? {} : { reason: status }),
    detail: { after: check.value.after, seqs: packages.map((p) => p.seq) },
  });
  return { agreementId, status, packages, headSeq: head?.seq ?? 0 };
}

/**
 * The consumer pulls everything new under an agreement, page by page, from its own chain head (so a
 * transfer broken anywhere resumes where it stopped), verifies and stores each package, and sends the
 * signed receipts back. Returns what happened to each package.
 */
export async function pullAgreement(
  store: ExchangeStore,
  agreementId: string,
  transport: SyncTransport,
  now: () => Date,
  options: { pageSize?: number; maxAgeS?: number } = {},
): Promise<{
  status: PullResponse["status"];
  accepted: number[];
  duplicates: number[];
  refused: { seq: number; reason: string }[];
}> {
  const result = {
    accepted: [] as number[],
    duplicates: [] as number[],
    refused: [] as { seq: number; reason: string }[],
  };
  const agreement = await store.getNegotiation(agreementId);
  if (!agreement) throw new DomainError("not_found", exchangeMsg("errNoAgreement", { id: agreementId }));
  for (;;) {
    const signer = await nodeSigner(store, now());
    const after = (await store.chainHead(agreementId, "received"))?.seq ?? 0;
    const request = signPullRequest(
      { agreementId, to: agreement.provider, after, limit: options.pageSize ?? 100, sentAt: iso(now()) },
      signer,
    );
    const response = await transport.pull(request);
    const receipts: Receipt[] = [];
    for (const pkg of response.packages) {
      const r = await receivePackage(
        store,
        pkg,
        now(),
        options.maxAgeS !== undefined ? { maxAgeS: options.maxAgeS } : {},
      );
      receipts.push(r.receipt);
      if (r.outcome === "accepted") result.accepted.push(pkg.seq);
      else if (r.outcome === "duplicate") result.duplicates.push(pkg.seq);
      else result.refused.push({ seq: pkg.seq, reason: r.reason ?? "" });
    }
    // The receipts are signed and stored here whatever becomes of them: a provider that refuses one
    // (a refusal of a package it says it never sent, say) or cannot be reached does not undo what
    // this node verified and stored; the failed delivery is audited and the pull goes on.
    if (receipts.length > 0)
      try {
        await transport.sendReceipts(receipts);
      } catch (error) {
        await store.appendAudit({
          at: iso(now()),
          action: "receipt.sent",
          peer: agreement.provider,
          agreementId,
          outcome: "failed",
          reason: error instanceof DomainError ? error.code : "error",
          detail: {
            seqs: receipts.map((r) => r.packageSeq),
            detail: error instanceof Error ? error.message : String(error),
          },
        });
      }
    const progressed = response.packages.length > 0 && result.refused.length === 0;
    const last = response.packages.at(-1)?.seq ?? after;
    if (response.status !== "active" || !progressed || last >= response.headSeq)
      return { status: response.status, ...result };
  }
}

/** The provider's push notice after sending a package: "package `seq` is ready to pull". */
export async function noticeFor(store: ExchangeStore, agreementId: string, now: Date): Promise<Notice> {
  const agreement = await store.getNegotiation(agreementId);
  const head = await store.chainHead(agreementId, "sent");
  if (!agreement || !head)
    throw new DomainError("not_found", exchangeMsg("errNothingSent", { id: agreementId }));
  return signNotice(
    { agreementId, to: agreement.consumer, seq: head.seq, sentAt: iso(now) },
    await nodeSigner(store, now),
  );
}

/** The consumer checks a notice (signed by the agreement's provider, fresh) before pulling. */
export async function acceptNotice(store: ExchangeStore, input: unknown, now: Date): Promise<Notice> {
  const agreementId = textOf((input as { agreementId?: unknown } | null)?.agreementId ?? "");
  const agreement = agreementId ? await store.getNegotiation(agreementId) : undefined;
  const node = await requireNode(store);
  if (!agreement || agreement.consumer !== node.profile.port)
    throw new DomainError("not_found", exchangeMsg("errNoAgreement", { id: agreementId }));
  const check = verifySignedRequest(
    Notice,
    input,
    { self: node.profile.port, from: agreement.provider },
    await exchangeKeys(store),
    iso(now),
  );
  if (!check.ok) throw new DomainError("signature_invalid", `notice: ${check.reason}: ${check.detail}`);
  return check.value;
}

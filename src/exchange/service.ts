/**
 * Exchange use cases over the store (no transport yet): set up this node, rotate its key, add a peer
 * from its node document, draft an agreement, take a negotiation step, receive a peer's message.
 * Every outcome — done or refused — goes to the audit log with its reason code.
 */
import { randomUUID } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import {
  AgreementTerms,
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
import { type Signer, signedHash } from "./signed.ts";
import type { ExchangeStore, LocalNode, NodeProfile } from "./store.ts";

const iso = (d: Date) => d.toISOString();

async function requireNode(store: ExchangeStore): Promise<LocalNode> {
  const node = await store.getNode();
  if (!node)
    throw new DomainError("not_found", "this node is not set up: run `sisterports exchange node init`");
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
    throw new DomainError("validation", `${doc.port} is this node's own port`);
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
      "agreement terms",
      parsed.error.issues.map((i) => ({ field: i.path.join("."), reason: i.message })),
    );
  const terms = { ...parsed.data, version: 1 };
  const problems = termsProblems(terms);
  if (problems.length > 0)
    throw new DomainError(
      "validation",
      "agreement terms",
      problems.map((reason) => ({ reason })),
    );
  const signer = await nodeSigner(store, now);
  const role =
    terms.provider === signer.port ? "provider" : terms.consumer === signer.port ? "consumer" : undefined;
  if (!role)
    throw new DomainError("validation", `this node (${signer.port}) is neither provider nor consumer`);
  const peer = role === "provider" ? terms.consumer : terms.provider;
  if (!(await store.getPeer(peer)))
    throw new DomainError("not_found", `${peer} is not a known peer: add its node document first`);
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
  if (!state) throw new DomainError("not_found", `no agreement ${id}`);
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
  if (!to) throw new DomainError("validation", "no terms");
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

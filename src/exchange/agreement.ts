/**
 * Agreements and their negotiation (issue 15). Terms name the parties, the datasets with their
 * aggregation level and fields, the minimum cell size k, the purpose, ODRL-style permitted and
 * prohibited uses, retention, attribution (en/ja) and validity.
 *
 * The negotiation follows the Dataspace Protocol's contract negotiation state machine (DSP 2024-1,
 * "Contract Negotiation Protocol": states REQUESTED, OFFERED, ACCEPTED, AGREED, VERIFIED, FINALIZED,
 * TERMINATED). The consumer (the port that receives data) sends request, accept and verify; the
 * provider (the port that sends data) sends offer, agree and finalize; either may terminate:
 *
 *   (start) ─request→ REQUESTED ─offer→ OFFERED ─accept→ ACCEPTED ─agree→ AGREED ─verify→ VERIFIED ─finalize→ FINALIZED
 *   (start) ─offer→ OFFERED;  OFFERED ─request→ REQUESTED (counter-request);  REQUESTED ─agree→ AGREED
 *   any state but TERMINATED ─terminate→ TERMINATED (from FINALIZED: a revocation — our addition, the
 *   DSP ends there)
 *
 * A request or offer carries the whole terms with the next version (a counter-offer is a new offer
 * with a new version); agree, verify and finalize carry the hash of the latest terms, so the provider's
 * agree and the consumer's verify are both parties' signatures over the same agreement. Every message
 * is signed and chained to the previous one (hash of it, sequence number), so both sides hold the
 * same log and `applyTransition` replays it.
 */
import { z } from "zod";
import { canonicalHash } from "./canonical.ts";
import { catalogDataset } from "./catalog.ts";
import { type KeyLookup, LocalizedText, Locode } from "./identity.ts";
import { type Signed, type Signer, signedHash, signWith, verifySigned } from "./signed.ts";

const Iso = z.iso.datetime({ offset: false });

/** ODRL actions we use (ODRL 2.2 vocabulary: odrl:use, odrl:display, odrl:distribute, …). */
export const ODRL_ACTIONS = [
  "use",
  "display",
  "print",
  "aggregate",
  "derive",
  "reproduce",
  "distribute",
  "commercialize",
  "archive",
] as const;
/** ODRL left operands and operators we use (ODRL 2.2 §4.19, §4.20). */
export const OdrlConstraint = z.object({
  leftOperand: z.enum(["purpose", "recipient", "dateTime", "spatial"]),
  operator: z.enum(["eq", "neq", "lt", "lteq", "gt", "gteq", "isAnyOf", "isNoneOf"]),
  rightOperand: z.union([z.string(), z.array(z.string())]),
});
export const OdrlRule = z.object({
  action: z.enum(ODRL_ACTIONS),
  constraints: z.array(OdrlConstraint).default([]),
});
export type OdrlRule = z.infer<typeof OdrlRule>;

export const AgreementDataset = z.object({
  dataset: z.string(),
  aggregation: z.string(),
  fields: z.array(z.string()).min(1),
});
export type AgreementDataset = z.infer<typeof AgreementDataset>;

export const AgreementTerms = z.object({
  version: z.number().int().min(1),
  /** The port whose node sends the data. */
  provider: Locode,
  /** The port whose node receives it. */
  consumer: Locode,
  datasets: z.array(AgreementDataset).min(1),
  /** Minimum cell size: no shared cell from fewer than k vessels or companies. */
  minCellSize: z.number().int().min(1),
  purpose: LocalizedText,
  permissions: z.array(OdrlRule),
  prohibitions: z.array(OdrlRule),
  retentionDays: z.number().int().min(1),
  attribution: LocalizedText,
  validFrom: Iso,
  validUntil: Iso,
});
export type AgreementTerms = z.infer<typeof AgreementTerms>;

/** Problems with terms against the catalog; empty when they are sound. */
export function termsProblems(terms: AgreementTerms): string[] {
  const problems: string[] = [];
  if (terms.provider === terms.consumer) problems.push("provider and consumer are the same port");
  if (!(Date.parse(terms.validFrom) < Date.parse(terms.validUntil)))
    problems.push("validFrom is not before validUntil");
  for (const d of terms.datasets) {
    const entry = catalogDataset(d.dataset);
    if (!entry) {
      problems.push(`${d.dataset}: not in the catalog`);
      continue;
    }
    if (!entry.aggregations.some((a) => a.id === d.aggregation))
      problems.push(`${d.dataset}: no aggregation level ${d.aggregation}`);
    for (const name of d.fields)
      if (!entry.fields.some((x) => x.name === name)) problems.push(`${d.dataset}: no field ${name}`);
  }
  const permitted = new Set(terms.permissions.map((r) => r.action));
  for (const r of terms.prohibitions)
    if (permitted.has(r.action) && r.constraints.length === 0)
      problems.push(`${r.action} is both permitted and prohibited`);
  return problems;
}

export const NEGOTIATION_STATES = [
  "REQUESTED",
  "OFFERED",
  "ACCEPTED",
  "AGREED",
  "VERIFIED",
  "FINALIZED",
  "TERMINATED",
] as const;
export type NegotiationStateName = (typeof NEGOTIATION_STATES)[number];

export const MESSAGE_TYPES = [
  "request",
  "offer",
  "accept",
  "agree",
  "verify",
  "finalize",
  "terminate",
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const NegotiationMessageBody = z.object({
  type: z.enum(MESSAGE_TYPES),
  negotiationId: z.uuid(),
  /** 0 for the first message, then +1. */
  seq: z.number().int().min(0),
  /** Hash of the previous signed message; null on the first. */
  prevHash: z.string().nullable(),
  from: Locode,
  to: Locode,
  sentAt: Iso,
  terms: AgreementTerms.optional(),
  agreementHash: z.string().optional(),
  reason: z.object({ code: z.string(), text: LocalizedText }).optional(),
});
export type NegotiationMessageBody = z.infer<typeof NegotiationMessageBody>;
export const NegotiationMessage = NegotiationMessageBody.extend({ kid: z.string(), signature: z.string() });
export type NegotiationMessage = z.infer<typeof NegotiationMessage>;

export interface NegotiationState {
  id: string;
  state: NegotiationStateName;
  provider: string;
  consumer: string;
  /** The latest terms offered or requested. */
  terms: AgreementTerms;
  /** Set once AGREED: the hash both parties sign. */
  agreementHash?: string;
  /** Sequence number and hash of the last message (the next one chains to it). */
  lastSeq: number;
  lastHash: string;
  updatedAt: string;
  terminatedBy?: string;
  terminationReason?: string;
}

export type TransitionRefusal =
  | "malformed"
  | "wrong_negotiation"
  | "broken_chain"
  | "unknown_key"
  | "signature_invalid"
  | "wrong_party"
  | "invalid_transition"
  | "version"
  | "terms_invalid"
  | "hash_mismatch"
  | "terminated"
  | "expired";

export type TransitionResult =
  | { ok: true; state: NegotiationState }
  | { ok: false; reason: TransitionRefusal; detail: string };

type Role = "provider" | "consumer";
/** Which party may send each message, and the state it leads to from each allowed state. */
export const TRANSITIONS: Record<
  MessageType,
  { by: Role | "either"; from: (NegotiationStateName | "start")[]; to: NegotiationStateName }
> = {
  request: { by: "consumer", from: ["start", "OFFERED"], to: "REQUESTED" },
  offer: { by: "provider", from: ["start", "REQUESTED"], to: "OFFERED" },
  accept: { by: "consumer", from: ["OFFERED"], to: "ACCEPTED" },
  agree: { by: "provider", from: ["REQUESTED", "ACCEPTED"], to: "AGREED" },
  verify: { by: "consumer", from: ["AGREED"], to: "VERIFIED" },
  finalize: { by: "provider", from: ["VERIFIED"], to: "FINALIZED" },
  terminate: {
    by: "either",
    from: ["REQUESTED", "OFFERED", "ACCEPTED", "AGREED", "VERIFIED", "FINALIZED"],
    to: "TERMINATED",
  },
};

/** The hash both parties sign when they agree: SHA-256 of the canonical terms. */
export function agreementHashOf(terms: AgreementTerms): string {
  return canonicalHash(terms);
}

const refuse = (reason: TransitionRefusal, detail: string): TransitionResult => ({
  ok: false,
  reason,
  detail,
});

/**
 * Applies one signed message to a negotiation (undefined before its first message). Refuses, with a
 * reason code: a malformed message, a message of another negotiation, a sequence number or previous
 * hash that does not follow (broken_chain), a key the sender's node document does not list at
 * `sentAt` (unknown_key), a bad signature, a sender or recipient that is not the party the step
 * belongs to (wrong_party), a step the state does not allow (invalid_transition; after TERMINATED:
 * terminated), a request/offer whose version is not the next or whose parties change (version),
 * terms the catalog does not know (terms_invalid), an agree/verify/finalize over other terms
 * (hash_mismatch), and anything but terminate once the terms' validity has ended (expired).
 * Example: start → request(v1, consumer JPNGO) → offer(v2, provider USLAX) → accept → agree → verify →
 * finalize ends FINALIZED with agreementHash = agreementHashOf(v2 terms).
 */
export function applyTransition(
  state: NegotiationState | undefined,
  input: unknown,
  keys: KeyLookup,
): TransitionResult {
  const parsed = NegotiationMessage.safeParse(input);
  if (!parsed.success) return refuse("malformed", parsed.error.issues[0]?.message ?? "");
  const msg = parsed.data;
  if (state && msg.negotiationId !== state.id)
    return refuse("wrong_negotiation", `${msg.negotiationId} is not ${state.id}`);
  const expectedSeq = state ? state.lastSeq + 1 : 0;
  const expectedPrev = state ? state.lastHash : null;
  if (msg.seq !== expectedSeq || msg.prevHash !== expectedPrev)
    return refuse("broken_chain", `expected seq ${expectedSeq} after ${expectedPrev ?? "nothing"}`);
  const publicKey = keys(msg.from, msg.kid, msg.sentAt);
  if (publicKey === undefined)
    return refuse("unknown_key", `${msg.from} has no key ${msg.kid} valid at ${msg.sentAt}`);
  if (!verifySigned(msg, publicKey)) return refuse("signature_invalid", `signature of ${msg.kid}`);
  if (state && Date.parse(msg.sentAt) < Date.parse(state.updatedAt))
    return refuse("broken_chain", `sent at ${msg.sentAt}, before the previous message`);

  const rule = TRANSITIONS[msg.type];
  if (state?.state === "TERMINATED") return refuse("terminated", `negotiation ${state.id} is terminated`);
  const current = state?.state ?? "start";
  if (!rule.from.includes(current))
    return refuse("invalid_transition", `${msg.type} is not allowed in ${current}`);

  // Parties: fixed by the first message's terms.
  const terms = msg.terms ?? state?.terms;
  if (!terms) return refuse("malformed", `${msg.type} carries no terms`);
  const provider = state?.provider ?? terms.provider;
  const consumer = state?.consumer ?? terms.consumer;
  const role: Role | undefined =
    msg.from === provider ? "provider" : msg.from === consumer ? "consumer" : undefined;
  const other = role === "provider" ? consumer : provider;
  if (role === undefined || msg.to !== other || (rule.by !== "either" && rule.by !== role))
    return refuse("wrong_party", `${msg.type} from ${msg.from} to ${msg.to}`);

  if (msg.type !== "terminate" && Date.parse(msg.sentAt) >= Date.parse(terms.validUntil))
    return refuse("expired", `the terms ended at ${terms.validUntil}`);

  let agreementHash = state?.agreementHash;
  if (msg.type === "request" || msg.type === "offer") {
    if (!msg.terms) return refuse("malformed", `${msg.type} carries no terms`);
    const version = state ? state.terms.version + 1 : 1;
    if (msg.terms.version !== version)
      return refuse("version", `terms version ${msg.terms.version}, expected ${version}`);
    if (msg.terms.provider !== provider || msg.terms.consumer !== consumer)
      return refuse("version", "the parties of a negotiation do not change");
    const problems = termsProblems(msg.terms);
    if (problems.length > 0) return refuse("terms_invalid", problems.join("; "));
  } else if (msg.terms !== undefined) {
    return refuse("malformed", `${msg.type} must not carry terms`);
  }
  if (msg.type === "agree" || msg.type === "verify" || msg.type === "finalize") {
    const expected = agreementHashOf(terms);
    if (msg.agreementHash !== expected)
      return refuse("hash_mismatch", `${msg.type} is not over the latest terms`);
    agreementHash = expected;
  }
  if (msg.type === "terminate" && !msg.reason) return refuse("malformed", "terminate carries no reason");

  return {
    ok: true,
    state: {
      id: msg.negotiationId,
      state: rule.to,
      provider,
      consumer,
      terms,
      ...(agreementHash ? { agreementHash } : {}),
      lastSeq: msg.seq,
      lastHash: signedHash(msg),
      updatedAt: msg.sentAt,
      ...(msg.type === "terminate"
        ? { terminatedBy: msg.from, terminationReason: msg.reason?.code ?? "" }
        : {}),
    },
  };
}

/** Replays a whole log (both sides hold the same one); the first refusal stops it. */
export function replayLog(log: readonly unknown[], keys: KeyLookup): TransitionResult {
  let state: NegotiationState | undefined;
  for (const [i, m] of log.entries()) {
    const r = applyTransition(state, m, keys);
    if (!r.ok) return { ...r, detail: `message ${i}: ${r.detail}` };
    state = r.state;
  }
  if (!state) return refuse("malformed", "an empty log");
  return { ok: true, state };
}

/**
 * Builds the next signed message of a negotiation from this node (the signer). The caller applies it
 * with applyTransition before sending, so a node never sends a message it would refuse.
 */
export function nextMessage(
  state: NegotiationState | undefined,
  body: {
    type: MessageType;
    negotiationId: string;
    to: string;
    sentAt: string;
    terms?: AgreementTerms;
    reason?: { code: string; text: { en: string; ja: string } };
  },
  signer: Signer,
): Signed<NegotiationMessageBody> {
  const terms = body.terms ?? state?.terms;
  const withHash =
    body.type === "agree" || body.type === "verify" || body.type === "finalize"
      ? { agreementHash: terms ? agreementHashOf(terms) : "" }
      : {};
  return signWith(
    {
      type: body.type,
      negotiationId: body.negotiationId,
      seq: state ? state.lastSeq + 1 : 0,
      prevHash: state ? state.lastHash : null,
      from: signer.port,
      to: body.to,
      sentAt: body.sentAt,
      ...(body.terms ? { terms: body.terms } : {}),
      ...withHash,
      ...(body.reason ? { reason: body.reason } : {}),
    },
    signer,
  );
}

export type AgreementStatus = "negotiating" | "active" | "not_yet_valid" | "expired" | "terminated";

/**
 * Whether data may flow under a negotiation at `atIso`: only FINALIZED and within validity.
 * Example: FINALIZED with validUntil 2027-01-01T00:00:00Z is "active" at 2026-12-31T23:59:59Z and
 * "expired" at 2027-01-01T00:00:00Z; TERMINATED is "terminated" whatever the time.
 */
export function agreementStatus(state: NegotiationState, atIso: string): AgreementStatus {
  if (state.state === "TERMINATED") return "terminated";
  const at = Date.parse(atIso);
  if (at >= Date.parse(state.terms.validUntil)) return "expired";
  if (state.state !== "FINALIZED") return "negotiating";
  if (at < Date.parse(state.terms.validFrom)) return "not_yet_valid";
  return "active";
}

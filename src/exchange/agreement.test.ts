import { describe, expect, it } from "vitest";
import {
  type AgreementTerms,
  agreementHashOf,
  agreementStatus,
  applyTransition,
  MESSAGE_TYPES,
  type MessageType,
  type NegotiationState,
  nextMessage,
  replayLog,
} from "./agreement.ts";
import { finalizedLog, KEYS, LA, NEGOTIATION_ID, NGO, terms } from "./fixtures/nodes.ts";
import { keyPairFromSeed } from "./keys.ts";
import { signWith } from "./signed.ts";

const at = (minute: number) => new Date(Date.parse("2026-12-01T00:00:00Z") + minute * 60_000).toISOString();

/** Logs that lead to each state (prefixes of the happy path, plus a termination). */
function states(): Record<string, { log: unknown[]; state: NegotiationState | undefined }> {
  const { log } = finalizedLog();
  const upTo = (n: number) => {
    const part = log.slice(0, n);
    if (n === 0) return { log: part, state: undefined };
    const r = replayLog(part, KEYS);
    if (!r.ok) throw new Error(r.detail);
    return { log: part, state: r.state };
  };
  const requested = upTo(1);
  const terminate = nextMessage(
    requested.state,
    { type: "terminate", negotiationId: NEGOTIATION_ID, to: "JPNGO", sentAt: at(2), reason: reason() },
    LA.signer,
  );
  const terminated = applyTransition(requested.state, terminate, KEYS);
  if (!terminated.ok) throw new Error(terminated.detail);
  return {
    start: upTo(0),
    REQUESTED: requested,
    OFFERED: upTo(2),
    ACCEPTED: upTo(3),
    AGREED: upTo(4),
    VERIFIED: upTo(5),
    FINALIZED: upTo(6),
    TERMINATED: { log: [...requested.log, terminate], state: terminated.state },
  };
}

function reason() {
  return { code: "revoked", text: { en: "Revoked by the sender", ja: "送信者が取り消し" } };
}

/**
 * The allowed steps, written out from the Dataspace Protocol's contract negotiation state machine
 * (DSP 2024-1 §"Contract Negotiation Protocol"; C = consumer, P = provider) plus our revocation of a
 * FINALIZED agreement. Everything not listed must be refused.
 */
const ALLOWED: Record<string, Partial<Record<MessageType, { by: "P" | "C" | "PC"; to: string }>>> = {
  start: { request: { by: "C", to: "REQUESTED" }, offer: { by: "P", to: "OFFERED" } },
  REQUESTED: {
    offer: { by: "P", to: "OFFERED" },
    agree: { by: "P", to: "AGREED" },
    terminate: { by: "PC", to: "TERMINATED" },
  },
  OFFERED: {
    request: { by: "C", to: "REQUESTED" },
    accept: { by: "C", to: "ACCEPTED" },
    terminate: { by: "PC", to: "TERMINATED" },
  },
  ACCEPTED: { agree: { by: "P", to: "AGREED" }, terminate: { by: "PC", to: "TERMINATED" } },
  AGREED: { verify: { by: "C", to: "VERIFIED" }, terminate: { by: "PC", to: "TERMINATED" } },
  VERIFIED: { finalize: { by: "P", to: "FINALIZED" }, terminate: { by: "PC", to: "TERMINATED" } },
  FINALIZED: { terminate: { by: "PC", to: "TERMINATED" } },
  TERMINATED: {},
};

function message(state: NegotiationState | undefined, type: MessageType, sender: "P" | "C", minute: number) {
  const node = sender === "P" ? LA : NGO;
  const version = state ? state.terms.version + 1 : 1;
  const withTerms = type === "request" || type === "offer" ? { terms: terms({ version }) } : {};
  return nextMessage(
    state,
    {
      type,
      negotiationId: NEGOTIATION_ID,
      to: sender === "P" ? "JPNGO" : "USLAX",
      sentAt: at(minute),
      ...withTerms,
      ...(type === "terminate" ? { reason: reason() } : {}),
    },
    node.signer,
  );
}

describe("negotiation state machine (Dataspace Protocol)", () => {
  const all = states();
  for (const [name, { state }] of Object.entries(all))
    for (const type of MESSAGE_TYPES)
      for (const sender of ["P", "C"] as const) {
        const rule = ALLOWED[name]?.[type];
        const allowed = rule?.by.includes(sender) === true;
        it(`${name}: ${type} from ${sender === "P" ? "provider" : "consumer"} is ${allowed ? `allowed → ${rule?.to}` : "refused"}`, () => {
          const r = applyTransition(state, message(state, type, sender, 30), KEYS);
          if (allowed) {
            expect(r).toMatchObject({ ok: true, state: { state: rule?.to } });
          } else {
            expect(r.ok).toBe(false);
            const expected =
              name === "TERMINATED"
                ? "terminated"
                : rule === undefined
                  ? "invalid_transition"
                  : "wrong_party"; // the step exists but belongs to the other party
            expect(r.ok ? "" : r.reason).toBe(expected);
          }
        });
      }

  it("the happy path ends FINALIZED; both parties signed the hash of the latest (counter-offered) terms", () => {
    const { log, state } = finalizedLog();
    expect(state.state).toBe("FINALIZED");
    expect(state.terms.version).toBe(2);
    expect(state.terms.retentionDays).toBe(180);
    expect(state.agreementHash).toBe(agreementHashOf(state.terms));
    const agree = log[3];
    const verify = log[4];
    expect(agree?.from).toBe("USLAX");
    expect(verify?.from).toBe("JPNGO");
    expect(agree?.agreementHash).toBe(state.agreementHash);
    expect(verify?.agreementHash).toBe(state.agreementHash);
    // The other side replays the same log (as received over the wire: JSON) to the same state.
    expect(replayLog(JSON.parse(JSON.stringify(log)), KEYS)).toEqual({ ok: true, state });
  });

  it("refuses a broken chain: a skipped seq, a wrong previous hash, a replayed message", () => {
    const { log } = finalizedLog();
    const r1 = replayLog(log.slice(0, 2), KEYS);
    if (!r1.ok) throw new Error();
    const accept = message(r1.state, "accept", "C", 10);
    expect(applyTransition(r1.state, { ...accept, seq: 3 }, KEYS)).toMatchObject({ reason: "broken_chain" });
    const otherPrev = signWith({ ...stripSig(accept), prevHash: "x".repeat(43) }, NGO.signer);
    expect(applyTransition(r1.state, otherPrev, KEYS)).toMatchObject({ reason: "broken_chain" });
    expect(applyTransition(r1.state, log[1], KEYS)).toMatchObject({ reason: "broken_chain" }); // replay of seq 1
    const old = message(r1.state, "accept", "C", 0); // sent before the previous message
    expect(applyTransition(r1.state, old, KEYS)).toMatchObject({ reason: "broken_chain" });
  });

  it("refuses bad signatures, unknown keys, the wrong party, another negotiation", () => {
    const request = message(undefined, "request", "C", 1);
    expect(applyTransition(undefined, { ...request, terms: terms({ minCellSize: 1 }) }, KEYS)).toMatchObject({
      reason: "signature_invalid",
    });
    const stranger = keyPairFromSeed(Buffer.alloc(32, 7));
    const forged = signWith(stripSig(request), {
      port: "JPNGO",
      kid: NGO.key.kid,
      privateKeyPem: stranger.privateKeyPem,
    });
    expect(applyTransition(undefined, forged, KEYS)).toMatchObject({ reason: "signature_invalid" });
    const unknownKid = signWith(stripSig(request), {
      port: "JPNGO",
      kid: "ed25519-0000",
      privateKeyPem: stranger.privateKeyPem,
    });
    expect(applyTransition(undefined, unknownKid, KEYS)).toMatchObject({ reason: "unknown_key" });
    // LA signs a request that claims to come from a third port: not a party.
    const third = signWith(
      { ...stripSig(request), from: "USLGB", to: "USLAX" },
      { ...LA.signer, port: "USLGB" },
    );
    expect(applyTransition(undefined, third, keysWithThird())).toMatchObject({ reason: "wrong_party" });
    const s = replayLog([request], KEYS);
    if (!s.ok) throw new Error();
    const offer = nextMessage(
      s.state,
      {
        type: "offer",
        negotiationId: "5f0c0d6e-2b1a-4c3d-8e9f-0a1b2c3d4e5f",
        to: "JPNGO",
        sentAt: at(2),
        terms: terms({ version: 2 }),
      },
      LA.signer,
    );
    expect(applyTransition(s.state, offer, KEYS)).toMatchObject({ reason: "wrong_negotiation" });
  });

  it("refuses a counter-offer without the next version, other parties, unknown datasets, terms signed for other terms", () => {
    const s = replayLog([message(undefined, "request", "C", 1)], KEYS);
    if (!s.ok) throw new Error();
    const offer = (t: AgreementTerms) =>
      nextMessage(
        s.state,
        { type: "offer", negotiationId: NEGOTIATION_ID, to: "JPNGO", sentAt: at(2), terms: t },
        LA.signer,
      );
    expect(applyTransition(s.state, offer(terms({ version: 1 })), KEYS)).toMatchObject({ reason: "version" });
    expect(applyTransition(s.state, offer(terms({ version: 2, consumer: "USLGB" })), KEYS)).toMatchObject({
      reason: "version",
    });
    const unknown = terms({
      version: 2,
      datasets: [{ dataset: "salaries", aggregation: "month", fields: ["x"] }],
    });
    expect(applyTransition(s.state, offer(unknown), KEYS)).toMatchObject({ reason: "terms_invalid" });
    const agree = nextMessage(
      s.state,
      { type: "agree", negotiationId: NEGOTIATION_ID, to: "JPNGO", sentAt: at(2) },
      LA.signer,
    );
    const otherHash = signWith(
      { ...stripSig(agree), agreementHash: agreementHashOf(terms({ minCellSize: 1 })) },
      LA.signer,
    );
    expect(applyTransition(s.state, otherHash, KEYS)).toMatchObject({ reason: "hash_mismatch" });
    expect(applyTransition(s.state, agree, KEYS)).toMatchObject({ ok: true, state: { state: "AGREED" } });
  });

  it("expiry: no step but terminate after validUntil; agreementStatus active → expired → terminated", () => {
    const { state } = finalizedLog();
    expect(agreementStatus(state, "2027-11-30T23:59:59Z")).toBe("active");
    expect(agreementStatus(state, "2027-12-01T00:00:00Z")).toBe("expired");
    expect(agreementStatus(state, "2026-11-30T00:00:00Z")).toBe("not_yet_valid");
    const s = replayLog([message(undefined, "request", "C", 1)], KEYS);
    if (!s.ok) throw new Error();
    const late = nextMessage(
      s.state,
      { type: "agree", negotiationId: NEGOTIATION_ID, to: "JPNGO", sentAt: "2027-12-01T00:00:00.000Z" },
      LA.signer,
    );
    expect(applyTransition(s.state, late, KEYS)).toMatchObject({ reason: "expired" });
    const revoke = nextMessage(
      state,
      { type: "terminate", negotiationId: NEGOTIATION_ID, to: "USLAX", sentAt: at(60), reason: reason() },
      NGO.signer,
    );
    const r = applyTransition(state, revoke, KEYS);
    expect(r).toMatchObject({ ok: true, state: { state: "TERMINATED", terminatedBy: "JPNGO" } });
    if (r.ok) expect(agreementStatus(r.state, "2027-01-01T00:00:00Z")).toBe("terminated");
  });
});

function stripSig<T extends { signature: string; kid: string }>(m: T): Omit<T, "signature" | "kid"> {
  const { signature: _s, kid: _k, ...rest } = m;
  return rest;
}

function keysWithThird() {
  return (port: string, kid: string, atIso: string) =>
    port === "USLGB" ? (kid === LA.key.kid ? LA.key.publicKey : undefined) : KEYS(port, kid, atIso);
}

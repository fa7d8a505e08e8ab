/**
 * Pull sync with a push notice (issue 15), transport-free: the HTTP adapter (next step) only carries
 * these signed objects. The provider sends a signed notice ("package n is ready"); the consumer pulls
 * with a signed pull request naming the last sequence number it holds, so a transfer broken at any
 * point resumes from the consumer's chain head and a package delivered twice is acknowledged, not
 * stored twice. Nodes authenticate each other by their Ed25519 keys: a pull request is signed by the
 * consumer's node key and is fresh for a few minutes only.
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import type { agreementStatus } from "./agreement.ts";
import type { KeyLookup } from "./identity.ts";
import type { DataPackage, Receipt } from "./package.ts";
import { type Signed, type Signer, signWith, verifySigned } from "./signed.ts";

const Iso = z.iso.datetime({ offset: false });

export const PullRequestBody = z.object({
  type: z.literal("sisterports.pull/1"),
  agreementId: z.string(),
  from: z.string(),
  to: z.string(),
  /** The last sequence number the consumer holds (0: none). */
  after: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000),
  sentAt: Iso,
});
export type PullRequestBody = z.infer<typeof PullRequestBody>;
export const PullRequest = PullRequestBody.extend({ kid: z.string(), signature: z.string() });
export type PullRequest = z.infer<typeof PullRequest>;

export const NoticeBody = z.object({
  type: z.literal("sisterports.notice/1"),
  agreementId: z.string(),
  from: z.string(),
  to: z.string(),
  /** The newest package ready to pull. */
  seq: z.number().int().min(1),
  sentAt: Iso,
});
export type NoticeBody = z.infer<typeof NoticeBody>;
export const Notice = NoticeBody.extend({ kid: z.string(), signature: z.string() });
export type Notice = z.infer<typeof Notice>;

/** How long a signed pull request or notice is accepted after it was signed (and before: skew). */
export const SIGNED_REQUEST_WINDOW_S = 300;

export function signPullRequest(
  body: Omit<PullRequestBody, "type" | "from">,
  signer: Signer,
): Signed<PullRequestBody> {
  return signWith({ type: "sisterports.pull/1" as const, ...body, from: signer.port }, signer);
}

export function signNotice(body: Omit<NoticeBody, "type" | "from">, signer: Signer): Signed<NoticeBody> {
  return signWith({ type: "sisterports.notice/1" as const, ...body, from: signer.port }, signer);
}

export type RequestRefusal = "malformed" | "unknown_key" | "signature_invalid" | "stale" | "wrong_party";

/**
 * Checks a signed pull request or notice: shape, signature by a key of `from` valid at `sentAt`,
 * sent within SIGNED_REQUEST_WINDOW_S of now, addressed to `self` by the expected party.
 * Example: a pull signed by JPNGO 10 min ago is "stale"; one signed now by USLAX for an agreement
 * whose consumer is JPNGO is "wrong_party".
 */
export function verifySignedRequest<T extends PullRequest | Notice>(
  schema: z.ZodType<T>,
  input: unknown,
  expect: { self: string; from: string },
  keys: KeyLookup,
  now: string,
): { ok: true; value: T } | { ok: false; reason: RequestRefusal; detail: string } {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    return { ok: false, reason: "malformed", detail: parsed.error.issues[0]?.message ?? "" };
  const v = parsed.data;
  const key = keys(v.from, v.kid, v.sentAt);
  if (key === undefined) return { ok: false, reason: "unknown_key", detail: `${v.from} has no key ${v.kid}` };
  if (!verifySigned(v, key))
    return { ok: false, reason: "signature_invalid", detail: `signature of ${v.kid}` };
  const ageS = (Date.parse(now) - Date.parse(v.sentAt)) / 1000;
  if (Math.abs(ageS) > SIGNED_REQUEST_WINDOW_S)
    return { ok: false, reason: "stale", detail: `signed ${Math.round(ageS)} s ago` };
  if (v.from !== expect.from || v.to !== expect.self)
    return {
      ok: false,
      reason: "wrong_party",
      detail: `${v.from} → ${v.to}, expected ${expect.from} → ${expect.self}`,
    };
  return { ok: true, value: v };
}

export interface PullResponse {
  agreementId: string;
  /** "active", or why nothing flows (terminated, expired, …). */
  status: ReturnType<typeof agreementStatus>;
  packages: DataPackage[];
  /** The provider's newest sequence number: more to pull when above the last package returned. */
  headSeq: number;
}

/** The consumer's side of a transport: what the HTTP adapter will implement (or a test, in process). */
export interface SyncTransport {
  pull(request: PullRequest): Promise<PullResponse>;
  sendReceipts(receipts: Receipt[]): Promise<void>;
}

export function assertPullable(status: PullResponse["status"], agreementId: string): void {
  if (status !== "active")
    throw new DomainError("agreement_required", `agreement ${agreementId} is ${status}`);
}

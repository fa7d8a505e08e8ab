/**
 * The exchange's HTTP shapes for the portal and operators (issue 15). Each zod schema is the one
 * definition; the TypeScript types are derived from it and the portal imports them with
 * `import type`. (The machine-to-machine bodies — signed messages, packages, pulls, notices,
 * receipts — are defined where they are signed: agreement.ts, package.ts, sync.ts.)
 */
import { z } from "zod";
import { AgreementTerms, MESSAGE_TYPES, NEGOTIATION_STATES } from "./agreement.ts";

// --- changes (H3): the admin's negotiation steps and sync, each delivered to the peer node.

/** `POST /api/exchange/agreements`: this node (consumer) requests an agreement on these terms. */
export const AgreementRequestBody = z.object({ terms: AgreementTerms });
export type AgreementRequestBody = z.infer<typeof AgreementRequestBody>;

/** `POST /api/exchange/agreements/{id}/steps`: this node's next step (a counter-offer carries terms). */
export const AgreementStepBody = z.object({
  type: z.enum(MESSAGE_TYPES).exclude(["request"]),
  terms: AgreementTerms.optional(),
  /** Why, for a terminate (shown to the peer as given). */
  reason: z.string().max(500).optional(),
});
export type AgreementStepBody = z.infer<typeof AgreementStepBody>;

/** What a step did: the state stored here, and whether the peer received it (and why not). */
export const AgreementStepResult = z.object({
  id: z.string(),
  state: z.enum(NEGOTIATION_STATES),
  delivered: z.boolean(),
  reason: z.string().optional(),
});
export type AgreementStepResult = z.infer<typeof AgreementStepResult>;

export const AGREEMENT_STATUSES = [
  "negotiating",
  "active",
  "not_yet_valid",
  "expired",
  "terminated",
] as const;

/** `POST /api/exchange/agreements/{id}/sync`: what flowed, from this node's side. */
export const AgreementSyncResult = z.object({
  role: z.enum(["provider", "consumer"]),
  status: z.enum(AGREEMENT_STATUSES),
  /** Packages this node sent now (provider). */
  sent: z.array(z.number().int()),
  /** Provider: packages the consumer's receipts accept so far; consumer: packages accepted now. */
  accepted: z.array(z.number().int()),
  /** Consumer: packages received again (already held). */
  duplicates: z.array(z.number().int()),
  refused: z.array(z.object({ seq: z.number().int(), reason: z.string() })),
});
export type AgreementSyncResult = z.infer<typeof AgreementSyncResult>;

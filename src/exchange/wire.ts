/**
 * The exchange's HTTP shapes for the portal and operators (issue 15). Each zod schema is the one
 * definition; the TypeScript types are derived from it and the portal imports them with
 * `import type`. (The machine-to-machine bodies — signed messages, packages, pulls, notices,
 * receipts — are defined where they are signed: agreement.ts, package.ts, sync.ts.)
 */
import { z } from "zod";
import { AgreementTerms, MESSAGE_TYPES, NEGOTIATION_STATES } from "./agreement.ts";
import { LocalizedText } from "./identity.ts";

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

// --- views (H4)

/** A party of an agreement: its port and names (null when this node has no document of it). */
export const PartyWire = z.object({ port: z.string(), name: LocalizedText.nullable() });

export const AgreementSummaryWire = z.object({
  id: z.string(),
  /** This node's part in the agreement. */
  role: z.enum(["provider", "consumer"]),
  provider: PartyWire,
  consumer: PartyWire,
  state: z.enum(NEGOTIATION_STATES),
  /** Whether data may flow now (FINALIZED and within validity = active). */
  status: z.enum(AGREEMENT_STATUSES),
  version: z.number().int(),
  datasets: z.array(
    z.object({
      dataset: z.string(),
      title: LocalizedText.nullable(),
      aggregation: z.string(),
      fields: z.array(z.object({ name: z.string(), unit: z.string() })),
    }),
  ),
  minCellSize: z.number().int(),
  validFrom: z.string(),
  validUntil: z.string(),
  retentionDays: z.number().int(),
  packages: z.object({
    sent: z.number().int(),
    received: z.number().int(),
    /** When the last package was stored here (sent or received), UTC. */
    lastAt: z.string().nullable(),
  }),
  /** The last pull served or packages taken in under this agreement (from the audit log), UTC. */
  lastSyncAt: z.string().nullable(),
  updatedAt: z.string(),
  /** The negotiation steps this node may take now (its role, the state, the validity). */
  allowedSteps: z.array(z.enum(MESSAGE_TYPES)),
});
export type AgreementSummaryWire = z.infer<typeof AgreementSummaryWire>;

export const AgreementListWire = z.object({
  /** This node (null: not set up for the exchange yet). */
  node: PartyWire.nullable(),
  at: z.string(),
  agreements: z.array(AgreementSummaryWire),
});
export type AgreementListWire = z.infer<typeof AgreementListWire>;

export const ExchangeAuditEntryWire = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  peer: z.string().nullable(),
  agreementId: z.string().nullable(),
  outcome: z.enum(["ok", "refused", "failed"]),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  prevHash: z.string().nullable(),
  hash: z.string(),
});
export type ExchangeAuditEntryWire = z.infer<typeof ExchangeAuditEntryWire>;

export const AgreementDetailWire = AgreementSummaryWire.extend({
  terms: AgreementTerms,
  /** The hash both parties signed (set from AGREED on). */
  agreementHash: z.string().nullable(),
  terminatedBy: z.string().nullable(),
  terminationReason: z.string().nullable(),
  /** The signed negotiation messages, as both sides hold them. */
  log: z.array(
    z.object({
      seq: z.number().int(),
      type: z.enum(MESSAGE_TYPES),
      from: z.string(),
      to: z.string(),
      at: z.string(),
      hash: z.string(),
      /** The terms version a request or offer carried. */
      termsVersion: z.number().int().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  packages: z.array(
    z.object({
      direction: z.enum(["sent", "received"]),
      seq: z.number().int(),
      dataset: z.string(),
      aggregation: z.string(),
      cells: z.number().int(),
      suppressedCells: z.number().int(),
      supersedes: z.number().int().nullable(),
      /** False once a later package supersedes it (corrections replace, never edit). */
      current: z.boolean(),
      issuedAt: z.string(),
      storedAt: z.string(),
      /** Set when retention deleted the cells here (the chain fields stay). */
      purgedAt: z.string().nullable(),
      hash: z.string(),
    }),
  ),
  receipts: z.array(
    z.object({
      direction: z.enum(["sent", "received"]),
      packageSeq: z.number().int(),
      outcome: z.enum(["accepted", "refused"]),
      reason: z.string().nullable(),
      receivedAt: z.string(),
      from: z.string(),
    }),
  ),
  /** This agreement's entries in this node's audit log (what it did and what it refused). */
  audit: z.array(ExchangeAuditEntryWire),
});
export type AgreementDetailWire = z.infer<typeof AgreementDetailWire>;

export const ExchangeAuditPageWire = z.object({
  entries: z.array(ExchangeAuditEntryWire),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type ExchangeAuditPageWire = z.infer<typeof ExchangeAuditPageWire>;

/** Why a side has no figure for a metric. */
export const FIGURE_REASONS = [
  "no_agreement",
  "negotiating",
  "not_yet_valid",
  "revoked",
  "expired",
  "not_for_public",
  "no_packages",
  "no_data",
  "withheld_k",
  "field_missing",
  "fiscal_year_level",
  "restricted",
] as const;

export const SideFigureWire = z.object({
  /** In the metric's unit (tonnes for masses; the reader converts); null with a reason when absent. */
  value: z.number().nullable(),
  reason: z.enum(FIGURE_REASONS).nullable(),
  agreementId: z.string().nullable(),
  /** Where a peer figure came from (null for this port's own). */
  origin: z
    .object({
      node: z.object({
        port: z.string(),
        name: LocalizedText.nullable(),
        fingerprint: z.string().nullable(),
      }),
      agreementId: z.string(),
      attribution: LocalizedText,
      packages: z.array(
        z.object({
          seq: z.number().int(),
          dataset: z.string(),
          hash: z.string(),
          issuedAt: z.string(),
          receivedAt: z.string(),
        }),
      ),
    })
    .nullable(),
});
export type SideFigureWire = z.infer<typeof SideFigureWire>;

const SidePartyWire = z.object({
  port: z.string(),
  name: LocalizedText.nullable(),
  role: z.enum(["own", "peer"]),
  /** The months the figures cover, in this port's zone. */
  period: z.object({
    first: z.string(),
    last: z.string(),
    effectiveBasis: z.enum(["calendar", "fiscal"]),
    label: LocalizedText,
    timeZone: z.string(),
  }),
});

export const SideBySideWire = z.object({
  year: z.number().int(),
  basis: z.enum(["calendar", "fiscal"]),
  at: z.string(),
  /** "public": peer figures only under agreements that permit display, own public datasets only. */
  audience: z.enum(["public", "all"]),
  own: SidePartyWire,
  peer: SidePartyWire.nullable(),
  metrics: z.array(
    z.object({
      id: z.string(),
      unit: z.string(),
      own: SideFigureWire,
      peer: SideFigureWire,
    }),
  ),
  /** The attribution each agreement requires under what is shown from it. */
  attributions: z.array(z.object({ agreementId: z.string(), text: LocalizedText })),
  moneyNote: LocalizedText.nullable(),
});
export type SideBySideWire = z.infer<typeof SideBySideWire>;

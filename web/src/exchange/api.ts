// The exchange's calls (issue 15). Read shapes come from src/exchange/wire.ts (`import type`); the
// POST contract (drafts, negotiation steps, sync) is implemented by the exchange engine's routes.
import type { AgreementTerms, MessageType } from "../../../src/exchange/agreement.ts";
import type { CatalogDataset } from "../../../src/exchange/catalog.ts";
import type {
  AgreementDetailWire,
  AgreementListWire,
  ExchangeAuditPageWire,
} from "../../../src/exchange/wire.ts";
import { requestJson } from "../api.ts";

export type {
  AgreementDetailWire as AgreementDetail,
  AgreementListWire as AgreementList,
  AgreementSummaryWire as AgreementSummary,
  ExchangeAuditEntryWire as ExchangeAuditEntry,
} from "../../../src/exchange/wire.ts";
export type { AgreementTerms, CatalogDataset, MessageType };

/** What a draft or a step answers (the POST contract). */
export interface StepReply {
  id: string;
  state: string;
  delivered: boolean;
  reason?: string;
}
export interface SyncReply {
  role: string;
  status: string;
  sent: number[];
  accepted: number[];
  duplicates: number[];
  refused: { seq: number; reason: string }[];
}

const enc = encodeURIComponent;

// Agreements change with every step and package: fetched fresh each time.
export const exchangeApi = {
  agreements: () => requestJson<AgreementListWire>("/api/exchange/agreements", {}),
  agreement: (id: string) => requestJson<AgreementDetailWire>(`/api/exchange/agreements/${enc(id)}`, {}),
  audit: (limit: number, before?: number) =>
    requestJson<ExchangeAuditPageWire>(
      `/api/exchange/audit?limit=${limit}${before !== undefined ? `&before=${before}` : ""}`,
      {},
    ),
  catalog: () => requestJson<CatalogDataset[]>("/api/exchange/catalog", {}),
  draft: (terms: AgreementTerms) =>
    requestJson<StepReply>("/api/exchange/agreements", { method: "POST", body: { terms } }),
  step: (id: string, type: MessageType) =>
    requestJson<StepReply>(`/api/exchange/agreements/${enc(id)}/steps`, { method: "POST", body: { type } }),
  sync: (id: string) => requestJson<SyncReply>(`/api/exchange/agreements/${enc(id)}/sync`, { method: "POST" }),
};

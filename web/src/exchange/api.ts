// The exchange's calls (issue 15). Read shapes come from src/exchange/wire.ts (`import type`); the
// POST contract (drafts, negotiation steps, sync) is implemented by the exchange engine's routes.
import type { AgreementTerms, MessageType } from "../../../src/exchange/agreement.ts";
import type { CatalogDataset } from "../../../src/exchange/catalog.ts";
import type {
  AgreementDetailWire,
  AgreementListWire,
  AgreementStepResult,
  AgreementSyncResult,
  ExchangeAuditPageWire,
  SideBySideWire,
} from "../../../src/exchange/wire.ts";
import { requestJson } from "../api.ts";

export type {
  AgreementDetailWire as AgreementDetail,
  AgreementListWire as AgreementList,
  AgreementSummaryWire as AgreementSummary,
  ExchangeAuditEntryWire as ExchangeAuditEntry,
  SideBySideWire as SideBySide,
  SideFigureWire as SideFigure,
} from "../../../src/exchange/wire.ts";
export type { AgreementTerms, CatalogDataset, MessageType };

export type StepReply = AgreementStepResult;
export type SyncReply = AgreementSyncResult;

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
  step: (id: string, type: Exclude<MessageType, "request">, reason?: string, terms?: AgreementTerms) =>
    requestJson<StepReply>(`/api/exchange/agreements/${enc(id)}/steps`, {
      method: "POST",
      body: { type, ...(reason ? { reason } : {}), ...(terms ? { terms } : {}) },
    }),
  sideBySide: (year: number, basis: "calendar" | "fiscal") =>
    requestJson<SideBySideWire>(`/api/exchange/side-by-side?year=${year}&basis=${basis}`, {}),
  sync: (id: string) =>
    requestJson<SyncReply>(`/api/exchange/agreements/${enc(id)}/sync`, { method: "POST" }),
};

/**
 * Read routes of the exchange for people (issue 15), framework-free (server/ mounts them):
 * - GET /api/exchange/agreements       analyst, admin — every agreement: parties, state, status now,
 *   scope, packages each way, last sync, the steps this node may take
 * - GET /api/exchange/agreements/:id   analyst, admin — one agreement in full: terms, the signed
 *   negotiation log, packages, receipts, its audit entries
 * - GET /api/exchange/audit            admin — the exchange audit log, newest first, by pages
 * - GET /api/exchange/side-by-side      public, analyst, admin — the two ports on the same rows for a
 *   year (calendar or fiscal). The public sees the sister port's figures only under agreements whose
 *   `display` permission has no constraint, and this port's own only from datasets public here
 *   (compare.ts); analysts and admins see everything this node holds.
 * Analysts read what was agreed and what flowed (the memorandum coordinators' job); the whole audit
 * log (node set-up, peers, refusals of any origin) is the administrator's.
 */
import { z } from "zod";
import { defineRoute, type RouteDef } from "../core/http.ts";
import { type SideBySideDeps, sideBySide } from "./compare.ts";
import type { ExchangeStore } from "./store.ts";
import { agreementDetailView, auditPageView, listAgreementViews } from "./views.ts";
import { AgreementDetailWire, AgreementListWire, ExchangeAuditPageWire, SideBySideWire } from "./wire.ts";

export interface ExchangeViewRouteDeps {
  exchange: ExchangeStore;
  now(): Date;
  ownRows: SideBySideDeps["ownRows"];
}

export function exchangeViewRoutes(deps: ExchangeViewRouteDeps): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/exchange/agreements",
      operationId: "listExchangeAgreements",
      summary:
        "Agreements with the sister port: parties, negotiation state, status now, datasets, k, validity, retention, packages sent and received, last sync",
      tags: ["exchange"],
      access: ["analyst", "admin"],
      response: AgreementListWire,
      async handler() {
        return listAgreementViews(deps.exchange, deps.now());
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/exchange/agreements/:id",
      operationId: "getExchangeAgreement",
      summary:
        "One agreement in full: terms (purpose, permitted and prohibited uses, attribution en/ja), the signed negotiation log, packages, receipts and its audit entries",
      tags: ["exchange"],
      access: ["analyst", "admin"],
      params: z.object({ id: z.string() }),
      response: AgreementDetailWire,
      async handler({ params }) {
        return agreementDetailView(deps.exchange, params.id, deps.now());
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/exchange/audit",
      operationId: "listExchangeAudit",
      summary: "The hash-chained exchange audit log, newest first; `before` a seq for the next page",
      tags: ["exchange"],
      access: ["admin"],
      query: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        before: z.coerce.number().int().min(1).optional(),
      }),
      response: ExchangeAuditPageWire,
      async handler({ query }) {
        return auditPageView(deps.exchange, query);
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/exchange/side-by-side",
      operationId: "getExchangeSideBySide",
      summary:
        "The two ports on the same rows for a year: emissions per TEU and per call, ZE share of CHE and drayage, anchorage wait, truck turn time, pilot scorecards — each sister-port figure with its origin",
      tags: ["exchange"],
      access: ["public", "analyst", "admin"],
      query: z.object({
        year: z.coerce.number().int().min(2000).max(2100),
        basis: z.enum(["calendar", "fiscal"]).default("calendar"),
      }),
      response: SideBySideWire,
      async handler({ query, context }) {
        return sideBySide(deps, query, context?.principal);
      },
    }),
  ];
}

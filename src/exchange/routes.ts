/**
 * HTTP routes of the exchange (issue 15), framework-free (server/ mounts them; not mounted yet —
 * the lead composes them once access control, issue 14, maps a sister node to `sister_port`):
 * - GET  /api/exchange/node                 public — this node's signed node document (public keys only)
 * - GET  /api/exchange/catalog              public — the datasets a node can offer
 * - POST /api/exchange/negotiation-messages sister_port — a peer's signed negotiation message
 * - POST /api/exchange/pull                 sister_port — a consumer's signed pull request
 * - POST /api/exchange/notices              sister_port — a provider's signed push notice
 * - POST /api/exchange/receipts             sister_port — a consumer's signed receipt
 * Every POST body is signed by the sending node's Ed25519 key and verified here whatever the
 * caller's HTTP credentials; a refusal is audited and answered with its reason code.
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { defineRoute, type RouteDef } from "../core/http.ts";
import { NEGOTIATION_STATES } from "./agreement.ts";
import { CATALOG, CatalogDataset } from "./catalog.ts";
import { NodeDocument } from "./identity.ts";
import { DataPackage, Receipt } from "./package.ts";
import { acceptNotice, receiveNegotiationMessage, receiveReceipt, servePull } from "./service.ts";
import type { ExchangeStore } from "./store.ts";

export interface ExchangeRouteDeps {
  exchange: ExchangeStore;
  now(): Date;
  /** Called after a valid notice: pull from the provider (in the background). */
  onNotice?(agreementId: string): void;
}

const anyJson = z.record(z.string(), z.unknown());

export const PullResponseSchema = z.object({
  agreementId: z.string(),
  status: z.enum(["negotiating", "active", "not_yet_valid", "expired", "terminated"]),
  packages: z.array(DataPackage),
  headSeq: z.number().int(),
});

export const NegotiationAck = z.object({
  ok: z.boolean(),
  state: z.enum(NEGOTIATION_STATES).optional(),
  duplicate: z.boolean().optional(),
  reason: z.string().optional(),
  detail: z.string().optional(),
});

export function exchangeRoutes(deps: ExchangeRouteDeps): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/exchange/node",
      operationId: "getExchangeNodeDocument",
      summary:
        "This node's signed node document: port, names en/ja, endpoint, public keys (never a private key)",
      tags: ["exchange"],
      access: ["public"],
      response: NodeDocument,
      async handler() {
        const node = await deps.exchange.getNode();
        if (!node) throw new DomainError("not_found", "this node is not set up for the exchange");
        return node.document;
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/exchange/catalog",
      operationId: "getExchangeCatalog",
      summary:
        "The datasets a node can offer (DCAT-style): aggregation levels, fields with units, update frequency",
      tags: ["exchange"],
      access: ["public"],
      cache: () => "data",
      response: z.array(CatalogDataset),
      async handler() {
        return [...CATALOG];
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/exchange/negotiation-messages",
      operationId: "postExchangeNegotiationMessage",
      summary:
        "Receive a peer's signed negotiation message (Dataspace Protocol states); refused ones answer ok false with the reason",
      tags: ["exchange"],
      access: ["sister_port"],
      body: anyJson,
      response: NegotiationAck,
      async handler({ body }) {
        const r = await receiveNegotiationMessage(deps.exchange, body, deps.now());
        return r.ok
          ? { ok: true, state: r.state.state, duplicate: r.duplicate }
          : { ok: false, reason: r.reason, detail: r.detail };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/exchange/pull",
      operationId: "postExchangePull",
      summary:
        "A consumer's signed pull: the packages sent after its last sequence number, while the agreement is active",
      tags: ["exchange"],
      access: ["sister_port"],
      body: anyJson,
      response: PullResponseSchema,
      async handler({ body }) {
        return servePull(deps.exchange, body, deps.now());
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/exchange/notices",
      operationId: "postExchangeNotice",
      summary: "A provider's signed push notice that a package is ready; the consumer then pulls",
      tags: ["exchange"],
      access: ["sister_port"],
      body: anyJson,
      response: z.object({ agreementId: z.string(), seq: z.number().int() }),
      async handler({ body }) {
        const notice = await acceptNotice(deps.exchange, body, deps.now());
        deps.onNotice?.(notice.agreementId);
        return { agreementId: notice.agreementId, seq: notice.seq };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/exchange/receipts",
      operationId: "postExchangeReceipt",
      summary: "A consumer's signed receipt for a package (accepted, or refused with the reason code)",
      tags: ["exchange"],
      access: ["sister_port"],
      body: anyJson,
      response: Receipt,
      async handler({ body }) {
        return receiveReceipt(deps.exchange, body, deps.now());
      },
    }),
  ];
}

/**
 * The consumer's transport over HTTP to the provider's endpoint (from its node document).
 * Example: httpTransport("http://127.0.0.1:8081/", fetch) posts pulls to
 * http://127.0.0.1:8081/api/exchange/pull.
 */
export function httpTransport(endpoint: string, fetchFn: typeof fetch = fetch) {
  const url = (path: string) => new URL(path, endpoint).toString();
  const post = async (path: string, body: unknown) => {
    const res = await fetchFn(url(path), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new DomainError("unavailable", `${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as unknown;
  };
  return {
    async pull(request: unknown) {
      return PullResponseSchema.parse(await post("/api/exchange/pull", request));
    },
    async sendReceipts(receipts: readonly unknown[]) {
      for (const r of receipts) await post("/api/exchange/receipts", r);
    },
    async sendNegotiationMessage(message: unknown) {
      return NegotiationAck.parse(await post("/api/exchange/negotiation-messages", message));
    },
    async sendNotice(notice: unknown) {
      return post("/api/exchange/notices", notice);
    },
  };
}

/**
 * HTTP routes of the exchange (issue 15), framework-free (server/ mounts them):
 * - GET  /api/exchange/node                 public — this node's signed node document (public keys only)
 * - GET  /api/exchange/catalog              public — the datasets a node can offer
 * - POST /api/exchange/negotiation-messages sister_port — a peer's signed negotiation message
 * - POST /api/exchange/pull                 sister_port — a consumer's signed pull request
 * - POST /api/exchange/notices              sister_port — a provider's signed push notice
 * - POST /api/exchange/receipts             sister_port — a consumer's signed receipt
 * Every POST body is signed by the sending node's Ed25519 key and verified here; besides, the
 * caller's sister_port API key is tied to one peer (the key's owner is its UN/LOCODE): a body whose
 * `from` is another port is refused with 403 and audited.
 * Admin (this node's operator; engine.ts does the work, wire.ts holds the shapes):
 * - POST /api/exchange/agreements             request an agreement (this node consumer), sent to the provider
 * - POST /api/exchange/agreements/:id/steps   offer, accept, agree, verify, finalize or terminate, sent to the peer
 * - POST /api/exchange/agreements/:id/sync    consumer pulls, provider publishes
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import type { RouteRequest } from "../core/http.ts";
import { defineRoute, type RouteDef } from "../core/http.ts";
import { NEGOTIATION_STATES } from "./agreement.ts";
import { CATALOG, CatalogDataset } from "./catalog.ts";
import { type EngineDeps, requestAgreement, syncAgreement, takeStep } from "./engine.ts";
import { Locode, NodeDocument } from "./identity.ts";
import { exchangeMsg } from "./messages.ts";
import { DataPackage, Receipt } from "./package.ts";
import { acceptNotice, receiveNegotiationMessage, receiveReceipt, servePull } from "./service.ts";
import type { ExchangeStore } from "./store.ts";
import { AgreementRequestBody, AgreementStepBody, AgreementStepResult, AgreementSyncResult } from "./wire.ts";

export interface ExchangeRouteDeps {
  exchange: ExchangeStore;
  now(): Date;
  /** Called after a valid notice: pull from the provider (in the background). */
  onNotice?(agreementId: string): void;
  /** How this node reaches peers and reads its own rows (the admin routes need them). */
  engine?: Pick<EngineDeps, "transportFor" | "rowsFor" | "attempts" | "retryDelayMs" | "pageSize">;
}

/**
 * A sister_port key speaks for one peer: its owner. The signed body's sender must be that peer
 * (the signature proves who signed, the key proves who is calling). Refusals are audited.
 */
async function requireKeyPeer(
  deps: ExchangeRouteDeps,
  request: RouteRequest<unknown, unknown, Record<string, unknown>>,
) {
  const principal = request.context?.principal;
  if (principal?.role !== "sister_port") return;
  const from = typeof request.body.from === "string" ? request.body.from : "";
  // A body naming no sender, or no UN/LOCODE as sender, is malformed: the use case refuses it with
  // its own reason (and the audit is not handed text PostgreSQL cannot store, such as a NUL).
  if (!Locode.safeParse(from).success) return;
  const owner = principal.owner?.toUpperCase();
  if (owner !== undefined && owner === from) return;
  await deps.exchange.appendAudit({
    at: deps.now().toISOString(),
    action: "request.refused",
    ...(from ? { peer: from } : {}),
    ...(typeof request.body.agreementId === "string" ? { agreementId: request.body.agreementId } : {}),
    outcome: "refused",
    reason: "key_peer_mismatch",
    detail: { keyId: principal.id, keyPeer: owner ?? null, from, type: request.body.type },
  });
  throw new DomainError(
    "forbidden",
    owner === undefined ? exchangeMsg("errKeyNoPeer") : exchangeMsg("errKeyOtherPeer", { owner, from }),
  );
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
  const engineDeps = (): EngineDeps => {
    if (!deps.engine) throw new DomainError("unavailable", exchangeMsg("errNoTransport"));
    return { ...deps.engine, exchange: deps.exchange, now: deps.now };
  };
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
        if (!node) throw new DomainError("not_found", exchangeMsg("errNodeNotSetUpHttp"));
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
      async handler(request) {
        await requireKeyPeer(deps, request);
        const body = request.body;
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
      async handler(request) {
        await requireKeyPeer(deps, request);
        const body = request.body;
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
      async handler(request) {
        await requireKeyPeer(deps, request);
        const notice = await acceptNotice(deps.exchange, request.body, deps.now());
        await deps.exchange.appendAudit({
          at: deps.now().toISOString(),
          action: "notice.received",
          peer: notice.from,
          agreementId: notice.agreementId,
          outcome: "ok",
          detail: { seq: notice.seq },
        });
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
      async handler(request) {
        await requireKeyPeer(deps, request);
        const body = request.body;
        return receiveReceipt(deps.exchange, body, deps.now());
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/exchange/receipts/batch",
      operationId: "postExchangeReceiptBatch",
      summary:
        "A consumer's signed receipts for a page of pulled packages, in one request (each checked as the single route does)",
      tags: ["exchange"],
      access: ["sister_port"],
      body: z.object({ receipts: z.array(anyJson).min(1).max(1000) }),
      response: z.object({ stored: z.number().int() }),
      async handler(request) {
        for (const r of request.body.receipts) await requireKeyPeer(deps, { ...request, body: r });
        for (const r of request.body.receipts) await receiveReceipt(deps.exchange, r, deps.now());
        return { stored: request.body.receipts.length };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/exchange/agreements",
      operationId: "postExchangeAgreement",
      summary:
        "Request an agreement on these terms (this node the consumer): stored, signed and sent to the provider node",
      tags: ["exchange"],
      access: ["admin"],
      body: AgreementRequestBody,
      response: AgreementStepResult,
      async handler({ body }) {
        return requestAgreement(engineDeps(), body.terms);
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/exchange/agreements/:id/steps",
      operationId: "postExchangeAgreementStep",
      summary:
        "This node's next negotiation step (offer with terms, accept, agree, verify, finalize, terminate): stored, signed and sent to the peer",
      tags: ["exchange"],
      access: ["admin"],
      params: z.object({ id: z.string() }),
      body: AgreementStepBody,
      response: AgreementStepResult,
      async handler({ params, body }) {
        return takeStep(engineDeps(), params.id, {
          type: body.type,
          ...(body.terms ? { terms: body.terms } : {}),
          ...(body.reason !== undefined ? { reason: body.reason } : {}),
        });
      },
    }),
    defineRoute({
      method: "POST",
      path: "/api/exchange/agreements/:id/sync",
      operationId: "postExchangeAgreementSync",
      summary:
        "Sync one agreement now: the consumer pulls what is new, the provider publishes what changed (and notifies)",
      tags: ["exchange"],
      access: ["admin"],
      params: z.object({ id: z.string() }),
      response: AgreementSyncResult,
      async handler({ params }) {
        const { agreementId: _, ...r } = await syncAgreement(engineDeps(), params.id);
        return r;
      },
    }),
  ];
}

/**
 * A node's transport over HTTP to a peer's endpoint (from its node document), presenting the API key
 * the peer gave this node (`Authorization: Bearer spx_…`). HTTP failures carry a code: 401
 * unauthorized, 403 forbidden, 404 not_found, other 4xx validation; 429 (rate limit), 5xx and
 * network errors unavailable (the only ones worth retrying).
 * Example: httpTransport("http://127.0.0.1:8081/", fetch, "spx_…") posts pulls to
 * http://127.0.0.1:8081/api/exchange/pull with that key.
 */
export function httpTransport(endpoint: string, fetchFn: typeof fetch = fetch, apiKey?: string) {
  const url = (path: string) => new URL(path, endpoint).toString();
  const post = async (path: string, body: unknown) => {
    let res: Response;
    try {
      res = await fetchFn(url(path), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(apiKey !== undefined ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new DomainError("unavailable", `${url(path)}: ${(error as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) {
      const code =
        res.status === 401
          ? "unauthorized"
          : res.status === 403
            ? "forbidden"
            : res.status === 404
              ? "not_found"
              : res.status === 429
                ? "unavailable"
                : res.status < 500
                  ? "validation"
                  : "unavailable";
      throw new DomainError(code, `${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
    }
    return JSON.parse(text) as unknown;
  };
  return {
    async pull(request: unknown) {
      return PullResponseSchema.parse(await post("/api/exchange/pull", request));
    },
    async sendReceipts(receipts: readonly unknown[]) {
      // One request per page: a receipt per request would meet the per-principal rate limit.
      for (let i = 0; i < receipts.length; i += 1000)
        await post("/api/exchange/receipts/batch", { receipts: receipts.slice(i, i + 1000) });
    },
    async sendNegotiationMessage(message: unknown) {
      return NegotiationAck.parse(await post("/api/exchange/negotiation-messages", message));
    },
    async sendNotice(notice: unknown) {
      return post("/api/exchange/notices", notice);
    },
  };
}

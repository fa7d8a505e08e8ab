/**
 * The one place alerts leave the node: a POST of the signed body over node:http(s). Thin on
 * purpose (what to send, when, and what an answer means are decided in alerts.ts and
 * alerts-service.ts); a test gives its own sender or a real local receiver.
 *
 * Every connection goes through the webhook target guard (webhook-targets.ts): an address given in
 * the URL is checked before connecting, and a host name is resolved by the agents' own `lookup`,
 * which refuses the connection when any address it resolves to is refused — the check is made on
 * the very addresses connected to, so a name that resolved to a public address at subscribe time
 * and to 127.0.0.1 now (DNS rebinding) is still refused. Redirects are never followed.
 */
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { RequestInvalid } from "../core/http.ts";
import { type IpAddress, parseIp } from "../core/net-address.ts";
import {
  allowedRanges,
  refusedTarget,
  STRICT_TARGETS,
  type TargetVerdict,
  type WebhookTargetPolicy,
} from "./webhook-targets.ts";
import type { WebhookHeaders } from "./webhooks.ts";

export interface SendResult {
  /** The receiver's HTTP status; null when none came (timeout, refused, DNS). */
  statusCode: number | null;
  /** The receiver's Retry-After header as given (a 429 or 503 may carry one). */
  retryAfter: string | null;
  latencyMs: number;
  error: string | null;
}

export type SendWebhook = (
  url: string,
  headers: WebhookHeaders,
  body: string,
  timeoutMs: number,
) => Promise<SendResult>;

/** A host name's addresses (every one of them, as the resolver gives them). */
export type ResolveHost = (
  hostname: string,
  family?: number,
) => Promise<{ address: string; family: number }[]>;

const systemResolve: ResolveHost = (hostname, family) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true, ...(family ? { family } : {}) });

/** A URL refused as a webhook target: its host is, or resolves to, an address the node may not call. */
export class WebhookTargetRefused extends RequestInvalid {
  readonly verdict: TargetVerdict;
  constructor(url: string, verdict: TargetVerdict) {
    super("url", url, { rule: "webhookTarget", refusal: verdict.refusal, address: verdict.address });
    this.verdict = verdict;
  }
}

/** Where webhooks may go, applied where subscriptions are made and where deliveries connect. */
export interface WebhookTargets {
  readonly policy: WebhookTargetPolicy;
  /**
   * Throws WebhookTargetRefused when the URL's host is, or now resolves to, a refused address. A
   * name that does not resolve (yet) passes: the connection's own check refuses it later if it
   * then resolves to a refused address.
   */
  check(url: string): Promise<void>;
  /** POSTs through the guard: a refused target gets no connection and an error naming why. */
  send: SendWebhook;
}

/** Bytes of an error reply kept for the attempt log (the receiver's words, for whoever debugs it). */
const ERROR_BODY_CHARS = 200;

const refusedText = (v: TargetVerdict) => `refused target ${v.address} (${v.refusal})`;

function addressesOf(list: readonly { address: string }[]): IpAddress[] {
  return list.map((a) => parseIp(a.address)).filter((ip): ip is IpAddress => ip !== null);
}

/**
 * The guard for a policy. `resolve` replaces the system resolver (a test makes a name resolve to a
 * private address, as a rebinding attacker's DNS server would).
 */
export function webhookTargets(
  policy: WebhookTargetPolicy = STRICT_TARGETS,
  options: { resolve?: ResolveHost } = {},
): WebhookTargets {
  const resolve = options.resolve ?? systemResolve;
  const ranges = allowedRanges(policy);
  const verdictOf = (ips: readonly IpAddress[]) => refusedTarget(ips, policy, ranges);

  // node:net calls this for every connection to a host name (never for an address: see send).
  const lookup: LookupFunction = (hostname, opts, callback) => {
    resolve(hostname, opts.family === 4 || opts.family === 6 ? opts.family : undefined).then(
      (list) => {
        const verdict = verdictOf(addressesOf(list));
        const first = list[0];
        if (verdict !== null || first === undefined) {
          const error = Object.assign(new Error(verdict ? refusedText(verdict) : `${hostname}: no address`), {
            code: verdict ? "EREFUSEDTARGET" : "ENOTFOUND",
          });
          callback(error, "", 0);
        } else if (opts.all) (callback as unknown as (e: null, a: typeof list) => void)(null, list);
        else callback(null, first.address, first.family);
      },
      (e: NodeJS.ErrnoException) => callback(e, "", 0),
    );
  };
  const agents = {
    "http:": new http.Agent({ lookup }),
    "https:": new https.Agent({ lookup }),
  };

  return {
    policy,
    async check(url) {
      const host = new URL(url).hostname;
      const literal = parseIp(host);
      let ips: IpAddress[];
      if (literal !== null) ips = [literal];
      else {
        try {
          ips = addressesOf(await resolve(host));
        } catch {
          return; // not resolvable now: checked again on every connection
        }
      }
      const verdict = verdictOf(ips);
      if (verdict !== null) throw new WebhookTargetRefused(url, verdict);
    },
    send: async (url, headers, body, timeoutMs) => {
      const started = performance.now();
      const latency = () => Math.round(performance.now() - started);
      const failed = (error: string): SendResult => ({
        statusCode: null,
        retryAfter: null,
        latencyMs: latency(),
        error,
      });
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return failed("invalid URL");
      }
      if (target.protocol !== "http:" && target.protocol !== "https:")
        return failed(`unsupported scheme ${target.protocol}`);
      // An address in the URL is connected to without a lookup: checked here.
      const literal = parseIp(target.hostname);
      const literalVerdict = literal === null ? null : verdictOf([literal]);
      if (literalVerdict !== null) return failed(refusedText(literalVerdict));
      const request = target.protocol === "https:" ? https.request : http.request;
      return new Promise<SendResult>((resolveResult) => {
        const payload = Buffer.from(body, "utf8");
        const req = request(target, {
          method: "POST",
          agent: agents[target.protocol as "http:" | "https:"],
          headers: {
            ...headers,
            "content-type": "application/json",
            "content-length": String(payload.length),
            "user-agent": "sisterports-webhooks/1",
          },
        });
        const timer = setTimeout(
          () => req.destroy(Object.assign(new Error(`timeout after ${timeoutMs} ms`), { code: "ETIMEOUT" })),
          timeoutMs,
        );
        const done = (r: SendResult) => {
          clearTimeout(timer);
          resolveResult(r);
        };
        req.on("error", (e: NodeJS.ErrnoException) => {
          const text =
            e.code === "ETIMEOUT" || e.code === "EREFUSEDTARGET" ? e.message : (e.code ?? e.message);
          done(failed(text));
        });
        req.on("response", (res) => {
          const status = res.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          const retryAfter = res.headers["retry-after"];
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            // A 3xx is a failure like any other (redirects are not followed: Standard Webhooks, Svix).
            if (!ok && text.length < ERROR_BODY_CHARS) text += chunk;
          });
          res.on("end", () =>
            done({
              statusCode: status,
              retryAfter: typeof retryAfter === "string" ? retryAfter : null,
              latencyMs: latency(),
              error: text === "" ? null : text.slice(0, ERROR_BODY_CHARS),
            }),
          );
          res.on("error", (e: NodeJS.ErrnoException) => done(failed(e.code ?? e.message)));
        });
        req.end(payload);
      });
    },
  };
}

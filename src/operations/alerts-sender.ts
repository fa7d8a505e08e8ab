/**
 * The one place alerts leave the node: a POST of the signed body with the global `fetch`. Thin on
 * purpose (what to send, when, and what an answer means are decided in alerts.ts and
 * alerts-service.ts); a test gives its own sender or a real local receiver.
 */
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

/** Bytes of an error reply kept for the attempt log (the receiver's words, for whoever debugs it). */
const ERROR_BODY_CHARS = 200;

/**
 * POSTs with `content-type: application/json` and the Standard Webhooks headers; redirects are
 * not followed (a 3xx is a failure, as Standard Webhooks and Svix treat it), and the
 * request is aborted after `timeoutMs`.
 */
export const fetchSender: SendWebhook = async (url, headers, body, timeoutMs) => {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "user-agent": "sisterports-webhooks/1" },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = res.ok ? "" : (await res.text().catch(() => "")).slice(0, ERROR_BODY_CHARS);
    if (res.ok) await res.body?.cancel().catch(() => undefined);
    return {
      statusCode: res.status,
      retryAfter: res.headers.get("retry-after"),
      latencyMs: latency(),
      error: text === "" ? null : text,
    };
  } catch (e) {
    const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const error =
      err.name === "TimeoutError"
        ? `timeout after ${timeoutMs} ms`
        : (err.cause?.code ?? err.cause?.message ?? err.message ?? String(e));
    return { statusCode: null, retryAfter: null, latencyMs: latency(), error };
  }
};

import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from "./webhooks.ts";

// The Standard Webhooks reference library's own test vector (standard-webhooks/standard-webhooks,
// libraries/javascript/src/webhook.test.ts, "sign function works").
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const TIMESTAMP_S = 1614265330;
const BODY = '{"test": 2432232314}';

describe("Standard Webhooks signatures", () => {
  it("signs the specification's test vector", () => {
    expect(signWebhook(SECRET, ID, TIMESTAMP_S, BODY)).toBe(
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    );
  });

  it("verifies a fresh delivery, with or without the whsec_ prefix, among several signatures", () => {
    const h = webhookHeaders(SECRET, ID, TIMESTAMP_S, BODY);
    expect(verifyWebhook(SECRET, h, BODY, TIMESTAMP_S + 10)).toBeNull();
    expect(verifyWebhook(SECRET.slice(6), h, BODY, TIMESTAMP_S)).toBeNull();
    const rotated = {
      ...h,
      "webhook-signature": `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${h["webhook-signature"]}`,
    };
    expect(verifyWebhook(SECRET, rotated, BODY, TIMESTAMP_S)).toBeNull();
  });

  it("refuses a tampered body, another secret, a stale or future timestamp, missing headers", () => {
    const h = webhookHeaders(SECRET, ID, TIMESTAMP_S, BODY);
    expect(verifyWebhook(SECRET, h, '{"test": 2432232315}', TIMESTAMP_S)).toBe("no valid v1 signature");
    expect(verifyWebhook(newWebhookSecret(), h, BODY, TIMESTAMP_S)).toBe("no valid v1 signature");
    expect(verifyWebhook(SECRET, h, BODY, TIMESTAMP_S + 301)).toBe("webhook-timestamp outside the tolerance");
    expect(verifyWebhook(SECRET, h, BODY, TIMESTAMP_S - 301)).toBe("webhook-timestamp outside the tolerance");
    expect(verifyWebhook(SECRET, { ...h, "webhook-timestamp": "hello" }, BODY, TIMESTAMP_S)).toBe(
      "webhook-timestamp is not epoch seconds",
    );
    expect(verifyWebhook(SECRET, { "webhook-id": ID }, BODY, TIMESTAMP_S)).toMatch(/^missing/);
    expect(verifyWebhook(SECRET, { ...h, "webhook-signature": "v1," }, BODY, TIMESTAMP_S)).toBe(
      "no valid v1 signature",
    );
  });

  it("makes secrets of 32 random bytes", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(newWebhookSecret());
  });
});

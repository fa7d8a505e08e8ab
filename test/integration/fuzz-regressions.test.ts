/**
 * Inputs the fuzz found answered 500 (issue 14), each now a 4xx or a per-record reject: a JSON value
 * whose `toString` / `valueOf` keys are data made `String(value)` throw in the telemetry parser,
 * the scenario routes' port check and the exchange's pull and notice handlers. On PostgreSQL only: a
 * NUL character (U+0000) in a path value or in a receipt's sender reached a query (PostgreSQL text
 * cannot hold one); now a 400, or the use case's own refusal.
 */
import { describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../helpers/databases.ts";
import { fuzzTargetFor } from "../helpers/fuzz-run.ts";

const POISON = { toString: 1, valueOf: 2 };
const CASES: { url: string; as: string; body: unknown; method?: "GET" | "POST" }[] = [
  {
    url: "/api/ports/USLAX/transition/telemetry",
    as: "admin",
    body: [{ unitId: POISON, periodStart: "2026-11-01", periodEnd: "2026-11-02", operatingH: 1 }],
  },
  {
    url: "/api/ports/USLAX/transition/telemetry",
    as: "admin",
    body: [{ unitId: "x", periodStart: POISON, periodEnd: "2026-11-02", operatingH: POISON }],
  },
  { url: "/api/ports/USLAX/transition/scenarios/run", as: "admin", body: { port: POISON, name: "x" } },
  { url: "/api/ports/USLAX/transition/scenarios", as: "admin", body: { port: POISON, name: "x" } },
  { url: "/api/exchange/pull", as: "sister_port", body: { agreementId: POISON, kid: "k", signature: "s" } },
  {
    url: "/api/exchange/notices",
    as: "sister_port",
    body: { agreementId: POISON, kid: "k", signature: "s" },
  },
  { url: "/api/exchange/receipts", as: "sister_port", body: { agreementId: "a", packageSeq: POISON } },
  {
    url: "/api/exchange/receipts",
    as: "sister_port",
    body: {
      agreementId: "agr-fuzz-1",
      kind: "propose",
      from: "\u0000",
      to: "JPNGO",
      kid: "k",
      signature: "s",
    },
  },
  { url: "/api/ports/JPNGO/operations/alerts/subscriptions/%00/test", as: "admin", body: {} },
  { url: "/api/ports/USLAX/operations/containers/a%00b", as: "analyst", body: undefined, method: "GET" },
  { url: "/api/admin/audit?actor=%00", as: "admin", body: undefined, method: "GET" },
];

for (const kind of testDatabaseKinds())
  describe.skipIf(kind.skip)(`request bodies the fuzz found answered 500 (${kind.kind})`, () => {
    const target = fuzzTargetFor(kind);

    for (const c of CASES)
      it(`${c.method ?? "POST"} ${c.url} ${JSON.stringify(c.body ?? "").slice(0, 80)} → 4xx or 200 with rejects`, async () => {
        const r = await target().app.inject(
          c.method === "GET"
            ? { method: "GET", url: c.url, headers: { ...target().headersOf[c.as] } }
            : {
                method: "POST",
                url: c.url,
                headers: { ...target().headersOf[c.as], "content-type": "application/json" },
                payload: JSON.stringify(c.body),
              },
        );
        expect(r.statusCode, r.body).toBeLessThan(500);
      });
  });

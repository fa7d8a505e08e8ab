import { describe, expect, it } from "vitest";
import { type NegotiationState, nextMessage } from "./agreement.ts";
import { catalogDataset } from "./catalog.ts";
import { finalizedLog, KEYS, LA, NEGOTIATION_ID, NGO } from "./fixtures/nodes.ts";
import {
  aggregateRows,
  buildPackage,
  currentPackages,
  type DatasetRow,
  signReceipt,
  verifyPackage,
  verifyReceipt,
} from "./package.ts";
import { signedHash, signWith } from "./signed.ts";

const ISSUED = "2027-01-05T00:00:00.000Z";
const NOW = "2027-01-05T00:10:00.000Z";
const row = (
  contributor: string,
  category: string,
  month: string,
  co2e: number,
  nox?: number,
): DatasetRow => ({
  contributor,
  dims: { category, month, year: month.slice(0, 4) },
  values: { co2eTonnes: co2e, ...(nox !== undefined ? { noxTonnes: nox } : {}), pm25Tonnes: 0.01 },
});

/**
 * Hand-made rows (agreement k = 3, category-month, fields co2eTonnes and noxTonnes):
 * - ogv 2026-01: companies A, B, C, A → 3 contributors; co2e 10 + 20 + 30 + 5 = 65 t;
 *   NOx 0.5 + 1 + 1.5 + 0.25 = 3.25 t.
 * - che 2026-01: companies D, E → 2 contributors < 3: suppressed.
 * - ogv 2026-02: A, B, C, D at 1 t each → 4 contributors, 4 t; no NOx reported → no NOx value.
 * pm25Tonnes is in every row but not agreed: it must not leave.
 */
const ROWS = [
  row("A", "ogv", "2026-01", 10, 0.5),
  row("B", "ogv", "2026-01", 20, 1),
  row("C", "ogv", "2026-01", 30, 1.5),
  row("A", "ogv", "2026-01", 5, 0.25),
  row("D", "che", "2026-01", 4, 0.1),
  row("E", "che", "2026-01", 6, 0.2),
  row("A", "ogv", "2026-02", 1),
  row("B", "ogv", "2026-02", 1),
  row("C", "ogv", "2026-02", 1),
  row("D", "ogv", "2026-02", 1),
];

function agreed(): NegotiationState {
  return finalizedLog().state;
}

function first() {
  return buildPackage(agreed(), { dataset: "emissions-inventory", rows: ROWS }, undefined, LA.signer, ISSUED);
}

const ctx = (over: Partial<Parameters<typeof verifyPackage>[1]> = {}) => ({
  agreement: agreed(),
  keys: KEYS,
  last: undefined,
  now: NOW,
  maxAgeS: 86_400,
  ...over,
});

function resign<T extends { kid: string; signature: string }>(pkg: T, change: Partial<T>) {
  const { kid: _k, signature: _s, ...body } = { ...pkg, ...change };
  return signWith(body, LA.signer);
}

describe("aggregation and the minimum-cell-size rule", () => {
  it("sums, averages, suppresses a cell of 2 companies with k = 3 (hand calculation above)", () => {
    const pkg = first();
    expect(pkg.cells).toEqual([
      {
        dims: { category: "ogv", month: "2026-01" },
        values: { co2eTonnes: 65, noxTonnes: 3.25 },
        contributors: 3,
      },
      { dims: { category: "ogv", month: "2026-02" }, values: { co2eTonnes: 4 }, contributors: 4 },
    ]);
    expect(pkg.suppressed).toEqual({ cells: 1, minCellSize: 3 });
    expect(pkg.fields.map((f) => f.name)).toEqual(["co2eTonnes", "noxTonnes"]);
    expect(JSON.stringify(pkg)).not.toContain("pm25");
    expect(pkg).toMatchObject({
      seq: 1,
      prevHash: null,
      from: "USLAX",
      to: "JPNGO",
      aggregation: "category-month",
    });
  });

  it("means are over the rows of the cell: anchorage waits 2, 4 and 9 h → 5 h", () => {
    const rows = [2, 4, 9].map((h, i) => ({
      contributor: `IMO${i}`,
      dims: { month: "2026-01" },
      values: { anchorageWaitH: h },
    }));
    const r = aggregateRows(rows, ["month"], [{ name: "anchorageWaitH", aggregate: "mean" }], 3);
    expect(r.cells[0]?.values.anchorageWaitH).toBe(5);
    expect(aggregateRows(rows, ["month"], [{ name: "anchorageWaitH", aggregate: "mean" }], 4)).toEqual({
      cells: [],
      suppressedCells: 1,
    });
  });

  it("a weighted mean is over what each row's mean is over: turn times of two terminals by their visits", () => {
    // Terminal A: 100 visits, mean 30 min; terminal B: 300 visits, mean 60 min. Over all 400 visits:
    // (100 × 30 + 300 × 60) / 400 = (3,000 + 18,000) / 400 = 52.5 min — not (30 + 60) / 2 = 45.
    const rows = [
      {
        contributor: "terminal A",
        dims: { month: "2026-03" },
        values: { truckVisits: 100, truckTurnMin: 30 },
      },
      {
        contributor: "terminal B",
        dims: { month: "2026-03" },
        values: { truckVisits: 300, truckTurnMin: 60 },
      },
    ];
    const kpis = catalogDataset("operations-kpis")!;
    const { cells } = aggregateRows(rows, ["month"], kpis.fields, 2);
    expect(cells[0]?.values.truckTurnMin).toBe(52.5);
    expect(cells[0]?.values.truckVisits).toBe(400);
  });

  it("refuses to build outside an active agreement or its datasets", () => {
    const a = agreed();
    expect(() => buildPackage(a, { dataset: "port-calls", rows: [] }, undefined, LA.signer, ISSUED)).toThrow(
      /does not cover/,
    );
    expect(() =>
      buildPackage(a, { dataset: "emissions-inventory", rows: ROWS }, undefined, NGO.signer, ISSUED),
    ).toThrow(/not the provider/);
    expect(() =>
      buildPackage(
        a,
        { dataset: "emissions-inventory", rows: ROWS },
        undefined,
        LA.signer,
        "2027-12-02T00:00:00.000Z",
      ),
    ).toThrow(/expired/);
  });
});

describe("verifying a received package", () => {
  it("accepts the first package and chains the second to it", () => {
    const p1 = first();
    const r1 = verifyPackage(JSON.parse(JSON.stringify(p1)), ctx());
    expect(r1).toMatchObject({ ok: true, hash: signedHash(p1) });
    const p2 = buildPackage(
      agreed(),
      { dataset: "emissions-inventory", rows: ROWS.slice(0, 4) },
      { seq: 1, hash: signedHash(p1) },
      LA.signer,
      ISSUED,
    );
    expect(p2).toMatchObject({ seq: 2, prevHash: signedHash(p1) });
    expect(verifyPackage(p2, ctx({ last: { seq: 1, hash: signedHash(p1) } }))).toMatchObject({ ok: true });
  });

  it("refuses a replayed package", () => {
    const p1 = first();
    expect(verifyPackage(p1, ctx({ last: { seq: 1, hash: signedHash(p1) } }))).toMatchObject({
      ok: false,
      reason: "replayed",
    });
  });

  it("refuses a tampered package (a figure changed after signing)", () => {
    const p1 = first();
    const cells = structuredClone(p1.cells);
    if (cells[0]) cells[0].values.co2eTonnes = 6.5;
    expect(verifyPackage({ ...p1, cells }, ctx())).toMatchObject({ ok: false, reason: "tampered" });
  });

  it("refuses an out-of-order package (a gap) and a broken chain", () => {
    const p1 = first();
    const head = { seq: 1, hash: signedHash(p1) };
    const p3 = buildPackage(
      agreed(),
      { dataset: "emissions-inventory", rows: ROWS },
      { seq: 2, hash: "h2" },
      LA.signer,
      ISSUED,
    );
    expect(verifyPackage(p3, ctx({ last: head }))).toMatchObject({ ok: false, reason: "out_of_order" });
    expect(verifyPackage(resign(p1, { seq: 3 }), ctx())).toMatchObject({ ok: false, reason: "out_of_order" });
    const forked = buildPackage(
      agreed(),
      { dataset: "emissions-inventory", rows: ROWS },
      { seq: 1, hash: "other" },
      LA.signer,
      ISSUED,
    );
    expect(verifyPackage(forked, ctx({ last: head }))).toMatchObject({ ok: false, reason: "broken_chain" });
  });

  it("refuses a package once the agreement expired, even one issued before", () => {
    expect(verifyPackage(first(), ctx({ now: "2027-12-01T00:00:00.000Z", maxAgeS: 1e9 }))).toMatchObject({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses a package after revocation by either party", () => {
    const a = agreed();
    for (const [who, to] of [
      [NGO, "USLAX"],
      [LA, "JPNGO"],
    ] as const) {
      const revoke = nextMessage(
        a,
        {
          type: "terminate",
          negotiationId: NEGOTIATION_ID,
          to,
          sentAt: "2027-01-05T00:05:00.000Z",
          reason: { code: "revoked", text: { en: "revoked", ja: "取り消し" } },
        },
        who.signer,
      );
      const revoked: NegotiationState = { ...a, state: "TERMINATED", terminatedBy: revoke.from };
      expect(verifyPackage(first(), ctx({ agreement: revoked }))).toMatchObject({
        ok: false,
        reason: "revoked",
      });
    }
    // …and the provider cannot even build one.
    expect(() =>
      buildPackage(
        { ...a, state: "TERMINATED" },
        { dataset: "emissions-inventory", rows: ROWS },
        undefined,
        LA.signer,
        ISSUED,
      ),
    ).toThrow(/terminated/);
  });

  it("refuses out-of-agreement packages: other dataset, field, aggregation, a cell under k, other terms", () => {
    const p1 = first();
    const cases = [
      resign(p1, { dataset: "port-calls" }),
      resign(p1, { fields: [...p1.fields, { name: "pm25Tonnes", unit: "t" }] }),
      resign(p1, { aggregation: "year" }),
      resign(p1, {
        cells: [{ dims: { category: "che", month: "2026-01" }, values: { co2eTonnes: 10 }, contributors: 2 }],
      }),
      resign(p1, { cells: [{ dims: { month: "2026-01" }, values: { co2eTonnes: 10 }, contributors: 5 }] }),
      resign(p1, { agreementHash: "x" }),
    ];
    for (const pkg of cases)
      expect(verifyPackage(pkg, ctx())).toMatchObject({ ok: false, reason: "out_of_agreement" });
  });

  it("refuses stale packages, the wrong party, unknown agreements and keys, an agreement not finalized", () => {
    const p1 = first();
    expect(verifyPackage(p1, ctx({ now: "2027-01-07T00:00:00.000Z" }))).toMatchObject({ reason: "stale" });
    expect(verifyPackage(p1, ctx({ now: "2027-01-04T00:00:00.000Z" }))).toMatchObject({ reason: "stale" });
    expect(verifyPackage(resign(p1, { to: "USLGB" }), ctx())).toMatchObject({ reason: "wrong_party" });
    expect(verifyPackage(p1, ctx({ agreement: undefined }))).toMatchObject({ reason: "unknown_agreement" });
    expect(verifyPackage({ ...p1, kid: "ed25519-0000" }, ctx())).toMatchObject({ reason: "unknown_key" });
    expect(verifyPackage(p1, ctx({ agreement: { ...agreed(), state: "VERIFIED" } }))).toMatchObject({
      reason: "not_agreed",
    });
    expect(verifyPackage({ ...p1, seq: "1" }, ctx())).toMatchObject({ reason: "malformed" });
  });
});

describe("receipts and corrections", () => {
  it("a signed receipt names the package; a forged or mismatched one is refused", () => {
    const p1 = first();
    const hash = signedHash(p1);
    const receipt = signReceipt(p1, hash, { outcome: "accepted" }, NGO.signer, NOW);
    const sent = { agreementId: p1.agreementId, seq: 1, hash, to: "JPNGO" };
    expect(verifyReceipt(JSON.parse(JSON.stringify(receipt)), sent, KEYS)).toMatchObject({ ok: true });
    expect(verifyReceipt({ ...receipt, outcome: "refused" }, sent, KEYS)).toMatchObject({
      ok: false,
      reason: "tampered",
    });
    expect(verifyReceipt(receipt, { ...sent, seq: 2 }, KEYS)).toMatchObject({
      ok: false,
      reason: "mismatch",
    });
    const refused = signReceipt(p1, hash, { outcome: "refused", reason: "stale" }, NGO.signer, NOW);
    expect(verifyReceipt(refused, sent, KEYS)).toMatchObject({
      ok: true,
      receipt: { outcome: "refused", reason: "stale" },
    });
  });

  it("a correction is a new package that supersedes an earlier one", () => {
    const p1 = first();
    const head = { seq: 1, hash: signedHash(p1) };
    const fixed = ROWS.map((r) =>
      r.dims.category === "ogv" && r.contributor === "A"
        ? { ...r, values: { ...r.values, co2eTonnes: 0 } }
        : r,
    );
    const p2 = buildPackage(
      agreed(),
      { dataset: "emissions-inventory", rows: fixed, supersedes: 1 },
      head,
      LA.signer,
      ISSUED,
    );
    expect(p2).toMatchObject({ seq: 2, supersedes: 1 });
    expect(p2.cells[0]?.values.co2eTonnes).toBe(50); // 0 + 20 + 30 + 0
    expect(verifyPackage(p2, ctx({ last: head }))).toMatchObject({ ok: true });
    expect(
      currentPackages([{ seq: 1 }, { seq: 2 }, { seq: 3, supersedes: 1 }, { seq: 4, supersedes: 3 }]),
    ).toEqual([2, 4]);
    expect(() =>
      buildPackage(
        agreed(),
        { dataset: "emissions-inventory", rows: ROWS, supersedes: 5 },
        head,
        LA.signer,
        ISSUED,
      ),
    ).toThrow(/has not been sent/);
  });
});

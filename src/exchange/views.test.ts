import { describe, expect, it } from "vitest";
import type { NegotiationState } from "./agreement.ts";
import { terms } from "./fixtures/nodes.ts";
import { allowedSteps } from "./views.ts";

const state = (s: NegotiationState["state"]): NegotiationState => ({
  id: "0b8e8f5e-3d2c-4a55-9a7e-1d2f3c4b5a69",
  state: s,
  provider: "USLAX",
  consumer: "JPNGO",
  terms: terms(),
  lastSeq: 0,
  lastHash: "x",
  updatedAt: "2026-12-01T00:00:00.000Z",
});
// Within the fixture's validity (2026-12-01 … 2027-12-01) and after it.
const IN = "2027-01-01T00:00:00.000Z";
const AFTER = "2027-12-01T00:00:00.000Z";

describe("the steps a party may take (Dataspace Protocol: consumer requests, accepts, verifies; provider offers, agrees, finalizes)", () => {
  it("OFFERED: the consumer accepts, counter-requests or terminates; the provider only terminates", () => {
    expect(allowedSteps(state("OFFERED"), "consumer", IN)).toEqual(["request", "accept", "terminate"]);
    expect(allowedSteps(state("OFFERED"), "provider", IN)).toEqual(["terminate"]);
  });

  it("REQUESTED: the provider counter-offers, agrees or terminates", () => {
    expect(allowedSteps(state("REQUESTED"), "provider", IN)).toEqual(["offer", "agree", "terminate"]);
    expect(allowedSteps(state("REQUESTED"), "consumer", IN)).toEqual(["terminate"]);
  });

  it("AGREED → the consumer verifies; VERIFIED → the provider finalizes; FINALIZED → either revokes", () => {
    expect(allowedSteps(state("AGREED"), "consumer", IN)).toEqual(["verify", "terminate"]);
    expect(allowedSteps(state("VERIFIED"), "provider", IN)).toEqual(["finalize", "terminate"]);
    expect(allowedSteps(state("FINALIZED"), "provider", IN)).toEqual(["terminate"]);
    expect(allowedSteps(state("FINALIZED"), "consumer", IN)).toEqual(["terminate"]);
  });

  it("after validity only terminate; after TERMINATED nothing", () => {
    expect(allowedSteps(state("VERIFIED"), "provider", AFTER)).toEqual(["terminate"]);
    expect(allowedSteps(state("TERMINATED"), "provider", IN)).toEqual([]);
  });
});

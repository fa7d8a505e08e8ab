import { describe, expect, it } from "vitest";
import { decodeAisLines } from "./decoder.ts";
import { AisIngest } from "./ingest.ts";
import type { AisStore } from "./track-store.ts";

describe("AisIngest counts", () => {
  it("counts the types that carry no stored fact as no_stored_fact, so the counts still balance", () => {
    // Types 10, 11 and 8 from gpsd's test/sample.aivdm.
    const { messages } = decodeAisLines([
      "!AIVDM,1,1,,B,:5MlU41GMK6@,0*6C",
      "!AIVDM,1,1,,B,;4R33:1uUK2F`q?mOt@@GoQ00000,0*5D",
      "!AIVDM,1,1,,A,85Mwp`1Kf3aCnsNvBWLi=wQuNhA5t43N`5nCuI=p<IBfVqnMgPGs,0*47",
    ]);
    expect(messages.map((m) => m.msgType)).toEqual([10, 11, 8]);
    // Nothing is flushed here, so the store is never touched.
    const ingest = new AisIngest({} as AisStore, { source: "test" });
    for (const m of messages) ingest.addMessage(m, 1_700_000_000, "");
    expect(ingest.counts).toMatchObject({ read: 3, accepted: 0, rejected: 3, duplicates: 0 });
    expect(ingest.counts.rejectedByReason).toEqual({ no_stored_fact: 3 });
  });
});

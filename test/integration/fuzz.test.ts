/**
 * The short fuzz in `npm test` (issue 14 "Proof"; the 1,000,000-input run is
 * `npm run bench -- fuzz --inputs 1000000`): fixed seeds, every operation of the served OpenAPI
 * document (test/helpers/fuzz.ts) through the app in-process, and the file parsers of the CLI's
 * imports. Fails on any response of 500, any exception out of a request or a parser (other than a
 * DomainError for a whole file), with the seed, route and input to replay it.
 */
import { describe, expect, it } from "vitest";
import { testDatabaseKinds } from "../helpers/databases.ts";
import { fuzzFiles, fuzzHttp, fuzzTargetFor, newTally } from "../helpers/fuzz-run.ts";

const show = (t: ReturnType<typeof newTally>) =>
  t.failures.map(
    (f) => `seed ${f.seed} #${f.index} ${f.route} as ${f.as}: ${f.status ?? ""} ${f.error ?? ""}\n${f.input}`,
  );

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`fuzz of the request parsers on ${kind.kind}`, () => {
    const target = fuzzTargetFor(kind);

    it("3,000 requests over every operation: no 500, nothing thrown", async () => {
      const t = newTally();
      await fuzzHttp(target(), 20261205, 3000, t);
      expect(show(t)).toEqual([]);
      expect(t.inputs).toBe(3000);
      // Every operation got its share (3,000 / ~62 ≈ 48 each), and the inputs reached past the
      // access check: most answers are the parsers' own (200, 400, 404…), not 401/403.
      expect(new Set(t.msByRoute.keys()).size).toBe(target().operations.length);
      const denied = (t.statuses.get("401") ?? 0) + (t.statuses.get("403") ?? 0);
      expect(denied).toBeLessThan(t.inputs * 0.2);
      expect(t.statuses.get("400") ?? 0).toBeGreaterThan(0);
      expect(t.statuses.get("200") ?? 0).toBeGreaterThan(0);
    }, 60_000);

    it("2,000 files for the CLI's parsers (CSV, NMEA, EDIFACT, DCSA): nothing thrown", () => {
      const t = newTally();
      fuzzFiles(20261206, 2000, t);
      expect(show(t)).toEqual([]);
      expect(t.byFamily.size).toBe(9);
    });
  });
}

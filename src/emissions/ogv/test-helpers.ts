/** Helpers shared by the calculator's tests (not shipped code paths). */
import { expect } from "vitest";

/** The tolerance EPA's benchmarks are reproduced to. */
export const ORACLE_REL_TOL = 1e-4;

/** |actual − expected| ≤ tol·|expected| (exact 0 when expected is 0). */
export function expectRel(actual: number, expected: number, label: string, tol = ORACLE_REL_TOL): void {
  const bound = expected === 0 ? 1e-12 : tol * Math.abs(expected);
  expect(Math.abs(actual - expected), `${label}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    bound,
  );
}

/** Counts the benchmark numbers compared, so that a test can assert none was skipped. */
export class OracleCounter {
  count = 0;
  rel(actual: number, expected: number, label: string, tol = ORACLE_REL_TOL): void {
    expectRel(actual, expected, label, tol);
    this.count++;
  }
}

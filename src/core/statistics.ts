/** Summary statistics shared by every capability that reports distributions (waits, dwell, turn times). */

/**
 * The `q`-quantile (0..1) of ascending-sorted values by nearest rank (the smallest value with at
 * least q of the values at or below it); 0 for none.
 * Example: quantile([1, 2, 3, 4], 0.5) → 2; quantile([1, 2, 3, 4], 0.95) → 4.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

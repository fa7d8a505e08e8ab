/**
 * Binary min-heap of streams keyed by (time, stream index): merges many per-vessel timelines into
 * one time-ordered stream with bounded memory (one pending item per stream). Ties break by index,
 * so the merged order is deterministic.
 */
export class MinHeap<T> {
  private readonly items: { t: number; i: number; v: T }[] = [];

  get size(): number {
    return this.items.length;
  }

  push(t: number, i: number, v: T): void {
    const a = this.items;
    a.push({ t, i, v });
    let k = a.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!less(a[k]!, a[p]!)) break;
      [a[k], a[p]] = [a[p]!, a[k]!];
      k = p;
    }
  }

  pop(): { t: number; i: number; v: T } | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (top === undefined || last === undefined) return undefined;
    if (a.length > 0) {
      a[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < a.length && less(a[l]!, a[m]!)) m = l;
        if (r < a.length && less(a[r]!, a[m]!)) m = r;
        if (m === k) break;
        [a[k], a[m]] = [a[m]!, a[k]!];
        k = m;
      }
    }
    return top;
  }
}

function less(x: { t: number; i: number }, y: { t: number; i: number }): boolean {
  return x.t < y.t || (x.t === y.t && x.i < y.i);
}

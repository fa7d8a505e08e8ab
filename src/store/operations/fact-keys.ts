/**
 * Compact keys of the facts' ids (event, visit and rail-move ids: UUIDs, 36 characters). A fact
 * table is stored in arrival order (rowid) with a unique index on a 53-bit integer key of its id,
 * not on the id text: the index an ingest writes in random order (ids are random) is then ~16
 * bytes an entry instead of ~46, so a batch dirties (and writes to the WAL) a third of the pages.
 *
 * Two ids may share a key. The key of an id is the first of its probe sequence (`factKey(id, 0)`,
 * `factKey(id, 1)`, …) that is free or holds that very id: the store compares the stored id on
 * every conflict, so a collision costs a probe, never a lost or duplicated fact. Keys are never
 * freed (facts are not deleted), so a lookup along the sequence ends at the id or at a free key.
 */

/**
 * cyrb53 (bryc, public domain: https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js),
 * seeded with the probe number: a 53-bit hash, an exact integer in a JS number and in SQLite's and
 * PostgreSQL's 64-bit integers.
 * Example: factKey("a", 0) → 7929297801672961 (the published test value of cyrb53("a")).
 */
export function factKey(id: string, probe: number): number {
  let h1 = 0xdeadbeef ^ probe;
  let h2 = 0x41c6ce57 ^ probe;
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Assigns keys to the facts of a batch whose ids are new: `stored(keys)` returns the ids stored
 * under those keys. Returns, in input order, each new fact with its key; a fact whose id is
 * stored, or repeated earlier in the batch, is left out. Ids that meet another id's key move on
 * to their next probe (rare: about n²/2⁵⁴ for n stored facts).
 */
export async function freshKeys<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  stored: (keys: number[]) => Promise<Map<number, string>>,
): Promise<{ item: T; key: number }[]> {
  const probes = new Int32Array(items.length);
  const keys = new Float64Array(items.length);
  const fresh = new Uint8Array(items.length); // 1: new; 0: stored, repeated in the batch, or not yet known
  /** Key → index of the batch's new fact holding it. */
  const taken = new Map<number, number>();
  let pending: number[] = [];
  for (let i = 0; i < items.length; i++) pending.push(i);
  while (pending.length > 0) {
    for (const i of pending) keys[i] = factKey(idOf(items[i] as T), probes[i] as number);
    const found = await stored(pending.map((i) => keys[i] as number));
    const next: number[] = [];
    // In input order, the stored id first and then the batch's: the same probe walk as a later ingest's.
    for (const i of pending) {
      const id = idOf(items[i] as T);
      const key = keys[i] as number;
      const storedId = found.get(key);
      if (storedId === id) continue; // stored already
      const holder = storedId === undefined ? taken.get(key) : undefined;
      if (storedId === undefined && holder === undefined) {
        taken.set(key, i);
        fresh[i] = 1;
      } else if (holder !== undefined && idOf(items[holder] as T) === id) {
        // repeated in the batch
      } else {
        probes[i] = (probes[i] as number) + 1; // another id holds the key
        next.push(i);
      }
    }
    pending = next;
  }
  const out: { item: T; key: number }[] = [];
  for (let i = 0; i < items.length; i++)
    if (fresh[i] === 1) out.push({ item: items[i] as T, key: keys[i] as number });
  return out;
}

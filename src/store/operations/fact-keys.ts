/**
 * Compact keys of the facts' ids (event, visit and rail-move ids: UUIDs, 36 characters). A fact
 * table is stored in arrival order (rowid) with a unique index on a 53-bit integer key, not on the
 * id text (0760): the index entry is ~16 bytes instead of ~46.
 *
 * Since 0792 the key is time first (`timeFactKey`): the hour of the fact's time (an event's
 * eventDateTime, a visit's gate-in, a rail move's time), then 33 bits of its id's hash. A feed
 * arrives roughly in time order, so an ingest writes the unique index near its end (a few pages per
 * hour of a batch) instead of at random places across all of it (0760's key: the hash alone, each
 * new fact on a page of its own; 7.5 s of 1 M facts' CPU went to that index, 3.6 s time first —
 * CPU profile of the ingest child of `npm run bench -- ops-ingest --events 1000000`; whole process:
 * 1,960 → 1,013 MB written and 42.4 → 34.7 s CPU, back to back).
 *
 * What makes a fact the same fact is then its id AND the hour of its time. DCSA Track & Trace 2.2.0
 * (TNT_v2.2.0-resolved.yaml, `eventID`): "The unique identifier for the event (the message - not
 * the source)" — one eventID, one message, so one eventDateTime; 2.2.0 has no update or
 * correction of an event by its eventID (a changed estimate is a new event with its own eventID).
 * The ids the EDIFACT, gate and rail parsers make are hashes that include the time already
 * (stableUuid of box, code, time, place), so for them id and (time, id) are the same identity.
 * An id sent again with another time (T&T 3.0.0, work in progress, lets a producer re-send an
 * eventID with a later eventUpdatedDateTime to override it; 2.2.0 does not):
 * - in the same hour: the same key, the stored id → a duplicate; the first time stays stored;
 * - in another hour: another key → stored as a second fact, counted as accepted. It is not detected:
 *   telling would need an index on the id alone, the random-order index this key removes.
 *
 * Two ids may share a key. The key of an id is the first of its probe sequence (probe 0, 1, …) that
 * is free or holds that very id: the store compares the stored id on every conflict, so a collision
 * costs a probe, never a lost or duplicated fact. Keys are never freed (facts are not deleted), so
 * a lookup along the sequence ends at the id or at a free key.
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

/** Hours since 1970 in the key's top 20 bits (to the year 2089): a key stays below 2^53. */
const HOUR_LIMIT = 2 ** 20 - 1;
const HASH_SPAN = 2 ** 33;

/**
 * The time-first key (0792): hour of `atS` × 2^33 + the low 33 bits of `factKey(id, probe)`. A time
 * before 1970 or after 2089 takes the first or last hour (the key is still unique by probing).
 * Example: timeFactKey(3600, "a", 0) = 1 × 2^33 + (7929297801672961 mod 2^33) = 8589934592 + 6489209089
 * = 15079143681.
 */
export function timeFactKey(atS: number, id: string, probe: number): number {
  const hour = Math.min(Math.max(Math.floor(atS / 3600), 0), HOUR_LIMIT);
  return hour * HASH_SPAN + (factKey(id, probe) % HASH_SPAN);
}

/**
 * Assigns keys to the facts of a batch whose ids are new: `keyOf(item, probe)` is an item's key at
 * a probe, `stored(keys)` returns the ids stored under those keys. Returns, in input order, each new fact with its key; a fact whose id is
 * stored, or repeated earlier in the batch, is left out. Ids that meet another id's key move on
 * to their next probe (rare: about n²/2⁵⁴ for n stored facts).
 */
export async function freshKeys<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  keyOf: (item: T, probe: number) => number,
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
    for (const i of pending) keys[i] = keyOf(items[i] as T, probes[i] as number);
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

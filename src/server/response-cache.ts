/**
 * Answers of read routes kept in memory until the stored data changes: each entry carries the
 * store's data version it was computed at and is served only while that version holds, so a
 * recompute (or any write, by this process or another) is never answered from before it.
 * Least recently used entries go first beyond a byte budget (of bodies; a gzip copy is smaller).
 */
export interface CachedAnswer {
  version: string;
  contentType: string;
  disposition?: string;
  body: Buffer;
  /** The body gzipped, made the first time a client accepts it. */
  gzip?: Buffer;
}

export class ResponseCache {
  readonly #entries = new Map<string, CachedAnswer>();
  #bytes = 0;

  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly maxEntryBytes = 8 * 1024 * 1024,
  ) {}

  /** The answer kept for `key` at `version`, or undefined (stale ones are dropped). */
  get(key: string, version: string): CachedAnswer | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    this.#entries.delete(key);
    if (hit.version !== version) {
      this.#bytes -= hit.body.length;
      return undefined;
    }
    this.#entries.set(key, hit); // most recently used last
    return hit;
  }

  set(key: string, answer: CachedAnswer): void {
    if (answer.body.length > this.maxEntryBytes) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#entries.delete(key);
      this.#bytes -= old.body.length;
    }
    this.#entries.set(key, answer);
    this.#bytes += answer.body.length;
    for (const [k, v] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= v.body.length;
    }
  }

  get bytes(): number {
    return this.#bytes;
  }
}

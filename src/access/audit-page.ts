/**
 * One page of the audit log, newest first, and the cursor that names where it ended. The API route
 * and `sisterports audit` both read pages here, so they page the same way.
 *
 * The cursor is opaque to clients: base64url of "<at>\n<id>" of the page's last entry. The store
 * reads strictly after it in (at, id) order (keyset paging), so entries appended while a reader
 * pages never come twice and never push an entry out of the walk (an offset would do both).
 */
import { DomainError } from "../core/errors.ts";
import type { Language } from "../core/language.ts";
import { accessMsg } from "./messages.ts";
import type { AccessStore, AuditEntry, AuditPosition, AuditQuery } from "./store.ts";

export const AUDIT_PAGE_DEFAULT = 100;
/** A page at most 1,000 entries: 10,000 in one answer took 0.8 s. */
export const AUDIT_PAGE_MAX = 1000;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export function encodeAuditCursor(position: AuditPosition): string {
  return Buffer.from(`${position.at}\n${position.id}`, "utf8").toString("base64url");
}

/** The position a cursor names, or undefined when the text is no cursor this server gave out. */
export function decodeAuditCursor(cursor: string): AuditPosition | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const cut = text.indexOf("\n");
  if (cut < 0) return undefined;
  const at = text.slice(0, cut);
  const id = text.slice(cut + 1);
  if (!INSTANT.test(at) || id.length === 0 || id.includes("\n")) return undefined;
  return { at, id };
}

export interface AuditPageQuery extends Omit<AuditQuery, "before" | "limit"> {
  /** A cursor from the previous page's `nextCursor`. */
  before?: string;
  limit?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null when this page reaches the oldest entry. */
  nextCursor: string | null;
}

export async function readAuditPage(
  store: AccessStore,
  query: AuditPageQuery,
  /** Of the error messages (the terminal's language when not given). */
  lang?: Language,
): Promise<AuditPage> {
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= AUDIT_PAGE_MAX))
    throw new DomainError("validation", accessMsg("auditBadLimit", { max: AUDIT_PAGE_MAX, limit }, lang));
  const { before: cursor, ...filters } = query;
  const before = cursor === undefined ? undefined : decodeAuditCursor(cursor);
  if (cursor !== undefined && !before)
    throw new DomainError("validation", accessMsg("auditBadCursor", { cursor: cursor.slice(0, 60) }, lang));
  // One more than asked: whether it exists says if there is an older page.
  const rows = await store.listAudit({ ...filters, ...(before ? { before } : {}), limit: limit + 1 });
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return {
    entries,
    nextCursor: rows.length > limit && last ? encodeAuditCursor({ at: last.at, id: last.id }) : null,
  };
}

/** Wire shapes of the access routes (zod is the source; the portal imports the types). */
import { z } from "zod";
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from "./audit-page.ts";
import { ROLES } from "./policy.ts";

export const roleSchema = z.enum(ROLES as unknown as [string, ...string[]]);
const portsSchema = z.union([z.literal("*"), z.array(z.string())]);

export const principalSchema = z.object({
  kind: z.enum(["user", "key"]),
  id: z.string(),
  name: z.string().optional(),
  role: roleSchema,
  ports: portsSchema,
  owner: z.string().optional(),
});

export const sessionReplySchema = z.object({
  principal: principalSchema.nullable(),
  /** Send back as the x-csrf-token header with every POST/PUT/PATCH/DELETE (cookie sessions only). */
  csrfToken: z.string().nullable(),
});
export type SessionReply = z.output<typeof sessionReplySchema>;

export const loginBodySchema = z.object({
  name: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const passwordBodySchema = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(1).max(1000),
});

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  ports: portsSchema,
  owner: z.string().nullable(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
});
export type UserWire = z.output<typeof userSchema>;

export const newUserBodySchema = z.object({
  name: z.string().min(1).max(100),
  role: roleSchema,
  ports: portsSchema.optional(),
  owner: z.string().max(100).optional(),
});

export const keySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  ports: portsSchema,
  owner: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type KeyWire = z.output<typeof keySchema>;

export const newKeyBodySchema = z.object({
  name: z.string().min(1).max(100),
  role: roleSchema,
  ports: portsSchema.optional(),
  owner: z.string().max(100).optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  target: z.string(),
  outcome: z.string(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryWire = z.output<typeof auditEntrySchema>;

const instantSchema = z.iso.datetime({ offset: true });

/** GET /api/admin/audit: a page of the log, newest first, and its filters. */
export const auditQuerySchema = z.object({
  /** `nextCursor` of the previous page: entries older than that page's last. */
  before: z.string().min(1).max(400).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT),
  /** A user id, a key id, or the operating-system user of a CLI action. */
  actor: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(100).optional(),
  outcome: z.string().min(1).max(100).optional(),
  /** Entries at or after this instant. */
  from: instantSchema.optional(),
  /** Entries before this instant (exclusive). */
  to: instantSchema.optional(),
});

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next, older page; null when this page holds the oldest entry. */
  nextCursor: z.string().nullable(),
});
export type AuditPageWire = z.output<typeof auditPageSchema>;

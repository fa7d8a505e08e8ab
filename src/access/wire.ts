/** Wire shapes of the access routes (zod is the source; the portal imports the types). */
import { z } from "zod";
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

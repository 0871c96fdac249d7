import { z } from 'zod';
import { emailSchema, localeSchema, passwordSchema, roleSchema, teamKindSchema } from './auth.ts';
import { LIMITS } from './limits.ts';

const nameSchema = z.string().trim().min(1).max(LIMITS.nameMax);

export const teamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: teamKindSchema,
    description: z.string(),
    memberCount: z.number().int(),
    version: z.number().int().meta({ description: 'Send back on update (optimistic locking).' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof teamSchema>;

export const teamCreateSchema = z.strictObject({
  name: nameSchema,
  kind: teamKindSchema,
  description: z.string().max(LIMITS.descriptionMax).default(''),
});
export const teamUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  kind: teamKindSchema.optional(),
  description: z.string().max(LIMITS.descriptionMax).optional(),
  version: z.number().int().min(1),
});

export const membershipInputSchema = z.strictObject({ teamId: z.uuid(), role: roleSchema });

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale: localeSchema,
    active: z.boolean(),
    memberships: z.array(
      z.object({ teamId: z.uuid(), teamName: z.string(), teamKind: teamKindSchema, role: roleSchema }),
    ),
    lastLoginAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  locale: localeSchema.default('nl'),
  password: passwordSchema,
  memberships: z.array(membershipInputSchema).max(50).default([]),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  locale: localeSchema.optional(),
  active: z.boolean().optional(),
  memberships: z.array(membershipInputSchema).max(50).optional(),
  version: z.number().int().min(1),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string().meta({ description: 'First characters of the token, to recognise it.' }),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.tokenNameMax),
  role: roleSchema,
  expiresInDays: z.number().int().min(1).max(LIMITS.tokenMaxDays).optional(),
});
export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>;

export const apiTokenCreatedSchema = apiTokenSchema
  .extend({ token: z.string().meta({ description: 'The secret; shown once, never again.' }) })
  .meta({ id: 'ApiTokenCreated' });

export const auditEventSchema = z
  .object({
    id: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    actor: z.object({
      kind: z.enum(['user', 'token', 'system', 'resident']),
      id: z.string().nullable(),
      label: z.string(),
    }),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    requestId: z.string().nullable(),
    occurredAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.strictObject({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  before: z.string().max(64).optional().meta({ description: 'Cursor: return events older than this id.' }),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const idParamsSchema = z.strictObject({ id: z.uuid() });
/** The body of an action that needs nothing but its address (close, submit): an empty object, documented as such. */
export const actionBodySchema = z.strictObject({}).meta({ id: 'ActionBody' });

/** An organisation's slug in public addresses (/api/public/organisations/{slug}/…). */
export const slugParamsSchema = z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,63}$/) });

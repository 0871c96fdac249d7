import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { LOCALES, ROLES, TEAM_KINDS } from './roles.ts';

export const emailSchema = z
  .email()
  .max(LIMITS.emailMax)
  .transform((e) => e.trim().toLowerCase());

export const passwordSchema = z
  .string()
  .min(LIMITS.passwordMin, { message: `At least ${LIMITS.passwordMin} characters` })
  .max(LIMITS.passwordMax);

export const roleSchema = z.enum(ROLES).meta({ id: 'Role' });
export const teamKindSchema = z.enum(TEAM_KINDS).meta({ id: 'TeamKind' });
export const localeSchema = z.enum(LOCALES).meta({ id: 'Locale' });

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  // On login, any length up to the max is accepted: a too-short password is simply wrong.
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const passwordChangeBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: passwordSchema,
});
export type PasswordChangeBody = z.infer<typeof passwordChangeBodySchema>;

export const membershipSchema = z
  .object({
    teamId: z.uuid(),
    teamName: z.string(),
    teamKind: teamKindSchema,
    role: roleSchema,
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof membershipSchema>;

export const organisationSummarySchema = z
  .object({ id: z.uuid(), name: z.string(), slug: z.string() })
  .meta({ id: 'OrganisationSummary' });

/** The signed-in caller, as the web app sees it. */
export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale: localeSchema,
    organisation: organisationSummarySchema,
    roles: z.array(roleSchema).meta({ description: 'Union of the roles over all memberships.' }),
    memberships: z.array(membershipSchema),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const csrfTokenSchema = z.object({ token: z.string() }).meta({ id: 'CsrfToken' });

export const localeBodySchema = z.strictObject({ locale: localeSchema });

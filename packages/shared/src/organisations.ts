import { z } from 'zod';
import { emailSchema, localeSchema } from './auth.ts';
import { LIMITS } from './limits.ts';

/** Design-token themes that ship with Voordeur (NL Design System token packages). */
export const THEMES = ['voorbeeld', 'utrecht'] as const;
export type ThemeName = (typeof THEMES)[number];

/** Largest custom theme CSS (the voorbeeld tokens are about 210 kB). */
export const THEME_CSS_MAX = 500_000;

/** An organisation's address in public URLs (/p/<slug>/…): lower-case letters, digits and inner hyphens. */
export const organisationSlugSchema = z
  .string()
  .max(LIMITS.slugMax)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'Lower-case letters, digits and hyphens (not at either end)');

/** A CSS class name as a theme's root class, e.g. `utrecht-theme`. */
export const themeClassSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9-]*$/, 'A CSS class: lower-case letters, digits and hyphens');

/** A sender as "Naam <adres>" (or a bare address); no line breaks, so no header injection. */
export const mailFromSchema = z
  .string()
  .trim()
  .max(320)
  .refine((value) => {
    const match = /^(?:([^<>"\r\n]{1,200}) )?<([^<>\s]+)>$|^([^<>\s]+)$/.exec(value);
    const address = match?.[2] ?? match?.[3];
    return address !== undefined && z.email().safeParse(address).success;
  }, 'A sender as "Naam <adres@example.nl>" or an address');

/** How the web app wears an organisation's theme: the root class and the stylesheet with its tokens. */
export const themeSchema = z
  .object({
    className: z.string().meta({ description: 'Root class on <html>, e.g. `utrecht-theme`.' }),
    stylesheet: z.string().meta({ description: 'Same-origin URL of the design-token CSS.' }),
  })
  .meta({ id: 'Theme' });
export type Theme = z.infer<typeof themeSchema>;

/** What anyone may know of an organisation: its name and its look. */
export const publicOrganisationSchema = z
  .object({ slug: z.string(), name: z.string(), theme: themeSchema })
  .meta({ id: 'PublicOrganisation' });
export type PublicOrganisation = z.infer<typeof publicOrganisationSchema>;

/** An organisation as the platform administrator sees it (no data of the organisation itself). */
export const organisationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    theme: z
      .enum([...THEMES, 'custom'])
      .nullable()
      .meta({ description: "null: the install's configured theme (VOORDEUR_THEME_CSS)." }),
    mailFrom: z.string().nullable().meta({ description: 'Sender of its emails; null: SMTP_FROM.' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationCreateSchema = z
  .strictObject({
    slug: organisationSlugSchema,
    name: z.string().trim().min(1).max(LIMITS.nameMax),
    theme: z
      .union([
        z.enum(THEMES),
        z.strictObject({ className: themeClassSchema, css: z.string().min(1).max(THEME_CSS_MAX) }),
      ])
      .optional()
      .meta({
        description:
          "A built-in theme, or your own design-token CSS and its root class; omitted: the install's theme.",
      }),
    mailFrom: mailFromSchema.optional(),
    /** Cases are numbered <prefix>-<year>-<number>; by default from the slug. */
    casePrefix: z
      .string()
      .regex(/^[A-Z]{2,6}$/, '2 to 6 capital letters')
      .optional(),
    admin: z.strictObject({
      email: emailSchema,
      name: z.string().trim().min(1).max(LIMITS.nameMax),
      locale: localeSchema.default('nl'),
    }),
  })
  .meta({ id: 'OrganisationCreate' });
export type OrganisationCreate = z.input<typeof organisationCreateSchema>;

export const organisationCreatedSchema = z
  .object({
    organisation: organisationSchema,
    admin: z.object({
      id: z.uuid(),
      email: z.string(),
      password: z.string().meta({
        description: "The first administrator's one-time password; shown once, change it at first sign-in.",
      }),
    }),
  })
  .meta({ id: 'OrganisationCreated' });
export type OrganisationCreated = z.infer<typeof organisationCreatedSchema>;

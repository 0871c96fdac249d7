import type { Db } from '@voordeur/db';
import { type CalendarInput, type OrganisationCreate, organisationCreateSchema } from '@voordeur/shared';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import { type Ctx, systemCtx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { randomSecret, sha256 } from '../../platform/secrets.ts';
import { AppError, errors } from '../../plugins/errors.ts';
import { organisationOfSession, PLATFORM_TOKEN_PREFIX } from '../auth/index.ts';
import { DEFAULT_CALENDAR, saveCalendar } from '../calendar/index.ts';
import { saveFrontOfficeSettingsFor } from '../customers/index.ts';
import { createTeam } from '../teams/index.ts';
import { createUser } from '../users/index.ts';
import { organisationErrors } from './organisations.errors.ts';
import { organisationsPolicy } from './organisations.policy.ts';
import * as q from './organisations.queries.ts';
import { BUILT_IN_THEMES, themeCssOf, themeOf } from './organisations.themes.ts';

type CreateInput = z.output<typeof organisationCreateSchema>;

/** Every organisation on this install (platform administrators only). */
export async function listOrganisations(db: Db, ctx: Ctx) {
  authorize(ctx.actor, organisationsPolicy.list);
  return q.listOrganisations(db);
}

/** Case numbers of a new organisation start with letters of its slug: "utrecht" -> UTRE. */
function prefixFromSlug(slug: string) {
  const letters = slug
    .replace(/[^a-z]/g, '')
    .slice(0, 4)
    .toUpperCase();
  return letters.length >= 2 ? letters : 'ZK';
}

/**
 * Creates an organisation ready to use, in one transaction: the organisation with its theme and sender, its
 * working calendar (Mon–Fri 08:30–17:00, to be adjusted), its front-office settings, a team "Beheer" and its
 * first administrator, whose one-time password is returned once. The one way to make an organisation: the API
 * (platform administrators) and the CLI both call it.
 */
export async function createOrganisation(
  db: Db,
  ctx: Ctx,
  input: OrganisationCreate | CreateInput,
  options: { adminPassword?: string | undefined } = {},
) {
  authorize(ctx.actor, organisationsPolicy.create);
  const data = organisationCreateSchema.parse(input);
  const password = options.adminPassword ?? randomSecret(12);
  const theme = data.theme === undefined ? null : typeof data.theme === 'string' ? data.theme : 'custom';
  const custom = typeof data.theme === 'object' ? data.theme : null;
  return db.transaction(async (tx) => {
    if (await q.slugExists(tx, data.slug)) throw organisationErrors.slugTaken();
    const org = await q.insertOrganisation(tx, {
      slug: data.slug,
      name: data.name,
      theme,
      themeClass: custom?.className ?? null,
      themeCss: custom?.css ?? null,
      mailFrom: data.mailFrom ?? null,
    });
    // A concurrent creation of the same slug got there first (the unique index decided).
    if (!org) throw organisationErrors.slugTaken();
    // The record of the creation lives in the new organisation's own audit trail, naming who made it.
    await recordAudit(
      tx,
      { ...ctx, actor: { ...ctx.actor, organisationId: org.id } },
      {
        entityType: 'organisation',
        entityId: org.id,
        action: 'created',
        after: {
          slug: org.slug,
          name: org.name,
          theme,
          themeClass: custom?.className ?? null,
          mailFrom: org.mailFrom,
        },
      },
    );
    // The rest is set up as the organisation's own administrator would, through the same services.
    const own = { ...systemCtx(org.id, ctx.actor.label), requestId: ctx.requestId };
    await saveCalendar(tx, own, DEFAULT_CALENDAR as unknown as CalendarInput, 0);
    await saveFrontOfficeSettingsFor(tx, own, { casePrefix: data.casePrefix ?? prefixFromSlug(data.slug) });
    const team = await createTeam(tx, own, {
      name: 'Beheer',
      kind: 'management',
      description: 'Beheer van de inrichting: catalogus, teams, gebruikers en instellingen.',
    });
    const admin = await createUser(tx, own, {
      email: data.admin.email,
      name: data.admin.name,
      locale: data.admin.locale,
      password,
      memberships: [{ teamId: team.id, role: 'admin' }],
    }).catch((error: unknown) => {
      // Addresses are unique across organisations (sign-in needs only the address): name the field sent.
      if (error instanceof AppError && error.code === 'email_taken')
        throw new AppError(409, error.code, error.title, error.detail, [
          { field: 'admin.email', message: 'Already in use' },
        ]);
      throw error;
    });
    return { organisation: org, admin: { id: admin.user.id, email: admin.user.email, password } };
  });
}

/**
 * Adds a platform administrator: a token that belongs to no organisation (ADR 0007). Its secret is returned
 * once; only its SHA-256 is stored. `secret` lets an operator bring their own (at least 32 characters).
 */
export async function addPlatformAdmin(db: Db, input: { name: string; secret?: string | undefined }) {
  const name = input.name.trim();
  if (!name || name.length > 100)
    throw errors.validation([{ field: 'name', message: '1 to 100 characters' }]);
  const secret = input.secret ?? `${PLATFORM_TOKEN_PREFIX}${randomSecret(32)}`;
  if (!secret.startsWith(PLATFORM_TOKEN_PREFIX) || !/^[A-Za-z0-9_-]{36,200}$/.test(secret))
    throw errors.validation([
      { field: 'token', message: `Starts with ${PLATFORM_TOKEN_PREFIX}; 36 to 200 letters, digits, - or _` },
    ]);
  const row = await q.insertPlatformToken(db, {
    name,
    tokenHash: sha256(secret),
    prefix: secret.slice(0, PLATFORM_TOKEN_PREFIX.length + 6),
  });
  return { ...row, token: secret };
}

export const listPlatformAdmins = (db: Db) => q.listPlatformTokens(db);

/** Revokes platform tokens by their shown prefix (vdp_ and six characters); returns how many. */
export async function revokePlatformAdmin(db: Db, prefix: string) {
  return (await q.revokePlatformToken(db, prefix, new Date())).length;
}

/** Name and theme of an organisation, for its public pages; undefined when there is none with that slug. */
export async function publicOrganisation(db: Db, config: Pick<Config, 'themeClass'>, slug: string) {
  const org = await q.findThemeBySlug(db, slug);
  return org ? { slug: org.slug, name: org.name, theme: themeOf(config, org) } : undefined;
}

/** The CSS of an organisation's theme, or undefined when there is no such organisation. */
export async function organisationThemeCss(db: Db, config: Pick<Config, 'themeCss'>, slug: string) {
  const org = await q.findThemeCss(db, slug);
  return org ? themeCssOf(config, org) : undefined;
}

const PUBLIC_PAGE = /^\/p\/([a-z0-9-]{1,63})(?:[/?#]|$)/;

/**
 * The theme a web page wears when the server sends it: the organisation of a public page (/p/<slug>/…), else
 * that of the caller's session, else the install's. The web app switches when that changes without a reload
 * (sign-in), so this only spares the reader a flash of the wrong look.
 */
export async function pageTheme(
  db: Db,
  config: Pick<Config, 'themeClass'>,
  url: string,
  sessionCookie: string | undefined,
) {
  const slug = PUBLIC_PAGE.exec(url)?.[1];
  if (slug) return themeOf(config, await q.findThemeBySlug(db, slug));
  const organisationId = sessionCookie ? await organisationOfSession(db, sessionCookie) : undefined;
  return themeOf(config, organisationId ? await q.findThemeById(db, organisationId) : undefined);
}

export { BUILT_IN_THEMES };

import { type Db, organisation, platformToken } from '@voordeur/db';
import { asc, eq, isNull } from 'drizzle-orm';

const themeColumns = {
  id: organisation.id,
  slug: organisation.slug,
  name: organisation.name,
  theme: organisation.theme,
  themeClass: organisation.themeClass,
};

/**
 * An organisation by its slug (the public pages' addresses): its id, name and slug only. The one way another module
 * resolves a slug (public catalogue, public search), exported from this module's index.
 */
export function organisationBySlug(db: Db, slug: string) {
  return db
    .select({ id: organisation.id, name: organisation.name, slug: organisation.slug })
    .from(organisation)
    .where(eq(organisation.slug, slug))
    .then((r) => r[0]);
}

/** Name and look of an organisation, by its slug (public pages) — never its settings or data. */
export function findThemeBySlug(db: Db, slug: string) {
  return db
    .select(themeColumns)
    .from(organisation)
    .where(eq(organisation.slug, slug))
    .then((r) => r[0]);
}

export function findThemeById(db: Db, id: string) {
  return db
    .select(themeColumns)
    .from(organisation)
    .where(eq(organisation.id, id))
    .then((r) => r[0]);
}

/** A custom theme's CSS (only read when its stylesheet is asked for). */
export function findThemeCss(db: Db, slug: string) {
  return db
    .select({ theme: organisation.theme, css: organisation.themeCss })
    .from(organisation)
    .where(eq(organisation.slug, slug))
    .then((r) => r[0]);
}

const listColumns = {
  id: organisation.id,
  slug: organisation.slug,
  name: organisation.name,
  theme: organisation.theme,
  mailFrom: organisation.mailFrom,
  createdAt: organisation.createdAt,
};

/** Every organisation (platform administrators only): who they are, not what they hold. */
export function listOrganisations(db: Db) {
  return db.select(listColumns).from(organisation).orderBy(asc(organisation.slug));
}

export function slugExists(db: Db, slug: string) {
  return db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.slug, slug))
    .then((r) => r.length > 0);
}

export function insertOrganisation(db: Db, values: typeof organisation.$inferInsert) {
  return db
    .insert(organisation)
    .values(values)
    .onConflictDoNothing({ target: organisation.slug })
    .returning(listColumns)
    .then((r) => r[0]);
}

export function insertPlatformToken(db: Db, values: typeof platformToken.$inferInsert) {
  return db
    .insert(platformToken)
    .values(values)
    .returning({ id: platformToken.id, name: platformToken.name, prefix: platformToken.prefix })
    .then((r) => r[0]!);
}

export function listPlatformTokens(db: Db) {
  return db
    .select({
      id: platformToken.id,
      name: platformToken.name,
      prefix: platformToken.prefix,
      createdAt: platformToken.createdAt,
      lastUsedAt: platformToken.lastUsedAt,
    })
    .from(platformToken)
    .where(isNull(platformToken.revokedAt))
    .orderBy(asc(platformToken.createdAt));
}

export function revokePlatformToken(db: Db, prefix: string, now: Date) {
  return db
    .update(platformToken)
    .set({ revokedAt: now })
    .where(eq(platformToken.prefix, prefix))
    .returning({ id: platformToken.id });
}

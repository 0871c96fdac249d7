import { readFile } from 'node:fs/promises';
import { appUser, type Db, organisation, team } from '@voordeur/db';
import type { Role, TeamKind } from '@voordeur/shared';
import { eq, sql } from 'drizzle-orm';
import { createTeam } from '../modules/teams/teams.service.ts';
import { importContent } from '../modules/transfer/index.ts';
import { createUser } from '../modules/users/index.ts';

/** The demo catalogue (external and internal items) and knowledge base, written in Dutch for Gemeente Voorbeeld. */
export async function demoContent() {
  const read = async (file: string) =>
    JSON.parse(await readFile(new URL(`./content/${file}`, import.meta.url), 'utf8'));
  const [external, internal, articles] = await Promise.all([
    read('catalogue.external.json'),
    read('catalogue.internal.json'),
    read('articles.json'),
  ]);
  return { items: [...external.items, ...internal.items], articles: articles.articles };
}

import { systemCtx } from '../platform/actor.ts';
import { randomSecret } from '../platform/secrets.ts';

export const DEMO_SLUG = 'voorbeeld';

const TEAMS: { key: string; name: string; kind: TeamKind; description: string }[] = [
  {
    key: 'kcc',
    name: 'KCC',
    kind: 'front_office',
    description: 'Klantcontactcentrum: de voordeur voor inwoners en ondernemers.',
  },
  {
    key: 'mcc',
    name: 'MCC',
    kind: 'front_office',
    description: 'Medewerkerscontactcentrum: de interne servicedesk voor collega’s.',
  },
  {
    key: 'or',
    name: 'Openbare ruimte',
    kind: 'back_office',
    description: 'Beheer en onderhoud van straten, groen en verlichting.',
  },
  {
    key: 'bz',
    name: 'Burgerzaken',
    kind: 'back_office',
    description: 'Reisdocumenten, rijbewijzen, verhuizingen en de BRP.',
  },
  {
    key: 'bel',
    name: 'Belastingen',
    kind: 'back_office',
    description: 'Gemeentelijke belastingen, WOZ en kwijtschelding.',
  },
  {
    key: 'verg',
    name: 'Vergunningen',
    kind: 'back_office',
    description: 'Omgevings-, evenementen- en horecavergunningen.',
  },
  {
    key: 'soc',
    name: 'Sociaal domein',
    kind: 'back_office',
    description: 'Inkomen, Wmo, schuldhulp en leerlingenvervoer.',
  },
  {
    key: 'fac',
    name: 'Facilitaire zaken',
    kind: 'back_office',
    description: 'Gebouwen, vergaderzalen, passen en dienstauto’s.',
  },
  {
    key: 'ict',
    name: 'ICT',
    kind: 'back_office',
    description: 'Werkplekken, accounts, telefonie en applicaties.',
  },
  { key: 'mgmt', name: 'Management', kind: 'management', description: 'Directie, management en kwaliteit.' },
];

export const DEMO_USERS: { email: string; name: string; team: string; role: Role }[] = [
  { email: 'agent@voorbeeld.nl', name: 'Anouk Agent', team: 'kcc', role: 'agent' },
  { email: 'mcc@voorbeeld.nl', name: 'Mehmet MCC', team: 'mcc', role: 'agent' },
  { email: 'backoffice@voorbeeld.nl', name: 'Bram Backoffice', team: 'or', role: 'backoffice' },
  { email: 'teamlead@voorbeeld.nl', name: 'Tessa Teamleider', team: 'kcc', role: 'teamlead' },
  { email: 'manager@voorbeeld.nl', name: 'Maarten Manager', team: 'mgmt', role: 'manager' },
  { email: 'quality@voorbeeld.nl', name: 'Kim Kwaliteit', team: 'mgmt', role: 'quality' },
  { email: 'admin@voorbeeld.nl', name: 'Aisha Admin', team: 'mgmt', role: 'admin' },
];

export interface SeedResult {
  /** false when the database already held organisations and nothing was done. */
  seeded: boolean;
  organisationId?: string;
  /** Set when a password was generated (so the caller can print it once). */
  generatedPassword?: string;
  users: string[];
}

/** Serialises concurrent seeds of several starting processes (transaction-scoped advisory lock). */
const SEED_LOCK_KEY = 7_007_100_002;

/**
 * Seeds "Gemeente Voorbeeld". Only on a database without organisations, unless `force` (then it adds what is
 * missing from the demo organisation and never changes what exists). Idempotent.
 */
export async function seedDemo(
  db: Db,
  options: {
    password?: string | undefined;
    force?: boolean;
    /** Also import the demo catalogue and knowledge base (default true). */
    content?: boolean;
    onProgress?: (step: string) => void;
  } = {},
): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(organisation);
    let org = (await tx.select().from(organisation).where(eq(organisation.slug, DEMO_SLUG)))[0];
    if (n > 0 && !options.force) return { seeded: false, users: [] };
    options.onProgress?.('organisation');
    if (!org) {
      [org] = await tx
        .insert(organisation)
        .values({ slug: DEMO_SLUG, name: 'Gemeente Voorbeeld' })
        .returning();
    }
    const ctx = systemCtx(org!.id, 'Demo-inrichting');
    const teams = new Map<string, string>();
    const existingTeams = await tx
      .select({ id: team.id, name: team.name })
      .from(team)
      .where(eq(team.organisationId, org!.id));
    for (const t of TEAMS) {
      options.onProgress?.(`team ${t.name}`);
      const found = existingTeams.find((r) => r.name === t.name);
      teams.set(t.key, found ? found.id : (await createTeam(tx, ctx, t)).id);
    }
    const generated = options.password ? undefined : randomSecret(12);
    const password = options.password ?? generated!;
    const created: string[] = [];
    for (const u of DEMO_USERS) {
      options.onProgress?.(`user ${u.email}`);
      const exists = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, u.email));
      if (exists.length) continue;
      await createUser(tx, ctx, {
        email: u.email,
        name: u.name,
        locale: 'nl',
        password,
        memberships: [{ teamId: teams.get(u.team)!, role: u.role }],
      });
      created.push(u.email);
    }
    if (options.content !== false) {
      options.onProgress?.('catalogue and knowledge base');
      await importContent(tx, ctx, await demoContent(), { dryRun: false });
    }
    return {
      seeded: true,
      organisationId: org!.id,
      ...(generated && created.length ? { generatedPassword: generated } : {}),
      users: created,
    };
  });
}

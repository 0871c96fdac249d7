import { readFile } from 'node:fs/promises';
import { appUser, customer, type Db, organisation, team } from '@voordeur/db';
import { type CustomerCreate, customerCreateSchema, type Role, type TeamKind } from '@voordeur/shared';
import { eq, sql } from 'drizzle-orm';
import { importAddresses } from '../modules/addresses/index.ts';
import { seedDemoCosts } from '../modules/costs/index.ts';
import { createCustomer, saveFrontOfficeSettingsFor } from '../modules/customers/index.ts';
import { seedDemoIdeas } from '../modules/ideas/index.ts';
import { seedDemoMystery } from '../modules/mystery/index.ts';
// ---- end strategy ----
import { seedDemoSurveys } from '../modules/surveys/index.ts';
import { createTeam } from '../modules/teams/index.ts';
import { importContent } from '../modules/transfer/index.ts';
import { createUserWithPasswordHash } from '../modules/users/index.ts';
import { seedDemoWaiting } from '../modules/waiting/index.ts';
import type { Ctx } from '../platform/actor.ts';
// ---- strategy (issue 15) ----
import { seedDemoStrategy } from './demo-strategy.ts';

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
import { hashPassword, randomSecret, refuseWeakPassword } from '../platform/secrets.ts';
import { demoAddressCsv } from './demo-addresses.ts';
// ---- assessments (issue 15) ----
import { seedDemoAssessments } from './demo-assessments.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoImprovements } from './demo-improvements.ts';
import { seedDemoMetrics } from './demo-metrics.ts';
// ---- people (issue 15) ----
import { seedDemoPeople } from './demo-people.ts';
import { seedDemoSignals } from './demo-signals.ts';
// ---- end people ----

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

export const DEMO_USERS: { email: string; name: string; team: string; role: Role; alsoTeams?: string[] }[] = [
  { email: 'agent@voorbeeld.nl', name: 'Anouk Agent', team: 'kcc', role: 'agent' },
  { email: 'mcc@voorbeeld.nl', name: 'Mehmet MCC', team: 'mcc', role: 'agent' },
  { email: 'backoffice@voorbeeld.nl', name: 'Bram Backoffice', team: 'or', role: 'backoffice' },
  // The team lead leads the KCC and the street team (Openbare ruimte): she hears of their missed norms.
  {
    email: 'teamlead@voorbeeld.nl',
    name: 'Tessa Teamleider',
    team: 'kcc',
    role: 'teamlead',
    alsoTeams: ['or'],
  },
  { email: 'manager@voorbeeld.nl', name: 'Maarten Manager', team: 'mgmt', role: 'manager' },
  { email: 'quality@voorbeeld.nl', name: 'Kim Kwaliteit', team: 'mgmt', role: 'quality' },
  { email: 'admin@voorbeeld.nl', name: 'Aisha Admin', team: 'mgmt', role: 'admin' },
  // The integrity officer (issue 15): the only one who reads the integrity register.
  { email: 'integriteit@voorbeeld.nl', name: 'Ilse Integriteit', team: 'mgmt', role: 'integrity' },
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
        .values({
          slug: DEMO_SLUG,
          name: 'Gemeente Voorbeeld',
          // The return address on letters to people without an email address (admins change it in the case settings).
          settings: {
            cases: { letterhead: { address: ['Postbus 1000', '1000 AA  VOORBEELD'], contact: [] } },
          },
        })
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
    // Every demo person has the one demo password: hashed once (argon2id), checked against each of them.
    let passwordHash: Promise<string> | undefined;
    for (const u of DEMO_USERS) {
      options.onProgress?.(`user ${u.email}`);
      const exists = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, u.email));
      if (exists.length) continue;
      refuseWeakPassword(password, u, 'password');
      passwordHash ??= hashPassword(password);
      await createUserWithPasswordHash(
        tx,
        ctx,
        {
          email: u.email,
          name: u.name,
          locale: 'nl',
          memberships: [u.team, ...(u.alsoTeams ?? [])].map((k) => ({ teamId: teams.get(k)!, role: u.role })),
        },
        await passwordHash,
      );
      created.push(u.email);
    }
    if (options.content !== false) {
      options.onProgress?.('catalogue and knowledge base');
      await importContent(tx, ctx, await demoContent(), { dryRun: false });
    }
    options.onProgress?.('front office and customers');
    await seedFrontOffice(tx, ctx, org!.id);
    if (options.content !== false) {
      options.onProgress?.('address register');
      await importAddresses(tx, ctx, demoAddressCsv(), { dryRun: false });
      options.onProgress?.('cases');
      const users = await tx
        .select({ id: appUser.id, email: appUser.email })
        .from(appUser)
        .where(eq(appUser.organisationId, org!.id));
      await seedDemoCases(tx, ctx, org!.id, new Map(users.map((u) => [u.email, u.id])));
      options.onProgress?.('surveys');
      await seedDemoSurveys(tx, ctx);
      // Monitoring (issue 14): 90 days of history and its rollups.
      options.onProgress?.('monitoring history');
      await seedDemoMetrics(tx, org!.id, new Map(users.map((u) => [u.email, u.id])));
      // Monitoring inputs (issue 14): queue figures, unit costs, a mystery check.
      options.onProgress?.('queue figures, unit costs, mystery checks');
      await seedDemoWaiting(tx, ctx);
      await seedDemoCosts(tx, ctx);
      await seedDemoMystery(tx, ctx);
      // ---- excellence (issue 15): improvements in each status, one done with its measured effect ----
      options.onProgress?.('improvements');
      await seedDemoImprovements(tx, ctx, new Map(users.map((u) => [u.email, u.id])));
      // ---- strategy (issue 15): vision, objectives with targets and actions, an integrity matter ----
      options.onProgress?.('vision and objectives');
      await seedDemoStrategy(tx, ctx, new Map(users.map((u) => [u.email, u.id])));
      // ---- end strategy ----
      // ideas (issue 15): one idea in each stage, a published one with comments, a measured experiment.
      await seedDemoIdeas(tx, ctx);
      // ---- assessments (issue 15) ----
      await seedDemoAssessments(tx, org!.id, new Map(users.map((u) => [u.email, u.id])));
      // ---- signals (issue 15): the improvement inbox, with groups of three and more ----
      options.onProgress?.('improvement inbox');
      await seedDemoSignals(tx, org!.id, new Map(users.map((u) => [u.email, u.id])));
      // ---- people (issue 15): colleagues, a closed and an open pulse round, compliments ----
      options.onProgress?.('team pulse and compliments');
      await seedDemoPeople(tx, ctx, org!.id);
      // ---- end people ----
    }
    return {
      seeded: true,
      organisationId: org!.id,
      ...(generated && created.length ? { generatedPassword: generated } : {}),
      users: created,
    };
  });
}

/** Districts of the demo municipality, by postcode. */
const DEMO_AREAS = [
  { name: 'Centrum', postcodes: [{ from: '1230', to: '1234' }] },
  { name: 'Noord', postcodes: [{ from: '1235', to: '1239' }] },
  { name: 'Oost', postcodes: [{ from: '1240', to: '1244' }] },
  { name: 'Zuid', postcodes: [{ from: '1245', to: '1249' }] },
  { name: 'West', postcodes: [{ from: '1250', to: '1254' }] },
];

/** Demo residents, a business and employees; invented people (BSNs pass the 11-test but belong to nobody). */
export const DEMO_CUSTOMERS: CustomerCreate[] = [
  {
    kind: 'resident',
    name: 'Jan de Vries',
    bsn: '111222333',
    dateOfBirth: '1961-04-17',
    email: 'jan.devries@example.nl',
    phone: '06 12345678',
    address: { street: 'Dorpsstraat', houseNumber: 12, postcode: '1234 AB', city: 'Voorbeeld' },
    preferredChannel: 'email',
    preferredLanguage: 'nl',
  },
  {
    kind: 'resident',
    name: 'Fatima El Amrani',
    email: 'fatima.elamrani@example.nl',
    phone: '06 23456789',
    address: { street: 'Molenweg', houseNumber: 3, houseLetter: 'a', postcode: '1236 CD', city: 'Voorbeeld' },
    preferredChannel: 'phone',
  },
  {
    kind: 'resident',
    name: 'Anna Jansen',
    email: 'anna.jansen@example.nl',
    address: { street: 'Kerkplein', houseNumber: 7, postcode: '1241 EF', city: 'Voorbeeld' },
    preferredLanguage: 'en',
  },
  {
    kind: 'resident',
    name: 'Kees Visser',
    phone: '020 1234567',
    address: { street: 'Havenkade', houseNumber: 41, addition: '2', postcode: '1251 GH', city: 'Voorbeeld' },
    segments: ['ouderen'],
  },
  {
    kind: 'resident',
    name: 'M. de Boer',
    address: { street: 'Beukenlaan', houseNumber: 19, postcode: '1246 JK', city: 'Voorbeeld' },
    confidential: true,
  },
  {
    kind: 'business',
    name: 'Bakkerij Van Dijk',
    kvkNumber: '12345678',
    email: 'info@bakkerijvandijk.example',
    phone: '0201234568',
    address: { street: 'Marktstraat', houseNumber: 2, postcode: '1231 LM', city: 'Voorbeeld' },
  },
  {
    kind: 'employee',
    name: 'Sanne de Groot',
    employeeNumber: 'E10231',
    department: 'Burgerzaken',
    email: 'sanne.degroot@voorbeeld.nl',
    phone: '06 34567890',
  },
];

async function seedFrontOffice(tx: Db, ctx: Ctx, organisationId: string) {
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(customer)
    .where(eq(customer.organisationId, organisationId));
  if (n > 0) return;
  await saveFrontOfficeSettingsFor(tx, ctx, { casePrefix: 'VB', areas: DEMO_AREAS });
  for (const c of DEMO_CUSTOMERS) await createCustomer(tx, ctx, customerCreateSchema.parse(c));
}

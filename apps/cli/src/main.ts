import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  AppError,
  addPlatformAdmin,
  articlesFromCsv,
  articlesToCsv,
  BUILT_IN_THEMES,
  createOrganisation,
  createToken,
  createUser,
  DEMO_SLUG,
  exportContent,
  importAddresses,
  importContent,
  itemsFromCsv,
  itemsToCsv,
  listOrganisations,
  listPlatformAdmins,
  loadConfig,
  loadDataKey,
  parseCsv,
  platformCtx,
  rebuildAllMetrics,
  resetPassword,
  revokePlatformAdmin,
  type ServerRole,
  seedDemo,
  startServer,
  systemCtx,
  useDataKey,
} from '@voordeur/api';
import { appUser, type Database, openDatabase, organisation, team } from '@voordeur/db';
import {
  LIMITS,
  type OrganisationCreate,
  organisationCreateSchema,
  ROLES,
  type Role,
} from '@voordeur/shared';
import { PASSWORD_PROBLEM_MESSAGES, type PasswordOwner, passwordProblem } from '@voordeur/shared/password';
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { eq } from 'drizzle-orm';

const program = new Command()
  .name('voordeur')
  .description('Voordeur — one front door for public service')
  .showHelpAfterError();

/** Opens the configured database and applies migrations, with a visible step for each. */
async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  useDataKey(loadDataKey(config));
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`;
  process.stderr.write(`• opening ${where}\n`);
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
    preparedStatements: config.databasePreparedStatements,
  });
  try {
    await database.migrate((m) => process.stderr.write(`• ${m}\n`));
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function organisationBySlug(database: Database, slug: string) {
  const [org] = await database.db.select().from(organisation).where(eq(organisation.slug, slug));
  if (!org) throw new Error(`No organisation with slug "${slug}".`);
  return org;
}

const generatePassword = () => randomBytes(12).toString('base64url');

/** The API's password rule (@voordeur/shared/password), said before anything is written. */
function refuseWeak(password: string, owner: PasswordOwner) {
  const problem = passwordProblem(password, owner);
  if (problem) throw new Error(`This password may not be used: ${PASSWORD_PROBLEM_MESSAGES[problem]}.`);
}

program
  .command('serve')
  .description('Run Voordeur: the HTTP API with the web app, the background worker, or both')
  .addOption(
    new Option('--role <role>', 'what this process runs').choices(['api', 'worker', 'all']).default('all'),
  )
  .option('--port <port>', 'HTTP port (overrides PORT)')
  .action(async (opts: { role: ServerRole; port?: string }) => {
    if (opts.port) process.env.PORT = opts.port;
    await startServer(loadConfig(), opts.role);
  });

program
  .command('migrate')
  .description('Apply pending database migrations (also done at every start)')
  .action(async () => {
    await withDatabase(async () => {
      process.stderr.write('✓ database is up to date\n');
    });
  });

program
  .command('seed')
  .description('Create the demo organisation "Gemeente Voorbeeld"')
  .requiredOption('--demo', 'seed the demo organisation (the only seed there is)')
  .option('--force', 'also when the database already holds organisations (adds what is missing)')
  .action(async (opts: { force?: boolean }) => {
    const config = loadConfig();
    await withDatabase(async (database) => {
      const bar = new SingleBar({ format: '  {bar} {value}/{total} {step}' }, Presets.shades_classic);
      bar.start(19, 0, { step: '' });
      const result = await seedDemo(database.db, {
        password: config.demoPassword,
        force: opts.force ?? false,
        onProgress: (step) => bar.increment({ step }),
      });
      bar.stop();
      if (!result.seeded) {
        process.stderr.write(
          'The database already holds organisations; nothing done. Use --force to add the demo.\n',
        );
        return;
      }
      console.log(
        `Demo organisation ready; users created: ${result.users.join(', ') || 'none (all existed)'}`,
      );
      if (result.generatedPassword)
        console.log(`Password of the new demo users: ${result.generatedPassword}`);
    });
  });

const org = program.command('org').description('Manage organisations (as the platform administrator)');
org
  .command('create')
  .description(
    'Create an organisation with its calendar, settings, theme, sender and first administrator; prints the ' +
      "administrator's one-time password (or takes it from VOORDEUR_ADMIN_PASSWORD)",
  )
  .requiredOption('--slug <slug>', 'its address in public URLs, e.g. "utrecht" for /p/utrecht/diensten')
  .requiredOption('--name <name>', 'its name, e.g. "Gemeente Utrecht"')
  .requiredOption('--admin-email <email>', 'e-mail address of its first administrator')
  .option('--admin-name <name>', 'name of its first administrator', 'Beheerder')
  .option(
    '--theme <theme>',
    `${Object.keys(BUILT_IN_THEMES).join(', ')}, or a design-token CSS file (with --theme-class); ` +
      "default: the install's theme",
  )
  .option('--theme-class <class>', 'root class of a theme CSS file, e.g. "gemeente-theme"')
  .option('--sender <sender>', 'sender of its emails, e.g. "Gemeente Utrecht <noreply@utrecht.nl>"')
  .option('--case-prefix <letters>', 'case numbers start with these 2 to 6 capitals (default from the slug)')
  .action(
    async (opts: {
      slug: string;
      name: string;
      adminEmail: string;
      adminName: string;
      theme?: string;
      themeClass?: string;
      sender?: string;
      casePrefix?: string;
    }) => {
      let theme: OrganisationCreate['theme'];
      if (opts.theme && Object.hasOwn(BUILT_IN_THEMES, opts.theme)) {
        theme = opts.theme as keyof typeof BUILT_IN_THEMES;
      } else if (opts.theme) {
        if (!opts.themeClass) throw new Error('A theme CSS file needs its root class: add --theme-class.');
        theme = { className: opts.themeClass, css: await readFile(opts.theme, 'utf8') };
      }
      const parsed = organisationCreateSchema.safeParse({
        slug: opts.slug,
        name: opts.name,
        ...(theme ? { theme } : {}),
        ...(opts.sender ? { mailFrom: opts.sender } : {}),
        ...(opts.casePrefix ? { casePrefix: opts.casePrefix } : {}),
        admin: { email: opts.adminEmail, name: opts.adminName },
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          process.stderr.write(`  ${issue.path.join('.')}: ${issue.message}\n`);
        throw new Error('Organisation not created.');
      }
      const password = process.env.VOORDEUR_ADMIN_PASSWORD || undefined;
      if (password !== undefined) refuseWeak(password, { email: opts.adminEmail, name: opts.adminName });
      await withDatabase(async (database) => {
        try {
          const created = await createOrganisation(database.db, platformCtx(), parsed.data, {
            adminPassword: password,
          });
          console.log(`Organisation ${created.organisation.name} (${created.organisation.slug}) created.`);
          console.log(`Administrator: ${created.admin.email}`);
          if (!password)
            console.log(`One-time password (change it at first sign-in): ${created.admin.password}`);
        } catch (error) {
          if (error instanceof AppError)
            throw new Error(
              `${error.detail ?? error.title}${error.errors?.length ? ` (${error.errors.map((e) => e.field).join(', ')})` : ''}`,
            );
          throw error;
        }
      });
    },
  );

org
  .command('list')
  .description('List the organisations')
  .action(async () => {
    await withDatabase(async (database) => {
      for (const o of await listOrganisations(database.db, platformCtx()))
        console.log(`${o.slug}\t${o.name}\t${o.theme ?? 'default theme'}\t${o.mailFrom ?? 'SMTP_FROM'}`);
    });
  });

const platformAdmin = program
  .command('platform-admin')
  .description(
    'Manage platform administrators: tokens that belong to no organisation and may only manage organisations',
  );
platformAdmin
  .command('add')
  .description(
    'Add a platform administrator; prints its token once (or takes it from VOORDEUR_PLATFORM_TOKEN)',
  )
  .requiredOption('--name <name>', 'who or what it is for, e.g. "Servicecentrum"')
  .action(async (opts: { name: string }) => {
    await withDatabase(async (database) => {
      const given = process.env.VOORDEUR_PLATFORM_TOKEN || undefined;
      const created = await addPlatformAdmin(database.db, { name: opts.name, secret: given }).catch(
        (error: unknown) => {
          if (error instanceof AppError && error.errors?.length)
            throw new Error(`VOORDEUR_PLATFORM_TOKEN: ${error.errors[0]!.message}`);
          throw error;
        },
      );
      console.log(`Platform administrator "${created.name}" (${created.prefix}…) added.`);
      if (!given) console.log(`Token, shown once (Authorization: Bearer …): ${created.token}`);
    });
  });
platformAdmin
  .command('list')
  .description('List the platform administrators (their prefixes, never their tokens)')
  .action(async () => {
    await withDatabase(async (database) => {
      for (const t of await listPlatformAdmins(database.db))
        console.log(`${t.prefix}…\t${t.name}\t${t.lastUsedAt?.toISOString() ?? 'never used'}`);
    });
  });
platformAdmin
  .command('revoke')
  .description('Revoke a platform administrator by its prefix (as "list" shows it)')
  .requiredOption('--prefix <prefix>', 'e.g. vdp_AbC123')
  .action(async (opts: { prefix: string }) => {
    await withDatabase(async (database) => {
      const n = await revokePlatformAdmin(database.db, opts.prefix.replace(/…$/, ''));
      if (!n) throw new Error(`No platform administrator with prefix ${opts.prefix}.`);
      console.log(`Revoked ${n} platform administrator token(s).`);
    });
  });

const parseRole = (value: string): { team: string; role: Role } => {
  const [teamName, role] = value.includes(':')
    ? [value.slice(0, value.lastIndexOf(':')), value.slice(value.lastIndexOf(':') + 1)]
    : ['', value];
  if (!(ROLES as readonly string[]).includes(role ?? '')) {
    throw new InvalidArgumentError(`"${value}": use TEAM:ROLE with a role of ${ROLES.join(', ')}`);
  }
  return { team: teamName ?? '', role: role as Role };
};

const user = program.command('user').description('Manage users');
user
  .command('add')
  .description('Add a user to an organisation')
  .requiredOption('--email <email>', 'e-mail address (the login)')
  .requiredOption('--name <name>', 'full name')
  .requiredOption(
    '--member <team:role...>',
    'team membership(s), e.g. "KCC:agent" (repeatable)',
    (v, prev: ReturnType<typeof parseRole>[] = []) => [...prev, parseRole(v)],
  )
  .option('--org <slug>', 'organisation slug', DEMO_SLUG)
  .option('--password <password>', 'password (generated and printed when omitted)')
  .addOption(new Option('--locale <locale>', 'language').choices(['nl', 'en']).default('nl'))
  .action(
    async (opts: {
      email: string;
      name: string;
      member: ReturnType<typeof parseRole>[];
      org: string;
      password?: string;
      locale: 'nl' | 'en';
    }) => {
      await withDatabase(async (database) => {
        const org = await organisationBySlug(database, opts.org);
        const teams = await database.db.select().from(team).where(eq(team.organisationId, org.id));
        const memberships = opts.member.map((m) => {
          const t = teams.find((x) => x.name.toLowerCase() === m.team.toLowerCase());
          if (!t)
            throw new Error(
              `No team "${m.team}" in ${org.name}. Teams: ${teams.map((x) => x.name).join(', ')}`,
            );
          return { teamId: t.id, role: m.role };
        });
        const password = opts.password ?? generatePassword();
        refuseWeak(password, opts);
        await createUser(database.db, systemCtx(org.id, 'CLI'), {
          email: opts.email.trim().toLowerCase(),
          name: opts.name,
          locale: opts.locale,
          password,
          memberships,
        });
        console.log(`User ${opts.email} added to ${org.name}.`);
        if (!opts.password) console.log(`Password: ${password}`);
      });
    },
  );

user
  .command('reset-password')
  .description('Set a new password for a user; their sessions end')
  .requiredOption('--email <email>', 'e-mail address')
  .option('--password <password>', 'new password (generated and printed when omitted)')
  .action(async (opts: { email: string; password?: string }) => {
    await withDatabase(async (database) => {
      const email = opts.email.trim().toLowerCase();
      const [u] = await database.db.select().from(appUser).where(eq(appUser.email, email));
      if (!u) throw new Error(`No user with e-mail address ${email}.`);
      const password = opts.password ?? generatePassword();
      refuseWeak(password, u);
      await resetPassword(database.db, systemCtx(u.organisationId, 'CLI'), u.id, password);
      console.log(`Password of ${email} changed.`);
      if (!opts.password) console.log(`New password: ${password}`);
    });
  });

program
  .command('token')
  .description('Manage API tokens')
  .command('create')
  .description('Create an API token for a system integration (printed once)')
  .requiredOption('--name <name>', 'what the token is for, e.g. "Telefonie"')
  .addOption(
    new Option('--role <role>', 'the role the token acts with').choices([...ROLES]).makeOptionMandatory(),
  )
  .option('--org <slug>', 'organisation slug', DEMO_SLUG)
  .option('--expires-in-days <days>', 'expiry in days (none when omitted)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > LIMITS.tokenMaxDays)
      throw new InvalidArgumentError(`1..${LIMITS.tokenMaxDays}`);
    return n;
  })
  .action(async (opts: { name: string; role: Role; org: string; expiresInDays?: number }) => {
    await withDatabase(async (database) => {
      const org = await organisationBySlug(database, opts.org);
      const created = await createToken(database.db, systemCtx(org.id, 'CLI'), {
        name: opts.name,
        role: opts.role,
        ...(opts.expiresInDays ? { expiresInDays: opts.expiresInDays } : {}),
      });
      console.log(`Token "${opts.name}" (${opts.role}) for ${org.name}; shown once:`);
      console.log(created.token);
    });
  });

const catalogue = program
  .command('catalogue')
  .description('Import and export the catalogue and knowledge base');
catalogue
  .command('import <file>')
  .description(
    'Import items and articles from JSON ({items, articles}) or CSV (--type items|articles); all or nothing',
  )
  .addOption(new Option('--type <type>', 'what a CSV file holds').choices(['items', 'articles']))
  .option('--org <slug>', 'organisation slug', DEMO_SLUG)
  .option('--dry-run', 'only report what would change')
  .action(async (file: string, opts: { type?: 'items' | 'articles'; org: string; dryRun?: boolean }) => {
    const text = await readFile(file, 'utf8');
    const isCsv = file.toLowerCase().endsWith('.csv');
    if (isCsv && !opts.type)
      throw new Error('A CSV file holds items or articles: add --type items or --type articles.');
    await withDatabase(async (database) => {
      const org = await organisationBySlug(database, opts.org);
      let input: Parameters<typeof importContent>[2];
      if (isCsv) {
        const { records, errors } = parseCsv(text);
        const converted = opts.type === 'items' ? itemsFromCsv(records) : articlesFromCsv(records);
        if (errors.length || converted.errors.length)
          return printImportErrors([...errors, ...converted.errors]);
        const lines = records.map((r) => r.line);
        input =
          opts.type === 'items'
            ? { items: converted.inputs, itemLines: lines }
            : { articles: converted.inputs, articleLines: lines };
      } else {
        input = JSON.parse(text) as { items?: unknown[]; articles?: unknown[] };
      }
      try {
        const report = await importContent(database.db, systemCtx(org.id, 'CLI import'), input, {
          dryRun: opts.dryRun ?? false,
        });
        for (const kind of ['items', 'articles'] as const) {
          const r = report[kind];
          console.log(
            `${kind}: ${r.create.length} new, ${r.update.length} changed, ${r.unchanged.length} unchanged`,
          );
          for (const code of r.create) console.log(`  + ${code}`);
          for (const code of r.update) console.log(`  ~ ${code}`);
        }
        console.log(opts.dryRun ? 'Dry run: nothing was changed.' : 'Imported and published.');
      } catch (error) {
        if (error instanceof AppError && error.errors?.length) return printImportErrors(error.errors);
        throw error;
      }
    });
  });

catalogue
  .command('export')
  .description('Export the published catalogue and knowledge base (JSON to stdout, or CSV with --type)')
  .addOption(new Option('--type <type>', 'CSV of items or of articles').choices(['items', 'articles']))
  .option('--org <slug>', 'organisation slug', DEMO_SLUG)
  .action(async (opts: { type?: 'items' | 'articles'; org: string }) => {
    await withDatabase(async (database) => {
      const org = await organisationBySlug(database, opts.org);
      const content = await exportContent(database.db, systemCtx(org.id, 'CLI export'));
      if (!opts.type) process.stdout.write(`${JSON.stringify(content, null, 2)}\n`);
      else
        process.stdout.write(
          opts.type === 'items' ? itemsToCsv(content.items) : articlesToCsv(content.articles),
        );
    });
  });

program
  .command('addresses')
  .description('The address register')
  .command('import <file>')
  .description(
    'Import addresses from CSV (postcode;huisnummer;toevoeging;straat;woonplaats;x;y[;bag_id], RD metres); all or nothing',
  )
  .option('--org <slug>', 'organisation slug', DEMO_SLUG)
  .option('--dry-run', 'only report what would change')
  .action(async (file: string, opts: { org: string; dryRun?: boolean }) => {
    const text = await readFile(file, 'utf8');
    await withDatabase(async (database) => {
      const org = await organisationBySlug(database, opts.org);
      try {
        const r = await importAddresses(database.db, systemCtx(org.id, 'CLI address import'), text, {
          dryRun: opts.dryRun ?? false,
        });
        console.log(`addresses: ${r.created} new, ${r.updated} changed, ${r.unchanged} unchanged`);
        console.log(opts.dryRun ? 'Dry run: nothing was changed.' : 'Imported.');
      } catch (error) {
        if (error instanceof AppError && error.errors?.length) return printImportErrors(error.errors);
        throw error;
      }
    });
  });

// ---- monitoring (issue 14, rollups): rebuild the rollups from the raw data ----
const isoDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new InvalidArgumentError('A date as YYYY-MM-DD.');
  return value;
};

program
  .command('metrics')
  .description('Monitoring figures')
  .command('rebuild')
  .description(
    'Recompute the daily rollups of contacts, cases, survey answers and callbacks from the raw data (also fills in missing resolution times)',
  )
  .option('--organisation <slug>', 'only this organisation (default: all)')
  .option('--from <date>', 'first day, YYYY-MM-DD (default: the first contact or case)', isoDay)
  .option('--to <date>', 'last day, YYYY-MM-DD (default: today)', isoDay)
  .action(async (opts: { organisation?: string; from?: string; to?: string }) => {
    if (opts.from && opts.to && opts.from > opts.to) throw new Error('--from lies after --to.');
    await withDatabase(async (database) => {
      const bar = new SingleBar(
        { format: '  {bar} {percentage}% organisation {organisation}/{organisations}' },
        Presets.shades_classic,
      );
      bar.start(1, 0, { organisation: 0, organisations: 0 });
      const result = await rebuildAllMetrics(database.db, opts, (p) => {
        bar.setTotal(Math.max(1, p.total));
        bar.update(p.done, { organisation: p.organisation, organisations: p.organisations });
      });
      bar.stop();
      console.log(
        `Rebuilt ${result.days} day(s) of ${result.organisations} organisation(s); resolution times filled in: ${result.resolutionFilled}`,
      );
    });
  });

function printImportErrors(errors: { field: string; message: string; line?: number }[]) {
  process.stderr.write(`Import refused, nothing was changed. ${errors.length} problem(s):\n`);
  for (const e of errors)
    process.stderr.write(`  ${e.line ? `line ${e.line}: ` : ''}${e.field}: ${e.message}\n`);
  process.exitCode = 2;
}

/**
 * Runs one command line (`argv` as `process.argv`: node, the script, then the arguments). The program below
 * calls it; the CLI's tests run most commands in their own process this way (a new process costs seconds).
 */
export async function runCli(argv: string[]): Promise<void> {
  await program.parseAsync(argv);
}

// Run as the program (bin/voordeur.js, `tsx apps/cli/src/main.ts`), not when a test imports this file.
const entry = process.argv[1] ? realpathSync(process.argv[1]) : '';
const programFiles = [import.meta.url, new URL('../bin/voordeur.js', import.meta.url)].map((u) =>
  fileURLToPath(u),
);
if (programFiles.includes(entry))
  runCli(process.argv).catch((error: unknown) => {
    process.stderr.write(`voordeur: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });

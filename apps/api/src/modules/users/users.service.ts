import type { Db } from '@voordeur/db';
import type { Locale, Role } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { hashPassword, refuseWeakPassword } from '../../platform/secrets.ts';
import { errors } from '../../plugins/errors.ts';
import { endSessionsOf, setPasswordHash } from '../auth/index.ts';
import { teamIdsIn } from '../teams/index.ts';
import { userErrors } from './users.errors.ts';
import { usersPolicy } from './users.policy.ts';
import * as q from './users.queries.ts';

type MembershipInput = { teamId: string; role: Role };

async function withMemberships(
  db: Db,
  organisationId: string,
  users: Awaited<ReturnType<typeof q.listUsers>>,
) {
  const rows = await q.membershipsFor(
    db,
    organisationId,
    users.map((u) => u.id),
  );
  return users.map((u) => ({ user: u, memberships: rows.filter((m) => m.userId === u.id) }));
}

export async function listUsers(db: Db, ctx: Ctx) {
  authorize(ctx.actor, usersPolicy.list);
  return withMemberships(db, ctx.actor.organisationId, await q.listUsers(db, ctx.actor.organisationId));
}

export async function getUser(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, usersPolicy.list);
  const user = await q.findUser(db, ctx.actor.organisationId, id);
  if (!user) throw errors.notFound('user');
  return (await withMemberships(db, ctx.actor.organisationId, [user]))[0]!;
}

/** Checks that every team belongs to the caller's organisation; drops duplicate (team, role) pairs. */
async function checkedMemberships(db: Db, organisationId: string, memberships: MembershipInput[]) {
  const known = new Set((await teamIdsIn(db, organisationId)).map((t) => t.id));
  const bad = memberships.flatMap((m, i) => (known.has(m.teamId) ? [] : [i]));
  if (bad.length) throw userErrors.unknownTeams(bad);
  const seen = new Set<string>();
  return memberships.filter((m) => {
    const key = `${m.teamId}:${m.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const membershipSnapshot = (ms: { teamId: string; role: string }[]) =>
  ms.map((m) => `${m.teamId}:${m.role}`).sort();

export interface CreateUserInput {
  email: string;
  name: string;
  locale: Locale;
  password: string;
  memberships: MembershipInput[];
}

export async function createUser(db: Db, ctx: Ctx, input: CreateUserInput) {
  authorize(ctx.actor, usersPolicy.manage);
  refuseWeakPassword(input.password, input, 'password');
  const { password, ...rest } = input;
  return createUserWithPasswordHash(db, ctx, rest, await hashPassword(password));
}

/**
 * Creates a user whose password was hashed (argon2id, `hashPassword`) and checked before: for the demo seed and
 * test fixtures, which give many people one password and hash it once (a hash costs ~30 ms of CPU).
 */
export async function createUserWithPasswordHash(
  db: Db,
  ctx: Ctx,
  input: Omit<CreateUserInput, 'password'>,
  passwordHash: string,
) {
  authorize(ctx.actor, usersPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const id = await db.transaction(async (tx) => {
    if (await q.emailExists(tx, input.email)) throw userErrors.emailTaken();
    const memberships = await checkedMemberships(tx, organisationId, input.memberships);
    const [row] = await q.insertUser(tx, {
      organisationId,
      email: input.email,
      name: input.name,
      locale: input.locale,
      passwordHash,
    });
    await q.replaceMemberships(tx, organisationId, row!.id, memberships);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: row!.id,
      action: 'created',
      after: {
        email: input.email,
        name: input.name,
        locale: input.locale,
        passwordHash,
        memberships: membershipSnapshot(memberships),
      },
    });
    return row!.id;
  });
  return getUser(db, ctx, id);
}

export interface UpdateUserInput {
  name?: string | undefined;
  locale?: Locale | undefined;
  active?: boolean | undefined;
  memberships?: MembershipInput[] | undefined;
  version: number;
}

export async function updateUser(db: Db, ctx: Ctx, id: string, input: UpdateUserInput) {
  authorize(ctx.actor, usersPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const before = await q.findUser(tx, organisationId, id);
    if (!before) throw errors.notFound('user');
    const beforeMemberships = await q.membershipsFor(tx, organisationId, [id]);
    const { version, memberships, ...fields } = input;
    const values = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const updated = await q.updateUser(tx, organisationId, id, version, values);
    if (!updated) throw errors.versionConflict();
    let afterMemberships = beforeMemberships;
    if (memberships) {
      const checked = await checkedMemberships(tx, organisationId, memberships);
      await q.replaceMemberships(tx, organisationId, id, checked);
      afterMemberships = await q.membershipsFor(tx, organisationId, [id]);
    }
    // Deactivating someone or taking their admin role must never lock the organisation out.
    if (values.active === false || memberships) {
      if ((await q.countActiveAdmins(tx, organisationId)) === 0) throw userErrors.lastAdmin();
    }
    if (values.active === false) await endSessionsOf(tx, id);
    const after = await q.findUser(tx, organisationId, id);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'updated',
      before: { ...before, memberships: membershipSnapshot(beforeMemberships) },
      after: { ...after, memberships: membershipSnapshot(afterMemberships) },
    });
  });
  return getUser(db, ctx, id);
}

/** An administrator sets a new password (e.g. a forgotten one); all sessions of that user end. */
export async function resetPassword(db: Db, ctx: Ctx, id: string, password: string) {
  authorize(ctx.actor, usersPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  const owner = await q.findUser(db, organisationId, id);
  if (!owner) throw errors.notFound('user');
  refuseWeakPassword(password, owner, 'password');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await q.findUser(tx, organisationId, id);
    if (!user) throw errors.notFound('user');
    await setPasswordHash(tx, organisationId, id, passwordHash);
    await endSessionsOf(tx, id);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'password_reset',
      before: { passwordHash: '(old)' },
      after: { passwordHash },
    });
  });
}

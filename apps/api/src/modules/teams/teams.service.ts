import type { Db } from '@voordeur/db';
import type { TeamKind } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { teamErrors } from './teams.errors.ts';
import { teamsPolicy } from './teams.policy.ts';
import * as q from './teams.queries.ts';

export async function listTeams(db: Db, ctx: Ctx) {
  authorize(ctx.actor, teamsPolicy.list);
  return q.listTeams(db, ctx.actor.organisationId);
}

export async function getTeam(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, teamsPolicy.list);
  const found = await q.findTeam(db, ctx.actor.organisationId, id);
  if (!found) throw errors.notFound('team');
  return found;
}

export async function createTeam(
  db: Db,
  ctx: Ctx,
  input: { name: string; kind: TeamKind; description: string },
) {
  authorize(ctx.actor, teamsPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    if (await q.findTeamByName(tx, organisationId, input.name)) throw teamErrors.nameTaken();
    const [row] = await q.insertTeam(tx, { organisationId, ...input });
    const created = await q.findTeam(tx, organisationId, row!.id);
    await recordAudit(tx, ctx, { entityType: 'team', entityId: row!.id, action: 'created', after: input });
    return created!;
  });
}

export async function updateTeam(
  db: Db,
  ctx: Ctx,
  id: string,
  input: {
    name?: string | undefined;
    kind?: TeamKind | undefined;
    description?: string | undefined;
    version: number;
  },
) {
  authorize(ctx.actor, teamsPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await q.findTeam(tx, organisationId, id);
    if (!before) throw errors.notFound('team');
    if (input.name && input.name.toLowerCase() !== before.name.toLowerCase()) {
      const other = await q.findTeamByName(tx, organisationId, input.name);
      if (other && other.id !== id) throw teamErrors.nameTaken();
    }
    const { version, ...values } = input;
    const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    const updated = await q.updateTeam(tx, organisationId, id, version, changes);
    if (!updated) throw errors.versionConflict();
    const after = await q.findTeam(tx, organisationId, id);
    await recordAudit(tx, ctx, { entityType: 'team', entityId: id, action: 'updated', before, after });
    return after!;
  });
}

import type { FastifyInstance } from 'fastify';
import { teamsRoutes } from './teams.routes.ts';

export { findTeamByName, teamIdsIn } from './teams.queries.ts';
export { createTeam } from './teams.service.ts';

export async function teamsModule(app: FastifyInstance) {
  await app.register(teamsRoutes, { prefix: '/api/teams' });
}

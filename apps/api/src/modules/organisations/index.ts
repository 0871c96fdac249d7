import type { FastifyInstance } from 'fastify';
import { platformRoutes, publicOrganisationRoutes } from './organisations.routes.ts';

export { organisationBySlug } from './organisations.queries.ts';
export {
  addPlatformAdmin,
  createOrganisation,
  listOrganisations,
  listPlatformAdmins,
  pageTheme,
  revokePlatformAdmin,
} from './organisations.service.ts';
export { BUILT_IN_THEMES, themeOf } from './organisations.themes.ts';

/** Organisations: platform administration (list, create), and each organisation's public name and theme. */
export async function organisationsModule(app: FastifyInstance) {
  await app.register(platformRoutes, { prefix: '/api/platform' });
  await app.register(publicOrganisationRoutes);
}

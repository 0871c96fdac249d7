import type { FastifyInstance } from 'fastify';
import { catalogueRoutes } from './catalogue.routes.ts';
import { publicCatalogueRoutes } from './public.routes.ts';

export { catalogueErrors } from './catalogue.errors.ts';
export { presentPublicService } from './catalogue.presenter.ts';
export { findItem } from './catalogue.queries.ts';
export { createItem, publish, publishedDefinition, saveDraft } from './catalogue.service.ts';
export { definitionErrors, relatedErrors } from './catalogue.validation.ts';
export { expectedCompletion } from './expected-date.ts';
export { publicCatalogue } from './public.service.ts';

export async function catalogueModule(app: FastifyInstance) {
  await app.register(catalogueRoutes, { prefix: '/api/catalogue' });
  await app.register(publicCatalogueRoutes, { prefix: '/api/public/organisations/:slug' });
}

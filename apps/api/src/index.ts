export { type App, buildApp } from './app.ts';
export { type Config, loadConfig } from './config.ts';
export { importAddresses, lookupAddresses, rdToWgs84 } from './modules/addresses/index.ts';
export { createContact } from './modules/contacts/index.ts';
export { createCustomer, lookupCustomers } from './modules/customers/index.ts';
// ---- monitoring (issue 14, rollups): the CLI's `voordeur metrics rebuild` ----
export { rebuildAllMetrics } from './modules/metrics/index.ts';
export {
  addPlatformAdmin,
  BUILT_IN_THEMES,
  createOrganisation,
  listOrganisations,
  listPlatformAdmins,
  revokePlatformAdmin,
} from './modules/organisations/index.ts';
export { indexDocuments, type SearchDocumentInput, search } from './modules/search/index.ts';
export { createToken } from './modules/tokens/index.ts';
export {
  articlesFromCsv,
  articlesToCsv,
  exportContent,
  importContent,
  itemsFromCsv,
  itemsToCsv,
  parseCsv,
} from './modules/transfer/index.ts';
export { createUser, resetPassword } from './modules/users/index.ts';
export { type Actor, type Ctx, platformCtx, systemCtx } from './platform/actor.ts';
export { loadDataKey, useDataKey } from './platform/personal-data.ts';
export { AppError } from './plugins/errors.ts';
export { DEMO_SLUG, DEMO_USERS, demoContent, seedDemo } from './seed/demo.ts';
export { type ServerRole, startServer } from './server.ts';
export { runPeriodicTasks, taskDeps } from './worker/periodic.ts';

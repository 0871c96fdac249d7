import type { FastifyInstance } from 'fastify';
import './customers.errors.ts';
import { customersRoutes, frontOfficeSettingsRoutes } from './customers.routes.ts';

export { customerErrors } from './customers.errors.ts';
export { addressLine, presentCustomer } from './customers.presenter.ts';
export { findCustomer } from './customers.queries.ts';
export {
  createCustomer,
  findOrCreateCustomer,
  getCustomer,
  lookupCustomers,
  saveSettings as saveFrontOfficeSettingsFor,
  searchableName,
} from './customers.service.ts';
export { areaFor, areaOfLocation, frontOfficeSettings } from './settings.ts';

export async function customersModule(app: FastifyInstance) {
  await app.register(customersRoutes, { prefix: '/api/customers' });
  await app.register(frontOfficeSettingsRoutes, { prefix: '/api/front-office/settings' });
}

import type { FastifyInstance } from 'fastify';
import { addressesRoutes } from './addresses.routes.ts';

export { rdToWgs84 } from './addresses.rd.ts';
export { importAddresses, lookupAddresses } from './addresses.service.ts';

export async function addressesModule(app: FastifyInstance) {
  await app.register(addressesRoutes, { prefix: '/api/addresses' });
}

import type { FastifyInstance } from 'fastify';
import './addresses.errors.ts';
import { addressesRoutes } from './addresses.routes.ts';

export { addressErrors } from './addresses.errors.ts';
export { presentAddress } from './addresses.presenter.ts';
export { rdToWgs84 } from './addresses.rd.ts';
export {
  addressAt,
  districtCentres,
  importAddresses,
  lookupAddresses,
  OUTSIDE_METRES,
  placeOf,
  type ResolvedPlace,
  registerCentre,
  searchRegister,
} from './addresses.service.ts';

export async function addressesModule(app: FastifyInstance) {
  await app.register(addressesRoutes, { prefix: '/api/addresses' });
}

import type { FastifyInstance } from 'fastify';
import './contacts.errors.ts';
import { callbacksRoutes, contactsRoutes, overviewRoutes } from './contacts.routes.ts';

export { autoCloseStaleContacts, closeContact, createContact } from './contacts.service.ts';

export async function contactsModule(app: FastifyInstance) {
  await app.register(contactsRoutes, { prefix: '/api/contacts' });
  await app.register(callbacksRoutes, { prefix: '/api/callbacks' });
  await app.register(overviewRoutes, { prefix: '/api/customers' });
}

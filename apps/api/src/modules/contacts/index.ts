import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import './contacts.errors.ts';
import { callbacksRoutes, contactsRoutes, overviewRoutes } from './contacts.routes.ts';
import { contactsAutoCloseTask } from './contacts.tasks.ts';

export { autoCloseStaleContacts, closeContact, createContact } from './contacts.service.ts';

/** The background work of contacts (registered in `worker/registry.ts`). */
export const contactsWork = { tasks: [contactsAutoCloseTask] } as const satisfies ModuleWork;

export async function contactsModule(app: FastifyInstance) {
  await app.register(contactsRoutes, { prefix: '/api/contacts' });
  await app.register(callbacksRoutes, { prefix: '/api/callbacks' });
  await app.register(overviewRoutes, { prefix: '/api/customers' });
}

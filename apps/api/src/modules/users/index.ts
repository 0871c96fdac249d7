import type { FastifyInstance } from 'fastify';
import { usersRoutes } from './users.routes.ts';

export { createUser, createUserWithPasswordHash, resetPassword } from './users.service.ts';

export async function usersModule(app: FastifyInstance) {
  await app.register(usersRoutes, { prefix: '/api/users' });
}

import type { FastifyInstance } from 'fastify';
import { tokensRoutes } from './tokens.routes.ts';

export { createToken } from './tokens.service.ts';

export async function tokensModule(app: FastifyInstance) {
  await app.register(tokensRoutes, { prefix: '/api/auth/tokens' });
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** Collects every route's zod schemas into an OpenAPI 3 document. Must be registered before the routes. */
export const openApiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Voordeur API',
        version: '0.1.0',
        description: [
          'One front door for public service. Every error is RFC 9457 problem+json (`application/problem+json`) with a stable `code`, `errors[{field, message}]` and the `requestId`.',
          '',
          'Authentication: either a session (`POST /api/auth/login` sets an httpOnly cookie; cookie-authenticated writes must send the token from `GET /api/auth/csrf` as `x-csrf-token`) or an API token (`POST /api/auth/tokens`) sent as `Authorization: Bearer <token>`.',
          'Every request is scoped to the caller’s organisation.',
        ].join('\n'),
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (vdr_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'voordeur_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
      tags: [
        { name: 'auth', description: 'Sessions, password, CSRF and API tokens' },
        { name: 'teams', description: 'Teams of the organisation' },
        { name: 'users', description: 'Users and their roles per team' },
        { name: 'audit', description: 'The append-only audit trail' },
        {
          name: 'catalogue',
          description: 'Products and services (PDC), versioned, with workflows and norms',
        },
        { name: 'calendar', description: 'Working days, opening hours and holidays for norm clocks' },
        {
          name: 'knowledge',
          description: 'Knowledge articles for the front office and the public, versioned',
        },
        { name: 'search', description: 'Search over the catalogue and the knowledge base' },
        { name: 'transfer', description: 'Import and export of catalogue and knowledge base (JSON, CSV)' },
        { name: 'public', description: 'What anyone may read without signing in' },
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'problems', description: 'What each problem code means' },
      ],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      // Public routes need no credentials; say so in the document.
      if (input.route.config && (input.route.config as { public?: boolean }).public) {
        return { ...out, schema: { ...out.schema, security: [] } };
      }
      return out;
    },
    transformObject: jsonSchemaTransformObject,
  });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
});

/** Interactive docs at /api/docs, served from the package (nothing from the internet), with their own CSP. */
export async function docsUi(app: FastifyInstance) {
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Served over plain http in development: do not ask the browser to upgrade the docs' own assets.
    transformStaticCSP: (header) => header.replace(/upgrade-insecure-requests;?/, ''),
    uiConfig: { deepLinking: true, docExpansion: 'list', persistAuthorization: false },
  });
}

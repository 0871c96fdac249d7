import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { finishDocument } from './openapi-finish.ts';

/**
 * Route config read by the document: `public` needs no credentials; `uploadField` names a multipart file field;
 * `download` is the media type of a 200 that is a file rather than JSON (e.g. application/pdf).
 */
export interface RouteDocConfig {
  public?: boolean;
  uploadField?: string;
  download?: string;
}

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
        {
          name: 'addresses',
          description: 'The address register: lookup by postcode or street, CSV import (RD coordinates)',
        },
        {
          name: 'front office',
          description: 'The agent’s workspace: one contact, its answers and hand-overs',
        },
        { name: 'contacts', description: 'Contacts at the front office, on every channel' },
        { name: 'callbacks', description: 'Callback requests and their attempts' },
        { name: 'customers', description: 'Residents and businesses, with their 360° view' },
        {
          name: 'cases',
          description: 'Cases along their workflow, with norm clocks, complaints and messages to the person',
        },
        { name: 'notifications', description: 'Messages to people and staff, and their delivery log' },
        {
          name: 'letters',
          description: 'Printed letters for people without an email address: the post queue and its PDFs',
        },
        { name: 'webhooks', description: 'CloudEvents to back-office systems, signed and logged' },
        { name: 'public', description: 'What anyone may read without signing in' },
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'problems', description: 'What each problem code means' },
      ],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const config = (input.route.config ?? {}) as RouteDocConfig;
      // Public routes need no credentials; say so in the document.
      if (config.public) out.schema = { ...out.schema, security: [] };
      // Multipart uploads are parsed by @fastify/multipart, not validated as a body: document the form here.
      if (config.uploadField) {
        out.schema = {
          ...out.schema,
          consumes: ['multipart/form-data'],
          body: {
            type: 'object',
            required: [config.uploadField],
            properties: { [config.uploadField]: { type: 'string', format: 'binary' } },
          },
        };
      }
      // A file answer: its media type and binary body, not the JSON placeholder of the route's zod schema.
      if (config.download) {
        const response = (out.schema as { response?: Record<string, unknown> }).response ?? {};
        out.schema = {
          ...out.schema,
          produces: [config.download, 'application/problem+json'],
          response: {
            ...response,
            200: {
              description: `The file (${config.download}).`,
              content: { [config.download]: { schema: { type: 'string', format: 'binary' } } },
            },
          },
        };
      }
      return out;
    },
    // Over the whole document: operationIds, problem+json errors, 413/415/429, servers, licence, no unused parts.
    transformObject: (input) => finishDocument(jsonSchemaTransformObject(input)),
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

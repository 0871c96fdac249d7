import { randomUUID } from 'node:crypto';
import type { Database } from '@voordeur/db';
import { LIMITS } from '@voordeur/shared';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { accountabilityModule } from './modules/accountability/index.ts';
import { addressesModule } from './modules/addresses/index.ts';
// ---- monitoring causes (issue 14) ----
import { analysisModule } from './modules/analysis/index.ts';
// ---- assessments (issue 15) ----
import { assessmentsModule } from './modules/assessments/index.ts';
import { auditModule } from './modules/audit/index.ts';
import { authPlugin, SESSION_COOKIE } from './modules/auth/index.ts';
import { calendarModule } from './modules/calendar/index.ts';
import { casesModule } from './modules/cases/index.ts';
import { catalogueModule } from './modules/catalogue/index.ts';
import { contactsModule } from './modules/contacts/index.ts';
import { kpiValues as costKpis, costsModule } from './modules/costs/index.ts';
import { customersModule } from './modules/customers/index.ts';
// ---- strategy (issue 15) ----
import { excellenceModule } from './modules/excellence/index.ts';
import { healthModule } from './modules/health/index.ts';
import { ideasModule } from './modules/ideas/index.ts';
import { improvementsModule } from './modules/improvements/index.ts';
import { integrityModule } from './modules/integrity/index.ts';
import { knowledgeModule } from './modules/knowledge/index.ts';
import { locationModule } from './modules/location/index.ts';
import { metricsModule, registerKpiSource } from './modules/metrics/index.ts';
import { kpiValues as mysteryKpis, mysteryModule } from './modules/mystery/index.ts';
// ---- end strategy ----
import { notificationsModule } from './modules/notifications/index.ts';
import { open311Module } from './modules/open311/index.ts';
import { organisationBySlug, organisationsModule, pageTheme } from './modules/organisations/index.ts';
import { portalModule } from './modules/portal/index.ts';
// ---- people (issue 15) ----
import { pulseModule } from './modules/pulse/index.ts';
import { recognitionModule } from './modules/recognition/index.ts';
import { residentsModule } from './modules/residents/index.ts';
import { searchModule } from './modules/search/index.ts';
import { signalsModule } from './modules/signals/index.ts';
import { strategyModule } from './modules/strategy/index.ts';
import { surveysModule } from './modules/surveys/index.ts';
import { teamsModule } from './modules/teams/index.ts';
import { tokensModule } from './modules/tokens/index.ts';
import { trackingModule } from './modules/tracking/index.ts';
import { transferModule } from './modules/transfer/index.ts';
import { usersModule } from './modules/users/index.ts';
import { kpiValues as waitingKpis, waitingModule } from './modules/waiting/index.ts';
import { webhooksModule } from './modules/webhooks/index.ts';
// ---- end people ----
import { setLinkBase } from './platform/links.ts';
import { loggerOptions } from './platform/logging.ts';
import { setPublicUrl } from './platform/tracking-links.ts';
import { compressionPlugin } from './plugins/compression.ts';
import { contextPlugin } from './plugins/context.ts';
import { docsUi, openApiPlugin } from './plugins/docs.ts';
import { errorsPlugin, frameworkErrorOptions } from './plugins/errors.ts';
import { inputPlugin } from './plugins/input.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { pagesPlugin } from './plugins/pages.tsx';
import { problemTypesRoutes } from './plugins/problem-types.ts';
import { securityPlugin } from './plugins/security.ts';
import { webPlugin } from './plugins/web.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Pino options, or false for silence (tests). Defaults to the configured level. */
  logger?: FastifyServerOptions['logger'];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Builds the HTTP application; never listens (tests call `inject()`, `server.ts` listens).
 * The order is the path of every request: rate limit -> authenticate (+CSRF) -> validate -> handler.
 */
export async function buildApp({ config, database, logger }: BuildOptions) {
  const app = Fastify({
    // No personal data in any log line: routes and errors are logged without their values (platform/logging.ts).
    logger: logger ?? loggerOptions(config.logLevel),
    bodyLimit: LIMITS.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // A caller's (or proxy's) request id is kept when it is sane, so logs can be joined across systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Errors before routing (bad path encoding, over-long parameters, URLs or headers) as problem+json too.
    ...frameworkErrorOptions,
  }).withTypeProvider<ZodTypeProvider>();

  // Links in messages to people (the tracking page) start at the public URL.
  setPublicUrl(config.publicUrl);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: anything else is refused with 415 instead of being half-understood.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  // Links in messages to people (issue 13: stop following a case) point at the public address.
  setLinkBase(config.publicUrl);
  await app.register(contextPlugin, { config, database });
  await app.register(errorsPlugin);
  await app.register(inputPlugin);
  await app.register(compressionPlugin);
  await app.register(metricsPlugin);
  await app.register(securityPlugin);
  await app.register(openApiPlugin);
  // The sign-in page of an organisation names it: the organisations module's lookup, handed in (it builds on auth).
  await app.register(authPlugin, { organisationBySlug });
  // Server-rendered public pages (no JavaScript needed) wear their organisation's theme (ADR 0022).
  await app.register(pagesPlugin, {
    themeOf: (request) => pageTheme(database.db, config, request.url, undefined),
  });

  await app.register(problemTypesRoutes);
  await app.register(healthModule);
  await app.register(teamsModule);
  await app.register(usersModule);
  await app.register(tokensModule);
  await app.register(auditModule);
  await app.register(calendarModule);
  await app.register(catalogueModule);
  await app.register(knowledgeModule);
  await app.register(searchModule);
  await app.register(transferModule);
  await app.register(addressesModule);
  await app.register(locationModule);
  await app.register(customersModule);
  await app.register(contactsModule);
  await app.register(portalModule);
  await app.register(casesModule);
  await app.register(notificationsModule);
  await app.register(webhooksModule);
  await app.register(surveysModule);
  // ---- people (issue 15) ----
  await app.register(pulseModule);
  await app.register(recognitionModule);
  // ---- end people ----
  await app.register(organisationsModule);
  // Open311 GeoReport v2 for client apps, with the spec's own error format under /open311/ (ADR 0028).
  await app.register(open311Module);
  // The person's own page of their case (server-rendered, no script; issue 13).
  await app.register(trackingModule);
  await app.register(residentsModule);
  // Monitoring: the KPI catalogue, targets, segments and figures (issue 14).
  await app.register(metricsModule);
  // ---- monitoring causes (issue 14) ----
  await app.register(analysisModule);
  // Issue 14 (public): the public performance page, open data and the periodic report.
  await app.register(accountabilityModule);
  // Monitoring inputs (issue 14): queue figures, unit costs, mystery shopping and calling.
  await app.register(waitingModule);
  await app.register(costsModule);
  await app.register(mysteryModule);
  // ---- strategy (issue 15): vision, objectives and review; the integrity register; the excellence overview ----
  await app.register(strategyModule);
  await app.register(integrityModule);
  await app.register(excellenceModule);
  // ---- end strategy ----
  // ideas (issue 15): the ideas pipeline and its public pages
  await app.register(ideasModule);
  // ---- signals (issue 15): the improvement inbox ----
  await app.register(signalsModule);
  // The KPI catalogue's waiting, cost and mystery figures come from these modules.
  registerKpiSource('waiting', waitingKpis);
  registerKpiSource('cost', costKpis);
  registerKpiSource('mystery', mysteryKpis);
  // ---- excellence (issue 15, improvements part): proposals, PDCA, measured effect ----
  await app.register(improvementsModule);
  // ---- end improvements ----
  // ---- assessments (issue 15) ----
  await app.register(assessmentsModule);

  await app.register(docsUi);
  // Each page wears the theme of its organisation (ADR 0007).
  await app.register(webPlugin, {
    themeOf: (request) => pageTheme(database.db, config, request.url, request.cookies[SESSION_COOKIE]),
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

import multipart from '@fastify/multipart';
import {
  CASE_LIMITS,
  codeSchema,
  portalHomeSchema,
  portalItemSchema,
  portalReportBodySchema,
  portalReportResultSchema,
  portalUploadResultSchema,
  relatedAdviceSchema,
  slugParamsSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, signedIn } from '../../platform/policy.ts';
import { problemResponses as problems, publicProblemResponses } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { portalErrors } from './portal.errors.ts';
import { presentPortalItem } from './portal.presenter.ts';
import * as service from './portal.service.ts';

const tags = ['public'];
const itemParams = slugParamsSchema.extend({ code: codeSchema });

/** The resident portal: the public home, an item's page, uploads and reports. No sign-in. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:slug/home',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The public home: the most asked public services of each kind (cases of the last 90 days).',
        params: slugParamsSchema,
        response: { 200: portalHomeSchema, ...publicProblemResponses },
      },
    },
    async (request) => service.portalHome(app.db, request.params.slug),
  );

  app.get(
    '/:slug/items/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'A public service: what you may expect (norm in words, expected date by the norm clock, cost, channels, conditions), public articles about it, how to ask for it (online with its form, or elsewhere), and related services. Carries the form token the report sends back.',
        params: itemParams,
        response: { 200: portalItemSchema, ...publicProblemResponses },
      },
    },
    async (request) =>
      presentPortalItem(await service.portalItem(app.db, request.params.slug, request.params.code)),
  );

  app.post(
    '/:slug/reports',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Send a report, request, complaint or callback request for a public service with the web channel: opens a case through the one intake (channel web), for the customer found by email or phone (or a new one). Refused: a filled honeypot, a form sent back too fast or after a day, too many reports from one IP address or email address (429), answers that do not fit the form.',
        params: slugParamsSchema,
        body: portalReportBodySchema,
        response: { 201: portalReportResultSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await service.submitReport(app.db, app.config, request.params.slug, request.body, {
        ip: request.ip,
        requestId: request.id,
      });
      return reply.status(201).send(result);
    },
  );

  // Uploads only here: multipart is parsed in this scope alone (elsewhere it stays 415).
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    await upload.register(multipart, {
      limits: { fileSize: CASE_LIMITS.attachmentMaxBytes, files: 1, fields: 0, parts: 1 },
    });
    upload.post(
      '/:slug/uploads',
      {
        bodyLimit: CASE_LIMITS.attachmentMaxBytes + 64 * 1024,
        config: { public: true, uploadField: 'file' },
        schema: {
          tags,
          summary:
            'Upload a photo or PDF for a report that is still being written (multipart/form-data, field `file`, at most 10 MB; type decided from the content). Answers an opaque upload id for the report’s `uploads`; kept for a day.',
          params: slugParamsSchema,
          response: { 201: portalUploadResultSchema, 413: problems[422], ...problems },
        },
      },
      async (request, reply) => {
        const file = await request.file().catch(() => undefined);
        if (!file) throw portalErrors.fileRejected('Send one file in the field “file”');
        const data = await file.toBuffer().catch(() => null);
        if (!data) throw portalErrors.fileTooLarge();
        const result = await service.upload(
          app.db,
          app.config,
          request.params.slug,
          { fileName: file.filename, data, truncated: file.file.truncated },
          request.ip,
        );
        return reply.status(201).send(result);
      },
    );
  });
};

/** The same "you may also need…" for staff: the agent's answer pane gives the advice the web gives. */
export const relatedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          'Related services of a published item, as the portal offers them: the items it names, then what people who asked for it asked next (within 30 days). Internal items included for staff.',
        params: z.strictObject({ code: codeSchema }),
        response: { 200: relatedAdviceSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, signedIn);
      return service.relatedForStaff(app.db, ctx, request.params.code);
    },
  );
};

import multipart from '@fastify/multipart';
import {
  ATTACHMENT_TYPES,
  assignSchema,
  attachmentParamsSchema,
  CASE_LIMITS,
  caseCreateSchema,
  caseListQuerySchema,
  caseListSchema,
  caseSchema,
  caseSettingsSchema,
  childCreateSchema,
  claimSchema,
  complaintActionSchema,
  extendSchema,
  idParamsSchema,
  mergeSchema,
  messageCreateSchema,
  messageTemplateInputSchema,
  messageTemplateSchema,
  noteCreateSchema,
  previewResultSchema,
  previewSchema,
  reopenRefusalSchema,
  reopenSchema,
  resumeSchema,
  suspendSchema,
  templateKeyParamsSchema,
  transitionSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { languageOf } from '../../plugins/language.ts';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import * as actions from './cases.actions.ts';
import * as admin from './cases.admin.ts';
import { addAttachment, getAttachment } from './cases.attachments.ts';
import { complaintAction } from './cases.complaints.ts';
import { caseErrors } from './cases.errors.ts';
import { intakeCase } from './cases.intake.ts';
import { refuseReopen } from './cases.person.ts';
import { presentCase, presentCaseSummary, presentTemplate } from './cases.presenter.ts';
import * as service from './cases.service.ts';

const tags = ['cases'];
const ok = { 200: caseSchema, ...problems };
const params = idParamsSchema;

export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'A queue: open cases by team, assignee (`me`, `none`), status, area, priority, kind and due time; earliest due first.',
        querystring: caseListQuerySchema,
        response: { 200: caseListSchema, ...problems },
      },
    },
    async (request) => {
      const r = await service.listCases(app.db, ctxOf(request), request.query);
      return {
        items: r.items.map((row) => presentCaseSummary(row, languageOf(request), ctxOf(request).actor)),
        total: r.total,
      };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary:
          'Open a case from a web form, an app or another system: under the item’s published handling definition, with due times from its norms.',
        body: caseCreateSchema,
        response: { 201: caseSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentCase(
            await intakeCase(app.db, ctxOf(request), request.body),
            languageOf(request),
            ctxOf(request).actor,
          ),
        ),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One case with its whole timeline, clock, links and attachments.',
        params,
        response: ok,
      },
    },
    async (request) =>
      presentCase(
        await service.getCase(app.db, ctxOf(request), request.params.id),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'Move the case along its workflow. A public status tells the person (its text, or the worker’s own words); closing after the norm needs a breach reason.',
        params,
        body: transitionSchema,
        response: ok,
      },
    },
    async (request) =>
      presentCase(
        await service.transition(app.db, ctxOf(request), request.params.id, request.body),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/assign',
    {
      schema: {
        tags,
        summary:
          'Assign cases in bulk to a person (or unassign), optionally to another team (team lead, admin).',
        body: assignSchema,
        response: { 200: z.object({ updated: z.number().int() }), ...problems },
      },
    },
    async (request) => actions.assign(app.db, ctxOf(request), request.body),
  );

  app.post(
    '/:id/claim',
    { schema: { tags, summary: 'Take the case yourself.', params, body: claimSchema, response: ok } },
    async (request) =>
      presentCase(
        await actions.claim(app.db, ctxOf(request), request.params.id, request.body.version),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/notes',
    {
      schema: {
        tags,
        summary: 'An internal note (never shown to the person).',
        params,
        body: noteCreateSchema,
        response: ok,
      },
    },
    async (request) =>
      presentCase(
        await actions.addNote(app.db, ctxOf(request), request.params.id, request.body),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/messages',
    {
      schema: {
        tags,
        summary:
          'A message to the person (`out`, sent by email) or from the person (`in`, registered: it resumes a stopped clock; on a closed case it becomes a reopen request).',
        params,
        body: messageCreateSchema,
        response: ok,
      },
    },
    async (request) =>
      presentCase(
        await actions.addMessage(app.db, ctxOf(request), request.params.id, request.body),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/suspend',
    {
      schema: {
        tags,
        summary:
          'Stop the clock while waiting for the person, with the reason (and the question sent to them).',
        params,
        body: suspendSchema,
        response: ok,
      },
    },
    async (request) =>
      presentCase(
        await actions.suspend(app.db, ctxOf(request), request.params.id, request.body),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/resume',
    {
      schema: {
        tags,
        summary: 'Let the clock run again; due times move out by the stop.',
        params,
        body: resumeSchema,
        response: ok,
      },
    },
    async (request) =>
      presentCase(
        await actions.resume(app.db, ctxOf(request), request.params.id, request.body.version),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/extend',
    {
      schema: {
        tags,
        summary: 'Extend the public norm once, with a reason; the person is told the new date.',
        params,
        body: extendSchema,
        response: ok,
      },
    },
    async (request) =>
      presentCase(
        await actions.extend(app.db, ctxOf(request), request.params.id, request.body),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/complaint',
    {
      schema: {
        tags,
        summary:
          'Complaint handling (Awb 9): acknowledge receipt, hearing, advisory committee (10 weeks), one extension of at most 4 weeks, decision.',
        params,
        body: complaintActionSchema,
        response: ok,
      },
    },
    async (request) =>
      presentCase(
        await complaintAction(app.db, ctxOf(request), request.params.id, request.body),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/children',
    {
      schema: {
        tags,
        summary: 'A child task for another team; the person keeps following the one main case.',
        params,
        body: childCreateSchema,
        response: { 201: caseSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentCase(
            await actions.createChild(app.db, ctxOf(request), request.params.id, request.body),
            languageOf(request),
            ctxOf(request).actor,
          ),
        ),
  );

  app.post(
    '/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge this case as a duplicate into a main case; its reporter hears of the main case’s progress.',
        params,
        body: mergeSchema,
        response: ok,
      },
    },
    async (request) =>
      presentCase(
        await actions.merge(app.db, ctxOf(request), request.params.id, request.body),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/reopen',
    { schema: { tags, summary: 'Reopen a closed case.', params, body: reopenSchema, response: ok } },
    async (request) =>
      presentCase(
        await actions.reopen(app.db, ctxOf(request), request.params.id, request.body),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/reopen-refusal',
    {
      schema: {
        tags,
        summary:
          'Refuse the person’s request to reopen a closed case (“this is not solved”, from their case page): the reason is sent to them and shown on their page.',
        params,
        body: reopenRefusalSchema,
        response: ok,
      },
    },
    async (request) =>
      presentCase(
        await refuseReopen(app.db, ctxOf(request), request.params.id, request.body),
        languageOf(request),
        ctxOf(request).actor,
      ),
  );

  app.post(
    '/:id/preview',
    {
      schema: {
        tags,
        summary: 'What the person would receive for an action, before it is sent.',
        params,
        body: previewSchema,
        response: { 200: previewResultSchema, ...problems },
      },
    },
    async (request) => admin.preview(app.db, ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (always as a download, with its sniffed content type).',
        params: attachmentParamsSchema,
        produces: ATTACHMENT_TYPES,
        response: {
          200: z
            .unknown()
            .meta({ type: 'string', format: 'binary', description: 'The file as it was uploaded.' }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const a = await getAttachment(app.db, ctxOf(request), request.params.id, request.params.attachmentId);
      return reply
        .header('content-type', a.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(a.data);
    },
  );

  // Uploads only here: multipart is parsed in this scope alone (elsewhere it stays 415).
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    await upload.register(multipart, {
      limits: { fileSize: CASE_LIMITS.attachmentMaxBytes, files: 1, fields: 0, parts: 1 },
    });
    upload.post(
      '/:id/attachments',
      {
        bodyLimit: CASE_LIMITS.attachmentMaxBytes + 64 * 1024,
        config: { uploadField: 'file' },
        schema: {
          tags,
          summary:
            'Attach a photo or PDF (multipart/form-data, field `file`, at most 10 MB; type decided from the content).',
          params,
          response: { 201: caseSchema, 413: problems[422], ...problems },
        },
      },
      async (request, reply) => {
        const file = await request.file().catch(() => undefined);
        if (!file) throw caseErrors.attachmentRejected('Send one file in the field “file”');
        const data = await file.toBuffer().catch(() => null);
        if (!data) throw caseErrors.attachmentTooLarge(CASE_LIMITS.attachmentMaxBytes);
        const detail = await addAttachment(app.db, ctxOf(request), request.params.id, {
          fileName: file.filename,
          data,
          truncated: file.file.truncated,
        });
        return reply.status(201).send(presentCase(detail, languageOf(request), ctxOf(request).actor));
      },
    );
  });
};

export const caseAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/message-templates',
    {
      schema: {
        tags,
        summary: 'The message templates: the standard texts, with the organisation’s own versions over them.',
        response: { 200: z.array(messageTemplateSchema), ...problems },
      },
    },
    async (request) => (await admin.listTemplates(app.db, ctxOf(request))).map(presentTemplate),
  );

  app.put(
    '/message-templates/:key',
    {
      schema: {
        tags,
        summary:
          'Save the organisation’s own version of a template (team lead, admin); unknown placeholders are refused.',
        params: templateKeyParamsSchema,
        body: messageTemplateInputSchema,
        response: { 200: messageTemplateSchema, ...problems },
      },
    },
    async (request) =>
      presentTemplate(await admin.saveTemplate(app.db, ctxOf(request), request.params.key, request.body)),
  );

  app.get(
    '/case-settings',
    {
      schema: {
        tags,
        summary: 'Breach reasons, the warning time before the internal target, and the complaint terms.',
        response: { 200: caseSettingsSchema, ...problems },
      },
    },
    async (request) => admin.getCaseSettings(app.db, ctxOf(request)),
  );

  app.put(
    '/case-settings',
    {
      schema: {
        tags,
        summary: 'Change the case settings (admin).',
        body: caseSettingsSchema,
        response: { 200: caseSettingsSchema, ...problems },
      },
    },
    async (request) => admin.updateCaseSettings(app.db, ctxOf(request), request.body),
  );
};

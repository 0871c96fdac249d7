import {
  actionBodySchema,
  assessmentActionCreateSchema,
  assessmentAgreeSchema,
  assessmentConsensusRowSchema,
  assessmentCreateSchema,
  assessmentDetailSchema,
  assessmentModelSchema,
  assessmentModelSummarySchema,
  assessmentPersonSchema,
  assessmentResultsSchema,
  assessmentScoreInputSchema,
  assessmentSummarySchema,
  assessmentVersionSchema,
  idParamsSchema,
} from '@voordeur/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses as problems } from '../../plugins/problem-types.ts';
import { ctxOf } from '../auth/index.ts';
import { presentModel, presentScore, presentSummary } from './assessments.presenter.ts';
import * as service from './assessments.service.ts';

const elementParams = z.strictObject({
  id: z.uuid(),
  elementCode: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
});
const tags = ['assessments'];

export const assessmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/models',
    {
      schema: {
        tags,
        summary:
          'The self-assessment models: the shipped ones (every organisation) and the organisation’s own versions.',
        response: { 200: z.object({ items: z.array(assessmentModelSummarySchema) }), ...problems },
      },
    },
    async (request) => ({
      items: (await service.models(app.db, ctxOf(request))).map((m) => presentModel(m.model, m.shipped)),
    }),
  );

  app.post(
    '/models',
    {
      schema: {
        tags,
        summary:
          'Load a model version (runAssessments). A code and version that exist (or ship) are refused: a version never changes.',
        body: assessmentModelSchema,
        response: { 201: assessmentModelSummarySchema, ...problems },
      },
    },
    async (request, reply) => {
      const model = await service.loadModel(app.db, ctxOf(request), request.body);
      return reply.status(201).send(presentModel(model, false));
    },
  );

  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'Active staff who can be invited as raters or made owner of an action (runAssessments).',
        response: { 200: z.object({ items: z.array(assessmentPersonSchema) }), ...problems },
      },
    },
    async (request) => ({ items: await service.people(app.db, ctxOf(request)) }),
  );

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Self-assessments, newest first (readers all; anyone else those they are invited to rate).',
        response: { 200: z.object({ items: z.array(assessmentSummarySchema) }), ...problems },
      },
    },
    async (request) => ({ items: (await service.list(app.db, ctxOf(request))).map(presentSummary) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Start a self-assessment with a model version and its raters (runAssessments).',
        body: assessmentCreateSchema,
        response: { 201: z.object({ id: z.uuid() }), ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await service.create(app.db, ctxOf(request), request.body) }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary:
          'A self-assessment with its model, raters and the caller’s own scores (never another rater’s before the consensus round).',
        params: idParamsSchema,
        response: { 200: assessmentDetailSchema, ...problems },
      },
    },
    async (request) => {
      const d = await service.detail(app.db, ctxOf(request), request.params.id);
      return {
        ...presentSummary(d),
        model: d.model,
        raterList: d.raterList.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null })),
        myScores: d.myScores.map(presentScore),
        canRun: d.canRun,
        kpis: d.kpis,
      };
    },
  );

  app.put(
    '/:id/scores/:elementCode',
    {
      schema: {
        tags,
        summary:
          'An invited rater scores one element (level 1–5 or null for “don’t know”, with evidence) until submitting.',
        params: elementParams,
        body: assessmentScoreInputSchema,
        response: {
          200: z.object({
            elementCode: z.string(),
            level: z.number().int().nullable(),
            evidence: assessmentScoreInputSchema.shape.evidence.unwrap(),
          }),
          ...problems,
        },
      },
    },
    async (request) =>
      presentScore(
        await service.score(
          app.db,
          ctxOf(request),
          request.params.id,
          request.params.elementCode,
          request.body,
        ),
      ),
  );

  app.post(
    '/:id/submit',
    {
      schema: {
        tags,
        summary: 'A rater submits their scores (every element scored); they are locked afterwards.',
        params: idParamsSchema,
        body: actionBodySchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.submit(app.db, ctxOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/:id/consensus',
    {
      schema: {
        tags,
        summary: 'Open the consensus round (runAssessments; at least one rater submitted).',
        params: idParamsSchema,
        body: assessmentVersionSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.startConsensus(app.db, ctxOf(request), request.params.id, request.body.version);
      return reply.status(204).send();
    },
  );

  app.get(
    '/:id/consensus',
    {
      schema: {
        tags,
        summary:
          'Per element every submitted rater’s score side by side, the spread and the agreed level; elements where raters differ by 2 or more levels first.',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(assessmentConsensusRowSchema) }), ...problems },
      },
    },
    async (request) => ({ items: await service.consensus(app.db, ctxOf(request), request.params.id) }),
  );

  app.put(
    '/:id/consensus/:elementCode',
    {
      schema: {
        tags,
        summary: 'Set the agreed level of an element with a note (runAssessments; version 0 the first time).',
        params: elementParams,
        body: assessmentAgreeSchema,
        response: {
          200: z.object({
            elementCode: z.string(),
            level: z.number().int(),
            note: z.string(),
            version: z.number().int(),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const a = await service.agree(
        app.db,
        ctxOf(request),
        request.params.id,
        request.params.elementCode,
        request.body,
      );
      return { elementCode: a.elementCode, level: a.level, note: a.note, version: a.version };
    },
  );

  app.post(
    '/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the assessment (runAssessments; every element needs an agreed level).',
        params: idParamsSchema,
        body: assessmentVersionSchema,
        response: { 204: z.undefined(), ...problems },
      },
    },
    async (request, reply) => {
      await service.close(app.db, ctxOf(request), request.params.id, request.body.version);
      return reply.status(204).send();
    },
  );

  app.get(
    '/:id/results',
    {
      schema: {
        tags,
        summary:
          'The profile: agreed level per element, mean per dimension, each rater’s scores and earlier closed assessments of the model.',
        params: idParamsSchema,
        response: { 200: assessmentResultsSchema, ...problems },
      },
    },
    async (request) => service.results(app.db, ctxOf(request), request.params.id),
  );

  app.post(
    '/:id/actions',
    {
      schema: {
        tags,
        summary:
          'Make an improvement action from an element with an agreed level (runAssessments): origin assessment, status plan, the owner chosen.',
        params: idParamsSchema,
        body: assessmentActionCreateSchema,
        response: { 201: z.object({ elementCode: z.string(), improvementId: z.uuid() }), ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createAction(app.db, ctxOf(request), request.params.id, request.body)),
  );
};

import multipart from '@fastify/multipart';
import { CASE_LIMITS, PORTAL_LIMITS } from '@voordeur/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Language } from '../../platform/public-words.ts';
import { AppError } from '../../plugins/errors.ts';
import type { FieldErrors } from '../../plugins/page-parts.tsx';
import { registerCentre } from '../addresses/index.ts';
import { followCase } from '../cases/index.ts';
import { pathsOf, publicByCode, sendNotFound } from './portal.pages.tsx';
import {
  answerId,
  checkReport,
  FOLLOW_EMAIL_ID,
  type KeptUpload,
  keptOf,
  LOCATION_ID,
  nearbyOf,
  one,
  type PlaceState,
  type Posted,
  pageErrors,
  placeField,
  pointKey,
  reportBody,
  resolvePlace,
} from './portal.report.form.ts';
import { ReportFormPage, type ReportFormState } from './portal.report.page.tsx';
import { REPORT_WORDS, type ReportWords } from './portal.report.words.ts';
import { reportFormItem, submitReport, upload } from './portal.service.ts';

const params = z.object({ slug: z.string().min(1).max(100), code: z.string().min(1).max(100) });
const query = z.object({
  lang: z.string().max(10).optional(),
  gevolgd: z.string().max(40).optional(),
});
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const REFERENCE = /^[A-Za-z0-9-]{1,40}$/;
/** The report form's map script: an entry of the web app's build (apps/web/vite.config.ts). */
const MAP_ENTRY = 'src/public/map-pick.ts';

type Item = Awaited<ReturnType<typeof reportFormItem>>;

const languageOf = (q: { lang?: string | undefined }): Language => (q.lang === 'en' ? 'en' : 'nl');

/** A path with more query parameters (the form's own address may carry `?lang=en`). */
const withParams = (path: string, extra: string) => `${path}${path.includes('?') ? '&' : '?'}${extra}`;

/**
 * The report form (`/p/<slug>/diensten/<code>/melden`) as a server-rendered page (ADR 0022, addendum): it loads no
 * script. One form post does everything the web app's form did with requests of its own: the files are kept as
 * uploads (so an error never asks for them again), the place is looked up in the register ("Find address", or on
 * sending), "already reported nearby?" is offered before the report goes, and following a nearby report instead
 * is a button of the same form. A sent report goes through the API's own `submitReport` (the same checks, the one
 * intake) and the person lands on their case's page (Post/Redirect/Get).
 */
export async function reportPages(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const pageLimit = { max: app.config.rateLimitPerMinute, timeWindow: 60_000 };
  const postLimit = { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 };

  const itemOf = (slug: string, code: string): Promise<Item | null> =>
    publicByCode(code, (c) => reportFormItem(app.db, slug, c));
  const notFound = (reply: FastifyReply, slug: string, language: Language) =>
    sendNotFound(app.db, reply, slug, language);

  /**
   * The map to pick the place on: with a tile server configured and the map's script built, for a form that asks
   * for a place, opening at the place found or the middle of the register (none without a register).
   */
  async function mapOf(item: Item, point: { lat: number; lon: number } | undefined) {
    const map = app.config.map;
    if (!map || !app.hasPageEntry(MAP_ENTRY) || !placeField(item.definition.intakeFields)) return undefined;
    const centre = point ?? (await registerCentre(app.db, item.organisation.id));
    return centre
      ? { tiles: map.tileUrl, attribution: map.attribution, maxZoom: map.maxZoom, centre }
      : undefined;
  }

  function page(reply: FastifyReply, item: Item, language: Language, state: ReportFormState, status = 200) {
    const slug = item.organisation.slug;
    const code = item.definition.code;
    const paths = pathsOf(slug, language);
    const name = item.definition.name;
    return reply.sendPage({
      language,
      title: language === 'en' && name.en ? name.en : name.nl,
      organisation: item.organisation.name,
      home: paths.home,
      otherLanguage: pathsOf(slug, language === 'en' ? 'nl' : 'en').form(code),
      status,
      ...(state.map ? { entries: [MAP_ENTRY] } : {}),
      body: (
        <ReportFormPage
          words={REPORT_WORDS[language]}
          language={language}
          item={{
            code,
            name,
            intakeFields: item.definition.intakeFields,
            expectedDate: item.expectedDate,
            online: item.online,
          }}
          paths={{ back: paths.item(code), action: paths.form(code) }}
          state={state}
        />
      ),
    });
  }

  app.get(
    '/p/:slug/diensten/:code/melden',
    { config: { public: true, rateLimit: pageLimit }, schema: { hide: true, params, querystring: query } },
    async (request, reply) => {
      const language = languageOf(request.query);
      const item = await itemOf(request.params.slug, request.params.code);
      if (!item) return notFound(reply, request.params.slug, language);
      const followed = request.query.gevolgd;
      return page(reply, item, language, {
        posted: new Map(),
        errors: {},
        kept: [],
        place: {},
        formToken: item.formToken,
        map: await mapOf(item, undefined),
        followed: followed && REFERENCE.test(followed) ? followed : undefined,
      });
    },
  );

  // The form with its files: multipart is parsed in this scope alone.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, {
      // A file over the limit is cut off and flagged (not thrown): the rest of the form is still read.
      throwFileSizeLimit: false,
      limits: {
        fileSize: CASE_LIMITS.attachmentMaxBytes,
        files: PORTAL_LIMITS.filesMax * 2,
        fields: 300,
        fieldSize: 20_000,
        parts: 300 + PORTAL_LIMITS.filesMax * 2,
      },
    });
    scope.post(
      '/p/:slug/diensten/:code/melden',
      {
        bodyLimit: PORTAL_LIMITS.requestMaxBytes,
        config: { public: true, rateLimit: postLimit },
        schema: { hide: true, params, querystring: query },
      },
      async (request, reply) => {
        const language = languageOf(request.query);
        const w = REPORT_WORDS[language];
        const item = await itemOf(request.params.slug, request.params.code);
        if (!item) return notFound(reply, request.params.slug, language);
        const def = item.definition;
        const orgId = item.organisation.id;

        // ---- what was posted: the fields, and the files (kept as uploads right away)
        const posted: Posted = new Map();
        const files: { field: string; fileName: string | undefined; data: Buffer; truncated: boolean }[] = [];
        // Not a form of this page (another content type), or more files than a form may carry.
        let broken: 'not_form' | 'too_many' | undefined;
        try {
          if (!request.isMultipart()) broken = 'not_form';
          else
            for await (const part of request.parts()) {
              if (part.type === 'field') {
                if (typeof part.value === 'string')
                  posted.set(part.fieldname, [...(posted.get(part.fieldname) ?? []), part.value]);
                continue;
              }
              const data = await part.toBuffer();
              // A file input left empty still sends a part, without name or content.
              if (!part.filename && data.length === 0) continue;
              files.push({
                field: part.fieldname,
                fileName: part.filename,
                data,
                truncated: part.file.truncated,
              });
            }
        } catch (e) {
          broken = (e as { code?: string }).code === 'FST_FILES_LIMIT' ? 'too_many' : 'not_form';
        }
        const errors: FieldErrors = {};
        let problem: string | undefined =
          broken === 'too_many'
            ? w.errors.tooManyFiles(PORTAL_LIMITS.filesMax)
            : broken === 'not_form'
              ? w.errors.rejected
              : undefined;
        const kept: KeptUpload[] = keptOf(posted, def.intakeFields);
        const attachments = new Set(
          def.intakeFields.filter((f) => f.type === 'attachment').map((f) => f.key),
        );
        for (const file of files) {
          const key = file.field.startsWith('a.') ? file.field.slice(2) : '';
          if (!attachments.has(key)) continue;
          if (kept.length >= PORTAL_LIMITS.filesMax) {
            errors[answerId(key)] = w.errors.tooManyFiles(PORTAL_LIMITS.filesMax);
            continue;
          }
          try {
            const up = await upload(app.db, app.config, item.organisation.slug, file, request.ip);
            kept.push({ field: key, id: up.id, fileName: up.fileName });
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            if (e.status === 429) problem = throttledWords(e, w);
            else
              errors[answerId(key)] =
                e.code === 'attachment_too_large' ? w.errors.fileTooLarge : w.errors.fileRejected;
          }
        }

        // ---- the place, and open reports of the same problem near it
        const place: PlaceState = placeField(def.intakeFields)
          ? await resolvePlace(app.db, orgId, posted)
          : {};
        const nearby = await nearbyOf(app.db, orgId, def, place.point, language);
        const seen = place.point && nearby ? pointKey(place.point) : undefined;
        const finding = one(posted, 'intent') === 'find';
        // Several addresses found is what "Find address" is for: a choice to make, not yet an error.
        const placeError =
          place.problem && !(finding && place.problem === 'placeChoose')
            ? w.errors[place.problem]
            : undefined;
        if (placeError) errors[LOCATION_ID] = placeError;
        const map = await mapOf(item, place.point);
        const state = (extra: Partial<ReportFormState> = {}): ReportFormState => ({
          posted,
          errors,
          problem,
          kept,
          place,
          nearby,
          nearbySeen: seen,
          formToken: one(posted, 'formToken') || item.formToken,
          map,
          ...extra,
        });

        if (broken === 'not_form') return page(reply, item, language, state(), 400);

        // ---- follow a report nearby instead
        const follow = one(posted, 'follow');
        if (follow) {
          const email = one(posted, 'followEmail') || one(posted, 'email');
          if (!EMAIL.test(email) || email.length > 254) {
            return page(
              reply,
              item,
              language,
              state({ errors: { [FOLLOW_EMAIL_ID]: w.errors.followEmail } }),
              422,
            );
          }
          try {
            await followCase(app.db, orgId, follow.slice(0, 40), { email, language }, String(request.id));
          } catch (e) {
            if (e instanceof AppError && e.status === 404)
              return page(reply, item, language, state({ problem: w.errors.notFollowable }), 404);
            throw e;
          }
          const form = pathsOf(item.organisation.slug, language).form(def.code);
          return reply.redirect(withParams(form, `gevolgd=${encodeURIComponent(follow)}`), 303);
        }

        // ---- "Find address": show what the register knows, and what was reported there
        if (finding) return page(reply, item, language, state(), placeError || problem ? 422 : 200);

        // ---- send: first "already reported?" for a place not yet shown, then the report itself
        if (seen && one(posted, 'nearbySeen') !== seen && !placeError)
          return page(
            reply,
            item,
            language,
            state({ errors: {}, problem: undefined, nearbyFirst: true }),
            200,
          );
        const body = reportBody(posted, def, place, kept, language);
        const checked = checkReport(body, def.intakeFields);
        const found = pageErrors(checked.problems, def.intakeFields, w);
        Object.assign(errors, { ...found.errors, ...errors });
        problem ??= found.problem;
        if (!checked.report || Object.keys(errors).length || problem)
          return page(reply, item, language, state(), 422);

        try {
          const result = await submitReport(app.db, app.config, item.organisation.slug, checked.report, {
            ip: request.ip,
            requestId: String(request.id),
          });
          const tracking = new URL(result.trackingUrl).pathname;
          const lang = language === 'en' ? '&lang=en' : '';
          return reply.redirect(`${tracking}?klaar=ontvangen&via=${result.reach}${lang}`, 303);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const refused = refusal(e, w, def.intakeFields);
          if (!refused) throw e;
          return page(
            reply,
            item,
            language,
            state({
              errors: refused.errors,
              problem: refused.problem,
              // A token that expired is renewed: sending again then works.
              ...(e.code === 'form_expired' ? { formToken: item.formToken } : {}),
              ...(e.code === 'upload_unknown' ? { kept: [] } : {}),
            }),
            e.status,
          );
        }
      },
    );
  });

  /** A refusal of `submitReport` in the person's words: under the field it concerns, or over the form. */
  function refusal(
    e: AppError,
    w: ReportWords,
    fields: Item['definition']['intakeFields'],
  ): { errors: FieldErrors; problem?: string } | null {
    const firstFile = fields.find((f) => f.type === 'attachment');
    switch (e.code) {
      case 'validation_failed':
        return pageErrors(
          (e.errors ?? []).map((p) => ({ field: p.field, missing: p.message === 'Required' })),
          fields,
          w,
        );
      case 'form_expired':
        return { errors: {}, problem: w.errors.expired };
      case 'form_too_fast':
        return { errors: {}, problem: w.errors.tooFast };
      case 'form_rejected':
        return { errors: {}, problem: w.errors.rejected };
      case 'too_many_reports':
        return { errors: {}, problem: throttledWords(e, w) };
      case 'upload_unknown':
        return firstFile ? { errors: { [answerId(firstFile.key)]: w.errors.uploadGone } } : null;
      case 'location_outside':
        return { errors: { [LOCATION_ID]: w.errors.placeOutside } };
      default:
        return null;
    }
  }
}

/** "Try again in N minutes", from the refusal's Retry-After. */
function throttledWords(e: AppError, w: ReportWords) {
  const seconds = Number(e.headers?.['retry-after'] ?? 3600);
  return w.errors.throttled(Math.max(1, Math.ceil(seconds / 60)));
}

import type { Locale } from '@voordeur/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sha256 } from '../../platform/secrets.ts';
import { AppError } from '../../plugins/errors.ts';
import { acceptedLanguage, languageOf } from '../../plugins/language.ts';
import { open311Errors as e } from './open311.errors.ts';
import { CONTENT_TYPES, FORMATS, type Format, sendDocument, sendList } from './open311.format.ts';
import {
  definitionXml,
  presentDefinition,
  presentRequest,
  presentService,
  serviceNotice,
  w3,
} from './open311.presenter.ts';
import * as service from './open311.service.ts';

/**
 * A fixed-window count per key (the SHA-256 of an api_key, never the key itself), in this process like the
 * rate-limit plugin's own store; throws 429 past `max` in a window. Keeps at most 10,000 keys (old windows go).
 */
function keyLimiter(max: number, windowMs: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string, now = Date.now()) => {
    let w = windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (windows.size >= 10_000)
        for (const [k, old] of windows) if (now - old.start >= windowMs) windows.delete(k);
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    if (w.count > max) {
      const wait = Math.ceil((w.start + windowMs - now) / 1000);
      throw new AppError(
        429,
        'rate_limited',
        'Too many requests',
        `Limit of ${max} service requests per minute for this api_key reached. Try again in ${wait} s.`,
        undefined,
        { 'retry-after': String(wait) },
      );
    }
  };
}

/** The specification token of GeoReport v2 in the discovery document. */
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const FORM_BODY_LIMIT = 64 * 1024;

/** A query parameter given once (an empty one is as if not sent: GeoReport's "optional"). */
function param(request: FastifyRequest, name: string, max = 2000): string | undefined {
  const v = (request.query as Record<string, string | string[] | undefined>)[name];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) throw e.invalid(name, 'Given more than once');
  if (v.length > max) throw e.invalid(name, `At most ${max} characters`);
  return v.trim() === '' ? undefined : v.trim();
}

/** `services/{code}.{format}` and its like: the name and the format of the last path segment. */
function file(request: FastifyRequest): { name: string; format: Format } {
  const raw = (request.params as { file: string }).file;
  const dot = raw.lastIndexOf('.');
  const format = raw.slice(dot + 1) as Format;
  if (dot <= 0 || !FORMATS.includes(format)) throw e.notFound('This resource (use .xml or .json)');
  return { name: raw.slice(0, dot), format };
}

/** The language of names and notices: the one asked for (Accept-Language), Dutch otherwise. */
const language = (request: FastifyRequest): Locale => languageOf(request);

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), under /open311/v2: discovery, services, service
 * definitions, POST and GET requests, tokens; each in XML (the spec's required format) and JSON. Public: reading
 * needs nothing, posting an `api_key` issued by an administrator. Errors in the spec's format (format.ts).
 * Hidden from the OpenAPI document: the GeoReport spec is their contract (ADR 0028).
 */
export async function open311Routes(app: FastifyInstance) {
  // GeoReport posts are form-encoded, and only that: one parser for this scope.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => {
      const form: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(body as string)) {
        const had = form[key];
        form[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
      }
      done(null, form);
    },
  );
  app.addContentTypeParser('*', (request, _payload, done) => {
    done(
      e.invalid(
        'content-type',
        `Send application/x-www-form-urlencoded; got ${String(request.headers['content-type']).slice(0, 80)}`,
      ),
      undefined,
    );
  });
  // What GET answers is public and carries no personal data: dashboards in a browser on another site may read it.
  // (Posting needs an api_key, which belongs on a server, not in a web page: no CORS for POST.)
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' || request.method === 'HEAD')
      reply.header('access-control-allow-origin', '*');
    return payload;
  });
  app.setNotFoundHandler(async () => {
    throw e.notFound('This resource');
  });

  const perIp = { max: app.config.rateLimitPerMinute, timeWindow: 60_000 };
  const postsPerMinute = Math.max(1, Math.floor(app.config.rateLimitPerMinute / 10));
  const read = { schema: { hide: true }, config: { public: true, rateLimit: perIp } };
  // Posting is limited per address (the rate-limit plugin) and per client app, whichever addresses its posts come
  // from (below: the plugin runs one limit per request).
  const perKey = keyLimiter(postsPerMinute, 60_000);
  const write = {
    schema: { hide: true },
    config: { public: true, rateLimit: { ...perIp, max: postsPerMinute } },
    preHandler: async (request: FastifyRequest) => {
      const key = (request.body as Record<string, unknown> | undefined)?.api_key;
      if (typeof key === 'string' && key) perKey(sha256(key));
    },
  };

  const org = (request: FastifyRequest, jurisdictionId = param(request, 'jurisdiction_id', 100)) =>
    service.jurisdiction(app.db, jurisdictionId);

  for (const format of FORMATS) {
    app.get(`/discovery.${format}`, read, async (request, reply) => {
      const o = await org(request);
      const list = await service.services(app.db, o.id);
      const changed = w3(service.changeset(list));
      const nl = language(request) === 'nl';
      const doc = {
        changeset: changed,
        contact: nl
          ? `Vragen over deze koppeling? Neem contact op met ${o.name}.`
          : `Questions about this endpoint? Contact ${o.name}.`,
        key_service: nl
          ? `Een api_key vraagt u aan bij ${o.name}: de beheerders maken er een per app.`
          : `Ask ${o.name} for an api_key: its administrators issue one per app.`,
        endpoints: [
          {
            specification: SPECIFICATION,
            url: `${app.config.publicUrl.replace(/\/$/, '')}/open311/v2`,
            changeset: changed,
            type: 'production',
            formats: [CONTENT_TYPES.xml.split(';')[0]!, CONTENT_TYPES.json.split(';')[0]!],
          },
        ],
      };
      return sendDocument(reply, format, 'discovery', doc, (d) => {
        const x = d as typeof doc;
        return {
          ...x,
          endpoints: { endpoint: x.endpoints.map((p) => ({ ...p, formats: { format: p.formats } })) },
        };
      });
    });

    app.get(`/services.${format}`, read, async (request, reply) => {
      const o = await org(request);
      const lang = language(request);
      const list = (await service.services(app.db, o.id)).map((s) => presentService(s, lang));
      return sendList(reply, format, 'services', 'service', list);
    });

    app.post(`/requests.${format}`, write, async (request, reply) => {
      const form = (request.body ?? {}) as service.Form;
      const given = form.jurisdiction_id;
      // In the form as the spec shows it; some clients put it in the URL, as for the GETs.
      const o = await org(
        request,
        typeof given === 'string' && given.trim() ? given.trim() : param(request, 'jurisdiction_id', 100),
      );
      const header = request.headers['accept-language'];
      const posted = await service.postRequest(app.db, o, form, {
        requestId: String(request.id),
        language: header ? acceptedLanguage(header) : undefined,
      });
      const notice = serviceNotice(posted.dueAt, language(request), posted.timeZone);
      const entry = posted.token
        ? { token: posted.token, service_notice: notice, account_id: null }
        : { service_request_id: posted.reference, service_notice: notice, account_id: null };
      return sendList(reply, format, 'service_requests', 'request', [entry]);
    });

    app.get(`/requests.${format}`, read, async (request, reply) => {
      const o = await org(request);
      const lang = language(request);
      const { rows, timeZone } = await service.listRequests(app.db, o, {
        service_request_id: param(request, 'service_request_id', 20_000),
        service_code: param(request, 'service_code'),
        start_date: param(request, 'start_date', 40),
        end_date: param(request, 'end_date', 40),
        status: param(request, 'status', 40),
      });
      const list = rows.map((r) => presentRequest(r, lang, timeZone));
      return sendList(reply, format, 'service_requests', 'request', list);
    });
  }

  app.get('/services/:file', read, async (request, reply) => {
    const { name, format } = file(request);
    const o = await org(request);
    const s = await service.service(app.db, o.id, name);
    return sendDocument(
      reply,
      format,
      'service_definition',
      presentDefinition(s, language(request)),
      definitionXml,
    );
  });

  app.get('/requests/:file', read, async (request, reply) => {
    const { name, format } = file(request);
    const o = await org(request);
    const { rows, timeZone } = await service.getRequest(app.db, o, name);
    const lang = language(request);
    return sendList(
      reply,
      format,
      'service_requests',
      'request',
      rows.map((r) => presentRequest(r, lang, timeZone)),
    );
  });

  app.get('/tokens/:file', read, async (request, reply: FastifyReply) => {
    const { name, format } = file(request);
    const o = await org(request);
    const reference = await service.requestOfToken(app.db, o, name);
    return sendList(reply, format, 'service_requests', 'request', [
      { service_request_id: reference, token: name },
    ]);
  });
}

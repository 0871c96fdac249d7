/**
 * The settings the admin screens edit refuse what they cannot keep with a stable reason code per field
 * (errors[].code), so the web words it in Dutch or English: template placeholders, breach reason codes, postcode
 * ranges of areas, webhook addresses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, makeOrg, type Session, signIn, type TestOrg, useTestApp } from './harness.ts';

const t = useTestApp();
let org: TestOrg;
let admin: Session;

beforeAll(async () => {
  org = await makeOrg(t.database);
  admin = await signIn(t.app, org.users.admin);
});

const send = (method: 'PUT' | 'POST', url: string, payload: object) =>
  t.app.inject({ method, url, headers: admin.headers, payload });
const codes = (res: { json: () => unknown }) =>
  (res.json() as { errors: { field: string; code?: string }[] }).errors.map((e) => [e.field, e.code]);

describe('reason codes of refused settings', () => {
  it('names an unknown placeholder in a template', async () => {
    const res = await send('PUT', '/api/message-templates/herinnering', {
      name: 'Herinnering',
      subject: { nl: 'Herinnering {{reference}}', en: 'Reminder {{referentie}}' },
      body: { nl: 'Beste {{naam}},', en: 'Dear {{name}},' },
    });
    expectProblem(res, 400, 'validation_failed');
    expect(codes(res)).toEqual([
      ['subject.en', 'unknown_placeholder'],
      ['body.nl', 'unknown_placeholder'],
    ]);
  });

  it('names a breach reason code used twice', async () => {
    const settings = (await t.app.inject({ url: '/api/case-settings', headers: admin.headers })).json();
    const res = await send('PUT', '/api/case-settings', {
      ...settings,
      breachReasons: [
        { code: 'capacity', label: { nl: 'Te weinig capaciteit' } },
        { code: 'capacity', label: { nl: 'Nog eens' } },
      ],
    });
    expectProblem(res, 422, 'case_invalid_action');
    expect(codes(res)).toEqual([['breachReasons.1.code', 'duplicate_code']]);
  });

  it('names overlapping and reversed postcode ranges of areas', async () => {
    const res = await send('PUT', '/api/front-office/settings', {
      areas: [
        { name: 'Centrum', postcodes: [{ from: '1000', to: '1099' }] },
        {
          name: 'Noord',
          postcodes: [
            { from: '1050', to: '1150' },
            { from: '1300', to: '1200' },
          ],
        },
      ],
    });
    expectProblem(res, 400, 'validation_failed');
    expect(codes(res)).toEqual([
      ['areas.0.postcodes.0', 'range_overlap'],
      ['areas.1.postcodes.1', 'range_reversed'],
    ]);
  });

  it('names what is wrong with a webhook address', async () => {
    const url = async (value: string) =>
      codes(await send('POST', '/api/webhooks', { name: 'Zaaksysteem', url: value }));
    expect(await url('geen adres')).toEqual([['url', 'not_a_url']]);
    expect(await url('ftp://example.nl/hook')).toEqual([['url', 'url_scheme']]);
    expect(await url('https://jan:geheim@example.nl/hook')).toEqual([['url', 'url_credentials']]);
    expect(await url('https://example.nl/hook#x')).toEqual([['url', 'url_fragment']]);
    const types = await send('POST', '/api/webhooks', {
      name: 'Zaaksysteem',
      url: 'https://example.nl/hook',
      eventTypes: ['nl.voordeur.case.gone'],
    });
    expect(codes(types)).toEqual([['eventTypes.0', 'unknown_event_type']]);
  });
});

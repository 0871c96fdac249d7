/**
 * Names the organisation wrote in Dutch and English (the item's name, its statuses, the breach reasons) reach a
 * reader in their language: the API presents them by Accept-Language (the web app sends its interface language),
 * and an English-speaking resident's emails use the English name. Dutch where there is no English.
 */
import { notification } from '@voordeur/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemDef, publishContent, reportHandling } from './catalogue-fixtures.ts';
import { makeOrg, type Session, signIn, type TestOrg, useTestApp } from './harness.ts';

const t = useTestApp();
let org: TestOrg;
let agent: Session;
let worker: Session;

const english = {
  ...reportHandling,
  statuses: reportHandling.statuses.map((s) => ({
    ...s,
    label: { nl: s.label.nl, en: { ontvangen: 'Received', in_behandeling: 'In progress' }[s.key] ?? '' },
    ...(s.publicText ? { publicText: { nl: s.publicText.nl, en: `EN: ${s.key}` } } : {}),
  })),
};

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, {
    items: [
      itemDef('lamp-en', {
        name: { nl: 'Kapotte lantaarnpaal', en: 'Broken street light' },
        handling: english,
      }),
      itemDef('lamp-nl', { name: { nl: 'Losse stoeptegel', en: '' } }),
    ],
  });
  agent = await signIn(t.app, org.users.agent);
  worker = await signIn(t.app, org.users.backoffice);
});

const inLanguage = (s: Session, language?: string) => ({
  ...s.headers,
  ...(language ? { 'accept-language': language } : {}),
});

async function intake(itemCode: string, language: 'nl' | 'en') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: agent.headers,
    payload: {
      itemCode,
      description: 'Lamp voor nummer 12 is uit',
      location: { description: 'Dorpsstraat 12' },
      contactEmail: `${language}-${itemCode}@example.nl`,
      language,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('names in the reader’s language', () => {
  it('presents the status, the workflow, the history and the subject in English to an English reader', async () => {
    const c = await intake('lamp-en', 'nl');
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/transitions`,
      headers: inLanguage(worker, 'en-GB,en;q=0.9,nl;q=0.5'),
      payload: { to: 'in_behandeling', version: c.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      subject: 'Broken street light',
      status: { key: 'in_behandeling', label: 'In progress' },
      history: [{ label: 'Received' }, { label: 'In progress' }],
    });
    const workflow = moved.json().workflow.map((s: { label: string }) => s.label);
    // No English for the last two: Dutch, never empty.
    expect(workflow).toEqual(['Received', 'In progress', 'Wacht op melder', 'Afgehandeld']);

    const dutch = (await t.app.inject({ url: `/api/cases/${c.id}`, headers: inLanguage(worker) })).json();
    expect(dutch).toMatchObject({
      subject: 'Kapotte lantaarnpaal',
      status: { label: 'In behandeling' },
      history: [{ label: 'Ontvangen' }, { label: 'In behandeling' }],
    });
    expect(dutch.workflow[0].label).toBe('Ontvangen');

    const queue = async (language?: string) =>
      (await t.app.inject({ url: '/api/cases?limit=50', headers: inLanguage(worker, language) }))
        .json()
        .items.find((x: { id: string }) => x.id === c.id);
    expect(await queue('en')).toMatchObject({
      subject: 'Broken street light',
      status: { label: 'In progress' },
    });
    expect(await queue('nl')).toMatchObject({
      subject: 'Kapotte lantaarnpaal',
      status: { label: 'In behandeling' },
    });
  });

  it('falls back to the Dutch name where the English one is empty', async () => {
    const c = await intake('lamp-nl', 'en');
    const res = await t.app.inject({ url: `/api/cases/${c.id}`, headers: inLanguage(worker, 'en') });
    expect(res.json()).toMatchObject({ subject: 'Losse stoeptegel', status: { label: 'Ontvangen' } });
  });

  it('writes to an English-speaking resident with the item’s English name, or the Dutch one when there is none', async () => {
    const mail = async (caseId: string) =>
      (
        await t.database.db
          .select()
          .from(notification)
          .where(and(eq(notification.caseId, caseId), eq(notification.audience, 'person')))
      )[0]!;
    const en = await mail((await intake('lamp-en', 'en')).id);
    expect(en.language).toBe('en');
    expect(en.body).toContain('(Broken street light)');
    expect(en.body).toContain('EN: ontvangen');
    const nl = await mail((await intake('lamp-nl', 'en')).id);
    expect(nl.language).toBe('en');
    expect(nl.body).toContain('(Losse stoeptegel)');
  });
});

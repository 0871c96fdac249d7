import type { Role, VersionedAbilities } from '@voordeur/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleDef, itemDef } from './catalogue-fixtures.ts';
import { makeOrg, type Session, signIn, type TestOrg, useTestApp } from './harness.ts';

/*
 * The `abilities` of a catalogue item or knowledge article are what its admin page offers; the actions are what
 * the API takes. For four roles and every state of the one lifecycle (platform/versioned.ts), each ability the
 * presenter says true is accepted by its endpoint (on a fresh document in that state) and each false one is
 * refused (403 for the role, 409 for the state). A rule changed on one side only fails here.
 */

const t = useTestApp();
let org: TestOrg;
let admin: Session;
const sessions = {} as Record<Role, Session>;
const ROLES_UNDER_TEST = ['admin', 'quality', 'manager', 'agent'] as const satisfies readonly Role[];

interface DocBody {
  code: string;
  state: string;
  version: number;
  abilities: VersionedAbilities;
}

/** The two kinds of versioned content, by their routes. */
const KINDS = [
  { name: 'catalogue item', base: '/api/catalogue/items', def: (code: string) => itemDef(code) },
  { name: 'knowledge article', base: '/api/knowledge/articles', def: (code: string) => articleDef(code) },
] as const;
type Kind = (typeof KINDS)[number];

let serial = 0;
const send = (method: 'GET' | 'POST' | 'PUT', url: string, s: Session, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

async function ok(method: 'POST' | 'PUT', url: string, payload: object): Promise<DocBody> {
  const res = await send(method, url, admin, payload);
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}
const read = (kind: Kind, code: string, s: Session) =>
  send('GET', `${kind.base}/${code}`, s).then((r) => r.json<DocBody>());

/** Every state of the lifecycle that changes what may be done; each call makes a fresh document (as admin). */
const STATES: Record<string, (kind: Kind) => Promise<DocBody>> = {
  draftOnly: (kind) => ok('POST', kind.base, { definition: kind.def(`doc-${++serial}`) }),
  published: async (kind) => {
    const d = await STATES.draftOnly!(kind);
    return ok('POST', `${kind.base}/${d.code}/publish`, { version: d.version });
  },
  publishedWithDraft: async (kind) => {
    const d = await STATES.published!(kind);
    return ok('PUT', `${kind.base}/${d.code}/draft`, { definition: kind.def(d.code), version: d.version });
  },
  retired: async (kind) => {
    const d = await STATES.published!(kind);
    return ok('POST', `${kind.base}/${d.code}/retire`, { version: d.version });
  },
  /** A retired document keeps an open draft, which may be published again. */
  retiredWithDraft: async (kind) => {
    const d = await STATES.publishedWithDraft!(kind);
    return ok('POST', `${kind.base}/${d.code}/retire`, { version: d.version });
  },
};

/** The request behind each ability, as the admin pages send it. */
const ACTIONS: Record<
  keyof VersionedAbilities,
  (kind: Kind, d: DocBody, s: Session) => ReturnType<typeof send>
> = {
  saveDraft: (kind, d, s) =>
    send('PUT', `${kind.base}/${d.code}/draft`, s, { definition: kind.def(d.code), version: d.version }),
  publish: (kind, d, s) => send('POST', `${kind.base}/${d.code}/publish`, s, { version: d.version }),
  retire: (kind, d, s) => send('POST', `${kind.base}/${d.code}/retire`, s, { version: d.version }),
};

beforeAll(async () => {
  org = await makeOrg(t.database);
  admin = await signIn(t.app, org.users.admin);
  for (const role of ROLES_UNDER_TEST) sessions[role] = await signIn(t.app, org.users[role]);
});

describe.each(KINDS)('the abilities of a $name match what the API accepts', (kind) => {
  for (const [state, make] of Object.entries(STATES)) {
    it(`for ${ROLES_UNDER_TEST.join(', ')} when it is ${state}`, { timeout: 120_000 }, async () => {
      const shared = await make(kind);
      const drift: string[] = [];
      let offered = 0;
      let refused = 0;
      for (const role of ROLES_UNDER_TEST) {
        const seen = await read(kind, shared.code, sessions[role]);
        for (const [name, run] of Object.entries(ACTIONS)) {
          const allowed = seen.abilities[name as keyof VersionedAbilities];
          if (allowed) offered++;
          else refused++;
          // An allowed action changes the document: it runs on a fresh one in the same state. A refused one does not.
          const target = allowed ? await read(kind, (await make(kind)).code, sessions[role]) : seen;
          const res = await run(kind, target, sessions[role]);
          const accepted = res.statusCode < 300;
          const answer = `${role} ${name}: abilities say ${allowed}, API answered ${res.statusCode} ${res.body.slice(0, 160)}`;
          if (allowed ? !accepted : !(res.statusCode === 403 || res.statusCode === 409)) drift.push(answer);
          // What an action answers carries the abilities of the document it left behind, as a read shows them.
          if (accepted) {
            const after = await read(kind, target.code, sessions[role]);
            if (JSON.stringify(res.json<DocBody>().abilities) !== JSON.stringify(after.abilities))
              drift.push(
                `${role} ${name}: answered ${JSON.stringify(res.json<DocBody>().abilities)}, then read ${JSON.stringify(after.abilities)}`,
              );
          }
        }
      }
      expect(drift).toEqual([]);
      // Not a test that cannot fail: in each state somebody may do something, and something is refused.
      expect(offered).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  }
});

describe('who is offered what', () => {
  it('only those who change the kind are offered anything; the state decides publish and retire', async () => {
    const abilities = async (kind: Kind, role: Role, d: DocBody) =>
      (await read(kind, d.code, sessions[role])).abilities;
    const none = { saveDraft: false, publish: false, retire: false };
    const [item, article] = KINDS;
    const drafted = await STATES.draftOnly!(item);
    expect(await abilities(item, 'admin', drafted)).toEqual({ saveDraft: true, publish: true, retire: true });
    for (const role of ['quality', 'manager', 'agent'] as const)
      expect(await abilities(item, role, drafted)).toEqual(none);
    const published = await STATES.published!(article);
    for (const role of ['admin', 'quality'] as const)
      expect(await abilities(article, role, published)).toEqual({
        saveDraft: true,
        publish: false,
        retire: true,
      });
    for (const role of ['manager', 'agent'] as const)
      expect(await abilities(article, role, published)).toEqual(none);
    const retired = await STATES.retired!(item);
    expect(await abilities(item, 'admin', retired)).toEqual({
      saveDraft: true,
      publish: false,
      retire: false,
    });
    // The list of articles carries the same abilities as the article itself.
    const list = await send('GET', '/api/knowledge/articles', sessions.quality);
    const listed = list.json<{ items: DocBody[] }>().items.find((a) => a.code === published.code);
    expect(listed?.abilities).toEqual(await abilities(article, 'quality', published));
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS, type Permission, ROLES, rolesAllow, worksCases } from '@voordeur/shared';
import { describe, expect, it } from 'vitest';
import { systemActor } from './actor.ts';
import { allows } from './policy.ts';

const root = new URL('../../../..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );
}

const ROLE_LITERAL = new RegExp(`'(${ROLES.join('|')})'`);

describe('one set of role rules', () => {
  it('lists roles only in the shared table: no policy of the API and nothing in the web names a role', () => {
    const api = sources(join(root, 'apps/api/src')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return file.endsWith('.policy.ts') || file.endsWith('/platform/policy.ts') || /Policy = \{/.test(text);
    });
    expect(api.length).toBeGreaterThan(10);
    const web = sources(join(root, 'apps/web/src'));
    const offenders = [...api, ...web].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          ROLE_LITERAL.test(line) ? [`${file.slice(root.length)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('the API grants exactly what the shared table says, for every permission and role', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[])
      for (const role of ROLES) {
        const actor = { ...systemActor('org'), kind: 'user' as const, roles: new Set([role]) };
        expect(allows(permission)(actor), `${permission} ${role}`).toBe(
          (PERMISSIONS[permission] as readonly string[]).includes(role),
        );
        expect(rolesAllow([role], permission)).toBe(allows(permission)(actor));
      }
  });

  it('works cases: the roles that may work cases, in the teams asked for', () => {
    const back = { role: 'backoffice' as const, teamId: 'back' };
    const agent = { role: 'agent' as const, teamId: 'front' };
    expect(worksCases([back])).toBe(true);
    expect(worksCases([agent])).toBe(false);
    expect(worksCases([back], (team) => team === 'front')).toBe(false);
    expect(worksCases([agent, { role: 'teamlead', teamId: 'front' }], (team) => team === 'front')).toBe(true);
  });
});

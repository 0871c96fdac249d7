import { describe, expect, it } from 'vitest';
import { expectProblem, useTestApp } from './harness.ts';

/*
 * Which requests the per-IP limits count: the API and the server-rendered public pages and forms under /p/, at the
 * global limit or one of their own — never the health probes or the web app's files.
 * Each case comes from an address of its own, so the counts do not mix.
 */
const GLOBAL = 3;
const t = useTestApp({ RATE_LIMIT_PER_MINUTE: String(GLOBAL), LOGIN_RATE_LIMIT_PER_MINUTE: '2' });

type Method = 'GET' | 'POST';
let address = 0;

/** Sends the request `times` times from one new address; answers the status codes. */
async function statuses(method: Method, url: string, times: number, payload?: string) {
  const remoteAddress = `10.9.0.${++address}`;
  const codes: number[] = [];
  for (let i = 0; i < times; i++) {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress,
      ...(payload === undefined
        ? {}
        : { payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    });
    codes.push(res.statusCode);
    if (res.statusCode === 429) expectProblem(res, 429, 'rate_limited');
  }
  return codes;
}

const refusedAfter = (codes: number[], allowed: number) => {
  expect(codes.slice(0, allowed)).not.toContain(429);
  expect(codes.slice(allowed)).toEqual(codes.slice(allowed).map(() => 429));
};

describe('per-IP rate limits', () => {
  it('count the API', async () => {
    refusedAfter(await statuses('GET', '/api/catalogue/items', GLOBAL + 2), GLOBAL);
  });

  it.each([
    ['the portal home', '/p/nergens'],
    ['the public catalogue', '/p/nergens/diensten'],
    ["an item's public page", '/p/nergens/diensten/lamp'],
    ['the public performance page', '/p/nergens/prestaties'],
    ['the public ideas page', '/p/nergens/ideeen'],
    ['the form for an improvement idea', '/p/nergens/verbeteridee'],
  ])('count %s at the global limit', async (_what, url) => {
    refusedAfter(await statuses('GET', url, GLOBAL + 2), GLOBAL);
  });

  it('apply the limit a public form names for itself, above the global one', async () => {
    // The idea form takes 20 a minute, the survey answers 30: more than the global 3 of this app.
    refusedAfter(await statuses('POST', '/p/nergens/verbeteridee', 22, 'idea=x'), 20);
    refusedAfter(await statuses('POST', '/p/nergens/enquete/abc', 32, 'grade=8'), 30);
  });

  it('apply the sign-in limit to the tracking page’s code form', async () => {
    refusedAfter(await statuses('POST', '/p/nergens/zaak', 4, 'reference=x&code=y'), 2);
  });

  it('leave the health probes and the web app’s files alone', async () => {
    expect(await statuses('GET', '/readyz', GLOBAL + 3)).not.toContain(429);
    expect(await statuses('GET', '/assets/app.js', GLOBAL + 3)).not.toContain(429);
  });
});

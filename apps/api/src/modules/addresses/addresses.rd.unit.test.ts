import { describe, expect, it } from 'vitest';
import { insideRd, rdToWgs84 } from './addresses.rd.ts';

// Reference points of the RDNAPTRANS™ test set (Kadaster): the towgs84 shift is good to well within 1e-4°.
describe('RD New (EPSG:28992) to WGS84', () => {
  it.each([
    ['Amersfoort, the origin of RD', 155_000, 463_000, 52.1552, 5.3872],
    ['Westertoren, Amsterdam', 120_700.723, 487_525.501, 52.374532533, 4.88352559],
    ['Martinitoren, Groningen', 233_883.131, 582_065.167, 53.219383195, 6.568194312],
  ])('%s', (_name, x, y, lat, lon) => {
    const got = rdToWgs84(x, y);
    expect(Math.abs(got.lat - lat)).toBeLessThan(1e-4);
    expect(Math.abs(got.lon - lon)).toBeLessThan(1e-4);
  });

  it('knows where RD coordinates can lie', () => {
    expect(insideRd(155_000, 463_000)).toBe(true);
    expect(insideRd(-1, 463_000)).toBe(false);
    expect(insideRd(155_000, 288_999)).toBe(false);
    expect(insideRd(300_001, 463_000)).toBe(false);
    expect(insideRd(155_000, 629_001)).toBe(false);
  });
});

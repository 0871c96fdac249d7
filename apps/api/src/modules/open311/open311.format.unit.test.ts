import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../plugins/errors.ts';
import { errorItems, formatOfUrl, open311Status, xmlDocument } from './open311.format.ts';

describe('GeoReport formats', () => {
  it('maps our statuses onto the spec’s: 404, 403 for any authorisation problem, 400 for the rest', () => {
    expect([400, 401, 403, 404, 409, 413, 415, 422, 429, 500].map(open311Status)).toEqual([
      400, 403, 403, 404, 400, 400, 400, 400, 429, 500,
    ]);
  });

  it('gives one error per field problem, named as the client sent it', () => {
    const e = new AppError(422, 'intake_invalid', 'Intake invalid', 'The answers do not fit.', [
      { field: 'answers.probleem', message: 'Required' },
      { field: 'answers.aantal', message: 'A number expected' },
    ]);
    expect(errorItems(e)).toEqual([
      { code: 400, description: 'attribute[probleem]: Required' },
      { code: 400, description: 'attribute[aantal]: A number expected' },
    ]);
    expect(errorItems(new AppError(429, 'rate_limited', 'Too many requests', 'Try again in 5 s.'))).toEqual([
      { code: 429, description: 'Try again in 5 s.' },
    ]);
  });

  it('writes XML with its declaration, escaped, without characters XML cannot carry', () => {
    const xml = xmlDocument('services', { service: [{ service_name: 'A & B <c>\u0007', group: null }] });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services>')).toBe(true);
    expect(xml).toContain('A &amp; B &lt;c&gt;</service_name>');
    const parsed = new XMLParser({ processEntities: true }).parse(xml);
    expect(parsed.services.service).toEqual({ service_name: 'A & B <c>', group: '' });
  });

  it('reads the format from the URL’s extension; XML, the required one, otherwise', () => {
    expect(formatOfUrl('/open311/v2/services.json?jurisdiction_id=x.xml')).toBe('json');
    expect(formatOfUrl('/open311/v2/services.xml')).toBe('xml');
    expect(formatOfUrl('/open311/v2/nergens')).toBe('xml');
  });
});

import { ITEM_KINDS, LOCALES } from '@voordeur/shared';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, kindWord, render } from './cases.templates.ts';

/** Real item names of the demo catalogue: titles with a verb, a question, a list — none fits after "uw". */
const ITEMS = [
  { kind: 'report', name: 'Lantaarnpaal of straatverlichting kapot melden' },
  { kind: 'request', name: 'Paspoort aanvragen' },
  { kind: 'request', name: 'Verklaring Omtrent het Gedrag (VOG)' },
  { kind: 'complaint', name: 'Klacht indienen over de gemeente' },
  { kind: 'callback', name: 'Vooroverleg over een bouwplan' },
  { kind: 'report', name: 'Boom, struik of gras: melding over groen' },
] as const;

describe('message templates read well with any item name', () => {
  it('never put the item name inside a sentence ("uw {{subject}}"): sentences say what it is ({{kind}})', () => {
    const inSentence = /\b(uw|jouw|de|het|een|your|the|a|an)\s+\{\{\s*subject\s*\}\}/i;
    const offenders = BUILT_IN_TEMPLATES.flatMap((t) =>
      LOCALES.flatMap((l) =>
        [t.subject[l], t.body[l]].filter((text) => inSentence.test(text)).map(() => `${t.key}.${l}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the acknowledgement subject names what was received, in Dutch and English', () => {
    const received = BUILT_IN_TEMPLATES.find((t) => t.key === 'received')!;
    const subject = (kind: string, name: string, l: 'nl' | 'en') =>
      render(received.subject[l], { subject: name, kind: kindWord(kind, l), reference: 'VB-2026-000042' });
    expect(subject('report', 'Lantaarnpaal of straatverlichting kapot melden', 'nl')).toBe(
      'We hebben uw melding ontvangen (VB-2026-000042)',
    );
    expect(subject('request', 'Paspoort aanvragen', 'nl')).toBe(
      'We hebben uw aanvraag ontvangen (VB-2026-000042)',
    );
    expect(subject('complaint', 'Klacht indienen over de gemeente', 'nl')).toBe(
      'We hebben uw klacht ontvangen (VB-2026-000042)',
    );
    expect(subject('report', 'Report a broken street light', 'en')).toBe(
      'We received your report (VB-2026-000042)',
    );
    expect(subject('request', 'Apply for a passport', 'en')).toBe(
      'We received your application (VB-2026-000042)',
    );
  });

  it('every built-in text, rendered for several items, keeps the name as it is written and apart', () => {
    for (const item of ITEMS) {
      for (const l of LOCALES) {
        const values = {
          subject: item.name,
          kind: kindWord(item.kind, l),
          reference: 'VB-2026-000042',
          name: 'Jan de Vries',
          organisation: 'Gemeente Voorbeeld',
          dueDate: 'woensdag 8 april 2026',
        };
        for (const t of BUILT_IN_TEMPLATES) {
          const text = `${render(t.subject[l], values)}\n${render(t.body[l], values)}`;
          // Never the lower-cased title glued into a sentence ("uw lantaarnpaal of straatverlichting kapot melden").
          expect(text).not.toContain(item.name.toLowerCase());
          expect(text, `${t.key}.${l}`).not.toMatch(/\{\{|\}\}/);
          expect(text).not.toMatch(/\b(uw|your)\s+(\(|$)/m);
        }
      }
    }
  });

  it('has a word for every item kind in both languages', () => {
    for (const kind of ITEM_KINDS) for (const l of LOCALES) expect(kindWord(kind, l)).toMatch(/^[a-z ]+$/);
  });
});

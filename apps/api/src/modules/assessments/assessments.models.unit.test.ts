/** The shipped self-assessment models are valid data, and the model schema refuses what would break a profile. */
import { type AssessmentModel, assessmentModelSchema } from '@voordeur/shared';
import { describe, expect, it } from 'vitest';
import { elementsOf, SHIPPED_MODELS } from './assessments.models.ts';
import { lastCompleteQuarter } from './assessments.period.ts';

const byCode = (code: string) => SHIPPED_MODELS.find((m) => m.code === code)!;

describe('the shipped models', () => {
  it('Service Excellence: 12 elements se-1 … se-12 in 4 dimensions, 2–4 questions each, a described 5-level scale', () => {
    const m = byCode('service-excellence');
    expect(m.dimensions).toHaveLength(4);
    expect(elementsOf(m).map((e) => e.code)).toEqual(Array.from({ length: 12 }, (_, i) => `se-${i + 1}`));
    for (const e of m.dimensions.flatMap((d) => d.elements)) {
      expect(e.questions.length).toBeGreaterThanOrEqual(2);
      expect(e.questions.length).toBeLessThanOrEqual(4);
    }
    expect(m.scale.map((s) => s.level)).toEqual([1, 2, 3, 4, 5]);
    expect(m.scale[0]!.name.nl).toBe('Ad hoc');
    expect(m.scale[4]!.name.nl).toBe('Excellent en toonaangevend');
  });

  it('the Antwoord profile: its ten aspects', () => {
    expect(elementsOf(byCode('antwoord-profiel')).map((e) => e.code.replace('ap-', ''))).toEqual([
      'producten',
      'diensten',
      'kanalen',
      'leiderschap',
      'medewerkers',
      'processen',
      'besturing',
      'prestaties',
      'systemen',
      'informatie',
    ]);
  });
});

describe('the model schema', () => {
  const base = () => structuredClone(byCode('antwoord-profiel')) as AssessmentModel;
  const issues = (m: unknown) =>
    assessmentModelSchema.safeParse(m).error?.issues.map((i) => i.path.join('.')) ?? [];

  it('refuses an element code used twice, levels out of order, one question, a missing English text', () => {
    const twice = base();
    twice.dimensions[1]!.elements[0]!.code = 'ap-producten';
    expect(issues(twice)).toContain('dimensions.1.elements.0.code');
    const order = base();
    order.scale[0]!.level = 2;
    expect(issues(order)).toContain('scale.0.level');
    const oneQuestion = base();
    oneQuestion.dimensions[0]!.elements[0]!.questions.splice(1);
    expect(issues(oneQuestion)).toContain('dimensions.0.elements.0.questions');
    const noEnglish = base() as unknown as { name: { en?: string } };
    delete noEnglish.name.en;
    expect(issues(noEnglish)).toContain('name.en');
    expect(issues(base())).toEqual([]);
  });
});

describe('the KPI period of evidence', () => {
  it('is the last complete quarter', () => {
    expect(lastCompleteQuarter(new Date('2026-12-06T12:00:00Z'))).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(lastCompleteQuarter(new Date('2026-02-10T12:00:00Z'))).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(lastCompleteQuarter(new Date('2026-05-01T12:00:00Z'))).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });
});

import type { FieldError, IntakeField } from '@voordeur/shared';

/**
 * Checks intake answers against an item's intake form: required fields answered, each value of its type, no
 * unknown keys. Returns the cleaned answers or the problems, each naming its field (`answers.<key>`).
 * A location field may be answered by the case's location instead. Attachments arrive separately (not here).
 */
export function checkIntake(
  fields: IntakeField[],
  answers: Record<string, unknown>,
  hasLocation: boolean,
): { answers: Record<string, unknown>; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const out: Record<string, unknown> = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key))
      problems.push({ field: `answers.${key}`, message: 'Not a field of this intake form' });
  }
  for (const f of fields) {
    const field = `answers.${f.key}`;
    const v = answers[f.key];
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      const satisfied = f.type === 'attachment' || (f.type === 'location' && hasLocation);
      if (f.required && !satisfied) problems.push({ field, message: 'Required' });
      continue;
    }
    const bad = (message: string) => problems.push({ field, message });
    const options = new Set(f.options?.map((o) => o.value));
    switch (f.type) {
      case 'text':
      case 'long_text':
        if (typeof v !== 'string' || v.length > (f.type === 'text' ? 500 : 4000)) bad('Text expected');
        else out[f.key] = v.trim();
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) bad('A number expected');
        else out[f.key] = v;
        break;
      case 'date':
        if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
          bad('A date (YYYY-MM-DD) expected');
        else out[f.key] = v;
        break;
      case 'choice':
        if (typeof v !== 'string' || !options.has(v)) bad('Not one of the options');
        else out[f.key] = v;
        break;
      case 'multi_choice':
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !options.has(x)))
          bad('Only options of this field');
        else out[f.key] = [...new Set(v)];
        break;
      case 'yes_no':
        if (typeof v !== 'boolean') bad('Yes or no expected');
        else out[f.key] = v;
        break;
      case 'location':
        if (typeof v !== 'string' || v.length > 500) bad('A place description expected');
        else out[f.key] = v.trim();
        break;
      case 'attachment':
        bad('Attachments are uploaded separately');
        break;
    }
  }
  return { answers: out, problems };
}

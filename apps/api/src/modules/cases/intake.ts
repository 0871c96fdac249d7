import { type FieldError, type IntakeField, intakeAnswersSchema } from '@voordeur/shared';

/**
 * Checks intake answers against an item's intake form with the schema the portal's form uses in the browser
 * (`intakeAnswersSchema` in @voordeur/shared): required fields answered, each value of its type, no unknown keys.
 * Returns the cleaned answers (empty answers left out) or the problems, each naming its field (`answers.<key>`).
 * A location field may be answered by the case's location instead. Attachments arrive separately (not here).
 */
export function checkIntake(
  fields: IntakeField[],
  answers: Record<string, unknown>,
  hasLocation: boolean,
): { answers: Record<string, unknown>; problems: FieldError[] } {
  const parsed = intakeAnswersSchema(fields, { hasLocation }).safeParse(answers, { reportInput: true });
  if (parsed.success) {
    const out = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
    return { answers: out, problems: [] };
  }
  const problems: FieldError[] = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: `answers.${key}`, message: 'Not a field of this intake form' }))
      : [
          {
            field: ['answers', ...issue.path.map(String)].join('.'),
            message: 'input' in issue && issue.input === undefined ? 'Required' : issue.message,
          },
        ],
  );
  return { answers: {}, problems };
}

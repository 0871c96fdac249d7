import { useCaseFormat } from './format.ts';

/**
 * An instant of a case as `<time>`: the machine-readable value is the API's, the text is Dutch time in the
 * interface language — a long date ("woensdag 8 april 2026") for terms, date and hour for events.
 */
export function CaseTime({
  iso,
  long = false,
  withTime = false,
}: {
  iso: string;
  long?: boolean;
  withTime?: boolean;
}) {
  const f = useCaseFormat();
  const text = long ? (withTime ? f.longDateTime(iso) : f.longDate(iso)) : f.dateTime(iso);
  return <time dateTime={iso}>{text}</time>;
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TextField } from '../../ui/TextField.tsx';
import type { Period } from './api.ts';

/** A local date as YYYY-MM-DD. */
export const isoDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period of a page and whether it is valid: the one in the address (`?from=&to=`, as a dashboard's figure links
 * here with its period), else the last `days` days up to yesterday, or today.
 */
export function usePeriod(days = 30, untilToday = false) {
  const today = new Date();
  const [params] = useSearchParams();
  const given = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const linked = DAY.test(given.from) && DAY.test(given.to) && given.from <= given.to;
  const [from, setFrom] = useState(
    linked ? given.from : isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() - days)),
  );
  const [to, setTo] = useState(
    linked
      ? given.to
      : isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (untilToday ? 0 : 1))),
  );
  const valid = DAY.test(from) && DAY.test(to) && from <= to;
  return { period: { from, to } as Period, setFrom, setTo, valid };
}

/** The two date fields of a period, with the error under "from" when it lies after "to". */
export function PeriodFields({ id, state }: { id: string; state: ReturnType<typeof usePeriod> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${id}-from`}
        label={t('inputs.from')}
        type="date"
        value={state.period.from}
        onChange={(event) => state.setFrom(event.target.value)}
        error={state.valid ? undefined : t('validation.dateOrder')}
      />
      <TextField
        id={`${id}-to`}
        label={t('inputs.to')}
        type="date"
        value={state.period.to}
        onChange={(event) => state.setTo(event.target.value)}
      />
    </>
  );
}

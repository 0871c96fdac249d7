import { Button } from '@utrecht/button-react';
import { type CalendarInput, calendarSchema } from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { type FieldMeta, useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { type CalendarResponse, type Holiday, useCalendar, useSaveCalendar } from './api.ts';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
type Day = (typeof DAYS)[number];
const LIBERATION = ['always', 'lustrum', 'never'] as const;
type Liberation = (typeof LIBERATION)[number];
const MAX_INTERVALS = 4;

interface Interval {
  open: string;
  close: string;
}
interface Closure {
  date: string;
  reason: string;
}
interface Draft {
  hours: Record<Day, Interval[]>;
  goodFridayClosed: boolean;
  liberationDayClosed: Liberation;
  closures: Closure[];
}

const NOTICE_ID = 'cal-notice';
const ERRORS_ID = 'cal-errors';

/** The control id of a definition path (`openingHours.1.0.close` → `cal-openingHours-1-0-close`). */
const fieldId = (path: string) => `cal-${path.replace(/\./g, '-')}`;

const toDraft = (def: CalendarInput): Draft => ({
  hours: Object.fromEntries(
    DAYS.map((day) => [day, (def.openingHours[day] ?? []).map((i) => ({ ...i }))]),
  ) as Record<Day, Interval[]>,
  goodFridayClosed: def.goodFridayClosed,
  liberationDayClosed: def.liberationDayClosed,
  closures: def.closures.map((c) => ({ ...c })),
});

const toDefinition = (draft: Draft) => ({
  timeZone: 'Europe/Amsterdam' as const,
  openingHours: Object.fromEntries(DAYS.map((day) => [day, draft.hours[day]])),
  goodFridayClosed: draft.goodFridayClosed,
  liberationDayClosed: draft.liberationDayClosed,
  closures: draft.closures.map((c) => ({ date: c.date, reason: c.reason.trim() })),
});

/**
 * The working-time calendar: opening hours per weekday, the holiday choices, extra closing days,
 * and (read-only) the holidays that result. Administrators change it; the others read it.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('calendar.title'));
  const canEdit = useCan('manageCalendar');
  const calendar = useCalendar();
  const [reloads, setReloads] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('calendar.title')} intro={t('calendar.intro')}>
        {!canEdit ? <Paragraph>{t('calendar.readOnly')}</Paragraph> : null}
      </PageIntro>
      {notice ? <Notice id={NOTICE_ID}>{notice}</Notice> : null}
      {calendar.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {calendar.isError ? <ErrorAlert error={calendar.error} /> : null}
      {calendar.data ? (
        <>
          <CalendarForm
            key={`${calendar.data.version}:${reloads}`}
            calendar={calendar.data}
            canEdit={canEdit}
            onSaved={() => {
              setNotice(t('calendar.saved'));
              focusLater(NOTICE_ID);
            }}
            onReload={async () => {
              setNotice(null);
              await calendar.refetch();
              setReloads((n) => n + 1);
            }}
          />
          <HolidaysTable holidays={calendar.data.holidays} />
        </>
      ) : null}
    </div>
  );
}

interface CalendarFormProps {
  calendar: CalendarResponse;
  canEdit: boolean;
  onSaved: () => void;
  onReload: () => void;
}

function CalendarForm({ calendar, canEdit, onSaved, onReload }: CalendarFormProps) {
  const { t } = useTranslation();
  const save = useSaveCalendar();
  const [draft, setDraft] = useState(() => toDraft(calendar.definition));
  const dayName = (day: Day) => t(`calendar.days.${day}`);

  // Every control, for the error summary's links.
  const fields: Record<string, FieldMeta> = {};
  for (const day of DAYS) {
    draft.hours[day].forEach((_, i) => {
      const slot = t('calendar.slotName', { day: dayName(day), n: i + 1 });
      for (const part of ['open', 'close'] as const) {
        const path = `openingHours.${day}.${i}.${part}`;
        fields[path] = { id: fieldId(path), label: `${slot}: ${t(`calendar.${part}`)}` };
      }
    });
  }
  draft.closures.forEach((_, i) => {
    for (const part of ['date', 'reason'] as const) {
      const path = `closures.${i}.${part}`;
      fields[path] = {
        id: fieldId(path),
        label: `${t('calendar.closureName', { n: i + 1 })}: ${t(`calendar.closure.${part}`)}`,
      };
    }
  });
  const form = useForm({}, fields);
  const conflict = isApiError(save.error) && save.error.code === 'version_conflict';

  const setHours = (day: Day, next: Interval[]) =>
    setDraft((d) => ({ ...d, hours: { ...d.hours, [day]: next } }));
  const setClosures = (next: Closure[]) => setDraft((d) => ({ ...d, closures: next }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(() => {
      const data = form.validate(calendarSchema.safeParse(toDefinition(draft)), (found) => {
        for (const day of DAYS) {
          draft.hours[day].forEach((interval, i) => {
            const key = `openingHours.${day}.${i}.close`;
            if (!found[key] && interval.open && interval.close && interval.close <= interval.open) {
              found[key] = t('calendar.closeAfterOpen');
            }
          });
        }
        const seen = new Set<string>();
        draft.closures.forEach((closure, i) => {
          const key = `closures.${i}.date`;
          if (closure.date && seen.has(closure.date) && !found[key]) found[key] = t('calendar.duplicateDate');
          seen.add(closure.date);
        });
      });
      if (!data) {
        focusLater(ERRORS_ID);
        return;
      }
      save.mutate(
        { definition: data, version: calendar.version },
        {
          onSuccess: onSaved,
          onError: (error) => {
            const found: FieldErrors = {};
            if (isApiError(error)) {
              for (const { field, message } of error.errors) {
                const key = field.replace(/^definition\./, '');
                if (key !== 'version' && !found[key]) found[key] = message;
              }
            }
            form.report(found);
            focusLater(ERRORS_ID);
          },
        },
      );
    })(event);

  const disabled = !canEdit;
  return (
    <form className="vd-form vd-form--wide vd-stack vd-stack--loose" onSubmit={onSubmit} noValidate>
      <FormErrorAlert form={form} error={save.error} id={ERRORS_ID} />
      {conflict ? (
        <div>
          <Button appearance="secondary-action-button" onClick={onReload}>
            {t('common.reload')}
          </Button>
        </div>
      ) : null}

      <Section headingId="cal-hours-heading" title={t('calendar.hoursTitle')}>
        <Paragraph>{t('calendar.hoursIntro')}</Paragraph>
        {DAYS.map((day) => {
          const intervals = draft.hours[day];
          return (
            <fieldset key={day} className="vd-fieldset">
              <legend>{dayName(day)}</legend>
              {intervals.length === 0 ? <Paragraph>{t('calendar.closedDay')}</Paragraph> : null}
              {intervals.map((interval, i) => {
                const slot = t('calendar.slotName', { day: dayName(day), n: i + 1 });
                const update = (patch: Partial<Interval>) =>
                  setHours(
                    day,
                    intervals.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                  );
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
                  <fieldset key={i} className="vd-row vd-row--inline">
                    <legend className="vd-row__legend">{slot}</legend>
                    {(['open', 'close'] as const).map((part) => {
                      const path = `openingHours.${day}.${i}.${part}`;
                      return (
                        <TextField
                          key={part}
                          id={fieldId(path)}
                          label={t(`calendar.${part}`)}
                          type="time"
                          className="vd-input-short"
                          value={interval[part]}
                          onChange={(event) => update({ [part]: event.target.value })}
                          error={form.errors[path]}
                          disabled={disabled}
                          required
                        />
                      );
                    })}
                    {canEdit ? (
                      <Button
                        appearance="secondary-action-button"
                        onClick={() => {
                          setHours(
                            day,
                            intervals.filter((_, j) => j !== i),
                          );
                          focusLater(`cal-add-${day}`);
                        }}
                      >
                        {t('calendar.removeSlot', { slot })}
                      </Button>
                    ) : null}
                  </fieldset>
                );
              })}
              {canEdit && intervals.length < MAX_INTERVALS ? (
                <div>
                  <Button
                    id={`cal-add-${day}`}
                    appearance="subtle-button"
                    onClick={() => {
                      const last = intervals[intervals.length - 1];
                      setHours(day, [
                        ...intervals,
                        last ? { open: last.close, close: '17:00' } : { open: '09:00', close: '17:00' },
                      ]);
                      focusLater(fieldId(`openingHours.${day}.${intervals.length}.open`));
                    }}
                  >
                    {t('calendar.addSlot', { day: dayName(day) })}
                  </Button>
                </div>
              ) : null}
            </fieldset>
          );
        })}
      </Section>

      <Section headingId="cal-holidays-choice-heading" title={t('calendar.holidayChoicesTitle')}>
        <CheckboxField
          id="cal-goodFridayClosed"
          label={t('calendar.goodFridayClosed')}
          checked={draft.goodFridayClosed}
          onChange={(event) => setDraft((d) => ({ ...d, goodFridayClosed: event.target.checked }))}
          disabled={disabled}
        />
        <SelectField
          id="cal-liberationDayClosed"
          label={t('calendar.liberationDayClosed')}
          value={draft.liberationDayClosed}
          onChange={(event) =>
            setDraft((d) => ({ ...d, liberationDayClosed: event.target.value as Liberation }))
          }
          options={LIBERATION.map((value) => ({ value, label: t(`calendar.liberation.${value}`) }))}
          disabled={disabled}
        />
      </Section>

      <Section headingId="cal-closures-heading" title={t('calendar.closuresTitle')}>
        <Paragraph>{t('calendar.closuresIntro')}</Paragraph>
        {draft.closures.length === 0 ? <Paragraph>{t('calendar.noClosures')}</Paragraph> : null}
        {draft.closures.map((closure, i) => {
          const name = t('calendar.closureName', { n: i + 1 });
          const update = (patch: Partial<Closure>) =>
            setClosures(draft.closures.map((x, j) => (j === i ? { ...x, ...patch } : x)));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
            <fieldset key={i} className="vd-row vd-row--inline">
              <legend className="vd-row__legend">{name}</legend>
              <TextField
                id={fieldId(`closures.${i}.date`)}
                label={t('calendar.closure.date')}
                type="date"
                className="vd-input-short"
                value={closure.date}
                onChange={(event) => update({ date: event.target.value })}
                error={form.errors[`closures.${i}.date`]}
                disabled={disabled}
                required
              />
              <TextField
                id={fieldId(`closures.${i}.reason`)}
                label={t('calendar.closure.reason')}
                value={closure.reason}
                onChange={(event) => update({ reason: event.target.value })}
                error={form.errors[`closures.${i}.reason`]}
                maxLength={200}
                autoComplete="off"
                disabled={disabled}
                required
              />
              {canEdit ? (
                <Button
                  appearance="secondary-action-button"
                  onClick={() => {
                    setClosures(draft.closures.filter((_, j) => j !== i));
                    focusLater('cal-add-closure');
                  }}
                >
                  {t('calendar.removeClosure', { name })}
                </Button>
              ) : null}
            </fieldset>
          );
        })}
        {canEdit ? (
          <div>
            <Button
              id="cal-add-closure"
              appearance="subtle-button"
              onClick={() => {
                setClosures([...draft.closures, { date: '', reason: '' }]);
                focusLater(fieldId(`closures.${draft.closures.length}.date`));
              }}
            >
              {t('calendar.addClosure')}
            </Button>
          </div>
        ) : null}
      </Section>

      {canEdit ? (
        <ButtonGroup>
          <SubmitButton busy={save.isPending}>{t('common.save')}</SubmitButton>
        </ButtonGroup>
      ) : null}
    </form>
  );
}

function HolidaysTable({ holidays }: { holidays: Holiday[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Section headingId="cal-result-heading" title={t('calendar.holidaysTitle')}>
      <Paragraph>{t('calendar.holidaysIntro')}</Paragraph>
      {holidays.length === 0 ? (
        <Paragraph>{t('calendar.noHolidays')}</Paragraph>
      ) : (
        <Table caption={t('calendar.holidaysCaption')} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('calendar.closure.date')}</TableHeaderCell>
              <TableHeaderCell>{t('calendar.holidayName')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {holidays.map((holiday) => (
              <TableRow key={`${holiday.date}-${holiday.name}`}>
                <TableHeaderCell scope="row">
                  <time dateTime={holiday.date}>{f.date(`${holiday.date}T12:00:00`)}</time>
                </TableHeaderCell>
                <TableCell>{holiday.name}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

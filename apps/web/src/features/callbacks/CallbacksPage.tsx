import { Button } from '@utrecht/button-react';
import type { Callback, CallbackResult } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { displayPhone, slotText } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useCallbackAttempt, useCallbacks } from './api.ts';

const RESULTS: CallbackResult[] = ['reached', 'not_reached', 'message_left'];

/**
 * Callback requests still to make, for one team or all the user's teams: the overdue ones flagged (and
 * first, as the API orders them), each attempt recorded with one button. "Reached" closes the request.
 */
export function CallbacksPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('callbacks.title'));
  const me = useCurrentUser();
  const teams = [...new Map(me.memberships.map((m) => [m.teamId, m.teamName])).entries()];
  const [teamId, setTeamId] = useState('');
  const [overdue, setOverdue] = useState(false);
  const callbacks = useCallbacks({ ...(teamId ? { teamId } : {}), ...(overdue ? { overdue: 'true' } : {}) });
  const attempt = useCallbackAttempt();
  const [done, setDone] = useState<string | null>(null);

  const record = (callback: Callback, result: CallbackResult) => {
    setDone(null);
    attempt.mutate(
      { id: callback.id, result },
      {
        onSuccess: (updated) =>
          setDone(
            t(updated.state === 'done' ? 'callbacks.recordedDone' : 'callbacks.recorded', {
              result: t(`callbacks.result.${result}`),
              who: updated.customer?.name ?? displayPhone(updated.phone),
            }),
          ),
      },
    );
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('callbacks.title')} intro={t('callbacks.intro')} />
      <div className="vd-filters__grid">
        <SelectField
          id="callbacks-team"
          label={t('callbacks.team')}
          value={teamId}
          onChange={(event) => setTeamId(event.target.value)}
          emptyOption={t('callbacks.allTeams')}
          options={teams.map(([id, name]) => ({ value: id, label: name }))}
        />
        <CheckboxField
          id="callbacks-overdue"
          label={t('callbacks.onlyOverdue')}
          checked={overdue}
          onChange={(event) => setOverdue(event.target.checked)}
        />
      </div>
      {done ? <Notice>{done}</Notice> : null}
      {attempt.isError ? <ErrorAlert error={attempt.error} /> : null}
      {callbacks.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {callbacks.isError ? <ErrorAlert error={callbacks.error} /> : null}
      {callbacks.data ? (
        callbacks.data.length === 0 ? (
          <Paragraph>{t('callbacks.none')}</Paragraph>
        ) : (
          <CallbackTable items={callbacks.data} onRecord={record} busy={attempt.isPending} />
        )
      ) : null}
    </div>
  );
}

function CallbackTable({
  items,
  onRecord,
  busy,
}: {
  items: Callback[];
  onRecord: (callback: Callback, result: CallbackResult) => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const now = Date.now();
  return (
    <Table caption={t('callbacks.caption', { count: items.length })}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('callbacks.who')}</TableHeaderCell>
          <TableHeaderCell>{t('callbacks.due')}</TableHeaderCell>
          <TableHeaderCell>{t('callbacks.about')}</TableHeaderCell>
          <TableHeaderCell>{t('callbacks.attempts')}</TableHeaderCell>
          <TableHeaderCell>{t('callbacks.record')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((callback) => {
          const who = callback.customer?.name ?? t('callbacks.unknownCustomer');
          const last = callback.attempts.at(-1);
          return (
            <TableRow key={callback.id}>
              <TableHeaderCell scope="row">
                {who}
                <span className="vd-block vd-nowrap">{displayPhone(callback.phone)}</span>
              </TableHeaderCell>
              <TableCell>
                <span className="vd-nowrap">{f.dateTime(callback.dueAt)}</span>
                {callback.slot ? (
                  <span className="vd-block">
                    {t('callbackSlot.slot', { slot: slotText(callback.slot, i18n.language) })}
                  </span>
                ) : null}
                {callback.slot && Date.parse(callback.slot.start) > now ? (
                  <span className="vd-block">
                    <StatusBadge status="neutral">{t('callbackSlot.notYet')}</StatusBadge>
                  </span>
                ) : null}
                {callback.overdue ? (
                  <span className="vd-block">
                    <StatusBadge status="warning">{t('callbacks.overdue')}</StatusBadge>
                  </span>
                ) : null}
              </TableCell>
              <TableCell>
                {callback.item ? <strong className="vd-block">{callback.item.name}</strong> : null}
                {callback.note}
                <span className="vd-block vd-muted">{callback.team.name}</span>
              </TableCell>
              <TableCell>
                {last
                  ? t('callbacks.lastAttempt', {
                      count: callback.attempts.length,
                      result: t(`callbacks.result.${last.result}`),
                      date: f.dateTime(last.at),
                    })
                  : t('callbacks.noAttempts')}
              </TableCell>
              <TableCell>
                <ButtonGroup className="vd-callback-actions">
                  {RESULTS.map((result) => (
                    <Button
                      key={result}
                      appearance={result === 'reached' ? 'primary-action-button' : 'secondary-action-button'}
                      disabled={busy}
                      aria-label={t('callbacks.recordFor', { result: t(`callbacks.result.${result}`), who })}
                      onClick={() => onRecord(callback, result)}
                    >
                      {t(`callbacks.result.${result}`)}
                    </Button>
                  ))}
                </ButtonGroup>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

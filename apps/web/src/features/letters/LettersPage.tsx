import { Button } from '@utrecht/button-react';
import type { Letter, LetterState } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { letterPdfUrl, useLetters, useMarkLetterSent } from './api.ts';

const STATES: LetterState[] = ['to_send', 'sent'];

/**
 * "Post te versturen": letters to people without an email address. Staff download each as a PDF, print and
 * post it, and mark it "Verstuurd per post" (who and when are recorded). The letters sent are one choice away.
 */
export function LettersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('letters.title'));
  const [state, setState] = useState<LetterState>('to_send');
  const letters = useLetters(state);
  const mark = useMarkLetterSent();
  const [done, setDone] = useState<string | null>(null);
  const who = (letter: Letter) => letter.recipientName ?? t('letters.unknownPerson');

  const markSent = (letter: Letter) => {
    setDone(null);
    mark.mutate(letter.id, { onSuccess: () => setDone(t('letters.marked', { who: who(letter) })) });
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('letters.title')} intro={t('letters.intro')} />
      <div className="vd-filters__grid">
        <SelectField
          id="letters-state"
          label={t('letters.show')}
          value={state}
          onChange={(event) => {
            setDone(null);
            setState(event.target.value as LetterState);
          }}
          options={STATES.map((s) => ({ value: s, label: t(`letters.state.${s}`) }))}
        />
      </div>
      {done ? <Notice>{done}</Notice> : null}
      {mark.isError ? <ErrorAlert error={mark.error} /> : null}
      {letters.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {letters.isError ? <ErrorAlert error={letters.error} /> : null}
      {letters.data ? (
        letters.data.length === 0 ? (
          <Paragraph>{t(`letters.none.${state}`)}</Paragraph>
        ) : (
          <LetterTable
            items={letters.data}
            onMarkSent={markSent}
            busyId={mark.isPending ? mark.variables : undefined}
          />
        )
      ) : null}
    </div>
  );
}

function LetterTable({
  items,
  onMarkSent,
  busyId,
}: {
  items: Letter[];
  onMarkSent: (letter: Letter) => void;
  busyId: string | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table caption={t('letters.caption', { count: items.length })}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('letters.to')}</TableHeaderCell>
          <TableHeaderCell>{t('letters.case')}</TableHeaderCell>
          <TableHeaderCell>{t('letters.subject')}</TableHeaderCell>
          <TableHeaderCell>{t('letters.written')}</TableHeaderCell>
          <TableHeaderCell>{t('letters.action')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((letter) => {
          const who = letter.recipientName ?? t('letters.unknownPerson');
          return (
            <TableRow key={letter.id}>
              <TableHeaderCell scope="row">
                {who}
                {letter.address.map((line) => (
                  <span key={line} className="vd-block vd-muted vd-small">
                    {line}
                  </span>
                ))}
              </TableHeaderCell>
              <TableCell>
                {letter.caseId ? (
                  <Link
                    className="utrecht-link utrecht-link--html-a vd-nowrap"
                    to={`/cases/${letter.caseId}`}
                  >
                    {letter.reference}
                  </Link>
                ) : (
                  letter.reference
                )}
              </TableCell>
              <TableCell>
                <span lang={letter.language}>{letter.subject}</span>
                {letter.senderAddressMissing ? (
                  <span className="vd-block vd-muted vd-small">{t('letters.noSender')}</span>
                ) : null}
              </TableCell>
              <TableCell className="vd-nowrap">{f.dateTime(letter.createdAt)}</TableCell>
              <TableCell>
                <div className="vd-stack">
                  <a
                    className="utrecht-link utrecht-link--html-a vd-nowrap"
                    href={letterPdfUrl(letter.id)}
                    download
                    aria-label={t('letters.downloadFor', { who, subject: letter.subject })}
                  >
                    {t('letters.download')}
                  </a>
                  {letter.state === 'to_send' ? (
                    <Button
                      appearance="primary-action-button"
                      busy={busyId === letter.id}
                      disabled={busyId !== undefined}
                      aria-label={t('letters.markSentFor', { who, subject: letter.subject })}
                      onClick={() => onMarkSent(letter)}
                    >
                      {t('letters.markSent')}
                    </Button>
                  ) : letter.sentAt ? (
                    <span>
                      {t('letters.sentBy', { by: letter.sentBy ?? '—', date: f.dateTime(letter.sentAt) })}
                    </span>
                  ) : null}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

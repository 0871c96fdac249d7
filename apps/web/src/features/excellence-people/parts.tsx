import type { Compliment, PulseGroupResult, PulseQuestions } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Table } from '../../ui/Table.tsx';

/** A day (YYYY-MM-DD) in words, in the interface language: "6 december 2026". */
export function useDay() {
  const { i18n } = useTranslation();
  return (day: string) =>
    new Date(`${day}T12:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
}

/** Compliments as quotes: the resident's words, the grade and the day (never who gave it). */
export function ComplimentList({ items, withName }: { items: Compliment[]; withName?: boolean }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <ul className="vd-people-quotes">
      {items.map((c) => (
        <li key={c.id}>
          <blockquote className="utrecht-blockquote">
            <p className="utrecht-paragraph">{c.comment}</p>
          </blockquote>
          <p className="utrecht-paragraph vd-muted">
            {withName && c.employeeName
              ? t('people.team.complimentFor', {
                  grade: c.grade,
                  date: day(c.receivedOn),
                  name: c.employeeName,
                })
              : t('people.team.compliment', { grade: c.grade, date: day(c.receivedOn) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** A pulse result table: one row per statement, one column per shown group. */
export function PulseTable({
  caption,
  questions,
  groups,
}: {
  caption: string;
  questions: PulseQuestions;
  groups: { name: string; result: PulseGroupResult }[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  return (
    <Table caption={caption}>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th className="utrecht-table__header-cell" scope="col">
            {t('people.pulse.statement')}
          </th>
          {groups.map((g) => (
            <th key={g.name} className="utrecht-table__header-cell" scope="col">
              {g.name}
              <br />
              <span className="vd-muted">{t('people.pulse.respondents', { count: g.result.n })}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {questions.statements.map((s, i) => (
          <tr key={s.nl} className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="row">
              {s[lang]}
            </th>
            {groups.map((g) => (
              <td key={g.name} className="utrecht-table__cell">
                {t('people.pulse.cell', {
                  mean: number.format(g.result.means[i] ?? 0),
                  agree: `${g.result.agree[i] ?? 0}%`,
                })}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function Muted({ children }: { children: string }) {
  return <Paragraph className="vd-muted">{children}</Paragraph>;
}

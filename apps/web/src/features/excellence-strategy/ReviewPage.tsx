import { Button } from '@utrecht/button-react';
import type { ReviewTarget } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../lib/access.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import { useExplain, useImproveMiss, useReview } from './api.ts';
import { useStrategyFormat } from './format.ts';
import './strategy.css';

/** The periodic review (element 2): each target's actual value next to it, and why a missed one was missed. */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('strategy.review.title'));
  const [params] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const review = useReview(period);
  const f = useStrategyFormat();
  const data = review.data;
  const monthName = (p: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
      month: 'long',
      year: 'numeric',
    }).format(new Date(`${p}-15T12:00:00`));
  const periodName = (p: string) =>
    p.includes('Q')
      ? t('strategy.review.quarter', { quarter: p.slice(6), year: p.slice(0, 4) })
      : monthName(p);
  const quarterOf = (p: string) => `${p.slice(0, 4)}-Q${Math.floor((Number(p.slice(5, 7)) - 1) / 3) + 1}`;
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('strategy.review.title')} intro={t('strategy.review.intro')} />
      <ExcellenceNav />
      <Paragraph>
        <Link to="/excellence/strategy">{t('strategy.review.toStrategy')}</Link>
      </Paragraph>
      {review.isError ? <ErrorAlert error={review.error} /> : null}
      {review.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {data ? (
        <>
          <Heading level={2} id="review-period">
            {periodName(data.period)}
            {data.partial ? ` ${t('strategy.review.partial')}` : ''}
          </Heading>
          <nav aria-labelledby="review-period" className="vd-strategy-periods">
            <ul className="utrecht-unordered-list">
              <li className="utrecht-unordered-list__item">
                <Link to={`?period=${data.previous}`}>
                  {t('strategy.review.previous', { period: periodName(data.previous) })}
                </Link>
              </li>
              {data.next ? (
                <li className="utrecht-unordered-list__item">
                  <Link to={`?period=${data.next}`}>
                    {t('strategy.review.next', { period: periodName(data.next) })}
                  </Link>
                </li>
              ) : null}
              {!data.period.includes('Q') ? (
                <li className="utrecht-unordered-list__item">
                  <Link to={`?period=${quarterOf(data.period)}`}>
                    {t('strategy.review.wholeQuarter', { period: periodName(quarterOf(data.period)) })}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
          {data.objectives.length === 0 ? <Paragraph>{t('strategy.review.none')}</Paragraph> : null}
          {data.objectives.map((o) => (
            <section key={o.id} aria-labelledby={`review-${o.id}`} className="vd-panel vd-stack">
              <Heading level={3} id={`review-${o.id}`}>
                {o.title}
              </Heading>
              <Paragraph className="vd-muted">
                {o.teamName
                  ? t('strategy.review.ownerTeam', { owner: o.ownerName, team: o.teamName })
                  : t('strategy.review.owner', { owner: o.ownerName })}
              </Paragraph>
              {o.targets.length === 0 ? (
                <Paragraph>{t('strategy.targets.none')}</Paragraph>
              ) : (
                <Table caption={t('strategy.review.caption', { title: o.title })}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('strategy.targets.kpi')}</TableHeaderCell>
                      <TableHeaderCell>{t('strategy.targets.target')}</TableHeaderCell>
                      <TableHeaderCell>{t('strategy.review.actual')}</TableHeaderCell>
                      <TableHeaderCell>{t('strategy.review.result')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {o.targets.map((x) => (
                      <TableRow key={x.id}>
                        <TableHeaderCell scope="row">{f.kpiName(x.kpiCode)}</TableHeaderCell>
                        <TableCell>
                          {t(`strategy.targets.direction.${x.direction === 'lower' ? 'lower' : 'higher'}`, {
                            value: f.value(x.target, x.unit),
                          })}
                        </TableCell>
                        <TableCell>
                          {f.value(x.value, x.unit)}{' '}
                          <span className="vd-muted">({t('strategy.review.basedOn', { count: x.n })})</span>
                        </TableCell>
                        <TableCell>
                          <StatusBadge
                            status={
                              x.status === 'met' ? 'active' : x.status === 'missed' ? 'warning' : 'neutral'
                            }
                          >
                            {t(`strategy.review.status.${x.status}`)}
                          </StatusBadge>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
              {o.targets
                .filter((x) => x.status === 'missed')
                .map((x) => (
                  <Explanation key={x.id} target={x} period={data.period} />
                ))}
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}

function Explanation({ target: x, period }: { target: ReviewTarget; period: string }) {
  const { t } = useTranslation();
  const f = useStrategyFormat();
  const explain = useExplain();
  const improve = useImproveMiss();
  const me = useCurrentUser();
  const mayImprove = useCan('manageImprovements') && x.mayExplain;
  const [saved, setSaved] = useState(false);
  const errorsId = `explain-errors-${x.id}`;
  const form = useForm(
    { text: x.explanation?.text ?? '' },
    { text: { id: `explain-${x.id}`, label: t('strategy.review.why', { kpi: f.kpiName(x.kpiCode) }) } },
  );
  const headingId = `explanation-${x.id}`;
  return (
    <section aria-labelledby={headingId} className="vd-stack">
      <Heading level={4} id={headingId}>
        {t('strategy.review.explanationOf', { kpi: f.kpiName(x.kpiCode) })}
      </Heading>
      {x.explanation?.text ? (
        <blockquote className="vd-strategy-quote">
          <Paragraph>{x.explanation.text}</Paragraph>
          <Paragraph className="vd-muted">
            {t('strategy.review.explainedBy', {
              name: x.explanation.authorName,
              date: f.day(x.explanation.updatedAt.slice(0, 10)),
            })}
          </Paragraph>
        </blockquote>
      ) : (
        <Paragraph>{t('strategy.review.notExplained')}</Paragraph>
      )}
      {x.mayExplain ? (
        <>
          <FormErrorAlert form={form} error={explain.error ?? undefined} id={errorsId} />
          {saved ? <Notice>{t('strategy.review.saved')}</Notice> : null}
          <form
            className="vd-form"
            noValidate
            onSubmit={form.submit(() => {
              setSaved(false);
              if (!form.report(form.values.text.trim() ? {} : { text: t('validation.required') })) {
                focusLater(errorsId);
                return;
              }
              explain.mutate(
                { targetId: x.id, period, text: form.values.text.trim() },
                {
                  onSuccess: () => setSaved(true),
                  onError: (error) => {
                    form.onError(error);
                    focusLater(errorsId);
                  },
                },
              );
            })}
          >
            <TextareaField {...form.field('text')} rows={3} />
            <ButtonGroup>
              <Button
                type="submit"
                appearance="primary-action-button"
                busy={explain.isPending}
                disabled={explain.isPending}
              >
                {t('strategy.review.save')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      ) : null}
      {x.explanation?.improvementId ? (
        <Paragraph>
          {t('strategy.review.improved')}{' '}
          <Link to={`/excellence/improvements/${x.explanation.improvementId}`}>
            {t('strategy.review.toImprovement')}
          </Link>
        </Paragraph>
      ) : mayImprove ? (
        <>
          {improve.isError ? <ErrorAlert error={improve.error} /> : null}
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              busy={improve.isPending}
              disabled={improve.isPending}
              onClick={() => improve.mutate({ targetId: x.id, period, ownerId: me.id })}
            >
              {t('strategy.review.improve')}
            </Button>
          </ButtonGroup>
        </>
      ) : null}
    </section>
  );
}

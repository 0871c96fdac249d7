import { Button } from '@utrecht/button-react';
import {
  type AssessmentConsensusRow,
  type AssessmentDetail,
  KPI_CATALOGUE,
  KPI_CODES,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import {
  useAgree,
  useAssessment,
  useClose,
  useConsensus,
  useCreateAction,
  usePeople,
  useResults,
  useScore,
  useStartConsensus,
  useSubmit,
} from './api.ts';
import { RadarChart } from './RadarChart.tsx';
import './assessments.css';

type Lang = 'nl' | 'en';
const useLang = (): Lang => (useTranslation().i18n.language === 'en' ? 'en' : 'nl');

/** One self-assessment: scoring (each rater alone), the consensus round, and the profile with its actions. */
const CONSENSUS_FIRST = ['consensus', 'results'] as const;
const RESULTS_FIRST = ['results', 'consensus'] as const;

export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const query = useAssessment(id);
  const a = query.data;
  useDocumentTitle(a?.title ?? t('excellenceAssessments.title'));
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!a) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro
        title={a.title}
        intro={t('excellenceAssessments.detailIntro', {
          model: `${a.model.name[lang]} (v${a.modelVersion})`,
          date: a.referenceDate,
          phase: t(`excellenceAssessments.status.${a.status}`),
        })}
      />
      <ExcellenceNav />
      <Paragraph>
        <Link to="/excellence/assessments">{t('excellenceAssessments.back')}</Link>
      </Paragraph>
      <RatersSection a={a} />
      {a.status === 'scoring' && a.myRole === 'rater' ? <ScoringSection a={a} /> : null}
      {a.status === 'scoring' && a.myRole === 'submitted' ? (
        <Notice>{t('excellenceAssessments.submittedNotice')}</Notice>
      ) : null}
      {/* Once scoring is over: in consensus the round comes first, closed the results do. Keyed, so that closing the
          assessment moves the results without making them anew (a choice in the action form stays). */}
      {(a.status === 'scoring' ? [] : a.status === 'closed' ? RESULTS_FIRST : CONSENSUS_FIRST).map((part) =>
        part === 'consensus' ? <ConsensusSection key={part} a={a} /> : <ResultsSection key={part} a={a} />,
      )}
      <ScaleSection a={a} />
    </div>
  );
}

function RatersSection({ a }: { a: AssessmentDetail }) {
  const { t } = useTranslation();
  const start = useStartConsensus(a.id);
  return (
    <Section headingId="raters-heading" title={t('excellenceAssessments.raters')}>
      <ul className="utrecht-unordered-list">
        {a.raterList.map((r) => (
          <li key={r.userId} className="utrecht-unordered-list__item">
            {r.name}:{' '}
            {r.submittedAt
              ? t('excellenceAssessments.hasSubmitted')
              : t('excellenceAssessments.notSubmitted')}
          </li>
        ))}
      </ul>
      {a.status === 'scoring' && a.canRun ? (
        <>
          <Paragraph>{t('excellenceAssessments.consensusHint')}</Paragraph>
          {start.error ? <ErrorAlert error={start.error} /> : null}
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              disabled={a.submitted < 1 || start.isPending}
              onClick={() => start.mutate(a.version)}
            >
              {t('excellenceAssessments.startConsensus')}
            </Button>
          </ButtonGroup>
        </>
      ) : null}
    </Section>
  );
}

function ScoringSection({ a }: { a: AssessmentDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const submit = useSubmit(a.id);
  const done = new Set(a.myScores.map((s) => s.elementCode));
  const total = a.model.dimensions.reduce((n, d) => n + d.elements.length, 0);
  return (
    <Section headingId="scoring-heading" title={t('excellenceAssessments.scoringTitle')}>
      <Paragraph>{t('excellenceAssessments.scoringIntro')}</Paragraph>
      {a.model.dimensions.map((d) => (
        <section key={d.code} className="vd-stack" aria-labelledby={`dim-${d.code}`}>
          <h3 className="utrecht-heading-3" id={`dim-${d.code}`}>
            {d.name[lang]}
          </h3>
          {d.elements.map((e) => (
            <ElementForm key={e.code} a={a} element={e} />
          ))}
        </section>
      ))}
      <Paragraph>{t('excellenceAssessments.progress', { done: done.size, total })}</Paragraph>
      {submit.error ? <ErrorAlert error={submit.error} /> : null}
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          disabled={done.size < total || submit.isPending}
          onClick={() => submit.mutate(undefined)}
        >
          {t('excellenceAssessments.submit')}
        </Button>
      </ButtonGroup>
    </Section>
  );
}

type Element = AssessmentDetail['model']['dimensions'][number]['elements'][number];

function ElementForm({ a, element }: { a: AssessmentDetail; element: Element }) {
  const { t } = useTranslation();
  const lang = useLang();
  const mine = a.myScores.find((s) => s.elementCode === element.code);
  const [level, setLevel] = useState(mine ? (mine.level === null ? 'unknown' : String(mine.level)) : '');
  const [text, setText] = useState(mine?.evidence.text ?? '');
  const [kpi, setKpi] = useState(mine?.evidence.kpis[0] ?? '');
  const [documents, setDocuments] = useState((mine?.evidence.documents ?? []).join('\n'));
  const [saved, setSaved] = useState(false);
  const score = useScore(a.id);
  const base = `score-${element.code}`;
  const kpiValue = a.kpis.find((k) => k.code === kpi);
  return (
    <form
      className="vd-form vd-assessment-element"
      noValidate
      aria-labelledby={`${base}-name`}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        if (!level) return;
        score.mutate(
          {
            elementCode: element.code,
            level: level === 'unknown' ? null : Number(level),
            evidence: {
              text,
              kpis: kpi ? [kpi] : [],
              documents: documents
                .split('\n')
                .map((d) => d.trim())
                .filter(Boolean),
              improvements: [],
            },
          },
          { onSuccess: () => setSaved(true) },
        );
      }}
    >
      <h4 className="utrecht-heading-4" id={`${base}-name`}>
        {element.name[lang]}{' '}
        {mine ? <span className="vd-muted">({t('excellenceAssessments.scored')})</span> : null}
      </h4>
      <ul className="utrecht-unordered-list">
        {element.questions.map((q) => (
          <li key={q.nl} className="utrecht-unordered-list__item">
            {q[lang]}
          </li>
        ))}
      </ul>
      {score.error ? <ErrorAlert error={score.error} /> : null}
      <SelectField
        id={`${base}-level`}
        label={t('excellenceAssessments.level')}
        value={level}
        onChange={(event) => setLevel(event.target.value)}
        options={[
          { value: '', label: t('validation.choose') },
          ...a.model.scale.map((s) => ({ value: String(s.level), label: `${s.level}. ${s.name[lang]}` })),
          { value: 'unknown', label: t('excellenceAssessments.unknown') },
        ]}
      />
      <TextareaField
        id={`${base}-text`}
        label={t('excellenceAssessments.evidence')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={2}
        optional
      />
      <SelectField
        id={`${base}-kpi`}
        label={t('excellenceAssessments.kpi')}
        value={kpi}
        onChange={(event) => setKpi(event.target.value)}
        options={[
          { value: '', label: t('excellenceAssessments.noKpi') },
          ...KPI_CODES.map((c) => ({ value: c, label: KPI_CATALOGUE[c].name[lang] })),
        ]}
      />
      {kpiValue ? (
        <Paragraph>
          {t('excellenceAssessments.kpiValue', {
            value: kpiValue.value === null ? '—' : kpiValue.value,
            from: kpiValue.from,
            to: kpiValue.to,
          })}
        </Paragraph>
      ) : null}
      <TextareaField
        id={`${base}-docs`}
        label={t('excellenceAssessments.documents')}
        description={t('excellenceAssessments.documentsHint')}
        value={documents}
        onChange={(event) => setDocuments(event.target.value)}
        rows={2}
        optional
      />
      {saved ? <Notice>{t('excellenceAssessments.saved')}</Notice> : null}
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" disabled={!level || score.isPending}>
          {t('excellenceAssessments.save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function ConsensusSection({ a }: { a: AssessmentDetail }) {
  const { t } = useTranslation();
  const consensus = useConsensus(a.id, true);
  const close = useClose(a.id);
  const rows = consensus.data ?? [];
  const open = rows.filter((r) => !r.agreed).length;
  return (
    <Section headingId="consensus-heading" title={t('excellenceAssessments.consensusTitle')}>
      <Paragraph>{t('excellenceAssessments.consensusIntro')}</Paragraph>
      {consensus.isError ? <ErrorAlert error={consensus.error} /> : null}
      {rows.map((row) => (
        <ConsensusRow key={row.elementCode} a={a} row={row} />
      ))}
      {a.status === 'consensus' && a.canRun ? (
        <>
          <Paragraph>{t('excellenceAssessments.openCount', { count: open })}</Paragraph>
          {close.error ? <ErrorAlert error={close.error} /> : null}
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              disabled={open > 0 || close.isPending}
              onClick={() => close.mutate(a.version)}
            >
              {t('excellenceAssessments.close')}
            </Button>
          </ButtonGroup>
        </>
      ) : null}
    </Section>
  );
}

function elementName(a: AssessmentDetail, code: string, lang: Lang) {
  for (const d of a.model.dimensions) for (const e of d.elements) if (e.code === code) return e.name[lang];
  return code;
}

function ConsensusRow({ a, row }: { a: AssessmentDetail; row: AssessmentConsensusRow }) {
  const { t } = useTranslation();
  const lang = useLang();
  const agree = useAgree(a.id);
  const [level, setLevel] = useState(row.agreed ? String(row.agreed.level) : '');
  const [note, setNote] = useState(row.agreed?.note ?? '');
  const base = `agree-${row.elementCode}`;
  const name = elementName(a, row.elementCode, lang);
  return (
    <div className="vd-stack vd-assessment-element">
      <h3 className="utrecht-heading-3" id={`${base}-name`}>
        {name}{' '}
        {row.flagged ? (
          <span className="vd-assessment-flag">
            {t('excellenceAssessments.flagged', { spread: row.spread })}
          </span>
        ) : null}
      </h3>
      <div>
        <Table caption={t('excellenceAssessments.scoresOf', { element: name })} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('excellenceAssessments.rater')}</TableHeaderCell>
              <TableHeaderCell>{t('excellenceAssessments.level')}</TableHeaderCell>
              <TableHeaderCell>{t('excellenceAssessments.evidence')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {row.scores.map((s) => (
              <TableRow key={s.userId}>
                <TableHeaderCell scope="row">{s.name}</TableHeaderCell>
                <TableCell>{s.level ?? t('excellenceAssessments.unknown')}</TableCell>
                <TableCell>
                  {[
                    s.evidence.text,
                    ...s.evidence.kpis.map((k) => KPI_CATALOGUE[k as 'contacts']?.name[lang] ?? k),
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                  {s.evidence.documents.map((d) => (
                    <span key={d}>
                      {' '}
                      <a href={d} rel="noreferrer noopener" target="_blank">
                        {t('excellenceAssessments.document')}
                      </a>
                    </span>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {row.agreed ? (
        <Paragraph>
          {t('excellenceAssessments.agreedLevel', { level: row.agreed.level })}
          {row.agreed.note ? ` ${row.agreed.note}` : ''}
        </Paragraph>
      ) : null}
      {a.status === 'consensus' && a.canRun ? (
        <form
          className="vd-form"
          noValidate
          aria-labelledby={`${base}-name`}
          onSubmit={(event) => {
            event.preventDefault();
            if (!level) return;
            agree.mutate({
              elementCode: row.elementCode,
              level: Number(level),
              note,
              version: row.agreed?.version ?? 0,
            });
          }}
        >
          {agree.error ? <ErrorAlert error={agree.error} /> : null}
          <SelectField
            id={`${base}-level`}
            label={t('excellenceAssessments.agreed')}
            value={level}
            onChange={(event) => setLevel(event.target.value)}
            options={[
              { value: '', label: t('validation.choose') },
              ...a.model.scale.map((s) => ({ value: String(s.level), label: `${s.level}. ${s.name[lang]}` })),
            ]}
          />
          <TextareaField
            id={`${base}-note`}
            label={t('excellenceAssessments.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            rows={2}
            optional
          />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" disabled={!level || agree.isPending}>
              {t('excellenceAssessments.saveAgreed')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </div>
  );
}

function ResultsSection({ a }: { a: AssessmentDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const results = useResults(a.id, true);
  const r = results.data;
  if (results.isError) return <ErrorAlert error={results.error} />;
  if (!r) return null;
  const elements = r.elements.map((e) => elementName(a, e.elementCode, lang));
  const agreedName = t('excellenceAssessments.agreedProfile');
  const earlier = r.trend.filter((x) => x.id !== a.id);
  const series = [
    { name: agreedName, values: r.elements.map((e) => e.level) },
    ...r.raters.map((p) => ({
      name: p.name,
      values: r.elements.map((e) => p.levels.find((l) => l.elementCode === e.elementCode)?.level ?? null),
    })),
    ...earlier.slice(-1).map((x) => ({
      name: x.title,
      values: r.elements.map((e) => x.levels.find((l) => l.elementCode === e.elementCode)?.level ?? null),
    })),
  ];
  const weakest = [...r.elements]
    .filter((e) => e.level !== null)
    .sort((x, y) => (x.level ?? 0) - (y.level ?? 0))[0];
  return (
    <Section headingId="results-heading" title={t('excellenceAssessments.resultsTitle')}>
      <RadarChart title={t('excellenceAssessments.radar.elements')} axes={elements} series={series} />
      <RadarChart
        title={t('excellenceAssessments.radar.dimensions')}
        axes={a.model.dimensions.map((d) => d.name[lang])}
        series={[{ name: agreedName, values: r.dimensions.map((d) => d.mean) }]}
      />
      {r.trend.length > 0 ? (
        <Table caption={t('excellenceAssessments.trendCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('excellenceAssessments.name')}</TableHeaderCell>
              <TableHeaderCell>{t('excellenceAssessments.closedAt')}</TableHeaderCell>
              <TableHeaderCell>{t('excellenceAssessments.mean')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.trend.map((x) => (
              <TableRow key={x.id}>
                <TableHeaderCell scope="row">{x.title}</TableHeaderCell>
                <TableCell>{x.closedAt.slice(0, 10)}</TableCell>
                <TableCell>{x.mean === null ? '—' : String(x.mean).replace('.', ',')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {a.canRun ? <ActionsSection a={a} elements={r.elements} weakest={weakest?.elementCode} /> : null}
    </Section>
  );
}

function ActionsSection({
  a,
  elements,
  weakest,
}: {
  a: AssessmentDetail;
  elements: { elementCode: string; level: number | null; improvementId: string | null }[];
  weakest: string | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const people = usePeople(true);
  const create = useCreateAction(a.id);
  const [owner, setOwner] = useState('');
  const [element, setElement] = useState(weakest ?? '');
  const withAction = elements.filter((e) => e.improvementId);
  return (
    <section className="vd-stack vd-panel" aria-labelledby="actions-heading">
      <h3 className="utrecht-heading-3" id="actions-heading">
        {t('excellenceAssessments.actionsTitle')}
      </h3>
      <Paragraph>{t('excellenceAssessments.actionsIntro')}</Paragraph>
      {withAction.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {withAction.map((e) => (
            <li key={e.elementCode} className="utrecht-unordered-list__item">
              <Link to={`/excellence/improvements/${e.improvementId}`}>
                {t('excellenceAssessments.actionFor', { element: elementName(a, e.elementCode, lang) })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <form
        className="vd-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (element && owner) create.mutate({ elementCode: element, ownerId: owner });
        }}
      >
        <SelectField
          id="action-element"
          label={t('excellenceAssessments.element')}
          value={element}
          onChange={(event) => setElement(event.target.value)}
          options={elements
            .filter((e) => e.level !== null && !e.improvementId)
            .map((e) => ({
              value: e.elementCode,
              label: `${elementName(a, e.elementCode, lang)} (${e.level})`,
            }))}
        />
        <SelectField
          id="action-owner"
          label={t('excellenceAssessments.owner')}
          value={owner}
          onChange={(event) => setOwner(event.target.value)}
          options={[
            { value: '', label: t('validation.choose') },
            ...(people.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            disabled={!element || !owner || create.isPending}
          >
            {t('excellenceAssessments.makeAction')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function ScaleSection({ a }: { a: AssessmentDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Section headingId="scale-heading" title={t('excellenceAssessments.scaleTitle')}>
      <dl>
        {a.model.scale.map((s) => (
          <div key={s.level}>
            <dt>
              <strong>
                {s.level}. {s.name[lang]}
              </strong>
            </dt>
            <dd>{s.description[lang]}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

import { Button } from '@utrecht/button-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../lib/access.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import { useAssessments, useModels, usePeople, useStart } from './api.ts';

/** The self-assessments of the organisation (or those one is invited to), and starting a new one. */
export function AssessmentsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('excellenceAssessments.title'));
  const mayRun = useCan('runAssessments');
  const list = useAssessments();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('excellenceAssessments.title')} intro={t('excellenceAssessments.intro')} />
      <ExcellenceNav />
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {list.data && list.data.length === 0 ? <Paragraph>{t('excellenceAssessments.none')}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <Table caption={t('excellenceAssessments.listCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('excellenceAssessments.name')}</TableHeaderCell>
              <TableHeaderCell>{t('excellenceAssessments.model')}</TableHeaderCell>
              <TableHeaderCell>{t('excellenceAssessments.referenceDate')}</TableHeaderCell>
              <TableHeaderCell>{t('excellenceAssessments.phase')}</TableHeaderCell>
              <TableHeaderCell>{t('excellenceAssessments.submittedOf')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.map((a) => (
              <TableRow key={a.id}>
                <TableHeaderCell scope="row">
                  <Link to={`/excellence/assessments/${a.id}`}>{a.title}</Link>
                </TableHeaderCell>
                <TableCell>
                  {a.modelName[lang]} (v{a.modelVersion})
                </TableCell>
                <TableCell>{a.referenceDate}</TableCell>
                <TableCell>
                  {t(`excellenceAssessments.status.${a.status}`)}
                  {a.myRole === 'rater' && a.status === 'scoring' ? (
                    <>
                      {' '}
                      <strong>{t('excellenceAssessments.yourTurn')}</strong>
                    </>
                  ) : null}
                </TableCell>
                <TableCell>
                  {t('excellenceAssessments.submittedCount', { submitted: a.submitted, raters: a.raters })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {mayRun ? <StartSection /> : null}
    </div>
  );
}

const START_ERRORS = 'assessment-start-errors';

function StartSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const navigate = useNavigate();
  const models = useModels();
  const people = usePeople(true);
  const start = useStart();
  const [raters, setRaters] = useState<string[]>([]);
  const newest = (models.data ?? []).filter(
    (m, _i, all) => !all.some((o) => o.code === m.code && o.version > m.version),
  );
  const [modelCode, setModelCode] = useState('service-excellence');
  const form = useForm(
    { title: '', referenceDate: new Date().toISOString().slice(0, 10) },
    {
      title: { id: 'assessment-title', label: t('excellenceAssessments.name') },
      referenceDate: { id: 'assessment-date', label: t('excellenceAssessments.referenceDate') },
      raterIds: { id: 'assessment-raters', label: t('excellenceAssessments.raters') },
      modelCode: { id: 'assessment-model', label: t('excellenceAssessments.model') },
    },
  );
  return (
    <Section headingId="assessment-start-heading" title={t('excellenceAssessments.startTitle')} panel>
      <Paragraph>{t('excellenceAssessments.startIntro')}</Paragraph>
      <FormErrorAlert form={form} error={start.error ?? undefined} id={START_ERRORS} />
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          const errors: Record<string, string> = {};
          if (form.values.title.trim().length < 3) errors.title = t('validation.required');
          if (!/^\d{4}-\d{2}-\d{2}$/.test(form.values.referenceDate))
            errors.referenceDate = t('validation.required');
          if (raters.length === 0) errors.raterIds = t('excellenceAssessments.oneRater');
          if (!form.report(errors)) {
            focusLater(START_ERRORS);
            return;
          }
          start.mutate(
            {
              title: form.values.title.trim(),
              modelCode,
              referenceDate: form.values.referenceDate,
              raterIds: raters,
            },
            {
              onSuccess: ({ id }) => navigate(`/excellence/assessments/${id}`),
              onError: (error) => {
                form.onError(error);
                focusLater(START_ERRORS);
              },
            },
          );
        })}
      >
        <TextField {...form.field('title')} />
        <SelectField
          id="assessment-model"
          label={t('excellenceAssessments.model')}
          value={modelCode}
          onChange={(event) => setModelCode(event.target.value)}
          options={newest.map((m) => ({ value: m.code, label: `${m.name[lang]} (v${m.version})` }))}
        />
        <TextField {...form.field('referenceDate')} type="date" />
        <fieldset className="vd-fieldset" id="assessment-raters" tabIndex={-1}>
          <legend>{t('excellenceAssessments.raters')}</legend>
          <Paragraph>{t('excellenceAssessments.ratersHint')}</Paragraph>
          {form.errors.raterIds ? (
            <Paragraph className="vd-field-error">{form.errors.raterIds}</Paragraph>
          ) : null}
          {(people.data ?? []).map((p) => (
            <CheckboxField
              key={p.id}
              id={`rater-${p.id}`}
              label={p.name}
              checked={raters.includes(p.id)}
              onChange={(event) =>
                setRaters((r) => (event.target.checked ? [...r, p.id] : r.filter((x) => x !== p.id)))
              }
            />
          ))}
        </fieldset>
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={start.isPending}
            disabled={start.isPending}
          >
            {t('excellenceAssessments.start')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { RowsRefused } from '../../lib/RowsRefused.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Code } from '../../ui/Code.tsx';
import { Field } from '../../ui/Field.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { exportFile, type ImportReport, isCsv, runImport, type TransferKind } from './api.ts';

type Kind = TransferKind;
const KINDS = ['items', 'articles'] as const;

const RESULT_ID = 'transfer-result';
const ERRORS_ID = 'transfer-errors';

/** Import and export of the catalogue and the knowledge base (administrators). */
export function TransferPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('transfer.title'));
  const [file, setFile] = useState<File | null>(null);
  const [csvType, setCsvType] = useState<Kind>('items');
  const importer = useMutation({ mutationFn: runImport });
  const form = useForm({}, { file: { id: 'transfer-file', label: t('transfer.file') } });
  const problem = importer.error;
  const rowErrors = isApiError(problem) && problem.code === 'import_invalid' ? problem.errors : [];

  const start = (dryRun: boolean) => (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    form.submit(() => {
      if (!form.report(file ? {} : { file: t('transfer.fileRequired') }) || !file) {
        focusLater(ERRORS_ID);
        return;
      }
      importer.mutate(
        { file, csvType, dryRun, invalidJson: t('transfer.invalidJson') },
        {
          onSuccess: () => focusLater(RESULT_ID),
          onError: () => focusLater(ERRORS_ID),
        },
      );
    })({ preventDefault() {} } as FormEvent<HTMLFormElement>);
  };

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('transfer.title')} intro={t('transfer.intro')} />

      <Section headingId="transfer-import-heading" title={t('transfer.importTitle')} panel>
        <Paragraph>{t('transfer.importIntro')}</Paragraph>
        <FormErrorAlert
          form={form}
          error={rowErrors.length ? undefined : (problem ?? undefined)}
          id={rowErrors.length ? undefined : ERRORS_ID}
        />
        <form className="vd-form" onSubmit={start(false)} noValidate>
          <Field
            id="transfer-file"
            label={t('transfer.file')}
            description={t('transfer.fileHint')}
            error={form.errors.file}
          >
            {(control) => (
              <input
                id={control.id}
                aria-describedby={control['aria-describedby']}
                aria-invalid={control.invalid || undefined}
                type="file"
                accept=".json,.csv,application/json,text/csv"
                className="vd-file-input"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  importer.reset();
                }}
              />
            )}
          </Field>
          {file && isCsv(file) ? (
            <SelectField
              id="transfer-csv-type"
              label={t('transfer.csvType')}
              value={csvType}
              onChange={(event) => setCsvType(event.target.value as Kind)}
              options={KINDS.map((value) => ({ value, label: t(`transfer.kinds.${value}`) }))}
            />
          ) : null}
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              busy={importer.isPending}
              disabled={importer.isPending}
              onClick={() => start(true)()}
            >
              {t('transfer.check')}
            </Button>
            <Button
              type="submit"
              appearance="primary-action-button"
              busy={importer.isPending}
              disabled={importer.isPending}
            >
              {t('transfer.import')}
            </Button>
          </ButtonGroup>
        </form>
      </Section>

      {rowErrors.length ? (
        <RowsRefused
          id={ERRORS_ID}
          title={t('transfer.errorsTitle')}
          intro={t('transfer.errorsIntro', { count: rowErrors.length })}
          caption={t('transfer.errorsCaption')}
          headers={{ line: t('transfer.line'), field: t('transfer.field'), problem: t('transfer.message') }}
          rows={rowErrors.map((e) => ({ line: e.line, field: e.field, problem: e.message }))}
        >
          {isApiError(problem) && problem.requestId ? (
            <Paragraph appearance="small" className="vd-request-id">
              {t('errors.requestId', { id: problem.requestId })}
            </Paragraph>
          ) : null}
        </RowsRefused>
      ) : null}

      {importer.data ? <ReportSection report={importer.data} /> : null}

      <ExportSection />
    </div>
  );
}

function ReportSection({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section className="vd-stack" aria-labelledby="transfer-result-heading">
      <Heading level={2} id="transfer-result-heading">
        {report.dryRun ? t('transfer.reportDryRun') : t('transfer.reportDone')}
      </Heading>
      <Notice id={RESULT_ID}>{report.dryRun ? t('transfer.dryRunNotice') : t('transfer.doneNotice')}</Notice>
      {KINDS.map((kind) => (
        <Table key={kind} caption={t(`transfer.kinds.${kind}`)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('transfer.change')}</TableHeaderCell>
              <TableHeaderCell className="utrecht-table__header-cell--numeric-column">
                {t('transfer.countColumn')}
              </TableHeaderCell>
              <TableHeaderCell>{t('transfer.codes')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(['create', 'update', 'unchanged'] as const).map((change) => (
              <TableRow key={change}>
                <TableHeaderCell scope="row">{t(`transfer.changes.${change}`)}</TableHeaderCell>
                <TableCell className="utrecht-table__cell--numeric-data">
                  {report[kind][change].length}
                </TableCell>
                <TableCell>
                  {report[kind][change].length
                    ? report[kind][change].map((code, i) => (
                        <span key={code}>
                          {i > 0 ? ', ' : ''}
                          <Code>{code}</Code>
                        </span>
                      ))
                    : '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ))}
    </section>
  );
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ExportSection() {
  const { t } = useTranslation();
  const exporter = useMutation({
    mutationFn: async (what: 'json' | Kind) => {
      const { blob, name } = await exportFile(what);
      download(blob, name);
    },
  });
  return (
    <Section headingId="transfer-export-heading" title={t('transfer.exportTitle')} panel>
      <Paragraph>{t('transfer.exportIntro')}</Paragraph>
      {exporter.error ? <ErrorAlert error={exporter.error} /> : null}
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={() => exporter.mutate('json')}>
          {t('transfer.exportJson')}
        </Button>
        {KINDS.map((kind) => (
          <Button key={kind} appearance="secondary-action-button" onClick={() => exporter.mutate(kind)}>
            {t(`transfer.exportCsv.${kind}`)}
          </Button>
        ))}
      </ButtonGroup>
    </Section>
  );
}

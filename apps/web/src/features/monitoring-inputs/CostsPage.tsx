import { Button } from '@utrecht/button-react';
import type { Channel, UnitCost } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCostToServe, useSaveUnitCosts, useUnitCosts } from './api.ts';
import './inputs.css';
import { MonitoringNav } from '../monitoring/index.ts';
import { PeriodFields, usePeriod } from './period.tsx';

const FORM_ERRORS = 'costs-errors';
const SAVED = 'costs-saved';
const EURO = /^\d{1,4}([.,]\d{1,2})?$/;

const useEuro = () => {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(intlLocale(i18n.language), { style: 'currency', currency: 'EUR' });
  return (cents: number | null) => (cents === null ? '—' : format.format(cents / 100));
};

/** Cost to serve: the organisation's unit cost per channel, and per channel its cost next to its satisfaction. */
export function CostsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inputs.costs.title'));
  const costs = useUnitCosts();
  const mayManage = useCan('manageUnitCosts');
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('inputs.costs.title')} intro={t('inputs.costs.intro')} />
      <MonitoringNav />
      <CostToServeSection />
      {costs.isError ? <ErrorAlert error={costs.error} /> : null}
      {costs.data ? (
        mayManage ? (
          <UnitCostForm key={costs.data.map((c) => c.version).join()} costs={costs.data} />
        ) : (
          <UnitCostTable costs={costs.data} />
        )
      ) : null}
    </div>
  );
}

function CostToServeSection() {
  const { t, i18n } = useTranslation();
  const period = usePeriod(30);
  const result = useCostToServe(period.period, period.valid);
  const euro = useEuro();
  const number = new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 1 });
  const data = result.data;
  return (
    <Section headingId="costs-serve-heading" title={t('inputs.costs.serveTitle')}>
      <Paragraph>{t('inputs.costs.serveIntro')}</Paragraph>
      <div className="vd-filters__grid vd-inputs-grid">
        <PeriodFields id="costs" state={period} />
      </div>
      {result.isError ? <ErrorAlert error={result.error} /> : null}
      {period.valid && result.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {data && data.items.length === 0 ? <Paragraph>{t('inputs.costs.none')}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <Table caption={t('inputs.costs.serveCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('inputs.channel')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.costs.contacts')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.costs.cases')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.costs.unit')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.costs.cost')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.costs.gradeMean')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.costs.grade7Plus')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.costs.responses')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.items.map((row) => (
              <TableRow key={row.channel}>
                <TableHeaderCell scope="row">{t(`catalogue.channel.${row.channel}`)}</TableHeaderCell>
                <TableCell>{row.contacts}</TableCell>
                <TableCell>{row.cases}</TableCell>
                <TableCell>{euro(row.unitCents)}</TableCell>
                <TableCell>
                  <strong>{euro(row.costCents)}</strong>
                </TableCell>
                <TableCell>
                  <strong>{row.gradeMean === null ? '—' : number.format(row.gradeMean)}</strong>
                </TableCell>
                <TableCell>{row.grade7Plus === null ? '—' : `${number.format(row.grade7Plus)}%`}</TableCell>
                <TableCell>{row.responses}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableHeaderCell scope="row">{t('inputs.costs.total')}</TableHeaderCell>
              <TableCell>{data.items.reduce((s, r) => s + r.contacts, 0)}</TableCell>
              <TableCell>{data.items.reduce((s, r) => s + r.cases, 0)}</TableCell>
              <TableCell>{euro(data.costPerContactCents)}</TableCell>
              <TableCell>
                <strong>{euro(data.totalCents)}</strong>
              </TableCell>
              <TableCell>—</TableCell>
              <TableCell>—</TableCell>
              <TableCell>{data.items.reduce((s, r) => s + r.responses, 0)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      ) : null}
      <Paragraph appearance="small">{t('inputs.costs.serveNote')}</Paragraph>
    </Section>
  );
}

function UnitCostTable({ costs }: { costs: UnitCost[] }) {
  const { t } = useTranslation();
  const euro = useEuro();
  return (
    <Section headingId="costs-unit-heading" title={t('inputs.costs.unitTitle')}>
      <Paragraph>{t('inputs.costs.estimate')}</Paragraph>
      <Table caption={t('inputs.costs.unitCaption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('inputs.channel')}</TableHeaderCell>
            <TableHeaderCell>{t('inputs.costs.unit')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {costs.map((c) => (
            <TableRow key={c.channel}>
              <TableHeaderCell scope="row">{t(`catalogue.channel.${c.channel}`)}</TableHeaderCell>
              <TableCell>{euro(c.cents)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

const euroText = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2).replace('.', ','));

function UnitCostForm({ costs }: { costs: UnitCost[] }) {
  const { t } = useTranslation();
  const save = useSaveUnitCosts();
  const [saved, setSaved] = useState(false);
  const initial = Object.fromEntries(costs.map((c) => [c.channel, euroText(c.cents)])) as Record<
    Channel,
    string
  >;
  const fields = Object.fromEntries(
    costs.map((c) => [c.channel, { id: `cost-${c.channel}`, label: t(`catalogue.channel.${c.channel}`) }]),
  ) as Record<Channel, { id: string; label: string }>;
  const form = useForm(initial, fields);

  return (
    <Section headingId="costs-unit-heading" title={t('inputs.costs.unitTitle')} panel>
      <Paragraph>{t('inputs.costs.estimate')}</Paragraph>
      <FormErrorAlert form={form} error={save.error ?? undefined} id={FORM_ERRORS} />
      {saved ? <Notice id={SAVED}>{t('inputs.costs.saved')}</Notice> : null}
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          setSaved(false);
          const errors: Partial<Record<Channel, string>> = {};
          const items: { channel: Channel; cents: number; version: number }[] = [];
          for (const c of costs) {
            const text = form.values[c.channel].trim();
            if (!text) {
              if (c.cents !== null) errors[c.channel] = t('inputs.costs.required');
              continue;
            }
            if (!EURO.test(text)) {
              errors[c.channel] = t('inputs.costs.invalid');
              continue;
            }
            const cents = Math.round(Number(text.replace(',', '.')) * 100);
            if (cents > 100_000) errors[c.channel] = t('inputs.costs.invalid');
            else if (cents !== c.cents) items.push({ channel: c.channel, cents, version: c.version });
          }
          if (!form.report(errors)) {
            focusLater(FORM_ERRORS);
            return;
          }
          if (!items.length) {
            setSaved(true);
            focusLater(SAVED);
            return;
          }
          save.mutate(items, {
            onSuccess: () => {
              setSaved(true);
              focusLater(SAVED);
            },
            onError: (error) => {
              form.onError(error);
              focusLater(FORM_ERRORS);
            },
          });
        })}
      >
        <div className="vd-filters__grid vd-inputs-grid">
          {costs.map((c) => (
            <TextField
              key={c.channel}
              {...form.field(c.channel)}
              inputMode="decimal"
              description={t('inputs.costs.euroHint')}
            />
          ))}
        </div>
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={save.isPending}
            disabled={save.isPending}
          >
            {t('inputs.costs.save')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

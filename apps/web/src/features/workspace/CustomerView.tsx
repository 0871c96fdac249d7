import type { CaseSummary, Contact } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { addressLine, displayPhone } from '../../lib/format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DataList, type DataListItem } from '../../ui/DataList.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { CaseBadges } from '../cases/index.ts';
import { useCatalogueFormat } from '../catalogue/index.ts';
import { type CustomerOverview, useCustomerOverview } from './api.ts';

export const CUSTOMER_HEADING_ID = 'customer-heading';

/** The 360° view of the customer on the line: who, what is running, and what happened lately on every channel. */
export function CustomerView({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const overview = useCustomerOverview(customerId);
  if (overview.isPending) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  if (overview.isError) return <ErrorAlert error={overview.error} />;
  return <Overview data={overview.data} />;
}

function Overview({ data }: { data: CustomerOverview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { customer } = data;
  const facts: DataListItem[] = [];
  const add = (key: string, label: string, value: string | null | undefined) => {
    if (value) facts.push({ key, label, value });
  };
  add('kind', t('workspace.customer.kind'), t(`workspace.customerKind.${customer.kind}`));
  add('address', t('workspace.customer.address'), customer.address ? addressLine(customer.address) : null);
  add('phone', t('workspace.customer.phone'), customer.phone ? displayPhone(customer.phone) : null);
  add('email', t('workspace.customer.email'), customer.email);
  add('bsn', t('workspace.customer.bsn'), customer.bsnMasked);
  add('kvk', t('workspace.customer.kvk'), customer.kvkNumber);
  add('employee', t('workspace.customer.employeeNumber'), customer.employeeNumber);
  add(
    'dateOfBirth',
    t('workspace.customer.dateOfBirth'),
    customer.dateOfBirth ? f.date(customer.dateOfBirth) : null,
  );
  add(
    'preferredChannel',
    t('workspace.customer.preferredChannel'),
    customer.preferredChannel ? t(`catalogue.channel.${customer.preferredChannel}`) : null,
  );
  add(
    'preferredLanguage',
    t('workspace.customer.preferredLanguage'),
    customer.preferredLanguage ? t(`language.${customer.preferredLanguage}`) : null,
  );
  add('segments', t('workspace.customer.segments'), customer.segments.join(', '));
  if (customer.consents.length) {
    facts.push({
      key: 'consents',
      label: t('workspace.customer.consents'),
      value: (
        <ul className="vd-plain-list">
          {customer.consents.map((consent) => (
            <li key={consent.id}>
              {consent.purpose}:{' '}
              {consent.granted
                ? t('workspace.customer.consentGranted')
                : t('workspace.customer.consentRefused')}
            </li>
          ))}
        </ul>
      ),
    });
  }
  const openIds = new Set(data.openCases.map((c) => c.id));
  const closedCases = data.recentCases.filter((c) => !openIds.has(c.id));

  return (
    <div className="vd-stack vd-customer">
      <div className="vd-stack vd-stack--tight">
        <Heading level={3} id={CUSTOMER_HEADING_ID} tabIndex={-1}>
          {customer.name}
          {customer.confidential ? (
            <>
              {' '}
              <StatusBadge status="warning">{t('workspace.customer.confidential')}</StatusBadge>
            </>
          ) : null}
        </Heading>
        {customer.confidential ? (
          <Alert type="warning">
            <Paragraph>{t('workspace.customer.confidentialText')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {facts.length ? <DataList items={facts} /> : null}

      <CaseList
        title={t('workspace.customer.openCases')}
        cases={data.openCases}
        empty={t('workspace.customer.noOpenCases')}
      />
      {closedCases.length ? (
        <CaseList title={t('workspace.customer.recentCases')} cases={closedCases} empty="" />
      ) : null}

      <div className="vd-stack vd-stack--tight">
        <Heading level={4}>{t('workspace.customer.recentContacts')}</Heading>
        {data.recentContacts.length === 0 ? (
          <Paragraph className="vd-muted">{t('workspace.customer.noContacts')}</Paragraph>
        ) : (
          <ul className="vd-plain-list vd-compact-list">
            {data.recentContacts.map((contact) => (
              <ContactLine key={contact.id} contact={contact} />
            ))}
          </ul>
        )}
      </div>

      <div className="vd-stack vd-stack--tight">
        <Heading level={4}>{t('workspace.customer.openCallbacks')}</Heading>
        {data.openCallbacks.length === 0 ? (
          <Paragraph className="vd-muted">{t('workspace.customer.noCallbacks')}</Paragraph>
        ) : (
          <ul className="vd-plain-list vd-compact-list">
            {data.openCallbacks.map((callback) => (
              <li key={callback.id}>
                <strong>{t('workspace.customer.callbackDue', { date: f.dateTime(callback.dueAt) })}</strong>
                {callback.overdue ? (
                  <>
                    {' '}
                    <StatusBadge status="warning">{t('callbacks.overdue')}</StatusBadge>
                  </>
                ) : null}
                <span className="vd-block vd-muted">
                  {[callback.item?.name, callback.team.name, callback.note].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function CaseList({ title, cases, empty }: { title: string; cases: CaseSummary[]; empty: string }) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  return (
    <div className="vd-stack vd-stack--tight">
      <Heading level={4}>{title}</Heading>
      {cases.length === 0 ? (
        <Paragraph className="vd-muted">{empty}</Paragraph>
      ) : (
        <ul className="vd-plain-list vd-compact-list">
          {cases.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${encodeURIComponent(c.id)}`} className="vd-nowrap">
                <strong>{c.reference}</strong>
              </Link>{' '}
              {c.subject} <CaseBadges c={c} />
              <span className="vd-block vd-muted">
                {c.status.label} ·{' '}
                {c.closedAt
                  ? t('workspace.customer.caseClosed')
                  : t('workspace.customer.caseDue', { date: f.longDate(c.dueDate) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ContactLine({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const f = useFormat();
  const subject = contact.item?.name ?? contact.topic ?? contact.articles[0]?.title ?? contact.question;
  return (
    <li>
      <strong>{t(`catalogue.channel.${contact.channel}`)}</strong> · {f.dateTime(contact.startedAt)} ·{' '}
      {contact.outcome ? t(`workspace.outcome.${contact.outcome}`) : t('workspace.customer.contactOpen')}
      {contact.cases.length ? ` · ${contact.cases.map((c) => c.reference).join(', ')}` : ''}
      {subject ? <span className="vd-block vd-muted">{subject}</span> : null}
    </li>
  );
}

import { Button } from '@utrecht/button-react';
import {
  type Locale,
  type MyPage as MyPageData,
  RESIDENT_CHANNELS,
  RESIDENT_CONSENT_KINDS,
  type ResidentChannel,
  type ResidentConsentKind,
  residentSignInBodySchema,
} from '@voordeur/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { applyLocale, currentLocale } from '../../i18n/index.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { PublicLayout } from '../../lib/PublicLayout.tsx';
import { useOrganisationTheme } from '../../lib/theme.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextField } from '../../ui/TextField.tsx';
import {
  exportJsonUrl,
  exportPageUrl,
  useMyPage,
  useRequestLink,
  useSaveConsent,
  useSavePreferences,
  useSignOut,
} from './api.ts';

type Local = { nl: string; en: string | null };

/** Words the organisation wrote, in the reader's language when written in it, marked with their language. */
function useLocal() {
  const { i18n } = useTranslation();
  return (text: Local | null | undefined) => {
    if (!text) return { text: '', lang: undefined };
    if (i18n.language === 'en' && text.en) return { text: text.en, lang: undefined };
    return { text: text.nl, lang: i18n.language === 'en' ? 'nl' : undefined };
  };
}

function useDates() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
  return {
    date: (iso: string) => long.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)),
  };
}

/**
 * My page: a returning resident signs in with a link sent to their email address (no password), then sees their
 * cases and contacts, chooses how they hear back, gives or withdraws consents, and downloads their data.
 */
export function MyPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [searchParams] = useSearchParams();
  const organisation = useOrganisationTheme(slug).data?.name;
  const page = useMyPage(slug);
  useDocumentTitle(organisation ? `${t('myPage.title')} — ${organisation}` : t('myPage.title'));

  // The link was asked for in a language: My page opens in it.
  const lang = searchParams.get('lang');
  useEffect(() => {
    if (lang === 'nl' || lang === 'en') void applyLocale(lang);
  }, [lang]);

  return (
    <PublicLayout wide organisation={organisation}>
      <div className="vd-stack vd-stack--loose">
        {page.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
        {page.isError ? <ErrorAlert error={page.error} /> : null}
        {page.data === null ? <SignIn slug={slug} organisation={organisation} /> : null}
        {page.data ? <Signedin slug={slug} data={page.data} /> : null}
      </div>
    </PublicLayout>
  );
}

function SignIn({ slug, organisation }: { slug: string; organisation: string | undefined }) {
  const { t } = useTranslation();
  const request = useRequestLink(slug);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ email: '' }, { email: { id: 'my-page-email', label: t('myPage.signIn.email') } });

  const onSubmit = form.submit(() => {
    const data = form.validate(
      residentSignInBodySchema.safeParse({ email: form.values.email.trim(), language: currentLocale() }),
    );
    if (!data) return;
    request.mutate(data, { onSuccess: () => setSentTo(data.email), onError: form.onError });
  });

  return (
    <div className="vd-stack vd-measure">
      <Heading level={1}>{t('myPage.title')}</Heading>
      <Paragraph>
        {organisation ? t('myPage.signIn.intro', { organisation }) : t('myPage.signIn.introPlain')}
      </Paragraph>
      {sentTo ? (
        <Notice id="my-page-sent">{t('myPage.signIn.sent', { email: sentTo, minutes: 15 })}</Notice>
      ) : null}
      <FormErrorAlert form={form} error={request.error} />
      <form className="vd-form" onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('email')}
          name="email"
          type="email"
          autoComplete="email"
          description={t('myPage.signIn.emailHint')}
          required
        />
        <div>
          <SubmitButton busy={request.isPending}>
            {sentTo ? t('myPage.signIn.again') : t('myPage.signIn.submit')}
          </SubmitButton>
        </div>
      </form>
      <Paragraph>{t('myPage.signIn.noPassword')}</Paragraph>
    </div>
  );
}

function Signedin({ slug, data }: { slug: string; data: MyPageData }) {
  const { t, i18n } = useTranslation();
  const signOut = useSignOut(slug, data);
  const local = useLocal();
  const { date } = useDates();
  const language = (i18n.language === 'en' ? 'en' : 'nl') as Locale;

  return (
    <>
      <div className="vd-stack">
        <Heading level={1}>{data.name ? t('myPage.hello', { name: data.name }) : t('myPage.title')}</Heading>
        <Paragraph>{t('myPage.signedInAs', { email: data.email })}</Paragraph>
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            {t('myPage.signOut')}
          </Button>
        </ButtonGroup>
        {!data.known ? <Notice type="warning">{t('myPage.unknown')}</Notice> : null}
      </div>

      <Section headingId="my-cases" title={t('myPage.cases.title')}>
        {data.cases.length === 0 ? (
          <Paragraph>{t('myPage.cases.none')}</Paragraph>
        ) : (
          <Table caption={t('myPage.cases.title')} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('myPage.cases.reference')}</TableHeaderCell>
                <TableHeaderCell>{t('myPage.cases.item')}</TableHeaderCell>
                <TableHeaderCell>{t('myPage.cases.status')}</TableHeaderCell>
                <TableHeaderCell>{t('myPage.cases.expected')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.cases.map((c) => {
                const item = local(c.item);
                const status = local(c.status);
                return (
                  <TableRow key={c.id}>
                    <TableHeaderCell scope="row">
                      <a className="utrecht-link utrecht-link--html-a" href={c.trackingUrl}>
                        {c.reference}
                      </a>
                    </TableHeaderCell>
                    <TableCell lang={item.lang}>{item.text}</TableCell>
                    <TableCell lang={status.lang}>
                      {c.closed ? t('myPage.cases.closed') : status.text || t('myPage.cases.received')}
                    </TableCell>
                    <TableCell>
                      {c.expectedDate
                        ? date(c.expectedDate)
                        : c.closedAt
                          ? t('myPage.cases.closedOn', { date: date(c.closedAt) })
                          : '—'}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section headingId="my-contacts" title={t('myPage.contacts.title')}>
        {data.contacts.length === 0 ? (
          <Paragraph>{t('myPage.contacts.none')}</Paragraph>
        ) : (
          <Table caption={t('myPage.contacts.title')} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('myPage.contacts.date')}</TableHeaderCell>
                <TableHeaderCell>{t('myPage.contacts.channel')}</TableHeaderCell>
                <TableHeaderCell>{t('myPage.contacts.subject')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.contacts.map((c) => {
                const subject = local(c.subject);
                return (
                  <TableRow key={c.id}>
                    <TableCell>{date(c.at)}</TableCell>
                    <TableCell>{t(`catalogue.channel.${c.channel}`, { defaultValue: c.channel })}</TableCell>
                    <TableCell lang={subject.lang}>{subject.text || '—'}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Section>

      {data.known ? <Preferences slug={slug} data={data} /> : null}
      {data.known ? <Consents slug={slug} data={data} /> : null}

      <Section headingId="my-data" title={t('myPage.data.title')}>
        <Paragraph>{t('myPage.data.intro')}</Paragraph>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={exportPageUrl(slug, language)}>
              {t('myPage.data.page')}
            </a>
          </li>
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={exportJsonUrl(slug)} download>
              {t('myPage.data.json')}
            </a>
          </li>
        </ul>
      </Section>
    </>
  );
}

function Preferences({ slug, data }: { slug: string; data: MyPageData }) {
  const { t } = useTranslation();
  const save = useSavePreferences(slug, data);
  const [saved, setSaved] = useState(false);
  const form = useForm(
    { channel: data.preferences.channel ?? 'email', language: data.preferences.language ?? 'nl' },
    {
      channel: { id: 'my-page-channel', label: t('myPage.preferences.channel') },
      language: { id: 'my-page-language', label: t('myPage.preferences.language') },
    },
  );
  const onSubmit = form.submit(() => {
    setSaved(false);
    save.mutate(
      { channel: form.values.channel as ResidentChannel, language: form.values.language as Locale },
      { onSuccess: () => setSaved(true), onError: form.onError },
    );
  });
  return (
    <Section headingId="my-preferences" title={t('myPage.preferences.title')}>
      <Paragraph>{t('myPage.preferences.intro')}</Paragraph>
      {saved ? <Notice>{t('myPage.preferences.saved')}</Notice> : null}
      <FormErrorAlert form={form} error={save.error} />
      <form className="vd-form vd-measure" onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('channel')}
          options={RESIDENT_CHANNELS.map((value) => ({
            value,
            label: t(`myPage.preferences.channels.${value}`),
          }))}
        />
        <SelectField
          {...form.field('language')}
          options={[
            { value: 'nl', label: 'Nederlands', lang: 'nl' },
            { value: 'en', label: 'English', lang: 'en' },
          ]}
        />
        <div>
          <SubmitButton busy={save.isPending}>{t('myPage.preferences.save')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

function Consents({ slug, data }: { slug: string; data: MyPageData }) {
  const { t } = useTranslation();
  const save = useSaveConsent(slug, data);
  const { date } = useDates();
  const [saved, setSaved] = useState<ResidentConsentKind | null>(null);
  const choose = (kind: ResidentConsentKind, granted: boolean) => {
    setSaved(null);
    save.mutate({ kind, granted }, { onSuccess: () => setSaved(kind) });
  };
  return (
    <Section headingId="my-consents" title={t('myPage.consents.title')}>
      <Paragraph>{t('myPage.consents.intro')}</Paragraph>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {RESIDENT_CONSENT_KINDS.map((kind) => {
        const current = data.consents.find((c) => c.kind === kind)?.granted ?? null;
        return (
          <fieldset key={kind} className="vd-panel vd-stack utrecht-form-fieldset">
            <legend className="utrecht-form-fieldset__legend">
              {t(`myPage.consents.kinds.${kind}.label`)}
            </legend>
            <Paragraph>{t(`myPage.consents.kinds.${kind}.text`)}</Paragraph>
            <Paragraph>
              {current === null
                ? t('myPage.consents.notChosen')
                : current
                  ? t('myPage.consents.yesNow')
                  : t('myPage.consents.noNow')}
            </Paragraph>
            {saved === kind ? <Notice>{t('myPage.consents.saved')}</Notice> : null}
            <ButtonGroup>
              <Button
                appearance={current === true ? 'secondary-action-button' : 'primary-action-button'}
                disabled={save.isPending || current === true}
                onClick={() => choose(kind, true)}
              >
                {t('myPage.consents.yes')}
              </Button>
              <Button
                appearance={current === false ? 'secondary-action-button' : 'primary-action-button'}
                disabled={save.isPending || current === false}
                onClick={() => choose(kind, false)}
              >
                {t('myPage.consents.no')}
              </Button>
            </ButtonGroup>
          </fieldset>
        );
      })}
      {data.consentHistory.length ? (
        <Table caption={t('myPage.consents.history')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('myPage.consents.when')}</TableHeaderCell>
              <TableHeaderCell>{t('myPage.consents.what')}</TableHeaderCell>
              <TableHeaderCell>{t('myPage.consents.choice')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.consentHistory.map((k) => (
              <TableRow key={`${k.kind}-${k.recordedAt}`}>
                <TableCell>{date(k.recordedAt)}</TableCell>
                <TableCell>{t(`myPage.consents.kinds.${k.kind}.label`, { defaultValue: k.kind })}</TableCell>
                <TableCell>
                  {k.granted ? t('myPage.consents.given') : t('myPage.consents.withdrawn')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Section>
  );
}

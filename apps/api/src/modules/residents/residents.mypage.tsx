/** @jsxRuntime automatic @jsxImportSource react */
// (The CLI runs the sources through tsx from any directory: the JSX runtime is named here, not left to a tsconfig.)
/**
 * My page itself, rendered by the server with no script (ADR 0022): the sign-in by an email link, and once signed
 * in the resident's cases, contacts, how they want an answer, their consents and their data. Every change is a
 * plain form that carries the resident session's CSRF token.
 */
import {
  type Locale,
  type MyPage,
  RESIDENT_CHANNELS,
  RESIDENT_CONSENT_KINDS,
  type ResidentConsentKind,
} from '@voordeur/shared';
import type { ReactNode } from 'react';
import { channelName } from '../../platform/public-words.ts';
import {
  ErrorSummary,
  Field,
  type FieldErrors,
  Notice,
  Submit,
  Table,
  TextInput,
} from '../../plugins/page-parts.tsx';

export const MY_WORDS = {
  nl: {
    title: 'Mijn pagina',
    hello: (name: string) => `Welkom, ${name}`,
    signedInAs: (email: string) => `U bent ingelogd met ${email}.`,
    signOut: 'Uitloggen',
    signedOut: 'U bent uitgelogd.',
    unknown:
      'We kennen dit e-mailadres nog niet. Doet u een melding of vraagt u iets aan met dit adres? Dan ziet u dat hier.',
    errorSummary: 'Er ging iets mis',
    intro: (organisation: string) =>
      `Op Mijn pagina ziet u uw zaken en contacten met ${organisation}. U kiest hoe we u antwoorden, en u kunt al uw gegevens downloaden.`,
    email: 'Uw e-mailadres',
    emailHint: 'We sturen u een link om in te loggen.',
    emailRequired: 'Vul uw e-mailadres in.',
    emailInvalid: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    submit: 'Stuur mij een link',
    again: 'Stuur nog een link',
    sent: (email: string, minutes: number) =>
      `Kijk in uw e-mail. We hebben een link gestuurd naar ${email}. De link werkt ${minutes} minuten en maar één keer. Geen e-mail gekregen? Kijk ook bij ongewenste e-mail.`,
    tooMany: 'U heeft in korte tijd veel links gevraagd. Probeer het over een uur opnieuw.',
    notFromHere:
      'Gebruik de knoppen op deze pagina. Een formulier op een andere website kan hier niets veranderen.',
    expired: 'U bent niet meer ingelogd. Vraag een nieuwe link aan.',
    noPassword: 'U heeft geen wachtwoord nodig.',
    cases: {
      title: 'Mijn zaken',
      none: 'U heeft nog geen zaken.',
      reference: 'Zaaknummer',
      item: 'Onderwerp',
      status: 'Status',
      expected: 'Antwoord verwacht',
      received: 'Ontvangen',
      closed: 'Afgehandeld',
      closedOn: (date: string) => `Afgehandeld op ${date}`,
    },
    contacts: {
      title: 'Mijn contacten',
      none: 'Er zijn nog geen contacten vastgelegd.',
      date: 'Datum',
      channel: 'Via',
      subject: 'Onderwerp',
    },
    preferences: {
      title: 'Hoe wilt u antwoord?',
      intro: 'Kies hoe en in welke taal we u antwoorden.',
      channel: 'Antwoord via',
      language: 'Taal van onze berichten',
      channels: { email: 'E-mail', letter: 'Brief per post' },
      invalid: 'Kies een van de mogelijkheden.',
      save: 'Opslaan',
      saved: 'Uw keuze is opgeslagen.',
    },
    consents: {
      title: 'Mijn toestemmingen',
      intro: 'U kiest zelf. U kunt uw keuze altijd weer veranderen.',
      kinds: {
        surveys: {
          label: 'Vragen wat u van ons vond',
          text: 'Na een zaak of contact kunnen we u een korte vragenlijst sturen. Dan horen we wat beter kan.',
        },
      } satisfies Record<ResidentConsentKind, { label: string; text: string }>,
      notChosen: 'U heeft nog niets gekozen. We mogen het u vragen, tot u nee zegt.',
      yesNow: 'U zei ja.',
      noNow: 'U zei nee.',
      yes: 'Ja, dat mag',
      no: 'Nee, liever niet',
      saved: 'Uw keuze is opgeslagen.',
      history: 'Wat u eerder koos',
      when: 'Wanneer',
      what: 'Waarvoor',
      choice: 'Keuze',
      given: 'Ja',
      withdrawn: 'Nee',
    },
    data: {
      title: 'Mijn gegevens',
      intro: 'U heeft het recht om te zien welke gegevens we over u bewaren. Hier vindt u ze allemaal.',
      page: 'Bekijk mijn gegevens (om te lezen of af te drukken)',
      json: 'Download mijn gegevens als bestand (JSON)',
    },
  },
  en: {
    title: 'My page',
    hello: (name: string) => `Welcome, ${name}`,
    signedInAs: (email: string) => `You are signed in with ${email}.`,
    signOut: 'Sign out',
    signedOut: 'You have signed out.',
    unknown:
      'We do not know this email address yet. Do you report or apply for something with it? Then you will see it here.',
    errorSummary: 'Something went wrong',
    intro: (organisation: string) =>
      `On My page you see your cases and contacts with ${organisation}. You choose how we answer you, and you can download all your data.`,
    email: 'Your email address',
    emailHint: 'We will send you a link to sign in.',
    emailRequired: 'Enter your email address.',
    emailInvalid: 'Enter a valid email address, such as name@example.nl.',
    submit: 'Send me a link',
    again: 'Send another link',
    sent: (email: string, minutes: number) =>
      `Check your email. We sent a link to ${email}. It works for ${minutes} minutes, and only once. No email? Check your spam folder too.`,
    tooMany: 'You asked for many links in a short time. Please try again in an hour.',
    notFromHere: 'Use the buttons on this page. A form on another website cannot change anything here.',
    expired: 'You are no longer signed in. Ask for a new link.',
    noPassword: 'You do not need a password.',
    cases: {
      title: 'My cases',
      none: 'You have no cases yet.',
      reference: 'Case number',
      item: 'Subject',
      status: 'Status',
      expected: 'Answer expected',
      received: 'Received',
      closed: 'Closed',
      closedOn: (date: string) => `Closed on ${date}`,
    },
    contacts: {
      title: 'My contacts',
      none: 'No contacts were recorded yet.',
      date: 'Date',
      channel: 'By',
      subject: 'Subject',
    },
    preferences: {
      title: 'How do you want an answer?',
      intro: 'Choose how, and in which language, we answer you.',
      channel: 'Answer by',
      language: 'Language of our messages',
      channels: { email: 'Email', letter: 'Letter by post' },
      invalid: 'Choose one of the options.',
      save: 'Save',
      saved: 'Your choice is saved.',
    },
    consents: {
      title: 'My consents',
      intro: 'It is your choice. You can always change it again.',
      kinds: {
        surveys: {
          label: 'Asking what you thought of us',
          text: 'After a case or contact we may send you a short survey. That tells us what to improve.',
        },
      } satisfies Record<ResidentConsentKind, { label: string; text: string }>,
      notChosen: 'You have not chosen yet. We may ask you, until you say no.',
      yesNow: 'You said yes.',
      noNow: 'You said no.',
      yes: 'Yes, that is fine',
      no: 'No, rather not',
      saved: 'Your choice is saved.',
      history: 'What you chose before',
      when: 'When',
      what: 'For',
      choice: 'Choice',
      given: 'Yes',
      withdrawn: 'No',
    },
    data: {
      title: 'My data',
      intro: 'You have the right to see which data we keep about you. You find all of it here.',
      page: 'View my data (to read or print)',
      json: 'Download my data as a file (JSON)',
    },
  },
} as const;
export type MyWords = (typeof MY_WORDS)[Locale];

/** What the page says happened: from the address after a change (Post/Redirect/Get), or after a link was sent. */
export type MyNotice = 'signedOut' | 'preferences' | ResidentConsentKind | undefined;

const date = (language: Locale, iso: string) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

/** Words the organisation wrote, in the reader's language when written in it, marked with their language. */
function Local({ text, language }: { text: { nl: string; en: string | null } | null; language: Locale }) {
  if (!text) return null;
  if (language === 'en' && text.en) return <>{text.en}</>;
  return <span lang={language === 'en' ? 'nl' : undefined}>{text.nl}</span>;
}

/** Not signed in: ask for a link by email. */
export function MySignIn(p: {
  language: Locale;
  organisation: string;
  action: string;
  notice?: 'signedOut' | 'expired' | undefined;
  sentTo?: { email: string; minutes: number } | undefined;
  errors?: FieldErrors | undefined;
  problem?: string | undefined;
  email?: string | undefined;
}) {
  const w = MY_WORDS[p.language];
  const errors = p.errors ?? {};
  return (
    <div className="vd-stack vd-measure">
      <h1 className="utrecht-heading-1">{w.title}</h1>
      <p className="utrecht-paragraph">{w.intro(p.organisation)}</p>
      {p.notice === 'signedOut' ? <Notice type="info">{w.signedOut}</Notice> : null}
      {p.notice === 'expired' ? <Notice type="warning">{w.expired}</Notice> : null}
      {p.sentTo ? <Notice>{w.sent(p.sentTo.email, p.sentTo.minutes)}</Notice> : null}
      <ErrorSummary title={w.errorSummary} errors={errors} problem={p.problem} />
      <form method="post" action={p.action} className="vd-form" noValidate>
        <TextInput
          id="my-page-email"
          label={w.email}
          description={w.emailHint}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          error={errors['my-page-email']}
          value={p.email}
        />
        <Submit>{p.sentTo ? w.again : w.submit}</Submit>
      </form>
      <p className="utrecht-paragraph">{w.noPassword}</p>
    </div>
  );
}

/** The addresses My page's forms post to, each carrying the language the page is in. */
export interface MyActions {
  preferences: string;
  consent: string;
  signOut: string;
  exportPage: string;
  exportJson: string;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="vd-stack" aria-labelledby={id}>
      <h2 className="utrecht-heading-2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Signed in: everything the resident may see and choose. */
export function MyPageView(p: {
  language: Locale;
  data: MyPage;
  actions: MyActions;
  notice?: MyNotice;
  errors?: FieldErrors | undefined;
  problem?: string | undefined;
}) {
  const { language: l, data } = p;
  const w = MY_WORDS[l];
  const csrf = <input type="hidden" name="csrf" value={data.csrfToken} />;
  const errors = p.errors ?? {};
  return (
    <>
      <div className="vd-stack">
        <h1 className="utrecht-heading-1">{data.name ? w.hello(data.name) : w.title}</h1>
        <p className="utrecht-paragraph">{w.signedInAs(data.email)}</p>
        <form method="post" action={p.actions.signOut}>
          {csrf}
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {w.signOut}
          </button>
        </form>
        {!data.known ? <Notice type="warning">{w.unknown}</Notice> : null}
        <ErrorSummary title={w.errorSummary} errors={errors} problem={p.problem} />
      </div>

      <Section id="my-cases" title={w.cases.title}>
        {data.cases.length === 0 ? (
          <p className="utrecht-paragraph">{w.cases.none}</p>
        ) : (
          <Table
            id="my-cases-table"
            caption={w.cases.title}
            captionHidden
            rowHeaders
            head={[w.cases.reference, w.cases.item, w.cases.status, w.cases.expected]}
            rows={data.cases.map((c) => [
              <a key="ref" className="utrecht-link utrecht-link--html-a" href={c.trackingUrl}>
                {c.reference}
              </a>,
              <Local key="item" text={c.item} language={l} />,
              c.closed ? (
                w.cases.closed
              ) : c.status ? (
                <Local key="status" text={c.status} language={l} />
              ) : (
                w.cases.received
              ),
              c.expectedDate
                ? date(l, c.expectedDate)
                : c.closedAt
                  ? w.cases.closedOn(date(l, c.closedAt))
                  : '—',
            ])}
          />
        )}
      </Section>

      <Section id="my-contacts" title={w.contacts.title}>
        {data.contacts.length === 0 ? (
          <p className="utrecht-paragraph">{w.contacts.none}</p>
        ) : (
          <Table
            id="my-contacts-table"
            caption={w.contacts.title}
            captionHidden
            head={[w.contacts.date, w.contacts.channel, w.contacts.subject]}
            rows={data.contacts.map((c) => [
              date(l, c.at),
              channelName(c.channel, l),
              c.subject ? <Local key="subject" text={c.subject} language={l} /> : '—',
            ])}
          />
        )}
      </Section>

      {data.known ? (
        <Section id="my-preferences" title={w.preferences.title}>
          <p className="utrecht-paragraph">{w.preferences.intro}</p>
          {p.notice === 'preferences' ? <Notice>{w.preferences.saved}</Notice> : null}
          <form method="post" action={p.actions.preferences} className="vd-form vd-measure" noValidate>
            {csrf}
            <Field id="my-page-channel" label={w.preferences.channel} error={errors['my-page-channel']}>
              {(control) => (
                <select
                  {...control}
                  name="channel"
                  className="utrecht-select utrecht-select--html-select"
                  defaultValue={data.preferences.channel ?? 'email'}
                >
                  {RESIDENT_CHANNELS.map((value) => (
                    <option key={value} value={value}>
                      {w.preferences.channels[value]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="my-page-language" label={w.preferences.language} error={errors['my-page-language']}>
              {(control) => (
                <select
                  {...control}
                  name="language"
                  className="utrecht-select utrecht-select--html-select"
                  defaultValue={data.preferences.language ?? 'nl'}
                >
                  <option value="nl" lang="nl">
                    Nederlands
                  </option>
                  <option value="en" lang="en">
                    English
                  </option>
                </select>
              )}
            </Field>
            <Submit>{w.preferences.save}</Submit>
          </form>
        </Section>
      ) : null}

      {data.known ? (
        <Section id="my-consents" title={w.consents.title}>
          <p className="utrecht-paragraph">{w.consents.intro}</p>
          {RESIDENT_CONSENT_KINDS.map((kind) => {
            const current = data.consents.find((c) => c.kind === kind)?.granted ?? null;
            const button = (granted: boolean) => (
              <button
                type="submit"
                name="granted"
                value={granted ? 'ja' : 'nee'}
                disabled={current === granted}
                className={`utrecht-button ${current === granted ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
              >
                {granted ? w.consents.yes : w.consents.no}
              </button>
            );
            return (
              <form
                key={kind}
                method="post"
                action={p.actions.consent}
                className="vd-panel vd-stack"
                aria-labelledby={`consent-${kind}`}
              >
                {csrf}
                <input type="hidden" name="kind" value={kind} />
                <h3 className="utrecht-heading-3" id={`consent-${kind}`}>
                  {w.consents.kinds[kind].label}
                </h3>
                <p className="utrecht-paragraph">{w.consents.kinds[kind].text}</p>
                <p className="utrecht-paragraph">
                  {current === null ? w.consents.notChosen : current ? w.consents.yesNow : w.consents.noNow}
                </p>
                {p.notice === kind ? <Notice>{w.consents.saved}</Notice> : null}
                <div className="utrecht-button-group">
                  {button(true)}
                  {button(false)}
                </div>
              </form>
            );
          })}
          {data.consentHistory.length ? (
            <Table
              id="my-consent-history"
              caption={w.consents.history}
              head={[w.consents.when, w.consents.what, w.consents.choice]}
              rows={data.consentHistory.map((k) => [
                date(l, k.recordedAt),
                (w.consents.kinds as Record<string, { label: string }>)[k.kind]?.label ?? k.kind,
                k.granted ? w.consents.given : w.consents.withdrawn,
              ])}
            />
          ) : null}
        </Section>
      ) : null}

      <Section id="my-data" title={w.data.title}>
        <p className="utrecht-paragraph">{w.data.intro}</p>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={p.actions.exportPage}>
              {w.data.page}
            </a>
          </li>
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={p.actions.exportJson} download>
              {w.data.json}
            </a>
          </li>
        </ul>
      </Section>
    </>
  );
}

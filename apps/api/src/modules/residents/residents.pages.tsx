/** @jsxRuntime automatic @jsxImportSource react */
// (The CLI runs the sources through tsx from any directory: the JSX runtime is named here, not left to a tsconfig.)
/**
 * My page's server-rendered pages (ADR 0022; they work without JavaScript): the page a sign-in link opens, which
 * asks to confirm (so a mail scanner that opens links does not use up the link), and the readable copy of
 * everything stored about the resident.
 */
import type { Locale, ResidentExport } from '@voordeur/shared';
import { Table } from '../../plugins/page-parts.tsx';
import type { LinkState } from './residents.service.ts';

export const PAGE_WORDS = {
  nl: {
    signInTitle: 'Inloggen op Mijn pagina',
    signInText: 'U opent Mijn pagina met de link uit uw e-mail. Klik op de knop om verder te gaan.',
    signInButton: 'Inloggen',
    badTitle: 'Deze link werkt niet meer',
    bad: {
      used: 'Deze link is al gebruikt. Een link werkt maar één keer.',
      expired: 'Deze link is verlopen. Een link werkt 15 minuten.',
      unknown: 'Deze link kennen we niet. Misschien is hij niet helemaal overgenomen.',
    } as Record<Exclude<LinkState, 'valid'>, string>,
    newLink: 'Vraag een nieuwe link aan',
    exportTitle: 'Mijn gegevens',
    exportIntro: (org: string, at: string) =>
      `Dit is alles wat ${org} over u heeft opgeslagen bij het e-mailadres waarmee u inlogde. Gemaakt op ${at}.`,
    print: 'U kunt deze pagina afdrukken of opslaan met de knoppen van uw browser.',
    profile: 'Uw gegevens',
    noProfile: 'We hebben geen klantgegevens bij dit e-mailadres.',
    fields: {
      name: 'Naam',
      email: 'E-mailadres',
      phone: 'Telefoon',
      dateOfBirth: 'Geboortedatum',
      bsn: 'Burgerservicenummer',
      kvkNumber: 'KvK-nummer',
      address: 'Adres',
      preferredChannel: 'Antwoord via',
      preferredLanguage: 'Taal',
    },
    cases: 'Uw zaken',
    noCases: 'U heeft geen zaken.',
    reference: 'Zaaknummer',
    item: 'Onderwerp',
    status: 'Status',
    expected: 'Antwoord verwacht op',
    created: 'Gestart op',
    history: 'Verloop',
    messages: 'Berichten',
    from: 'Van',
    message: 'Bericht',
    choice: 'Keuze',
    fromYou: 'Van u',
    fromOrg: 'Van ons',
    contacts: 'Uw contacten met ons',
    noContacts: 'Er zijn geen contacten vastgelegd.',
    date: 'Datum',
    channel: 'Kanaal',
    subject: 'Onderwerp',
    consents: 'Uw toestemmingen',
    noConsents: 'U heeft nog niets gekozen.',
    given: 'gegeven',
    withdrawn: 'ingetrokken',
    surveys: 'Uw antwoorden op enquêtes',
    noSurveys: 'U heeft geen enquêtes ingevuld.',
    categories: 'Welke gegevens we bewaren en waarom',
    category: 'Gegevens',
    why: 'Waarom',
    kept: 'Hoe lang',
    back: 'Terug naar Mijn pagina',
    signInFirst: 'Log eerst in op Mijn pagina.',
    signInLink: 'Naar Mijn pagina',
  },
  en: {
    signInTitle: 'Sign in to My page',
    signInText: 'You are opening My page with the link from your email. Press the button to continue.',
    signInButton: 'Sign in',
    badTitle: 'This link no longer works',
    bad: {
      used: 'This link was used already. A link works only once.',
      expired: 'This link has expired. A link works for 15 minutes.',
      unknown: 'We do not know this link. Perhaps it was not copied in full.',
    } as Record<Exclude<LinkState, 'valid'>, string>,
    newLink: 'Ask for a new link',
    exportTitle: 'My data',
    exportIntro: (org: string, at: string) =>
      `This is everything ${org} has stored about you under the email address you signed in with. Made on ${at}.`,
    print: 'You can print or save this page with your browser’s buttons.',
    profile: 'Your details',
    noProfile: 'We have no customer details with this email address.',
    fields: {
      name: 'Name',
      email: 'Email address',
      phone: 'Phone',
      dateOfBirth: 'Date of birth',
      bsn: 'Citizen service number',
      kvkNumber: 'Chamber of Commerce number',
      address: 'Address',
      preferredChannel: 'Answer by',
      preferredLanguage: 'Language',
    },
    cases: 'Your cases',
    noCases: 'You have no cases.',
    reference: 'Case number',
    item: 'Subject',
    status: 'Status',
    expected: 'Answer expected on',
    created: 'Started on',
    history: 'Progress',
    messages: 'Messages',
    from: 'From',
    message: 'Message',
    choice: 'Choice',
    fromYou: 'From you',
    fromOrg: 'From us',
    contacts: 'Your contacts with us',
    noContacts: 'No contacts were recorded.',
    date: 'Date',
    channel: 'Channel',
    subject: 'Subject',
    consents: 'Your consents',
    noConsents: 'You have not chosen anything yet.',
    given: 'given',
    withdrawn: 'withdrawn',
    surveys: 'Your survey answers',
    noSurveys: 'You have not answered any surveys.',
    categories: 'Which data we keep and why',
    category: 'Data',
    why: 'Why',
    kept: 'How long',
    back: 'Back to My page',
    signInFirst: 'Please sign in to My page first.',
    signInLink: 'Go to My page',
  },
} as const;

const CHANNEL_WORDS: Record<Locale, Record<string, string>> = {
  nl: {
    email: 'e-mail',
    letter: 'brief',
    phone: 'telefoon',
    desk: 'balie',
    web: 'website',
    chat: 'chat',
    social: 'sociale media',
    app: 'app',
    visit: 'bezoek',
  },
  en: {
    email: 'email',
    letter: 'letter',
    phone: 'phone',
    desk: 'desk',
    web: 'website',
    chat: 'chat',
    social: 'social media',
    app: 'app',
    visit: 'visit',
  },
};
const CONSENT_WORDS: Record<Locale, Record<string, string>> = {
  nl: { surveys: 'Vragen wat u van onze hulp vond (enquête)' },
  en: { surveys: 'Asking what you thought of our help (survey)' },
};

const pick = (language: Locale, text: { nl: string; en: string | null } | null | undefined) =>
  text ? (language === 'en' && text.en ? text.en : text.nl) : '';

export function SignInPage({ language, action }: { language: Locale; action: string }) {
  const w = PAGE_WORDS[language];
  return (
    <>
      <h1 className="utrecht-heading-1">{w.signInTitle}</h1>
      <p className="utrecht-paragraph">{w.signInText}</p>
      <form method="post" action={action}>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {w.signInButton}
        </button>
      </form>
    </>
  );
}

export function BadLinkPage({
  language,
  state,
  myPage,
}: {
  language: Locale;
  state: Exclude<LinkState, 'valid'>;
  myPage: string;
}) {
  const w = PAGE_WORDS[language];
  return (
    <>
      <h1 className="utrecht-heading-1">{w.badTitle}</h1>
      <div className="utrecht-alert utrecht-alert--warning" role="alert">
        <p className="utrecht-paragraph">{w.bad[state]}</p>
      </div>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={myPage}>
          {w.newLink}
        </a>
      </p>
    </>
  );
}

export function SignInFirstPage({ language, myPage }: { language: Locale; myPage: string }) {
  const w = PAGE_WORDS[language];
  return (
    <>
      <h1 className="utrecht-heading-1">{w.exportTitle}</h1>
      <p className="utrecht-paragraph">{w.signInFirst}</p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={myPage}>
          {w.signInLink}
        </a>
      </p>
    </>
  );
}

const date = (language: Locale, iso: string) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

/** The readable copy of everything stored about the resident (the same content as the JSON download). */
export function ExportPage({
  language,
  data,
  myPage,
}: {
  language: Locale;
  data: ResidentExport;
  myPage: string;
}) {
  const w = PAGE_WORDS[language];
  const channel = (c: string | null) => (c ? (CHANNEL_WORDS[language][c] ?? c) : '—');
  return (
    <>
      <h1 className="utrecht-heading-1">{w.exportTitle}</h1>
      <p className="utrecht-paragraph">
        {w.exportIntro(data.organisation.name, date(language, data.exportedAt))}
      </p>
      <p className="utrecht-paragraph">{w.print}</p>

      <h2 className="utrecht-heading-2">{w.profile}</h2>
      {data.profiles.length === 0 ? <p className="utrecht-paragraph">{w.noProfile}</p> : null}
      {data.profiles.map((p) => (
        <dl key={p.id} className="utrecht-data-list vd-data-list">
          {(
            [
              ['name', p.name],
              ['email', p.email],
              ['phone', p.phone],
              ['dateOfBirth', p.dateOfBirth ? date(language, p.dateOfBirth) : null],
              ['bsn', p.bsn],
              ['kvkNumber', p.kvkNumber],
              ['address', p.address],
              ['preferredChannel', p.preferredChannel ? channel(p.preferredChannel) : null],
              [
                'preferredLanguage',
                p.preferredLanguage === 'en' ? 'English' : p.preferredLanguage ? 'Nederlands' : null,
              ],
            ] as const
          )
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k} className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{w.fields[k]}</dt>
                <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{v}</dd>
              </div>
            ))}
        </dl>
      ))}

      <h2 className="utrecht-heading-2">{w.cases}</h2>
      {data.cases.length === 0 ? <p className="utrecht-paragraph">{w.noCases}</p> : null}
      {data.cases.map((c) => (
        <section key={c.id} aria-labelledby={`case-${c.id}`} className="vd-stack">
          <h3 id={`case-${c.id}`} className="utrecht-heading-3">
            {c.reference} — {pick(language, c.item)}
          </h3>
          <dl className="utrecht-data-list vd-data-list">
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{w.status}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                {pick(language, c.status) || '—'}
              </dd>
            </div>
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{w.created}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                {date(language, c.createdAt)}
              </dd>
            </div>
            {c.expectedDate ? (
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{w.expected}</dt>
                <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                  {date(language, c.expectedDate)}
                </dd>
              </div>
            ) : null}
          </dl>
          {c.description ? <p className="utrecht-paragraph">{c.description}</p> : null}
          {c.history.length ? (
            <Table
              id={`history-${c.id}`}
              caption={`${w.history} ${c.reference}`}
              head={[w.date, w.status]}
              rows={c.history.map((h) => [date(language, h.at), pick(language, h.status)])}
            />
          ) : null}
          {c.messages.length ? (
            <Table
              id={`messages-${c.id}`}
              caption={`${w.messages} ${c.reference}`}
              head={[w.date, w.from, w.message]}
              rows={c.messages.map((m) => [
                date(language, m.at),
                m.from === 'you' ? w.fromYou : w.fromOrg,
                m.body,
              ])}
            />
          ) : null}
        </section>
      ))}

      <h2 className="utrecht-heading-2">{w.contacts}</h2>
      {data.contacts.length ? (
        <Table
          id="contacts"
          captionHidden
          caption={w.contacts}
          head={[w.date, w.channel, w.subject]}
          rows={data.contacts.map((c) => [
            date(language, c.at),
            channel(c.channel),
            pick(language, c.subject) || '—',
          ])}
        />
      ) : (
        <p className="utrecht-paragraph">{w.noContacts}</p>
      )}

      <h2 className="utrecht-heading-2">{w.consents}</h2>
      {data.consents.length ? (
        <Table
          id="consents"
          captionHidden
          caption={w.consents}
          head={[w.date, w.subject, w.choice]}
          rows={data.consents.map((k) => [
            date(language, k.recordedAt),
            CONSENT_WORDS[language][k.kind] ?? k.kind,
            k.granted ? w.given : w.withdrawn,
          ])}
        />
      ) : (
        <p className="utrecht-paragraph">{w.noConsents}</p>
      )}

      <h2 className="utrecht-heading-2">{w.surveys}</h2>
      <p className="utrecht-paragraph">{w.noSurveys}</p>

      <h2 className="utrecht-heading-2">{w.categories}</h2>
      <Table
        id="categories"
        captionHidden
        caption={w.categories}
        head={[w.category, w.why, w.kept]}
        rows={data.categories.map((c) => [
          pick(language, c.category),
          pick(language, c.why),
          pick(language, c.kept),
        ])}
      />

      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={myPage}>
          {w.back}
        </a>
      </p>
    </>
  );
}

/**
 * The resident's suggestion page, rendered on the server (works without JavaScript; ADR 0022): one text box,
 * a honeypot field people do not see and a signed time stamp (the time trap), the error summary on top linking
 * to the field (NL Design System form pattern), and the thank-you page after the post (Post/Redirect/Get).
 */
import { SIGNAL_LIMITS } from '@voordeur/shared';

type Language = 'nl' | 'en';

export const WORDS = {
  nl: {
    title: 'Idee om ons beter te maken',
    intro:
      'Heeft u een idee om onze dienstverlening beter te maken? Of ging er iets mis dat anders kan? Laat het ons weten.',
    next: 'Wij lezen elk idee. Ideeën over hetzelfde onderwerp bundelen we. Daar maken we verbeterplannen van.',
    label: 'Uw idee',
    hint: `Schrijf geen naam, adres, telefoonnummer of BSN op. U krijgt geen persoonlijk antwoord. Minimaal ${SIGNAL_LIMITS.textMin} en maximaal ${SIGNAL_LIMITS.textMax} tekens.`,
    question: 'Heeft u een vraag of wilt u een melding doen? Kies dan een onderwerp op de startpagina.',
    honeypot: 'Laat dit veld leeg',
    send: 'Idee versturen',
    errorTitle: 'Er ging iets mis',
    errorIntro: 'Verbeter dit en verstuur het opnieuw:',
    short: `Schrijf uw idee in minimaal ${SIGNAL_LIMITS.textMin} tekens.`,
    long: `Uw idee is te lang. Gebruik maximaal ${SIGNAL_LIMITS.textMax} tekens.`,
    rejected: 'Uw idee is niet verstuurd. Probeer het opnieuw.',
    throttledTitle: 'Even wachten',
    throttled: 'U heeft het afgelopen uur al een paar ideeën gestuurd. Probeer het over een uur opnieuw.',
    thanksTitle: 'Bedankt voor uw idee',
    thanks: 'Wij hebben uw idee ontvangen.',
    another: 'Nog een idee sturen',
    home: 'Naar de startpagina',
  },
  en: {
    title: 'An idea to make us better',
    intro:
      'Do you have an idea to improve our services? Or did something go wrong that could be done differently? Let us know.',
    next: 'We read every idea. We group ideas about the same subject. We turn them into improvement plans.',
    label: 'Your idea',
    hint: `Do not write a name, address, phone number or citizen service number. You will not get a personal reply. At least ${SIGNAL_LIMITS.textMin} and at most ${SIGNAL_LIMITS.textMax} characters.`,
    question: 'Do you have a question or want to report something? Choose a subject on the home page.',
    honeypot: 'Leave this field empty',
    send: 'Send idea',
    errorTitle: 'Something went wrong',
    errorIntro: 'Correct this and send it again:',
    short: `Write your idea in at least ${SIGNAL_LIMITS.textMin} characters.`,
    long: `Your idea is too long. Use at most ${SIGNAL_LIMITS.textMax} characters.`,
    rejected: 'Your idea was not sent. Please try again.',
    throttledTitle: 'Please wait',
    throttled: 'You have sent a few ideas in the past hour. Please try again in an hour.',
    thanksTitle: 'Thank you for your idea',
    thanks: 'We have received your idea.',
    another: 'Send another idea',
    home: 'To the home page',
  },
} as const;

export function SuggestionForm(props: {
  language: Language;
  action: string;
  home: string;
  formToken: string;
  text: string;
  error: 'short' | 'long' | 'rejected' | null;
}) {
  const w = WORDS[props.language];
  const message = props.error ? w[props.error] : null;
  const fieldError = props.error === 'short' || props.error === 'long';
  return (
    <>
      <h1 className="utrecht-heading-1">{w.title}</h1>
      {message ? (
        <div className="utrecht-alert utrecht-alert--error" role="alert" id="error-summary">
          <div className="utrecht-alert__content">
            <h2 className="utrecht-heading-2">{w.errorTitle}</h2>
            <p className="utrecht-paragraph">{w.errorIntro}</p>
            <ul className="utrecht-unordered-list">
              <li className="utrecht-unordered-list__item">
                <a className="utrecht-link" href="#text">
                  {message}
                </a>
              </li>
            </ul>
          </div>
        </div>
      ) : null}
      <p className="utrecht-paragraph">{w.intro}</p>
      <p className="utrecht-paragraph">{w.next}</p>
      <form method="post" action={props.action} noValidate className="vd-stack">
        <input type="hidden" name="lang" value={props.language} />
        <input type="hidden" name="formToken" value={props.formToken} />
        <div
          className={`utrecht-form-field utrecht-form-field--text${fieldError ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="text">
              {w.label}
            </label>
          </div>
          <p id="text-hint" className="utrecht-form-field-description">
            {w.hint}
          </p>
          {fieldError ? (
            <p id="text-error" className="utrecht-form-field-error-message">
              {message}
            </p>
          ) : null}
          <div className="utrecht-form-field__input">
            <textarea
              className="utrecht-textarea utrecht-textarea--html-textarea"
              id="text"
              name="text"
              rows={6}
              maxLength={SIGNAL_LIMITS.textMax}
              required
              aria-describedby={fieldError ? 'text-hint text-error' : 'text-hint'}
              aria-invalid={fieldError ? true : undefined}
              defaultValue={props.text}
            />
          </div>
        </div>
        {/* The honeypot: hidden from people (and from assistive technology); a robot fills it in. */}
        <div
          aria-hidden="true"
          style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
        >
          <label htmlFor="website">{w.honeypot}</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {w.send}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph">
        {w.question}{' '}
        <a className="utrecht-link" href={props.home}>
          {w.home}
        </a>
      </p>
    </>
  );
}

export function SuggestionMessage(props: {
  title: string;
  lines: string[];
  links: { href: string; label: string }[];
}) {
  return (
    <>
      <h1 className="utrecht-heading-1">{props.title}</h1>
      {props.lines.map((line) => (
        <p key={line} className="utrecht-paragraph">
          {line}
        </p>
      ))}
      <ul className="utrecht-unordered-list">
        {props.links.map((l) => (
          <li key={l.href} className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={l.href}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

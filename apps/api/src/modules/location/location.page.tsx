/**
 * The stop-following page (ADR 0022: rendered on the server, works without JavaScript). Reached from the link in
 * every message to a follower; a button (a plain form post) stops the messages, so that a mail program that
 * opens links by itself stops nothing.
 */
import type { ReactElement } from 'react';

type Language = 'nl' | 'en';
export type UnfollowState = 'confirm' | 'done' | 'unknown';

const WORDS = {
  nl: {
    title: {
      confirm: 'Melding niet meer volgen',
      done: 'U volgt de melding niet meer',
      unknown: 'Link werkt niet',
    },
    confirm: (reference: string) =>
      `U volgt melding ${reference}. U krijgt een e-mail als er iets verandert. Wilt u deze e-mails niet meer krijgen?`,
    button: 'Stop met volgen',
    done: 'U krijgt geen e-mails meer over deze melding. De melding zelf blijft gewoon open.',
    unknown:
      'Deze link werkt niet (meer). Misschien volgt u de melding al niet meer. Kijk of u de hele link uit de e-mail hebt gebruikt.',
  },
  en: {
    title: {
      confirm: 'Stop following a report',
      done: 'You no longer follow the report',
      unknown: 'Link not valid',
    },
    confirm: (reference: string) =>
      `You follow report ${reference}. We email you when something changes. Do you want to stop these emails?`,
    button: 'Stop following',
    done: 'You will get no more emails about this report. The report itself stays open.',
    unknown:
      'This link does not work (any more). Perhaps you already stopped following the report. Check that you used the whole link from the email.',
  },
} as const;

export const unfollowTitle = (language: Language, state: UnfollowState) => WORDS[language].title[state];

export function unfollowBody(props: {
  language: Language;
  state: UnfollowState;
  reference: string | null;
  action: string;
}): ReactElement {
  const w = WORDS[props.language];
  return (
    <>
      <h1 className="utrecht-heading-1">{w.title[props.state]}</h1>
      {props.state === 'confirm' && props.reference ? (
        <>
          <p className="utrecht-paragraph">{w.confirm(props.reference)}</p>
          <form method="post" action={props.action}>
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {w.button}
            </button>
          </form>
        </>
      ) : props.state === 'done' ? (
        <div className="utrecht-alert utrecht-alert--ok" role="status">
          <p className="utrecht-paragraph">{w.done}</p>
        </div>
      ) : (
        <div className="utrecht-alert utrecht-alert--warning">
          <p className="utrecht-paragraph">{w.unknown}</p>
        </div>
      )}
    </>
  );
}

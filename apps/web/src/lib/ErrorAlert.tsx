import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { Alert } from '../ui/Alert.tsx';
import { Paragraph } from '../ui/Paragraph.tsx';
import type { FieldErrors } from './fieldErrors.ts';
import { problemMessage } from './problemMessage.ts';

export interface ErrorAlertProps {
  /** A failed request (ApiError) or any thrown value. */
  error?: unknown;
  /** Field errors to list, each linked to its field. */
  fieldErrors?: FieldErrors;
  /** Label and control id per field path, for the links in the list. */
  fields?: Record<string, { label: string; id: string }>;
  /** With an id the alert can take focus (a long form moves focus to it after a failed save). */
  id?: string | undefined;
}

/** Problems that are fully explained by their field errors. */
const FIELD_CODES = new Set([
  'validation_failed',
  'wrong_password',
  'email_taken',
  'team_name_taken',
  'invalid_definition',
  'code_taken',
]);

const focusField = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
  const element = document.getElementById(id);
  if (!element) return;
  event.preventDefault();
  element.focus();
};

/**
 * The one error alert of a page or form (`role="alert"`, so it is announced): the problem's
 * message, the field errors as links to their fields, and the request id for support.
 */
export function ErrorAlert({ error, fieldErrors = {}, fields = {}, id }: ErrorAlertProps) {
  const { t } = useTranslation();
  const listed = Object.entries(fieldErrors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (!error && listed.length === 0) return null;
  const requestId = isApiError(error) ? error.requestId : undefined;
  // When the problem is about the fields, the fields say it best; else the problem's own sentence.
  const aboutFields = listed.length > 0 && (!error || (isApiError(error) && FIELD_CODES.has(error.code)));
  const headline = aboutFields || !error ? t('validation.summary') : problemMessage(error, t);
  return (
    <Alert type="error" role="alert" id={id} tabIndex={id ? -1 : undefined}>
      <Paragraph>
        <strong>{headline}</strong>
      </Paragraph>
      {listed.length > 0 ? (
        <ul className="utrecht-unordered-list vd-error-list">
          {listed.map(([field, message]) => {
            const target = fields[field];
            return (
              <li key={field} className="utrecht-unordered-list__item">
                {target ? (
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`#${target.id}`}
                    onClick={focusField(target.id)}
                  >
                    {target.label}: {message}
                  </a>
                ) : (
                  message
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {requestId ? (
        <Paragraph appearance="small" className="vd-request-id">
          {t('errors.requestId', { id: requestId })}
        </Paragraph>
      ) : null}
    </Alert>
  );
}

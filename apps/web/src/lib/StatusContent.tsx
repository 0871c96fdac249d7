import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Heading } from '../ui/Heading.tsx';
import { Paragraph } from '../ui/Paragraph.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';

export interface StatusContentProps {
  kind: 'notFound' | 'forbidden' | 'crash';
  showHomeLink?: boolean;
}

/** Heading, explanation and a way home, for the not-found, no-access and error pages. */
export function StatusContent({ kind, showHomeLink = true }: StatusContentProps) {
  const { t } = useTranslation();
  const title = t(`errors.${kind}.title`);
  useDocumentTitle(title);
  return (
    <div className="vd-stack">
      <Heading level={1}>{title}</Heading>
      <Paragraph>{t(`errors.${kind}.text`)}</Paragraph>
      {showHomeLink ? (
        <Paragraph>
          <Link className="utrecht-link utrecht-link--html-a" to="/">
            {t('errors.home')}
          </Link>
        </Paragraph>
      ) : null}
    </div>
  );
}

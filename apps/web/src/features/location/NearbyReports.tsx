import { Button } from '@utrecht/button-react';
import type { Locale, NearbyReport } from '@voordeur/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problemMessage.ts';
import { useForm } from '../../lib/useForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFollow, useNearby } from './api.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * "Already reported nearby?": open reports of the same item near the chosen place, each with "follow this one".
 * Following asks only an email address; the person then hears of that report's progress, and need not report it.
 */
export function NearbyReports({
  slug,
  itemCode,
  point,
  onFollowed,
}: {
  slug: string;
  itemCode: string;
  point: { lat: number; lon: number };
  onFollowed?: ((reference: string) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const nearby = useNearby(slug, itemCode, point);
  const [open, setOpen] = useState<string | null>(null);
  const [followed, setFollowed] = useState<string | null>(null);
  const headingId = useId();
  const items = nearby.data?.items ?? [];
  if (!items.length && !followed) return null;

  return (
    <section className="vd-panel vd-stack" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('location.nearby.title')}
      </Heading>
      {followed ? (
        <Alert type="ok" role="status">
          {t('location.nearby.following', { reference: followed })}
        </Alert>
      ) : (
        <>
          <Paragraph>
            {t('location.nearby.intro', { count: items.length, metres: nearby.data?.radiusMetres ?? 50 })}
          </Paragraph>
          <ul className="vd-nearby">
            {items.map((r) => (
              <li key={r.reference} className="vd-stack">
                <NearbyLine report={r} />
                {open === r.reference ? (
                  <FollowForm
                    slug={slug}
                    reference={r.reference}
                    language={(i18n.language === 'en' ? 'en' : 'nl') as Locale}
                    onDone={() => {
                      setFollowed(r.reference);
                      onFollowed?.(r.reference);
                    }}
                  />
                ) : (
                  <Button appearance="secondary-action-button" onClick={() => setOpen(r.reference)}>
                    {t('location.nearby.follow', { reference: r.reference })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <Paragraph>{t('location.nearby.notThis')}</Paragraph>
        </>
      )}
    </section>
  );
}

function NearbyLine({ report }: { report: NearbyReport }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${report.reportedOn}T12:00:00`));
  return (
    <Paragraph>
      <strong>{report.reference}</strong>
      {' — '}
      {t(report.street ? 'location.nearby.lineStreet' : 'location.nearby.line', {
        metres: report.distanceMetres,
        date,
        status: report.status,
        street: report.street ?? '',
      })}
    </Paragraph>
  );
}

function FollowForm({
  slug,
  reference,
  language,
  onDone,
}: {
  slug: string;
  reference: string;
  language: Locale;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const follow = useFollow(slug);
  const form = useForm({ email: '' }, { email: { id: `${id}-email`, label: t('location.nearby.email') } });
  const submit = () => {
    const email = form.values.email.trim();
    if (!form.report(EMAIL.test(email) ? {} : { email: t('location.nearby.emailInvalid') })) {
      document.getElementById(`${id}-email`)?.focus();
      return;
    }
    follow.mutate({ reference, email, language }, { onSuccess: onDone, onError: form.onError });
  };

  // Not a <form>: the field sits inside the report form, and a nested form is not allowed.
  return (
    <div className="vd-stack">
      <TextField
        {...form.field('email')}
        type="email"
        autoComplete="email"
        description={t('location.nearby.emailHelp')}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
        }}
      />
      {follow.isError ? (
        <Alert type="error" role="alert">
          {problemMessage(follow.error, t)}
        </Alert>
      ) : null}
      <Button appearance="primary-action-button" busy={follow.isPending} onClick={submit}>
        {t('location.nearby.followButton')}
      </Button>
    </div>
  );
}

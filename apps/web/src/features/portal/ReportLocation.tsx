import type { locationInputSchema } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';

export type ReportLocationValue = z.input<typeof locationInputSchema>;

export interface ReportLocationProps {
  slug: string;
  itemCode: string;
  value: ReportLocationValue | undefined;
  onChange: (value: ReportLocationValue | undefined) => void;
  /** The location's error (a required place not given), shown with the postcode. */
  error?: string | undefined;
}

/** The id the error summary links to. */
export const REPORT_LOCATION_ID = 'report-location-postcode';

/**
 * Where it is: postcode, house number and addition, or a description of the place — plain fields, no lookup.
 * A stand-in with the props of the full location picker (address register lookup, map, reports nearby), which
 * replaces it. The place is sent as a description ("Postcode 1234 AB, huisnummer 12 A. Bij de speeltuin"): the
 * case's district is read from the postcode in it.
 */
export function ReportLocation({ value, onChange, error }: ReportLocationProps) {
  const { t } = useTranslation();
  const [parts, setParts] = useState({ postcode: '', number: '', addition: '', description: '' });
  const set = (key: keyof typeof parts) => (event: { target: { value: string } }) => {
    const next = { ...parts, [key]: event.target.value };
    setParts(next);
    const address = [
      next.postcode.trim()
        ? `${t('portal.location.postcodeWord')} ${next.postcode.trim().toUpperCase()}`
        : '',
      next.number.trim()
        ? `${t('portal.location.numberWord')} ${next.number.trim()}${next.addition.trim() ? ` ${next.addition.trim()}` : ''}`
        : '',
    ]
      .filter(Boolean)
      .join(', ');
    const text = [address, next.description.trim()].filter(Boolean).join('. ');
    onChange(text ? { description: text.slice(0, 500) } : undefined);
  };
  return (
    <fieldset className="vd-fieldset vd-stack vd-stack--tight" aria-describedby="report-location-hint">
      <legend className="utrecht-form-fieldset__legend">{t('portal.location.legend')}</legend>
      <p id="report-location-hint" className="utrecht-paragraph vd-muted">
        {t('portal.location.hint')}
      </p>
      <div className="vd-location-grid">
        <TextField
          id={REPORT_LOCATION_ID}
          label={t('portal.location.postcode')}
          value={parts.postcode}
          onChange={set('postcode')}
          autoComplete="off"
          error={error}
          size={8}
        />
        <TextField
          id="report-location-number"
          label={t('portal.location.number')}
          value={parts.number}
          onChange={set('number')}
          inputMode="numeric"
          autoComplete="off"
          size={6}
        />
        <TextField
          id="report-location-addition"
          label={t('portal.location.addition')}
          optional
          value={parts.addition}
          onChange={set('addition')}
          autoComplete="off"
          size={4}
        />
      </div>
      <TextareaField
        id="report-location-description"
        label={t('portal.location.description')}
        optional
        description={t('portal.location.descriptionHint')}
        value={parts.description}
        onChange={set('description')}
        rows={2}
      />
      {value ? null : null}
    </fieldset>
  );
}

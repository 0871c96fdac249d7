import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react';
import { formatPostcode, type locationInputSchema, type PlaceAddress } from '@voordeur/shared';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../../api/client.ts';
import { problemMessage } from '../../lib/problemMessage.ts';
import { useForm } from '../../lib/useForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { type AddressSearch, addressAt, findAddresses, useMapConfig } from './api.ts';
import { NearbyReports } from './NearbyReports.tsx';
import { usePortalCentre } from './usePortalCentre.ts';

const LeafletMap = lazy(() => import('./LeafletMap.tsx'));

/** What the field holds: `locationInputSchema` of the intake (an address, a point, a description). */
export type LocationValue = z.input<typeof locationInputSchema>;

export interface LocationFieldProps {
  /** The organisation (its register and reports). */
  slug: string;
  /** The item being reported: "already reported nearby?" looks for open reports of it. */
  itemCode: string;
  value: LocationValue | undefined;
  onChange: (value: LocationValue | undefined) => void;
  /** The field's error (from the form's error summary); the fieldset's id is `location`. */
  error?: string | undefined;
  /** Called when the person follows a nearby report instead: the form may end there. */
  onFollowed?: ((reference: string) => void) | undefined;
}

/** The register's address as the intake takes it (a single letter is the house letter). */
function toAddressInput(a: PlaceAddress) {
  const letter = /^[A-Z]$/.test(a.addition) ? a.addition : undefined;
  const addition = !letter && a.addition ? a.addition.slice(0, 8) : undefined;
  return {
    street: a.street,
    houseNumber: a.number,
    ...(letter ? { houseLetter: letter } : {}),
    ...(addition ? { addition } : {}),
    postcode: a.postcode,
    city: a.place,
  };
}

/** The id of the field's fieldset: what a form's error summary links to. */
export const LOCATION_FIELD_ID = 'location';

export const addressText = (a: PlaceAddress) =>
  `${a.street} ${a.number}${a.addition ? (/^[A-Z]$/.test(a.addition) ? a.addition : `-${a.addition}`) : ''}, ${formatPostcode(a.postcode)} ${a.place}`;

/**
 * Where the problem is: by postcode and house number, or by street name, or (when the server has a tile URL) a
 * point on the map, whose nearest address is filled in. Without a map, address entry alone works. Once the place
 * is known, open reports of the same item nearby are offered to follow instead.
 */
export function LocationField({ slug, itemCode, value, onChange, error, onFollowed }: LocationFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const map = useMapConfig().data?.map ?? null;
  const centre = usePortalCentre(slug, Boolean(map));
  const [byStreet, setByStreet] = useState(false);
  const form = useForm(
    { postcode: '', number: '', street: '' },
    {
      postcode: { id: `${id}-postcode`, label: t('location.postcode') },
      number: { id: `${id}-number`, label: t('location.number') },
      street: { id: `${id}-street`, label: t('location.street') },
    },
  );
  const [chosen, setChosen] = useState<PlaceAddress | null>(null);
  const lookup = useMutation({ mutationFn: (query: AddressSearch) => findAddresses(slug, query) });
  const pickAt = useMutation({
    mutationFn: (p: { lat: number; lon: number }) => addressAt(slug, p.lat, p.lon),
  });

  const choose = (a: PlaceAddress, point?: { lat: number; lon: number }) => {
    setChosen(a);
    lookup.reset();
    const at = point ?? { lat: a.lat, lon: a.lon };
    onChange({ ...value, address: toAddressInput(a), lat: at.lat, lon: at.lon });
  };

  const search = () => {
    const { postcode, number, street } = form.values;
    const found = byStreet
      ? street.trim().length < 2
        ? { street: t('location.needStreet') }
        : {}
      : postcode.trim()
        ? {}
        : { postcode: t('location.needPostcode') };
    if (!form.report(found)) return;
    const query = byStreet
      ? { street: street.trim(), number: number.trim() || undefined }
      : { postcode: postcode.trim(), number: number.trim() || undefined };
    lookup.mutate(query, {
      onSuccess: ({ items }) => {
        if (items.length === 1) choose(items[0]!);
      },
      onError: form.onError,
    });
  };

  const pick = (lat: number, lon: number) =>
    pickAt.mutate({ lat, lon }, { onSuccess: (a) => choose(a, { lat, lon }) });
  const found = lookup.data?.items;
  const failure = lookup.error ?? pickAt.error;

  const point =
    value?.lat !== undefined && value?.lon !== undefined ? { lat: value.lat, lon: value.lon } : null;
  const errorId = `${id}-error`;

  return (
    <fieldset
      className="vd-fieldset"
      id={LOCATION_FIELD_ID}
      tabIndex={-1}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{t('location.legend')}</legend>
      <div className="vd-stack">
        {error ? (
          <p id={errorId} className="utrecht-form-field-error-message">
            {error}
          </p>
        ) : null}
        <Paragraph>{t(map ? 'location.introMap' : 'location.intro')}</Paragraph>
        {byStreet ? (
          <TextField {...form.field('street')} autoComplete="address-line1" />
        ) : (
          <TextField
            {...form.field('postcode')}
            description={t('location.postcodeHelp')}
            autoComplete="postal-code"
          />
        )}
        <TextField {...form.field('number')} optional />
        <ButtonGroup>
          <Button appearance="secondary-action-button" busy={lookup.isPending} onClick={search}>
            {t('location.find')}
          </Button>
          <Button
            appearance="subtle-button"
            onClick={() => {
              setByStreet(!byStreet);
              lookup.reset();
              form.report({});
            }}
          >
            {t(byStreet ? 'location.usePostcode' : 'location.useStreet')}
          </Button>
        </ButtonGroup>

        <div aria-live="polite" className="vd-stack">
          {failure && !(isApiError(failure) && failure.code === 'validation_failed') ? (
            <Alert type="warning">{problemMessage(failure, t)}</Alert>
          ) : null}
          {found && !found.length ? <Alert type="warning">{t('location.noneFound')}</Alert> : null}
          {found && found.length > 1 ? (
            <fieldset className="vd-fieldset">
              <legend>{t('location.chooseAddress', { count: found.length })}</legend>
              <ul className="utrecht-unordered-list vd-choices">
                {found.map((a) => (
                  <li key={`${a.postcode}-${a.number}-${a.addition}`}>
                    <Button appearance="subtle-button" onClick={() => choose(a)}>
                      {addressText(a)}
                    </Button>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
          {chosen ? (
            <Alert type="ok">
              <strong>{t('location.chosen')}</strong> {addressText(chosen)}
            </Alert>
          ) : null}
        </div>

        {map && centre ? (
          <Suspense fallback={<Paragraph>{t('app.loading')}</Paragraph>}>
            <LeafletMap
              config={map}
              label={t('location.mapLabel')}
              centre={point ?? centre}
              markers={
                point ? [{ ...point, label: chosen ? addressText(chosen) : t('location.chosen') }] : []
              }
              pick={{ onPick: pick, buttonLabel: t('location.pickCentre') }}
            />
          </Suspense>
        ) : null}

        <TextareaField
          id={`${id}-description`}
          label={t('location.description')}
          description={t('location.descriptionHelp')}
          optional
          rows={2}
          maxLength={500}
          value={value?.description ?? ''}
          onChange={(e) => {
            const description = e.target.value;
            const next = { ...value, description: description || undefined };
            onChange(next.address || next.lat !== undefined || next.description ? next : undefined);
          }}
        />

        {point && itemCode ? (
          <NearbyReports slug={slug} itemCode={itemCode} point={point} onFollowed={onFollowed} />
        ) : null}
      </div>
    </fieldset>
  );
}

/**
 * The report form of a public service (`/p/<slug>/diensten/<code>/melden`), rendered on the server (ADR 0022,
 * addendum): generated from the item's intake fields, with the browser's own checks (required, lengths, types)
 * from the same definition the server checks with. Plain HTML: it works without JavaScript and without a map.
 * Errors are listed on top, each linked to its field (the NL Design System form pattern).
 */
import {
  type IntakeField,
  type LocalText,
  type NearbyResult,
  PORTAL_LIMITS,
  REACH_CHOICES,
} from '@voordeur/shared';
import type { ReactNode } from 'react';
import { type Language, localText, longDate } from '../../platform/public-words.ts';
import {
  ErrorSummary,
  Field,
  type FieldErrors,
  Notice,
  TextInput,
  textarea,
  textbox,
} from '../../plugins/page-parts.tsx';
import {
  addressKey,
  addressText,
  answerId,
  answerName,
  CONTACT_IDS,
  DESCRIPTION_ID,
  FOLLOW_EMAIL_ID,
  isAsked,
  type KeptUpload,
  keptValue,
  LOCATION_ID,
  type PlaceState,
  type Posted,
  placeField,
} from './portal.report.form.ts';
import type { ReportWords } from './portal.report.words.ts';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,application/pdf,.heic';
const link = 'utrecht-link utrecht-link--html-a';
const secondary = 'utrecht-button utrecht-button--secondary-action';

export interface ReportItemView {
  code: string;
  name: LocalText;
  intakeFields: IntakeField[];
  expectedDate: string;
  online: boolean;
}

/** What the page shows of an earlier post: what was typed, what went wrong, what was found. */
export interface ReportFormState {
  posted: Posted;
  errors: FieldErrors;
  problem?: string | undefined;
  kept: KeptUpload[];
  place: PlaceState;
  nearby?: NearbyResult | undefined;
  /** The place the person was shown "already reported?" for (then sending goes on). */
  nearbySeen?: string | undefined;
  formToken: string;
  /** Sending stopped to show "already reported?" first (said on top, linked to the list). */
  nearbyFirst?: boolean | undefined;
  /** The map to pick the place on (a tile server is configured), opening at this point; else none. */
  map?:
    | { tiles: string; attribution: string; maxZoom: number; centre: { lat: number; lon: number } }
    | undefined;
  /** A report the person now follows instead (after `gevolgd=`). */
  followed?: string | undefined;
}

const value = (s: ReportFormState, name: string) => s.posted.get(name)?.[0] ?? '';

export function ReportFormPage(props: {
  words: ReportWords;
  language: Language;
  item: ReportItemView;
  paths: { back: string; action: string };
  state: ReportFormState;
}) {
  const { words: w, item, state, language } = props;
  const name = localText(item.name, language);
  return (
    <div className="vd-stack vd-stack--loose vd-portal">
      <nav aria-label={w.lang === 'en' ? 'Breadcrumb' : 'Kruimelpad'}>
        <a className={link} href={props.paths.back}>
          {w.back}
        </a>
      </nav>
      <h1 className="utrecht-heading-1" lang={name.lang}>
        {name.text}
      </h1>
      {state.followed ? <Notice>{w.nearby.following(state.followed)}</Notice> : null}
      {item.online ? <ReportForm {...props} /> : <p className="utrecht-paragraph">{w.elsewhere}</p>}
    </div>
  );
}

function ReportForm(props: {
  words: ReportWords;
  language: Language;
  item: ReportItemView;
  paths: { back: string; action: string };
  state: ReportFormState;
}) {
  const { words: w, item, state, language } = props;
  const location = placeField(item.intakeFields);
  const questions = item.intakeFields.filter(isAsked);
  return (
    <form
      method="post"
      action={props.paths.action}
      encType="multipart/form-data"
      className="vd-form vd-stack"
      aria-describedby="report-intro"
    >
      <p className="utrecht-paragraph" id="report-intro">
        {w.intro}
      </p>
      <ErrorSummary title={w.errorTitle} errors={state.errors} problem={state.problem} />
      {state.nearbyFirst && state.nearby ? (
        <Notice type="info">
          {w.nearby.intro(state.nearby.items.length, state.nearby.radiusMetres)}{' '}
          <a className={link} href="#report-nearby">
            {w.nearby.seeThem}
          </a>
        </Notice>
      ) : null}
      <input type="hidden" name="formToken" value={state.formToken} />
      {state.nearbySeen ? <input type="hidden" name="nearbySeen" value={state.nearbySeen} /> : null}

      {questions.map((q) =>
        q === location ? (
          <PlaceFieldset key={q.key} {...props} field={q} />
        ) : q.type === 'attachment' ? (
          <FileField key={q.key} words={w} language={language} field={q} state={state} />
        ) : (
          <Question key={q.key} words={w} language={language} field={q} state={state} />
        ),
      )}

      <Field
        id={DESCRIPTION_ID}
        label={`${w.description} ${w.optional}`}
        description={w.descriptionHint}
        error={state.errors[DESCRIPTION_ID]}
      >
        {(control) => (
          <textarea
            {...control}
            name="description"
            rows={4}
            maxLength={PORTAL_LIMITS.descriptionMax}
            className={textarea(Boolean(control['aria-invalid']))}
            defaultValue={value(state, 'description')}
          />
        )}
      </Field>

      <ContactFieldset words={w} state={state} />

      {/* The honeypot: people do not see it and leave it empty; a program filling every field does not. */}
      <div className="vd-honeypot" aria-hidden="true">
        <label htmlFor="report-website">{w.honeypot}</label>
        <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      <p className="utrecht-paragraph">{w.expected(longDate(item.expectedDate, language))}</p>
      <div className="utrecht-button-group">
        <button
          type="submit"
          name="intent"
          value="send"
          className="utrecht-button utrecht-button--primary-action utrecht-button--submit"
        >
          {w.submit}
        </button>
      </div>
    </form>
  );
}

/** What the parts of the form that show one intake question get. */
interface QuestionProps {
  words: ReportWords;
  language: Language;
  field: IntakeField;
  state: ReportFormState;
}

/** One intake question as the control its type asks for, with the browser's checks from its definition. */
function Question({ words: w, language, field, state }: QuestionProps) {
  const id = answerId(field.key);
  const name = answerName(field.key);
  const label = `${localText(field.label, language).text}${field.required ? '' : ` ${w.optional}`}`;
  const help = field.help ? localText(field.help, language).text : undefined;
  const error = state.errors[id];
  const current = value(state, name);
  if (field.type === 'multi_choice') {
    const chosen = new Set(state.posted.get(name) ?? []);
    return (
      <fieldset
        className="vd-fieldset"
        aria-describedby={
          [error ? `${id}-error` : '', help ? `${id}-description` : ''].join(' ').trim() || undefined
        }
      >
        <legend>{label}</legend>
        {help ? (
          <p className="utrecht-paragraph vd-muted" id={`${id}-description`}>
            {help}
          </p>
        ) : null}
        {error ? (
          <p className="utrecht-form-field-error-message" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        {(field.options ?? []).map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          const text = localText(option.label, language);
          return (
            <div key={option.value} className="vd-radio">
              <input
                type="checkbox"
                id={optionId}
                name={name}
                value={option.value}
                defaultChecked={chosen.has(option.value)}
                className="utrecht-checkbox utrecht-checkbox--html-input"
              />
              <label htmlFor={optionId} lang={text.lang}>
                {text.text}
              </label>
            </div>
          );
        })}
      </fieldset>
    );
  }
  const options =
    field.type === 'choice'
      ? (field.options ?? []).map((o) => ({ value: o.value, label: localText(o.label, language).text }))
      : field.type === 'yes_no'
        ? [
            { value: 'yes', label: w.yes },
            { value: 'no', label: w.no },
          ]
        : null;
  return (
    <Field id={id} label={label} description={help} error={error}>
      {(control) =>
        options ? (
          <select
            {...control}
            name={name}
            required={field.required}
            className="utrecht-select utrecht-select--html-select"
            defaultValue={current}
          >
            <option value="">{w.choose}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : field.type === 'long_text' ? (
          <textarea
            {...control}
            name={name}
            rows={4}
            required={field.required}
            maxLength={PORTAL_LIMITS.longTextMax}
            className={textarea(Boolean(error))}
            defaultValue={current}
          />
        ) : (
          <input
            {...control}
            name={name}
            type={field.type === 'date' ? 'date' : 'text'}
            inputMode={field.type === 'number' ? 'decimal' : undefined}
            required={field.required}
            maxLength={field.type === 'text' || field.type === 'location' ? PORTAL_LIMITS.textMax : undefined}
            autoComplete="off"
            className={textbox(Boolean(error))}
            defaultValue={current}
          />
        )
      }
    </Field>
  );
}

/** An attachment question: new files, and those already sent with an earlier post of this form (kept). */
function FileField({ words: w, language, field, state }: QuestionProps) {
  const id = answerId(field.key);
  const kept = state.kept.filter((k) => k.field === field.key);
  const help = [field.help ? localText(field.help, language).text : '', w.fileHint(PORTAL_LIMITS.filesMax)]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="vd-stack vd-stack--tight">
      <Field
        id={id}
        label={`${localText(field.label, language).text}${field.required ? '' : ` ${w.optional}`}`}
        description={help}
        error={state.errors[id]}
      >
        {(control) => (
          <input
            {...control}
            name={answerName(field.key)}
            type="file"
            multiple
            accept={ACCEPT}
            required={field.required && !kept.length}
            className="vd-file"
          />
        )}
      </Field>
      {kept.length ? (
        <fieldset className="vd-fieldset">
          <legend>{w.keptFiles}</legend>
          {kept.map((k, i) => (
            <div key={k.id} className="vd-radio">
              <input
                type="checkbox"
                id={`${id}-kept-${i}`}
                name="kept"
                value={keptValue(k)}
                defaultChecked
                className="utrecht-checkbox utrecht-checkbox--html-input"
              />
              <label htmlFor={`${id}-kept-${i}`}>{k.fileName}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}

/**
 * Where it is: postcode + house number, or the street; "Find address" shows what the register knows (several
 * addresses: the person chooses). Once the place is known, open reports of the same problem nearby are offered to
 * follow instead.
 */
function PlaceFieldset(props: QuestionProps) {
  const { words: w, state, field, language } = props;
  const l = w.location;
  const error = state.errors[LOCATION_ID];
  const { place } = state;
  const typedAddress = Boolean(value(state, 'loc.postcode') || value(state, 'loc.street'));
  const pointCarried = Boolean(!typedAddress && place.point && !place.choices);
  return (
    <fieldset
      className="vd-fieldset"
      id={LOCATION_ID}
      tabIndex={-1}
      aria-describedby={error ? `${LOCATION_ID}-error` : undefined}
    >
      <legend>
        {localText(field.label, language).text || l.legend}
        {field.required ? null : ` ${w.optional}`}
      </legend>
      {error ? (
        <p id={`${LOCATION_ID}-error`} className="utrecht-form-field-error-message">
          {error}
        </p>
      ) : null}
      <p className="utrecht-paragraph">{l.intro}</p>
      <div className="vd-location-grid">
        <TextInput
          id="report-place-postcode"
          name="loc.postcode"
          label={l.postcode}
          description={l.postcodeHelp}
          autoComplete="off"
          maxLength={10}
          value={value(state, 'loc.postcode')}
        />
        <TextInput
          id="report-place-number"
          name="loc.number"
          label={`${l.number} ${w.optional}`}
          autoComplete="off"
          inputMode="numeric"
          maxLength={5}
          value={value(state, 'loc.number')}
        />
      </div>
      <TextInput
        id="report-place-street"
        name="loc.street"
        label={l.street}
        description={l.streetHelp}
        autoComplete="off"
        maxLength={100}
        value={value(state, 'loc.street')}
      />
      {/* A point picked on the map travels on until an address is typed (the map's script fills these in). */}
      {state.map || (!typedAddress && place.point && !place.choices) ? (
        <>
          <input type="hidden" name="loc.lat" value={pointCarried ? String(place.point!.lat) : ''} />
          <input type="hidden" name="loc.lon" value={pointCarried ? String(place.point!.lon) : ''} />
        </>
      ) : null}
      {state.map ? <MapPick words={w} map={state.map} /> : null}
      <div className="utrecht-button-group">
        <button type="submit" name="intent" value="find" formNoValidate className={secondary}>
          {l.find}
        </button>
      </div>
      {place.choices?.length ? (
        <fieldset className="vd-fieldset">
          <legend>{l.chooseAddress(place.choices.length)}</legend>
          {place.choices.map((a, i) => (
            <div key={addressKey(a)} className="vd-radio">
              <input
                type="radio"
                id={i === 0 ? 'report-place-choice' : `report-place-choice-${i}`}
                name="loc.choice"
                value={addressKey(a)}
                defaultChecked={value(state, 'loc.choice') === addressKey(a)}
              />
              <label htmlFor={i === 0 ? 'report-place-choice' : `report-place-choice-${i}`}>
                {addressText(a)}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {place.chosen ? (
        <Notice>
          <strong>{l.chosen}</strong> {addressText(place.chosen)}
        </Notice>
      ) : null}
      <Field
        id="report-place-description"
        label={`${l.description} ${w.optional}`}
        description={l.descriptionHelp}
      >
        {(control) => (
          <textarea
            {...control}
            name="loc.description"
            rows={2}
            maxLength={PORTAL_LIMITS.textMax}
            className={textarea(false)}
            defaultValue={value(state, 'loc.description')}
          />
        )}
      </Field>
      {state.nearby ? <Nearby {...props} nearby={state.nearby} /> : null}
    </fieldset>
  );
}

/** "Already reported?": the open reports of the same problem nearby, each to follow with an email address. */
function Nearby({
  words: w,
  language,
  state,
  nearby,
}: {
  words: ReportWords;
  language: Language;
  state: ReportFormState;
  nearby: NearbyResult;
}) {
  const n = w.nearby;
  return (
    <section className="vd-stack vd-stack--tight vd-nearby" aria-labelledby="report-nearby">
      <h2 className="utrecht-heading-2" id="report-nearby">
        {n.title}
      </h2>
      <p className="utrecht-paragraph">{n.intro(nearby.items.length, nearby.radiusMetres)}</p>
      <TextInput
        id={FOLLOW_EMAIL_ID}
        name="followEmail"
        type="email"
        label={n.email}
        description={n.emailHelp}
        autoComplete="email"
        maxLength={254}
        error={state.errors[FOLLOW_EMAIL_ID]}
        value={value(state, 'followEmail') || value(state, 'email')}
      />
      <ul className="vd-plain-list vd-stack">
        {nearby.items.map((r) => (
          <li key={r.reference} className="vd-stack vd-stack--tight">
            <p className="utrecht-paragraph">
              <strong>{r.reference}</strong>{' '}
              {n.line(r.street, r.distanceMetres, longDate(r.reportedOn, language), r.status)}
            </p>
            <div className="utrecht-button-group">
              <button type="submit" name="follow" value={r.reference} formNoValidate className={secondary}>
                {n.follow(r.reference)}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p className="utrecht-paragraph">{n.notThis}</p>
    </section>
  );
}

/** Who it is from and how they want to hear back; only the details of the chosen way show (CSS `:has`). */
function ContactFieldset({ words: w, state }: { words: ReportWords; state: ReportFormState }) {
  const c = w.contact;
  const e = state.errors;
  const reach = value(state, 'reach') || 'email';
  const input = (
    key: keyof typeof CONTACT_IDS,
    props: {
      label: string;
      autoComplete: string;
      type?: 'email' | 'tel';
      description?: string;
      inputMode?: 'numeric';
      maxLength: number;
    },
  ) => (
    <TextInput
      id={CONTACT_IDS[key]}
      name={key}
      error={e[CONTACT_IDS[key]]}
      value={value(state, key)}
      {...props}
    />
  );
  const part = (choice: string, children: ReactNode) => (
    <div className={`vd-stack vd-stack--tight vd-reach vd-reach--${choice}`}>{children}</div>
  );
  return (
    <fieldset className="vd-fieldset vd-stack vd-stack--tight vd-contact">
      <legend className="utrecht-form-fieldset__legend">{c.legend}</legend>
      {input('name', { label: c.name, autoComplete: 'name', maxLength: 200 })}
      <fieldset className="vd-fieldset vd-radio-group" aria-describedby="report-reach-hint">
        <legend>{c.reach}</legend>
        <p id="report-reach-hint" className="utrecht-paragraph vd-muted">
          {c.reachHint} {c.onlyChosen}
        </p>
        {REACH_CHOICES.map((choice) => (
          <div key={choice} className="vd-radio">
            <input
              type="radio"
              id={`report-reach-${choice}`}
              name="reach"
              value={choice}
              defaultChecked={reach === choice}
            />
            <label htmlFor={`report-reach-${choice}`}>{c.reachChoice[choice]}</label>
          </div>
        ))}
      </fieldset>
      {part(
        'email',
        input('email', {
          label: c.email,
          autoComplete: 'email',
          type: 'email',
          description: c.emailHint,
          maxLength: 254,
        }),
      )}
      {part(
        'phone',
        input('phone', {
          label: c.phone,
          autoComplete: 'tel',
          type: 'tel',
          description: c.phoneHint,
          maxLength: 20,
        }),
      )}
      {part(
        'post',
        <>
          <p className="utrecht-paragraph vd-muted">{c.postHint}</p>
          {input('street', { label: c.street, autoComplete: 'address-line1', maxLength: 200 })}
          <div className="vd-location-grid">
            {input('houseNumber', {
              label: c.houseNumber,
              autoComplete: 'off',
              inputMode: 'numeric',
              maxLength: 5,
            })}
            {input('addition', { label: `${c.addition} ${w.optional}`, autoComplete: 'off', maxLength: 8 })}
            {input('postcode', { label: c.postcode, autoComplete: 'postal-code', maxLength: 10 })}
          </div>
          {input('city', { label: c.city, autoComplete: 'address-level2', maxLength: 100 })}
        </>,
      )}
    </fieldset>
  );
}

/**
 * The map, when a tile server is configured: hidden until its script (`src/public/map-pick.ts` of the web app's
 * build) brings Leaflet to it, so that without JavaScript no dead button shows. The point picked is sent as "Find
 * address".
 */
function MapPick({ words: w, map }: { words: ReportWords; map: NonNullable<ReportFormState['map']> }) {
  const l = w.location;
  return (
    <div
      className="vd-map"
      data-map-pick=""
      data-tiles={map.tiles}
      data-attribution={map.attribution}
      data-max-zoom={map.maxZoom}
      data-lat={map.centre.lat}
      data-lon={map.centre.lon}
      hidden
    >
      <p className="utrecht-paragraph">{l.mapIntro}</p>
      <div className="vd-map__frame">
        <section className="vd-map__canvas" aria-label={l.mapLabel} />
        <span className="vd-map__cross" aria-hidden="true" />
      </div>
      <button type="button" className={secondary}>
        {l.pickCentre}
      </button>
    </div>
  );
}

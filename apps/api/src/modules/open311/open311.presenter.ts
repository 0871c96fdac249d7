import type { IntakeField, Locale, Open311Client, WorkflowStatus } from '@voordeur/shared';
import { localised } from '../../plugins/language.ts';
import type { Service } from './open311.service.ts';

/** A w3 datetime (ISO 8601 with its zone, Z), without milliseconds: what GeoReport clients parse. */
export const w3 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const KIND_GROUP: Record<string, { nl: string; en: string }> = {
  report: { nl: 'Meldingen', en: 'Reports' },
  request: { nl: 'Aanvragen', en: 'Applications' },
  complaint: { nl: 'Klachten', en: 'Complaints' },
};

const DATATYPES: Record<IntakeField['type'], string> = {
  text: 'string',
  long_text: 'text',
  number: 'number',
  date: 'datetime',
  choice: 'singlevaluelist',
  multi_choice: 'multivaluelist',
  yes_no: 'singlevaluelist',
  location: 'string',
  attachment: 'string',
};

const WORDS = {
  nl: {
    yes: 'Ja',
    no: 'Nee',
    date: 'Een datum, bijvoorbeeld 2026-05-01.',
    expected: (date: string) => `We handelen dit uiterlijk ${date} af.`,
  },
  en: {
    yes: 'Yes',
    no: 'No',
    date: 'A date, for example 2026-05-01.',
    expected: (date: string) => `We expect to handle this by ${date}.`,
  },
} as const;

/** One entry of GET services. */
export function presentService(s: Service, language: Locale) {
  const d = s.definition;
  return {
    service_code: d.code,
    service_name: localised(d.name, language) ?? d.code,
    description: localised(d.summary, language) ?? '',
    metadata: s.attributes.length > 0,
    type: s.locationBased ? 'realtime' : 'batch',
    keywords: [...new Set([...d.synonyms, ...d.keywords])].join(', '),
    group: s.teamName ?? (KIND_GROUP[d.kind]?.[language] || d.kind),
  };
}

/** GET services/{code}: the intake fields a client app asks for, as GeoReport attributes. */
export function presentDefinition(s: Service, language: Locale) {
  const w = WORDS[language];
  return {
    service_code: s.definition.code,
    attributes: s.attributes.map((f, i) => {
      const values =
        f.type === 'yes_no'
          ? [
              { key: 'true', name: w.yes },
              { key: 'false', name: w.no },
            ]
          : f.options?.map((o) => ({ key: o.value, name: localised(o.label, language) ?? o.value }));
      const help = localised(f.help, language);
      return {
        variable: true,
        code: f.key,
        datatype: DATATYPES[f.type],
        required: f.required,
        datatype_description: f.type === 'date' ? w.date : null,
        order: i + 1,
        description: [localised(f.label, language), help].filter(Boolean).join(' — '),
        ...(values ? { values } : {}),
      };
    }),
  };
}

/** The XML of a service definition wraps its lists: `<attributes><attribute>…<values><value>…`. */
export function definitionXml(doc: object) {
  const d = doc as ReturnType<typeof presentDefinition>;
  return {
    service_code: d.service_code,
    attributes: {
      attribute: d.attributes.map(({ values, ...a }) => (values ? { ...a, values: { value: values } } : a)),
    },
  };
}

/** "We expect to handle this by 12 December 2026" in the caller's language and the organisation's zone. */
export function serviceNotice(dueAt: Date, language: Locale, timeZone: string) {
  const date = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeZone,
  }).format(dueAt);
  return WORDS[language].expected(date);
}

interface StoredLocation {
  address?: {
    street?: string;
    houseNumber?: number;
    houseLetter?: string | null;
    addition?: string | null;
    postcode?: string;
    city?: string;
  } | null;
  lat?: number | null;
  lon?: number | null;
  description?: string | null;
}

/** "Kerkstraat 12A-2, 1234AB Voorbeeld", most specific first as the spec asks. */
function addressLine(a: NonNullable<StoredLocation['address']>) {
  const number = `${a.houseNumber ?? ''}${a.houseLetter ?? ''}${a.addition ? `-${a.addition}` : ''}`;
  return [`${a.street ?? ''} ${number}`.trim(), `${a.postcode ?? ''} ${a.city ?? ''}`.trim()]
    .filter(Boolean)
    .join(', ');
}

export interface RequestRow {
  reference: string;
  code: string;
  name: { nl: string; en?: string };
  statuses: unknown[];
  locationBased: boolean;
  status: string;
  location: unknown;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  dueAt: Date;
  teamName: string | null;
  mediaUrl: string | null;
  addressId: string | null;
}

/**
 * One service request as GET requests shows it to anyone: never a person's data. No description or answers
 * (people write names in them), and the place only for location-based services — the place of a street light,
 * not of a person's home (the other services ask for a home address).
 */
export function presentRequest(row: RequestRow, language: Locale, timeZone: string) {
  const status = (row.statuses as WorkflowStatus[]).find((s) => s.key === row.status);
  const notes =
    status?.visibility === 'public'
      ? (localised(status.publicText?.nl ? status.publicText : status.label, language) ?? null)
      : null;
  const locationBased = row.locationBased;
  const place = locationBased ? ((row.location ?? null) as StoredLocation | null) : null;
  const closed = row.closedAt !== null;
  return {
    service_request_id: row.reference,
    status: closed ? 'closed' : 'open',
    status_notes: notes,
    service_name: localised(row.name, language) ?? row.code,
    service_code: row.code,
    description: null,
    agency_responsible: row.teamName,
    service_notice: closed ? null : serviceNotice(row.dueAt, language, timeZone),
    requested_datetime: w3(row.createdAt),
    updated_datetime: w3(row.closedAt ?? row.updatedAt),
    expected_datetime: w3(row.dueAt),
    address: place?.address ? addressLine(place.address) : (place?.description ?? null),
    address_id: locationBased ? row.addressId : null,
    zipcode: place?.address?.postcode ?? null,
    lat: place?.lat ?? null,
    long: place?.lon ?? null,
    media_url: row.mediaUrl,
  };
}

export function presentClient(c: {
  id: string;
  name: string;
  contact: string;
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  requests: number;
}): Open311Client {
  return {
    id: c.id,
    name: c.name,
    contact: c.contact,
    prefix: c.prefix,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    requests: Number(c.requests),
  };
}

import type { MyPage, ResidentExport } from '@voordeur/shared';
import { addressLine } from '../customers/index.ts';
import type { Resident, recordsOf } from './residents.service.ts';

type Records = Awaited<ReturnType<typeof recordsOf>>;

/** My page: only what the resident may see of their records (public case steps, never internal notes). */
export function presentMyPage(resident: Resident, r: Records, csrfToken: string): MyPage {
  return {
    email: resident.email,
    organisation: { name: resident.organisationName, slug: resident.slug },
    known: r.customers.length > 0,
    name: r.customers[0]?.name ?? null,
    preferences: r.preferences,
    consents: r.consents,
    consentHistory: r.consentHistory,
    cases: r.cases.map((c) => ({
      id: c.id,
      reference: c.reference,
      item: c.item,
      status: c.status,
      closed: c.closed,
      createdAt: c.createdAt,
      expectedDate: c.expectedDate,
      closedAt: c.closedAt,
      trackingUrl: c.trackingUrl,
    })),
    contacts: r.contacts,
    csrfToken,
  };
}

/**
 * Which kinds of data the organisation keeps about a resident, why, and how long — the part of an access request
 * (GDPR art. 15(1)(a)–(d)) that is the same for everyone. Retention follows the Archiefwet selection lists the
 * municipality applies; these texts say so rather than promise a number this install does not enforce.
 */
export const CATEGORIES: ResidentExport['categories'] = [
  {
    category: { nl: 'Naam en contactgegevens', en: 'Name and contact details' },
    why: {
      nl: 'Om u te kunnen antwoorden op de manier die u kiest.',
      en: 'To answer you the way you choose.',
    },
    kept: {
      nl: 'Zolang u klant bent of er zaken over u lopen, en daarna volgens de archiefregels van de gemeente.',
      en: 'While you are a customer or cases about you run, then as the municipality’s archive rules say.',
    },
  },
  {
    category: {
      nl: 'Burgerservicenummer (alleen als u dat gaf)',
      en: 'Citizen service number (only if you gave it)',
    },
    why: {
      nl: 'Om u zeker te herkennen. Het nummer is versleuteld opgeslagen.',
      en: 'To recognise you with certainty. It is stored encrypted.',
    },
    kept: { nl: 'Zoals uw contactgegevens.', en: 'As your contact details.' },
  },
  {
    category: {
      nl: 'Zaken: meldingen, aanvragen, vragen en klachten',
      en: 'Cases: reports, applications, questions and complaints',
    },
    why: {
      nl: 'Om uw zaak af te handelen en u te laten weten hoe het ermee staat.',
      en: 'To handle your case and tell you where it stands.',
    },
    kept: {
      nl: 'Volgens de archiefregels van de gemeente voor dat soort zaak.',
      en: 'As the municipality’s archive rules say for that kind of case.',
    },
  },
  {
    category: { nl: 'Contacten met de gemeente', en: 'Contacts with the municipality' },
    why: {
      nl: 'Om u bij een volgend contact snel verder te helpen en om onze dienstverlening te verbeteren.',
      en: 'To help you quickly next time, and to improve our service.',
    },
    kept: {
      nl: 'Volgens de archiefregels van de gemeente.',
      en: 'As the municipality’s archive rules say.',
    },
  },
  {
    category: { nl: 'Uw keuzes en toestemmingen', en: 'Your choices and consents' },
    why: {
      nl: 'Om te doen wat u koos, en te kunnen laten zien wanneer u dat koos.',
      en: 'To do what you chose, and show when you chose it.',
    },
    kept: { nl: 'Zolang u klant bent.', en: 'While you are a customer.' },
  },
  {
    category: { nl: 'Wie uw gegevens bekeek of wijzigde', en: 'Who viewed or changed your data' },
    why: {
      nl: 'Elke keer dat iemand uw gegevens bekijkt of wijzigt, schrijven we dat op. Zo is misbruik te zien.',
      en: 'Every time someone views or changes your data, we record it. That way misuse can be found.',
    },
    kept: { nl: 'Volgens de archiefregels van de gemeente.', en: 'As the municipality’s archive rules say.' },
  },
];

/** Everything stored about the resident (GDPR art. 15): the JSON download and the readable page read this. */
export function presentExport(resident: Resident, r: Records): ResidentExport {
  return {
    exportedAt: new Date().toISOString(),
    organisation: { name: resident.organisationName, slug: resident.slug },
    email: resident.email,
    profiles: r.customers.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      email: c.email,
      phone: c.phone,
      dateOfBirth: c.dateOfBirth,
      bsn: c.bsnLast3 ? `******${c.bsnLast3}` : null,
      kvkNumber: c.kvkNumber,
      address: addressLine(c),
      area: c.area,
      preferredChannel: c.preferredChannel,
      preferredLanguage: c.preferredLanguage,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    })),
    cases: r.cases,
    contacts: r.contacts,
    consents: r.consentHistory,
    // Survey answers join here once surveys are stored (issue 13, the surveys part).
    surveys: [],
    categories: CATEGORIES,
  };
}

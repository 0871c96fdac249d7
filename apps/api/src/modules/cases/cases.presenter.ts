import type {
  Case,
  CaseSummary,
  CatalogueItemDefinition,
  Locale,
  MessageTemplate,
  TimelineKind,
} from '@voordeur/shared';
import type { Actor } from '../../platform/actor.ts';
import { localised } from '../../plugins/language.ts';
import { localDate } from '../calendar/index.ts';
import type { ComplaintState, Suspension } from './cases.clock.ts';
import { caseAbilities, caseListAbilities, openChildTasks } from './cases.policy.ts';
import type { CaseRow } from './cases.queries.ts';
import type { CaseDetail } from './cases.service.ts';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/**
 * A case in a list. `language` is the reader's (Accept-Language): the status and the subject (the item's name)
 * in English when the item has English for them, else in Dutch.
 */
export function presentCaseSummary(row: CaseRow, language: Locale, actor: Actor): CaseSummary {
  const now = new Date();
  const { c } = row;
  const def = row.definition as CatalogueItemDefinition;
  const status = def.handling.statuses.find((s) => s.key === c.status);
  return {
    id: c.id,
    reference: c.reference,
    kind: c.kind as CaseSummary['kind'],
    // The subject is the item's Dutch name when the case was opened; its English name is read from the same version.
    subject: language === 'en' && def.name.en?.trim() ? def.name.en : c.subject,
    status: {
      key: c.status,
      label: localised(status?.label, language) ?? c.status,
      public: status?.visibility === 'public',
      final: status?.final ?? false,
    },
    team: c.teamId && row.teamName ? { id: c.teamId, name: row.teamName } : null,
    assignee: c.assigneeUserId && row.assigneeName ? { id: c.assigneeUserId, name: row.assigneeName } : null,
    customer: c.customerId && row.customerName ? { id: c.customerId, name: row.customerName } : null,
    area: c.area,
    priority: c.priority as CaseSummary['priority'],
    createdAt: c.createdAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    dueDate: localDate(c.dueAt),
    internalDueAt: iso(c.internalDueAt),
    closedAt: iso(c.closedAt),
    suspended: c.suspendedSince !== null,
    breached: c.breachedAt !== null || (!c.closedAt && !c.suspendedSince && c.dueAt < now),
    reopenRequested: c.reopenRequestedAt !== null,
    followUp: c.followUpAt !== null,
    parentId: c.parentCaseId,
    abilities: caseListAbilities(actor, { c, def }),
  };
}

const TITLES: Record<string, string> = {
  note: 'Interne notitie',
  message_out: 'Bericht aan de persoon',
  message_in: 'Bericht van de persoon',
  assigned: 'Toegewezen',
  suspended: 'Termijn opgeschort',
  resumed: 'Termijn loopt weer',
  extended: 'Termijn verlengd',
  breached: 'Servicenorm overschreden',
  internal_breached: 'Interne streefdatum verstreken',
  warned: 'Team gewaarschuwd',
  linked: 'Gekoppeld',
  reopen_requested: 'Verzoek tot heropenen',
  reopen_refused: 'Heropenen geweigerd',
  reopened: 'Heropend',
  attachment: 'Bijlage toegevoegd',
  complaint: 'Klachtbehandeling',
  survey: 'Enquête beantwoord',
};

/**
 * A whole case; names the organisation wrote in two languages in the reader's `language` (see presentCaseSummary);
 * `abilities`: what `actor` (the reader) may do to it now.
 */
export function presentCase(d: CaseDetail, language: Locale, actor: Actor): Case {
  const { row } = d;
  const { c } = row;
  const def = row.definition as CatalogueItemDefinition;
  const location = c.location as {
    address?: {
      street: string;
      houseNumber: number;
      houseLetter?: string;
      addition?: string;
      postcode: string;
      city: string;
    };
    lat?: number;
    lon?: number;
    description?: string;
  } | null;
  const label = (key: string) =>
    localised(def.handling.statuses.find((s) => s.key === key)?.label, language) ?? key;
  const reachable = new Set(
    c.closedAt ? [] : def.handling.transitions.filter((t) => t.from === c.status).map((t) => t.to),
  );
  const ref = (id: string | null) => {
    const r = id ? d.refs.find((x) => x.id === id) : undefined;
    return r ? { id: r.id, reference: r.reference } : null;
  };
  const complaint = c.complaint as ComplaintState | null;
  const extension = c.extension as { amount: number; unit: string; reason: string; at: string } | null;
  const breachLabel = localised(
    d.settings.breachReasons.find((r) => r.code === c.breachReason)?.label,
    language,
  );

  const timeline: Case['timeline'] = [
    ...d.history.map((h) => {
      const s = def.handling.statuses.find((x) => x.key === h.status);
      return {
        kind: 'status' as TimelineKind,
        at: h.at.toISOString(),
        by: h.byLabel,
        visibility: (s?.visibility === 'public' ? 'public' : 'internal') as 'public' | 'internal',
        title: label(h.status),
        body: h.note,
        data: { status: h.status },
      };
    }),
    ...d.events.map((e) => ({
      kind: e.kind as TimelineKind,
      at: e.at.toISOString(),
      by: e.byLabel,
      visibility: e.visibility as 'public' | 'internal',
      title: TITLES[e.kind] ?? e.kind,
      body: e.body,
      data: e.data as Record<string, unknown>,
    })),
    ...d.audit.map((a) => ({
      kind: 'audit' as TimelineKind,
      at: a.at.toISOString(),
      by: a.by,
      visibility: 'internal' as const,
      title: a.action,
      body: '',
      data: (a.changes ?? {}) as Record<string, unknown>,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at) || order(a.kind) - order(b.kind));

  return {
    ...presentCaseSummary(row, language, actor),
    description: c.description,
    answers: c.answers as Record<string, unknown>,
    location: location
      ? {
          address: location.address
            ? {
                street: location.address.street,
                houseNumber: location.address.houseNumber,
                houseLetter: location.address.houseLetter ?? null,
                addition: location.address.addition ?? null,
                postcode: location.address.postcode,
                city: location.address.city,
              }
            : null,
          // The point picked, else the place of its address in the register (issue 13: the case's place on a map).
          lat: location.lat ?? c.locationLat ?? null,
          lon: location.lon ?? c.locationLon ?? null,
          description: location.description ?? null,
        }
      : null,
    item: { code: def.code, version: row.itemVersion },
    channel: c.channel,
    language: c.language === 'en' ? 'en' : 'nl',
    contactEmail: c.contactEmail,
    contactId: c.contactId,
    workflow: def.handling.statuses.map((s) => ({
      key: s.key,
      label: localised(s.label, language) ?? s.key,
      public: s.visibility === 'public',
      final: s.final,
      stopsClock: s.stopsClock,
      reachable: reachable.has(s.key),
    })),
    clock: {
      dueAt: c.dueAt.toISOString(),
      internalDueAt: iso(c.internalDueAt),
      legalDueAt: iso(c.legalDueAt),
      suspended: c.suspendedSince
        ? { since: c.suspendedSince.toISOString(), reason: c.suspendedReason ?? '' }
        : null,
      suspensions: (c.suspensions as Suspension[]).map((s) => ({ from: s.from, to: s.to, reason: s.reason })),
      extension,
      warnedAt: iso(c.warnedAt),
      internalBreachedAt: iso(c.internalBreachedAt),
      breachedAt: iso(c.breachedAt),
      breach: c.breachReason
        ? { reason: c.breachReason, label: breachLabel ?? c.breachReason, note: c.breachNote ?? '' }
        : null,
    },
    complaint: complaint
      ? {
          acknowledgeDueAt: iso(c.acknowledgeDueAt),
          acknowledgedAt: iso(c.acknowledgedAt),
          decisionDueAt: iso(c.legalDueAt),
          hearing: complaint.hearing,
          advisoryCommittee: complaint.advisoryCommittee,
          extension: complaint.extension,
          decision: complaint.decision as NonNullable<Case['complaint']>['decision'],
        }
      : null,
    links: {
      parent: ref(c.parentCaseId),
      children: d.linked
        .filter((x) => x.c.parentCaseId === c.id)
        .map((x) => presentCaseSummary(x, language, actor)),
      main: ref(c.mainCaseId),
      duplicates: d.linked
        .filter((x) => x.c.mainCaseId === c.id)
        .map((x) => ({ id: x.c.id, reference: x.c.reference })),
      about: ref(c.aboutCaseId),
      complaints: d.linked
        .filter((x) => x.c.aboutCaseId === c.id)
        .map((x) => ({ id: x.c.id, reference: x.c.reference })),
    },
    attachments: d.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      at: a.createdAt.toISOString(),
      by: a.byLabel,
    })),
    history: d.history.map((h) => ({
      status: h.status,
      label: label(h.status),
      at: h.at.toISOString(),
      by: h.byLabel,
    })),
    timeline,
    reopenRequestedAt: iso(c.reopenRequestedAt),
    version: c.version,
    abilities: caseAbilities(actor, { c, def }, openChildTasks(c.id, d.linked)),
    reach: d.reach,
  };
}

/** Within the same instant: the status first, the audit record last. */
function order(kind: string) {
  return kind === 'status' ? 0 : kind === 'audit' ? 2 : 1;
}

export function presentTemplate(t: {
  key: string;
  name: string;
  subject: { nl: string; en: string };
  body: { nl: string; en: string };
  builtIn: boolean;
  version: number | null;
}): MessageTemplate {
  return {
    key: t.key,
    name: t.name,
    subject: t.subject,
    body: t.body,
    builtIn: t.builtIn,
    version: t.version,
  };
}

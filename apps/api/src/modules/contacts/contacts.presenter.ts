import type { ArticleDefinition, Callback, CatalogueItemDefinition, Contact } from '@voordeur/shared';
import type { ContactRow, labelsFor } from './contacts.queries.ts';

type Labels = Awaited<ReturnType<typeof labelsFor>>;
type CaseLink = { id: string; reference: string; contactId: string | null };

export function presentContact(c: ContactRow, l: Labels, cases: CaseLink[]): Contact {
  const customer = l.customers.find((x) => x.id === c.customerId);
  const item = l.items.find((x) => x.id === c.catalogueItemId);
  const agent = l.users.find((x) => x.id === c.agentUserId);
  const team = l.teams.find((x) => x.id === c.teamId);
  return {
    id: c.id,
    channel: c.channel as Contact['channel'],
    direction: c.direction as Contact['direction'],
    startedAt: c.startedAt.toISOString(),
    endedAt: c.endedAt?.toISOString() ?? null,
    handlingSeconds: c.endedAt ? Math.round((c.endedAt.getTime() - c.startedAt.getTime()) / 1000) : null,
    waitSeconds: c.waitSeconds,
    customer: customer ? { id: customer.id, name: customer.name } : null,
    item: item
      ? {
          id: item.id,
          code: item.code,
          name: (item.definition as CatalogueItemDefinition | null)?.name.nl ?? item.code,
        }
      : null,
    topic: c.topic,
    question: c.question,
    answer: c.answer,
    articles: c.articleIds.flatMap((id) => {
      const a = l.articles.find((x) => x.id === id);
      if (!a) return [];
      const def = a.definition as ArticleDefinition | null;
      return [{ id: a.id, code: a.code, title: def?.question.nl ?? a.code }];
    }),
    outcome: c.outcome as Contact['outcome'],
    referredTo: c.referredTo,
    closedAutomatically: c.closedAutomatically,
    isRepeat: c.isRepeat,
    statusInquiry: c.statusInquiry,
    repeatOf: c.repeatOfId,
    agent: agent ? { id: agent.id, name: agent.name } : null,
    team: team ? { id: team.id, name: team.name } : null,
    language: c.language as Contact['language'],
    cases: cases.filter((k) => k.contactId === c.id).map((k) => ({ id: k.id, reference: k.reference })),
    callbacks: l.callbacks
      .filter((k) => k.contactId === c.id)
      .map((k) => ({ id: k.id, dueAt: k.dueAt.toISOString() })),
    version: c.version,
  };
}

export function presentCallback(r: {
  cb: {
    id: string;
    state: string;
    phone: string;
    note: string;
    customerId: string | null;
    teamId: string;
    contactId: string;
    createdAt: Date;
    dueAt: Date;
    slotStart: Date | null;
    slotEnd: Date | null;
  };
  teamName: string;
  customerName: string | null;
  itemCode: string | null;
  itemDefinition: unknown;
  attempts: { result: string; note: string; at: Date; byLabel: string }[];
}): Callback {
  const { cb } = r;
  return {
    id: cb.id,
    state: cb.state as Callback['state'],
    phone: cb.phone,
    note: cb.note,
    customer: cb.customerId && r.customerName ? { id: cb.customerId, name: r.customerName } : null,
    team: { id: cb.teamId, name: r.teamName },
    item: r.itemCode
      ? {
          code: r.itemCode,
          name: (r.itemDefinition as CatalogueItemDefinition | null)?.name.nl ?? r.itemCode,
        }
      : null,
    contactId: cb.contactId,
    createdAt: cb.createdAt.toISOString(),
    dueAt: cb.dueAt.toISOString(),
    slot:
      cb.slotStart && cb.slotEnd
        ? { start: cb.slotStart.toISOString(), end: cb.slotEnd.toISOString() }
        : null,
    overdue: cb.state === 'open' && cb.dueAt.getTime() < Date.now(),
    attempts: r.attempts.map((a) => ({
      result: a.result as Callback['attempts'][number]['result'],
      note: a.note,
      at: a.at.toISOString(),
      by: a.byLabel,
    })),
  };
}

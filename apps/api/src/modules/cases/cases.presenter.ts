import type { caseStatusChange } from '@voordeur/db';
import type { Case, CaseSummary, CatalogueItemDefinition } from '@voordeur/shared';
import { localDate } from '../calendar/index.ts';
import type { CaseRow } from './cases.queries.ts';

export function presentCaseSummary(row: NonNullable<CaseRow>): CaseSummary {
  const { c } = row;
  const def = row.definition as CatalogueItemDefinition;
  const status = def.handling.statuses.find((s) => s.key === c.status);
  return {
    id: c.id,
    reference: c.reference,
    kind: c.kind as CaseSummary['kind'],
    subject: c.subject,
    status: {
      key: c.status,
      label: status?.label.nl ?? c.status,
      public: status?.visibility === 'public',
      final: status?.final ?? false,
    },
    team: c.teamId && row.teamName ? { id: c.teamId, name: row.teamName } : null,
    priority: c.priority as CaseSummary['priority'],
    createdAt: c.createdAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    dueDate: localDate(c.dueAt),
    internalDueAt: c.internalDueAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}

export function presentCase(
  row: NonNullable<CaseRow>,
  history: (typeof caseStatusChange.$inferSelect)[],
): Case {
  const { c } = row;
  const def = row.definition as CatalogueItemDefinition;
  const location = c.location as Case['location'];
  return {
    ...presentCaseSummary(row),
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
          lat: location.lat ?? null,
          lon: location.lon ?? null,
          description: location.description ?? null,
        }
      : null,
    area: c.area,
    customer: c.customerId && row.customerName ? { id: c.customerId, name: row.customerName } : null,
    item: { code: def.code, version: row.itemVersion },
    contactId: c.contactId,
    history: history.map((h) => ({
      status: h.status,
      label: def.handling.statuses.find((s) => s.key === h.status)?.label.nl ?? h.status,
      at: h.at.toISOString(),
      by: h.byLabel,
    })),
    version: c.version,
  };
}

import type {
  CatalogueItem,
  CatalogueItemDefinition,
  CatalogueItemSummary,
  Duration,
  PublicService,
  VersionedAbilities,
} from '@voordeur/shared';
import type { ItemRow } from './catalogue.queries.ts';

type Row = NonNullable<ItemRow>;

/** One item; `abilities`: what the reader may do to it now (`itemAbilities`, the checks its actions make). */
export function presentItem(row: Row, includeDraft: boolean, abilities: VersionedAbilities): CatalogueItem {
  return {
    id: row.item.id,
    code: row.item.code,
    state: row.item.state as CatalogueItem['state'],
    audience: row.item.audience as CatalogueItem['audience'],
    kind: row.item.kind as CatalogueItem['kind'],
    team: row.item.teamId && row.teamName ? { id: row.item.teamId, name: row.teamName } : null,
    version: row.item.version,
    published: row.published?.id
      ? {
          number: row.published.number,
          publishedAt: row.published.publishedAt?.toISOString() ?? null,
          definition: row.published.definition as CatalogueItemDefinition,
        }
      : null,
    draft:
      includeDraft && row.draft?.id
        ? { number: row.draft.number, definition: row.draft.definition as CatalogueItemDefinition }
        : null,
    updatedAt: row.item.updatedAt.toISOString(),
    abilities,
  };
}

export function presentSummary(row: Row, includeDraft: boolean): CatalogueItemSummary {
  const def = ((row.published?.id && row.published.definition) ||
    (includeDraft && row.draft?.definition)) as CatalogueItemDefinition | null;
  return {
    id: row.item.id,
    code: row.item.code,
    state: row.item.state as CatalogueItemSummary['state'],
    audience: row.item.audience as CatalogueItemSummary['audience'],
    kind: row.item.kind as CatalogueItemSummary['kind'],
    name: def?.name ?? { nl: row.item.code },
    team: row.teamName ?? null,
    serviceNorm: (def?.norms.serviceNorm as Duration | undefined) ?? null,
    hasDraft: Boolean(row.draft?.id),
    version: row.item.version,
  };
}

export function presentPublicService(def: CatalogueItemDefinition): PublicService {
  return {
    code: def.code,
    name: def.name,
    summary: def.summary,
    kind: def.kind,
    channels: def.channels,
    costCents: def.costCents,
    ...(def.costNote?.nl
      ? { costNote: { nl: def.costNote.nl, ...(def.costNote.en ? { en: def.costNote.en } : {}) } }
      : {}),
    serviceNorm: def.norms.serviceNorm,
    ...(def.norms.legalTerm ? { legalTerm: def.norms.legalTerm } : {}),
  };
}

import type { ArticleDefinition, LocalText, PortalItem } from '@voordeur/shared';
import type { portalItem } from './portal.service.ts';

const text = (t: LocalText | undefined) => (t?.nl ? { nl: t.nl, ...(t.en ? { en: t.en } : {}) } : null);
const need = (t: LocalText) => ({ nl: t.nl, ...(t.en ? { en: t.en } : {}) });

/**
 * Exactly what an item's public page shows: never the team, the internal target, the workflow or the search
 * words — only what a resident may expect and what the form asks.
 */
export function presentPortalItem(found: Awaited<ReturnType<typeof portalItem>>): PortalItem {
  const d = found.definition;
  return {
    organisation: found.organisation,
    code: d.code,
    kind: d.kind,
    name: need(d.name),
    summary: need(d.summary),
    description: need(d.description),
    conditions: text(d.conditions),
    whatToBring: text(d.whatToBring),
    costCents: d.costCents,
    costNote: text(d.costNote),
    channels: d.channels,
    serviceNorm: d.norms.serviceNorm,
    legalTerm: d.norms.legalTerm ?? null,
    expectedDate: found.expectedDate,
    action: found.online ? 'online' : 'elsewhere',
    intakeFields: found.online
      ? d.intakeFields.map((f) => ({
          key: f.key,
          label: need(f.label),
          type: f.type,
          required: f.required,
          help: text(f.help),
          options: (f.options ?? []).map((o) => ({ value: o.value, label: need(o.label) })),
          prefill: f.prefill ?? null,
        }))
      : [],
    articles: found.articles.map((a: { code: string; definition: ArticleDefinition }) => ({
      code: a.code,
      question: need(a.definition.question),
      answer: need(a.definition.answer),
    })),
    related: found.related,
    formToken: found.formToken,
  };
}

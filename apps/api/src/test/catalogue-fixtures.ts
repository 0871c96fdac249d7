import type { Db } from '@voordeur/db';
import type { ArticleInput, CatalogueItemInput } from '@voordeur/shared';
import { type ImportInput, importContent } from '../modules/transfer/index.ts';
import { systemCtx } from '../platform/actor.ts';

/** Creates and publishes items and articles in one organisation, as an import by the system would. */
export function publishContent(db: Db, organisationId: string, content: ImportInput) {
  return importContent(db, systemCtx(organisationId), content, { dryRun: false });
}

/** A valid report workflow: received -> in progress (may wait for the person) -> done. */
export const reportHandling = {
  statuses: [
    {
      key: 'ontvangen',
      label: { nl: 'Ontvangen' },
      visibility: 'public' as const,
      publicText: { nl: 'We hebben uw melding ontvangen.' },
    },
    { key: 'in_behandeling', label: { nl: 'In behandeling' }, visibility: 'internal' as const },
    {
      key: 'wacht_op_melder',
      label: { nl: 'Wacht op melder' },
      visibility: 'public' as const,
      publicText: { nl: 'We hebben uw hulp nodig.' },
      stopsClock: true,
    },
    {
      key: 'afgehandeld',
      label: { nl: 'Afgehandeld' },
      visibility: 'public' as const,
      publicText: { nl: 'Opgelost. Dank u wel voor uw melding!' },
      final: true,
    },
  ],
  transitions: [
    { from: 'ontvangen', to: 'in_behandeling' },
    { from: 'in_behandeling', to: 'wacht_op_melder' },
    { from: 'wacht_op_melder', to: 'in_behandeling' },
    { from: 'in_behandeling', to: 'afgehandeld' },
  ],
};

export function itemDef(code: string, over: Partial<CatalogueItemInput> = {}): CatalogueItemInput {
  return {
    code,
    name: { nl: `Dienst ${code}` },
    summary: { nl: `Korte uitleg over ${code}.` },
    description: { nl: `Alles over ${code}.` },
    audience: 'external',
    kind: 'report',
    channels: ['web', 'phone'],
    team: 'Openbare ruimte',
    intakeFields: [
      { key: 'locatie', label: { nl: 'Waar is het?' }, type: 'location', required: true },
      { key: 'naam', label: { nl: 'Uw naam' }, type: 'text', prefill: 'name' },
    ],
    handling: reportHandling,
    norms: {
      serviceNorm: { amount: 5, unit: 'working_days' },
      internalTarget: { amount: 3, unit: 'working_days' },
    },
    ...over,
  };
}

export function articleDef(code: string, over: Partial<ArticleInput> = {}): ArticleInput {
  return {
    code,
    question: { nl: `Vraag ${code}?` },
    answer: { nl: `Antwoord op ${code}.` },
    audience: 'public',
    ...over,
  };
}

/** A complaint (Awb): acknowledged by the KCC, a 4-week service norm within the 6-week legal term. */
export function complaintItemDef(
  code = 'klacht',
  over: Partial<CatalogueItemInput> = {},
): CatalogueItemInput {
  return itemDef(code, {
    kind: 'complaint',
    team: 'KCC',
    intakeFields: [],
    norms: { serviceNorm: { amount: 4, unit: 'weeks' }, legalTerm: { amount: 6, unit: 'weeks' } },
    ...over,
  });
}

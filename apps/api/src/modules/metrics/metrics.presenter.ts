import type { segment } from '@voordeur/db';
import type { KpiCatalogueEntry, KpiCode, KpiDefinition, Segment } from '@voordeur/shared';
import type {
  DrillCallbackRow,
  DrillCaseRow,
  DrillContactRow,
  DrillPage,
  DrillResponseRow,
} from './metrics.queries.ts';

const iso = (v: Date | string) => new Date(v).toISOString();

export function presentDefinition(
  d: KpiCatalogueEntry & {
    code: KpiCode;
    target: number | null;
    version: number;
    drill: KpiDefinition['drill'];
    drillShows: KpiDefinition['drillShows'];
    splits: KpiDefinition['splits'];
  },
): KpiDefinition {
  return {
    code: d.code,
    unit: d.unit,
    direction: d.direction,
    name: d.name,
    formula: d.formula,
    source: d.source,
    defaultTarget: d.defaultTarget,
    target: d.target,
    targetVersion: d.version,
    audience: [...d.audience],
    reads: [...d.reads],
    drill: d.drill,
    drillShows: d.drillShows,
    splits: d.splits,
  };
}

export function presentSegment(s: typeof segment.$inferSelect): Segment {
  const name = s.name as { nl: string; en?: string };
  return {
    id: s.id,
    code: s.code,
    name: { nl: name.nl, ...(name.en ? { en: name.en } : {}) },
    rule: s.rule as Record<string, string[]>,
    version: s.version,
    updatedAt: iso(s.updatedAt),
  };
}

/** What every row behind a number has: its id, subject, channel, team, item and when it began. */
const drillBase = (
  r: Pick<DrillContactRow, 'id' | 'subject' | 'channel' | 'team' | 'item' | 'openedAt'>,
) => ({
  id: r.id,
  subject: r.subject ?? '',
  channel: r.channel,
  team: r.team,
  item: r.item,
  openedAt: iso(r.openedAt),
});

/** A case behind a number: what it is about and its dates, nothing of the person. */
export function presentDrillCase(r: DrillCaseRow) {
  return {
    ...drillBase(r),
    reference: r.reference,
    ...(r.closedAt ? { closedAt: iso(r.closedAt) } : {}),
    dueAt: iso(r.dueAt),
    ...(r.breachReason ? { breachReason: r.breachReason } : {}),
  };
}

/** A contact behind a number: its subject (the item, or the topic), channel, team and outcome. */
export function presentDrillContact(r: DrillContactRow) {
  return {
    ...drillBase(r),
    ...(r.closedAt ? { closedAt: iso(r.closedAt) } : {}),
    ...(r.outcome ? { outcome: r.outcome } : {}),
  };
}

/** A survey answer behind a satisfaction figure: grade, effort, solved; the case it was about (never the comment). */
export function presentDrillResponse(r: DrillResponseRow) {
  return {
    ...drillBase(r),
    ...(r.reference ? { reference: r.reference } : {}),
    ...(r.caseId ? { caseId: r.caseId } : {}),
    grade: Number(r.grade),
    ...(r.effort === null ? {} : { effort: Number(r.effort) }),
    ...(r.solved === null ? {} : { solved: r.solved }),
  };
}

/** A callback not done in time: when it was asked, due and done (never the phone number or the note). */
export function presentDrillCallback(r: DrillCallbackRow) {
  return {
    ...drillBase(r),
    dueAt: iso(r.dueAt),
    ...(r.closedAt ? { closedAt: iso(r.closedAt) } : {}),
    state: r.state === 'done' ? ('done' as const) : ('open' as const),
  };
}

/** The rows of a drill-down page as the API answers them. */
export function presentDrillItems(page: DrillPage) {
  switch (page.kind) {
    case 'contacts':
      return page.rows.map(presentDrillContact);
    case 'cases':
      return page.rows.map(presentDrillCase);
    case 'responses':
      return page.rows.map(presentDrillResponse);
    case 'callbacks':
      return page.rows.map(presentDrillCallback);
  }
}

/** The CSV export's columns per kind of list: what the page's table shows, ids to find each row again. */
export const DRILL_CSV_COLUMNS = {
  cases: [
    'id',
    'reference',
    'subject',
    'item',
    'channel',
    'team',
    'openedAt',
    'dueAt',
    'closedAt',
    'breachReason',
  ],
  contacts: ['id', 'subject', 'item', 'channel', 'team', 'openedAt', 'closedAt', 'outcome'],
  responses: [
    'id',
    'reference',
    'subject',
    'item',
    'channel',
    'team',
    'openedAt',
    'grade',
    'effort',
    'solved',
  ],
  callbacks: ['id', 'subject', 'item', 'channel', 'team', 'openedAt', 'dueAt', 'closedAt', 'state'],
} as const satisfies Record<DrillPage['kind'], readonly string[]>;

/**
 * The modules that have background work, and nothing else: the worker builds its job handlers
 * (`worker/outbox.ts`) and its periodic task schedules (`worker/periodic.ts`) from this list. A module with
 * background work exports a `ModuleWork` from its `index.ts` (`platform/jobs.ts`); registering it is one line
 * here.
 */
import { authWork } from '../modules/auth/index.ts';
import { casesWork } from '../modules/cases/index.ts';
import { contactsWork } from '../modules/contacts/index.ts';
import { metricsWork } from '../modules/metrics/index.ts';
import { notificationsWork } from '../modules/notifications/index.ts';
import { portalWork } from '../modules/portal/index.ts';
// ---- people (issue 15) ----
import { pulseWork } from '../modules/pulse/index.ts';
import { recognitionWork } from '../modules/recognition/index.ts';
// ---- end people ----
import { residentsWork } from '../modules/residents/index.ts';
import { signalsWork } from '../modules/signals/index.ts';
import { surveysWork } from '../modules/surveys/index.ts';
import { webhooksWork } from '../modules/webhooks/index.ts';
import type { JobDefinition, JobEnv, JobHandler, ModuleWork, PeriodicTask } from '../platform/jobs.ts';

export const registeredWork = [
  authWork,
  casesWork,
  contactsWork,
  metricsWork,
  notificationsWork,
  residentsWork,
  surveysWork,
  portalWork,
  webhooksWork,
  // signals (issue 15)
  signalsWork,
  // ---- people (issue 15) ----
  pulseWork,
  recognitionWork,
  // ---- end people ----
] as const;

type JobsOf<W> = W extends { jobs: readonly (infer J)[] } ? J : never;

/** Every registered kind of job, with its literal type. */
export type RegisteredJob = JobsOf<(typeof registeredWork)[number]>;
/** The kinds of job the worker knows ('notification' | 'webhook' | …), derived from the registered modules. */
export type JobKind = RegisteredJob['kind'];
type PayloadOf<K extends JobKind> = Parameters<
  ReturnType<Extract<RegisteredJob, { kind: K }>['createHandler']>['run']
>[1]['payload'];
/** A handler per kind, each for its own payload type. */
export type JobHandlers = { [K in JobKind]: JobHandler<PayloadOf<K>> };

const work: readonly ModuleWork[] = registeredWork;

/** The definition of every registered kind of job, by kind. */
export const jobDefinitions: ReadonlyMap<string, JobDefinition> = unique(
  work.flatMap((w) => w.jobs ?? []).map((j) => [j.kind, j] as const),
  'job kind',
);

/** Every registered periodic task. */
export const periodicTasks: readonly PeriodicTask[] = [
  ...unique(
    work.flatMap((w) => w.tasks ?? []).map((t) => [t.name, t] as const),
    'periodic task',
  ).values(),
];

/** The handler of every registered kind, built for a configuration. */
export function jobHandlers(env: JobEnv): JobHandlers {
  return Object.fromEntries(
    [...jobDefinitions.values()].map((d) => [d.kind, d.createHandler(env)]),
  ) as JobHandlers;
}

/** A name registered twice is a programming error: refused when the worker loads, so a test catches it. */
function unique<T>(entries: (readonly [string, T])[], what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const [name, value] of entries) {
    if (map.has(name)) throw new Error(`${what} "${name}" is registered twice`);
    map.set(name, value);
  }
  return map;
}

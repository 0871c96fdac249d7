import type { CatalogueItemDefinition, Duration, FieldError, Handling } from '@voordeur/shared';

/**
 * Rules a catalogue item must keep beyond its schema. Each returns field errors with dotted paths, so an
 * editor (or an import report) can point at the exact place.
 */

/** Rough working minutes of a duration, only to compare norms (1 working day = 8 h; a week = 5 days). */
export function approximateWorkingMinutes(d: Duration): number {
  switch (d.unit) {
    case 'working_hours':
      return d.amount * 60;
    case 'working_days':
      return d.amount * 480;
    case 'calendar_days':
      return (d.amount * 480 * 5) / 7;
    case 'weeks':
      return d.amount * 5 * 480;
  }
}

export function normErrors(def: Pick<CatalogueItemDefinition, 'norms'>, prefix = 'norms'): FieldError[] {
  const { serviceNorm, internalTarget, legalTerm } = def.norms;
  const errors: FieldError[] = [];
  const norm = approximateWorkingMinutes(serviceNorm);
  if (internalTarget && approximateWorkingMinutes(internalTarget) >= norm) {
    errors.push({
      field: `${prefix}.internalTarget`,
      message: 'The internal target must be stricter (shorter) than the public service norm',
    });
  }
  if (legalTerm && approximateWorkingMinutes(legalTerm) < norm) {
    errors.push({
      field: `${prefix}.legalTerm`,
      message: 'The public service norm may not promise more time than the legal term',
    });
  }
  return errors;
}

export function workflowErrors(handling: Handling, prefix = 'handling'): FieldError[] {
  const errors: FieldError[] = [];
  const keys = handling.statuses.map((s) => s.key);
  const byKey = new Map(handling.statuses.map((s) => [s.key, s]));
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i)
      errors.push({ field: `${prefix}.statuses.${i}.key`, message: `Duplicate status "${k}"` });
  });
  const next = new Map<string, string[]>(keys.map((k) => [k, []]));
  handling.transitions.forEach((t, i) => {
    if (!byKey.has(t.from))
      errors.push({ field: `${prefix}.transitions.${i}.from`, message: `Unknown status "${t.from}"` });
    if (!byKey.has(t.to))
      errors.push({ field: `${prefix}.transitions.${i}.to`, message: `Unknown status "${t.to}"` });
    if (t.from === t.to)
      errors.push({ field: `${prefix}.transitions.${i}`, message: 'A status cannot move to itself' });
    if (byKey.get(t.from)?.final) {
      errors.push({
        field: `${prefix}.transitions.${i}.from`,
        message: `"${t.from}" is an end status; nothing follows it`,
      });
    }
    next.get(t.from)?.push(t.to);
  });
  if (errors.length) return errors;
  const first = handling.statuses[0]!;
  if (first.final)
    errors.push({ field: `${prefix}.statuses.0.final`, message: 'The first status cannot be an end status' });
  if (!handling.statuses.some((s) => s.final)) {
    errors.push({ field: `${prefix}.statuses`, message: 'The workflow needs at least one end status' });
    return errors;
  }
  const reachable = closure([first.key], (k) => next.get(k) ?? []);
  handling.statuses.forEach((s, i) => {
    if (!reachable.has(s.key)) {
      errors.push({
        field: `${prefix}.statuses.${i}`,
        message: `Status "${s.key}" cannot be reached from "${first.key}"`,
      });
    }
  });
  // Every status must be able to end: walk backwards from the end statuses.
  const previous = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const t of handling.transitions) previous.get(t.to)?.push(t.from);
  const canEnd = closure(
    handling.statuses.filter((s) => s.final).map((s) => s.key),
    (k) => previous.get(k) ?? [],
  );
  handling.statuses.forEach((s, i) => {
    if (reachable.has(s.key) && !canEnd.has(s.key)) {
      errors.push({
        field: `${prefix}.statuses.${i}`,
        message: `From status "${s.key}" no end status can be reached`,
      });
    }
  });
  handling.statuses.forEach((s, i) => {
    if (s.visibility === 'public' && !s.publicText?.nl) {
      errors.push({
        field: `${prefix}.statuses.${i}.publicText`,
        message: 'A public status needs the text the person sees',
      });
    }
  });
  return errors;
}

function closure(start: string[], edges: (k: string) => string[]): Set<string> {
  const seen = new Set(start);
  const todo = [...start];
  while (todo.length) {
    for (const n of edges(todo.pop()!)) {
      if (!seen.has(n)) {
        seen.add(n);
        todo.push(n);
      }
    }
  }
  return seen;
}

export function intakeErrors(def: Pick<CatalogueItemDefinition, 'intakeFields'>): FieldError[] {
  const seen = new Set<string>();
  return def.intakeFields.flatMap((f, i) => {
    if (seen.has(f.key)) return [{ field: `intakeFields.${i}.key`, message: `Duplicate field "${f.key}"` }];
    seen.add(f.key);
    return [];
  });
}

/**
 * Related items must exist and the relation graph must stay acyclic ("you may also need" chains end).
 * `graph` maps every code to its related codes, including the item being checked with its new relations.
 */
export function relatedErrors(code: string, related: string[], graph: Map<string, string[]>): FieldError[] {
  const errors: FieldError[] = [];
  related.forEach((r, i) => {
    if (r === code) errors.push({ field: `related.${i}`, message: 'An item cannot relate to itself' });
    else if (!graph.has(r)) errors.push({ field: `related.${i}`, message: `No catalogue item "${r}"` });
  });
  if (errors.length) return errors;
  const cycle = findCycleThrough(code, graph);
  if (cycle) errors.push({ field: 'related', message: `Related items form a cycle: ${cycle.join(' → ')}` });
  return errors;
}

function findCycleThrough(code: string, graph: Map<string, string[]>): string[] | null {
  const path: string[] = [];
  const onPath = new Set<string>();
  const done = new Set<string>();
  const visit = (n: string): string[] | null => {
    if (onPath.has(n)) return n === code ? [...path, n] : null;
    if (done.has(n)) return null;
    onPath.add(n);
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      const found = visit(m);
      if (found) return found;
    }
    path.pop();
    onPath.delete(n);
    done.add(n);
    return null;
  };
  return visit(code);
}

/** All rules that need no database. */
export function definitionErrors(def: CatalogueItemDefinition): FieldError[] {
  return [...normErrors(def), ...workflowErrors(def.handling), ...intakeErrors(def)];
}

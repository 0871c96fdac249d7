/**
 * What the pulse may show (ADR 0041-anonymous-pulse): a group's result only when it has at least PULSE_MIN_GROUP
 * answers, and never two shown groups whose difference is a smaller group (complementary suppression).
 */
import { PULSE_MIN_GROUP, type PulseGroupResult } from '@voordeur/shared';

export interface Answer {
  teamId: string | null;
  scores: number[];
  comment: string;
}

/** Mean (one decimal) and share agreeing (4 or 5, whole %) per statement. */
export function groupResult(answers: readonly Answer[], statements: number): PulseGroupResult {
  const means: number[] = [];
  const agree: number[] = [];
  for (let i = 0; i < statements; i++) {
    const scores = answers.map((a) => a.scores[i]).filter((s): s is number => typeof s === 'number');
    const sum = scores.reduce((x, y) => x + y, 0);
    means.push(scores.length ? Math.round((sum / scores.length) * 10) / 10 : 0);
    agree.push(scores.length ? Math.round((100 * scores.filter((s) => s >= 4).length) / scores.length) : 0);
  }
  return { n: answers.length, means, agree };
}

/**
 * Which teams' results show, given the answers per team and the organisation's total. A team shows with at least
 * the minimum; then, while the answers outside the shown teams (total minus the shown teams) are more than none
 * but fewer than the minimum, the smallest shown team is hidden too — otherwise the organisation's result minus
 * the shown teams' would reveal that small rest. Nothing shows below the minimum in total.
 */
export function shownTeams(
  counts: ReadonlyMap<string, number>,
  total: number,
  min = PULSE_MIN_GROUP,
): Set<string> {
  if (total < min) return new Set();
  const shown = [...counts]
    .filter(([, n]) => n >= min)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const rest = () => total - shown.reduce((s, [, n]) => s + n, 0);
  while (shown.length && rest() > 0 && rest() < min) shown.shift();
  return new Set(shown.map(([id]) => id));
}

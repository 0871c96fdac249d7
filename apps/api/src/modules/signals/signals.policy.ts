import { allows } from '../../platform/policy.ts';

export const signalsPolicy = {
  /** Every employee may send a suggestion from any screen. */
  suggest: allows('suggestImprovements'),
  /** The inbox itself (free text that may hold personal data): only those who triage. */
  triage: allows('triageSignals'),
};

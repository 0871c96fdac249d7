import { allows } from '../../platform/policy.ts';

export const analysisPolicy = {
  /** Drivers, breach reasons and equal treatment: team leads (their teams), managers, quality, admin. */
  read: allows('analyseMetrics'),
  /** The whole organisation; without it a reader is narrowed to the teams they lead. */
  wholeOrganisation: allows('readMetrics'),
};

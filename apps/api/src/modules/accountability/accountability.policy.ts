import { allows } from '../../platform/policy.ts';

/** The periodic report holds the whole organisation's figures: for those who may read them (readMetrics). */
export const mayReadReport = allows('readMetrics');

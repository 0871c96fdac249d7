import { allows } from '../../platform/policy.ts';

export const strategyPolicy = {
  read: allows('readStrategy'),
  manage: allows('manageStrategy'),
  /** Explain any missed target; a team lead (without manageStrategy) those of
   * the teams they lead (the service checks). */
  explain: allows('explainStrategy'),
};

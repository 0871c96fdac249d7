import type { Actor } from '../../platform/actor.ts';
import { allows } from '../../platform/policy.ts';

export const strategyPolicy = {
  read: allows('readStrategy'),
  manage: allows('manageStrategy'),
  /** Explain any missed target; a team lead (without manageStrategy) those of
   * the teams they lead (the service checks). */
  explain: allows('explainStrategy'),
  /** Make an improvement of a missed target (within the same reach as explaining it). */
  improve: (actor: Actor) => allows('explainStrategy')(actor) && allows('manageImprovements')(actor),
};

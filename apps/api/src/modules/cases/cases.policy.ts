import { anyOf } from '../../platform/policy.ts';

export const casesPolicy = {
  /** Front and back office work in one system: both see cases; management and quality read along. */
  read: anyOf('agent', 'backoffice', 'teamlead', 'manager', 'quality', 'admin'),
  create: anyOf('agent', 'backoffice', 'teamlead', 'admin'),
  /** Handle a case: statuses, messages, the clock, complaints, links. */
  work: anyOf('backoffice', 'teamlead', 'admin'),
  /** Register what the person said, or an internal note (the front office too). */
  annotate: anyOf('agent', 'backoffice', 'teamlead', 'admin'),
  /** Hand work to someone else, in bulk. */
  assign: anyOf('teamlead', 'admin'),
  templates: anyOf('teamlead', 'admin'),
  settings: anyOf('admin'),
};

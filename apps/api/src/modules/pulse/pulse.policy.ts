import { allows } from '../../platform/policy.ts';

export const pulsePolicy = {
  answer: allows('answerPulse'),
  read: allows('readPulse'),
  manage: allows('managePulse'),
};

import { platformAdmin } from '../../platform/policy.ts';

/** Organisations are managed by platform administrators only (ADR 00NN-organisations); no organisation's admin may. */
export const organisationsPolicy = {
  list: platformAdmin,
  create: platformAdmin,
};

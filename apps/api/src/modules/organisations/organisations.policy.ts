import { platformAdmin } from '../../platform/policy.ts';

/** Organisations are managed by platform administrators only (ADR 0007); no organisation's admin may. */
export const organisationsPolicy = {
  list: platformAdmin,
  create: platformAdmin,
};

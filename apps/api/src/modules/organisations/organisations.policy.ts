import { platformAdmin } from '../../platform/policy.ts';

/** Organisations are managed by platform administrators only (ADR 0010); no organisation's admin may. */
export const organisationsPolicy = {
  list: platformAdmin,
  create: platformAdmin,
};

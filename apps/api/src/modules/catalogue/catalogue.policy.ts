import { anyOf, signedIn } from '../../platform/policy.ts';

export const cataloguePolicy = {
  /** Every staff member reads the catalogue, drafts included only for those who edit. */
  read: signedIn,
  edit: anyOf('admin'),
  seeDrafts: anyOf('admin', 'quality', 'manager'),
};

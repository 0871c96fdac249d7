import { allows, signedIn } from '../../platform/policy.ts';

export const cataloguePolicy = {
  /** Every staff member reads the catalogue, drafts included only for those who edit. */
  read: signedIn,
  edit: allows('manageCatalogue'),
  seeDrafts: allows('readCatalogueAdmin'),
};

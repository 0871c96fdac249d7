import type { TFunction } from 'i18next';

/** Entity types and actions the API records today; anything else is shown as its code. */
export const ENTITY_TYPES = ['user', 'team', 'api_token'] as const;
const ACTIONS = [
  'created',
  'updated',
  'revoked',
  'login',
  'logout',
  'password_changed',
  'password_reset',
  'locked',
] as const;

type EntityType = (typeof ENTITY_TYPES)[number];
type Action = (typeof ACTIONS)[number];

const isEntityType = (value: string): value is EntityType =>
  (ENTITY_TYPES as readonly string[]).includes(value);
const isAction = (value: string): value is Action => (ACTIONS as readonly string[]).includes(value);

export const entityTypeLabel = (value: string, t: TFunction): string =>
  isEntityType(value) ? t(`audit.entityTypes.${value}`) : value;

export const actionLabel = (value: string, t: TFunction): string =>
  isAction(value) ? t(`audit.actions.${value}`) : value;

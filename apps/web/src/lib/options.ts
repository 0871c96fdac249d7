import { ROLES } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import type { SelectOption } from '../ui/SelectField.tsx';

/** The roles, in their fixed order, as options of a SelectField. */
export const roleOptions = (t: TFunction): SelectOption[] =>
  ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

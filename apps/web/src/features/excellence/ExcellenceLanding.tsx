/**
 * `/excellence` for those who may not read the overview (an agent, the integrity officer): the first page of the
 * section they may open.
 */
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { can } from '../../lib/access.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { excellencePages } from './ExcellenceNav.tsx';

export function ExcellenceLanding() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const first = excellencePages(t).find(
    (page) => page.to !== '/excellence' && page.may.some((permission) => can(me, permission)),
  );
  return <Navigate to={first?.to ?? '/'} replace />;
}

import type { Me } from '@voordeur/shared';
import { createContext, type ReactNode, use } from 'react';

const CurrentUserContext = createContext<Me | null>(null);

export function CurrentUserProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <CurrentUserContext value={me}>{children}</CurrentUserContext>;
}

/** The signed-in user; only inside the signed-in part of the app. */
export function useCurrentUser(): Me {
  const me = use(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser() used outside the signed-in app');
  return me;
}

import { useEffect } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PublicLayout } from '../lib/PublicLayout.tsx';
import { StatusContent } from '../lib/StatusContent.tsx';

/**
 * The router's error element. Inside the app shell (`inShell`) the shell stays and only the
 * content is replaced; at the top level it brings its own frame.
 */
export function RouteErrorPage({ inShell = false }: { inShell?: boolean }) {
  const error = useRouteError();
  const kind = isRouteErrorResponse(error) && error.status === 404 ? 'notFound' : 'crash';

  useEffect(() => {
    if (kind === 'crash') console.error(error);
  }, [error, kind]);

  const content = <StatusContent kind={kind} />;
  return inShell ? content : <PublicLayout>{content}</PublicLayout>;
}

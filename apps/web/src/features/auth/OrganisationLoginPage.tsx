import { useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { PublicLayout } from '../../lib/PublicLayout.tsx';
import { StatusContent } from '../../lib/StatusContent.tsx';
import { useOrganisationTheme } from '../../lib/theme.ts';
import { LoginPage } from './LoginPage.tsx';

/** The sign-in page of one organisation (/p/<slug>/inloggen): its name and its theme; the same sign-in. */
export function OrganisationLoginPage() {
  const { slug = '' } = useParams();
  const organisation = useOrganisationTheme(slug);
  if (organisation.isError && isApiError(organisation.error) && organisation.error.status === 404) {
    return (
      <PublicLayout>
        <StatusContent kind="notFound" showHomeLink={false} />
      </PublicLayout>
    );
  }
  return <LoginPage organisation={organisation.data?.name} />;
}

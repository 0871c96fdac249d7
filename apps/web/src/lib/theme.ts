import { useQuery } from '@tanstack/react-query';
import type { PublicOrganisation, Theme } from '@voordeur/shared';
import { useEffect } from 'react';
import { api } from '../api/client.ts';

/**
 * Puts an organisation's theme on the page: its root class on <html> (in place of the one the server put
 * there, named in `data-theme-class`) and its design-token stylesheet in the theme <link>. The server already
 * sends each page in the right theme; this switches without a reload, e.g. after signing in.
 */
export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  const current = root.dataset.themeClass;
  if (current !== theme.className) {
    if (current) root.classList.remove(current);
    root.classList.add(theme.className);
    root.dataset.themeClass = theme.className;
  }
  const link = document.querySelector<HTMLLinkElement>('link#vd-theme');
  if (link && link.getAttribute('href') !== theme.stylesheet) link.setAttribute('href', theme.stylesheet);
}

/** An organisation's public name and theme. */
export function usePublicOrganisation(slug: string | undefined) {
  return useQuery({
    queryKey: ['public-organisation', slug],
    queryFn: () => api<PublicOrganisation>(`/api/public/organisations/${encodeURIComponent(slug!)}`),
    enabled: Boolean(slug),
    staleTime: 5 * 60_000,
  });
}

/** Wears the theme of the organisation with this slug (once known); returns what is known of it. */
export function useOrganisationTheme(slug: string | undefined) {
  const organisation = usePublicOrganisation(slug);
  const theme = organisation.data?.theme;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  return organisation;
}

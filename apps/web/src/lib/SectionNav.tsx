/**
 * A section's own navigation (monitoring, excellence): the section's pages the reader may open, the current one
 * marked. Each section lists its pages with the permissions that open them (the router's own rule).
 */
import type { Permission } from '@voordeur/shared';
import { NavLink } from 'react-router';
import { can } from './access.ts';
import { useCurrentUser } from './CurrentUser.tsx';
import './SectionNav.css';

export interface SectionPage {
  to: string;
  label: string;
  /** Any one of these permissions opens the page. */
  may: readonly Permission[];
  /** Marked current only on exactly this address (the section's first page), not below it. */
  end?: boolean;
}

export function SectionNav({ label, pages }: { label: string; pages: readonly SectionPage[] }) {
  const me = useCurrentUser();
  return (
    <nav aria-label={label} className="vd-section-nav">
      <ul>
        {pages
          .filter((page) => page.may.some((permission) => can(me, permission)))
          .map((page) => (
            <li key={page.to}>
              <NavLink to={page.to} end={page.end}>
                {page.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

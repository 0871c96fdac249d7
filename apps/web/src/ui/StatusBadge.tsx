import type { ReactNode } from 'react';

export interface StatusBadgeProps {
  status: 'active' | 'inactive' | 'neutral' | 'warning';
  children: ReactNode;
}

/** A short status word as a badge (`utrecht-status-badge`). The text carries the meaning, not the colour. */
export function StatusBadge({ status, children }: StatusBadgeProps) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${status}`}>{children}</span>;
}

import type { MouseEvent, ReactNode } from 'react';

export interface SkipLinkProps {
  /** Id of the element to jump to; it needs `tabIndex={-1}` to take focus. */
  targetId: string;
  children: ReactNode;
}

/** Skip link, visible on focus (`utrecht-skip-link`). Moves focus itself so the router never sees a hash. */
export function SkipLink({ targetId, children }: SkipLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'start' });
  };
  return (
    <a
      href={`#${targetId}`}
      onClick={onClick}
      className="utrecht-skip-link utrecht-skip-link--visible-on-focus"
    >
      {children}
    </a>
  );
}

import { StatusContent } from '../lib/StatusContent.tsx';

/** `*` inside the signed-in app. */
export function NotFoundPage() {
  return <StatusContent kind="notFound" />;
}

/** Shown in place of a page the user's roles do not allow (403). */
export function ForbiddenPage() {
  return <StatusContent kind="forbidden" />;
}

/**
 * Plain HTML form posts to the server-rendered pages (ADR 0022): their fields, and whether the post comes from our
 * own pages.
 */

/** A form post's fields (application/x-www-form-urlencoded), as strings; anything else is left out. */
export function formFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * Whether a form post comes from our own pages: the browser's Sec-Fetch-Site says so where it is sent; otherwise
 * the Origin, when there is one (this site sends no referrer, so a browser may say "null"), names this host or the
 * configured public address (a reverse proxy may pass on another Host). A form on another site may not sign this
 * browser in (login CSRF).
 */
export function fromThisSite(
  headers: Record<string, string | string[] | undefined>,
  hosts: (string | undefined)[],
): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return true;
  try {
    return hosts.includes(new URL(origin).host);
  } catch {
    return false;
  }
}

/**
 * Absolute links in messages to people (an email is read outside the site): the server's public address
 * (`PUBLIC_URL`), set once when the app is built.
 */
let base = 'http://localhost:3000';

export function setLinkBase(publicUrl: string) {
  base = publicUrl.replace(/\/+$/, '');
}

/** `path` (starting with a slash) under the public address. */
export function publicLink(path: string) {
  return `${base}${path}`;
}

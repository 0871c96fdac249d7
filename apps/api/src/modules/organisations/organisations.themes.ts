/**
 * Each organisation wears its own design-token theme: a built-in NL Design System token package, its own CSS,
 * or (none chosen) the install's configured theme (VOORDEUR_THEME_CSS / VOORDEUR_THEME_CLASS). The CSS is
 * served from this server (no CDN), as a stylesheet of its own: nothing inline, so the CSP stays as it is.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Theme, ThemeName } from '@voordeur/shared';
import type { Config } from '../../config.ts';

const file = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));

/** The built-in themes: their root class and the files that make up their stylesheet, in order. */
export const BUILT_IN_THEMES: Record<ThemeName, { className: string; files: () => string[] }> = {
  voorbeeld: {
    className: 'voorbeeld-theme',
    files: () => [file('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css')],
  },
  utrecht: {
    className: 'utrecht-theme',
    // Utrecht's tokens, and a map of the basis tokens Voordeur's own layout uses onto them.
    files: () => [
      file('@utrecht/design-tokens/dist/theme.css'),
      fileURLToPath(new URL('./themes/utrecht-basis.css', import.meta.url)),
    ],
  },
};

const isBuiltIn = (theme: string | null): theme is ThemeName =>
  theme !== null && Object.hasOwn(BUILT_IN_THEMES, theme);

/** The stylesheets read so far (they do not change while the process runs). */
const cssCache = new Map<string, Promise<string>>();

/** The CSS of a built-in theme, read once. */
export function builtInThemeCss(theme: ThemeName): Promise<string> {
  let css = cssCache.get(theme);
  if (!css) {
    css = Promise.all(BUILT_IN_THEMES[theme].files().map((f) => readFile(f, 'utf8'))).then((parts) =>
      parts.join('\n'),
    );
    cssCache.set(theme, css);
  }
  return css;
}

/** The install's configured theme (VOORDEUR_THEME_CSS), read once. */
export function defaultThemeCss(config: Pick<Config, 'themeCss'>): Promise<string> {
  const key = `file:${config.themeCss}`;
  let css = cssCache.get(key);
  if (!css) {
    css = readFile(config.themeCss, 'utf8');
    cssCache.set(key, css);
  }
  return css;
}

/** The stylesheet of an organisation: its own URL, or the install's `/theme.css` when it chose none. */
export const themeStylesheet = (slug: string) => `/p/${encodeURIComponent(slug)}/theme.css`;

/** How the web app wears an organisation's theme (or the install's, for no organisation). */
export function themeOf(
  config: Pick<Config, 'themeClass'>,
  org: { slug: string; theme: string | null; themeClass: string | null } | undefined,
): Theme {
  if (org && isBuiltIn(org.theme))
    return { className: BUILT_IN_THEMES[org.theme].className, stylesheet: themeStylesheet(org.slug) };
  if (org?.theme === 'custom' && org.themeClass)
    return { className: org.themeClass, stylesheet: themeStylesheet(org.slug) };
  return { className: config.themeClass, stylesheet: '/theme.css' };
}

/** The CSS behind {@link themeOf}'s stylesheet for an organisation. */
export async function themeCssOf(
  config: Pick<Config, 'themeCss'>,
  org: { theme: string | null; css: string | null },
): Promise<string> {
  if (isBuiltIn(org.theme)) return builtInThemeCss(org.theme);
  if (org.theme === 'custom' && org.css) return org.css;
  return defaultThemeCss(config);
}

import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

/**
 * What a first visit costs (issue 11: every page used to load the whole app, uncompressed). Each page is its
 * own chunk: a resident's page and the login page load the shell and that page, never the signed-in app; the
 * assets arrive compressed as the build made them.
 */
interface Loaded {
  file: string;
  encoding: string | undefined;
  vary: string | undefined;
  /** Decoded size: files under 1 kB are not worth compressing and come as they are. */
  bytes: Promise<number>;
  text: Promise<string>;
}

function recordAssets(page: Page): Loaded[] {
  const loaded: Loaded[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/assets/')) return;
    const headers = response.headers();
    loaded.push({
      file: path.slice('/assets/'.length),
      encoding: headers['content-encoding'],
      vary: headers.vary,
      bytes: response.body().then((b) => b.length),
      text: response.text(),
    });
  });
  return loaded;
}

/** Chunks of the signed-in app: the session guard with the shell, and every page but the public ones. */
const staffChunk = (file: string) =>
  /^RequireAuth-/.test(file) ||
  (/Page-[\w-]+\.js$/.test(file) && !/^(PublicCatalogue|Login)Page-/.test(file));

test('the public catalogue loads its own page and the shell, not the staff app, and every asset compressed', async ({
  page,
}) => {
  const loaded = recordAssets(page);
  await page.goto('/p/voorbeeld/diensten');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat kunt u van ons verwachten');
  await expect(page.getByRole('row', { name: /^Paspoort aanvragen/ })).toBeVisible();
  await expectAccessible(page, 'public catalogue (own chunk)');

  const files = loaded.map((l) => l.file);
  expect(files.some((f) => /^PublicCataloguePage-.*\.js$/.test(f))).toBe(true);
  expect(files.filter(staffChunk)).toEqual([]);
  // Nor the libraries of the staff forms: zod (the schemas) and libphonenumber.
  for (const asset of loaded.filter((l) => l.file.endsWith('.js'))) {
    expect(await asset.text, asset.file).not.toMatch(/ZodError|INVALID_COUNTRY/);
  }
  // Chromium asks for gzip over plain http (brotli only over https); both copies come from the build.
  for (const asset of loaded) {
    if ((await asset.bytes) < 1024) continue;
    expect(asset.encoding, asset.file).toMatch(/^(br|gzip)$/);
    expect(asset.vary, asset.file).toMatch(/accept-encoding/i);
  }
});

test('the login page does not load the staff app; signing in loads it', async ({ page }) => {
  const loaded = recordAssets(page);
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  expect(loaded.map((l) => l.file).filter(staffChunk)).toEqual([]);

  await login(page, 'agent@voorbeeld.nl');
  const files = loaded.map((l) => l.file);
  expect(files.some((f) => /^RequireAuth-/.test(f))).toBe(true);
  expect(files.some((f) => /^HomePage-/.test(f))).toBe(true);
  // Pages not visited are not loaded.
  expect(files.some((f) => /^CasePage-/.test(f))).toBe(false);
});

/**
 * Innovation (issue 15, item 4): a resident comments on a public idea with JavaScript switched off; the comment
 * waits for moderation; the quality officer approves it on the idea's page and it shows on the public page. axe
 * scans the public pages (also 320 px wide) and the staff board and idea page.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const IDEA = 'Afvalkalender met herinnering in de app';

test('A resident comments on a public idea without JavaScript; after approval it shows', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const comment = `Fijn idee, ook graag voor de gft-bak (${Date.now().toString(36)}).`;

  // ---- the resident, with JavaScript switched off ----
  const resident = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const pub = await resident.newPage();
  // axe runs as a script: it scans what the script-less page showed, served again to a page that runs scripts.
  const scan = async (what: string) => {
    const url = pub.url().replace(/#.*$/, '');
    const html = await pub.content();
    await page.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await page.goto(url);
    await expectAccessible(page, what);
    await page.unroute(url);
  };
  await pub.goto('/p/voorbeeld/ideeen');
  await expect(h1(pub)).toHaveText('Denk mee over onze ideeën');
  await scan('the public ideas list');
  await pub.getByRole('link', { name: IDEA }).click();
  await expect(h1(pub)).toHaveText(IDEA);
  await expect(pub.getByText('Goed idee! Graag ook voor het oud papier.')).toBeVisible();
  // The comment still waiting for moderation is not shown.
  await expect(pub.getByText('containers in de flat')).toHaveCount(0);
  await scan('a public idea with its comment form');
  await pub.getByLabel('Uw reactie', { exact: true }).fill(comment);
  await pub.getByRole('button', { name: 'Reactie versturen' }).click();
  await expect(pub.getByRole('status')).toContainText('Uw reactie wordt eerst bekeken');
  await expect(pub.getByText(comment)).toHaveCount(0);
  await scan('the idea after sending a comment');

  // ---- the quality officer approves it ----
  await login(page, 'quality@voorbeeld.nl');
  await page.goto('/excellence/ideas');
  await expect(h1(page)).toHaveText('Ideeën');
  await expectAccessible(page, 'the ideas board');
  await page.getByRole('link', { name: IDEA }).click();
  await expect(h1(page)).toHaveText(IDEA);
  const pending = page.locator('.vd-panel', { hasText: comment });
  await expect(pending).toBeVisible();
  await expectAccessible(page, 'an idea with comments to moderate');
  await pending.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(page.locator('li', { hasText: comment })).toContainText('goedgekeurd');

  // ---- and the resident sees it ----
  await pub.reload();
  await expect(pub.getByText(comment)).toBeVisible();
  await resident.close();
});

import { expect, test } from '@playwright/test';
import { expectAccessible } from './support.ts';

/**
 * The scan itself (support.ts): colour contrast is checked once per look per worker, so these pages show that a look
 * new to the worker is still checked where it first shows — a new class, an inline colour, a known class on a new
 * background — and that a page seen before passes again. Local pages: no server needed.
 */
const page = (extra: string) => `<!doctype html><html lang="en"><head><title>Scan</title><style>
  .ok { color: #000; background: #fff } .plain { color: #333 } .faint { color: #aaa; background: #fff }
</style></head><body><main><h1>Scan</h1>
${Array.from({ length: 50 }, (_, i) => `<p class="ok">Row ${i}</p>`).join('')}<p class="plain">Plain</p>${extra}
</main></body></html>`;

test('the accessibility scan checks the contrast of every look new to it, once', async ({ page: p }) => {
  await p.setContent(page(''));
  await expectAccessible(p, 'a clean page', { narrowScan: false });
  for (const [what, extra] of [
    ['a new class', '<p class="faint">Faint</p>'],
    ['an inline colour', '<p class="ok" style="color: #bbb">Faint</p>'],
    ['a known class on a dark background', '<div style="background: #000"><p class="plain">Dark</p></div>'],
  ]) {
    await p.setContent(page(extra!));
    await expect(expectAccessible(p, what!, { narrowScan: false }), what).rejects.toThrow(/color-contrast/);
  }
  await p.setContent(page(''));
  await expectAccessible(p, 'the clean page again', { narrowScan: false });
});

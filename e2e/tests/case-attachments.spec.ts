/**
 * A case's attachments: the form asks for a file, the server refuses one that is not a photo or PDF by its bytes
 * (whatever its name says), and a photo is added and listed for download.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support.ts';

/** The smallest PNG there is: one transparent pixel. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('a file is added to a case: the form asks for one, refuses text that calls itself a photo, and adds a photo that is then listed', async ({
  page,
}) => {
  await login(page, 'admin@voorbeeld.nl', { lang: 'nl' });
  const csrf = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token;
  const description = `Lamp bij de Parklaan (${Date.now().toString(36)})`;
  const res = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': csrf },
    data: {
      itemCode: 'straatverlichting-kapot',
      description: 'Lamp brandt niet',
      answers: { probleem: 'brandt_niet' },
      location: { description },
      contactEmail: 'buurtbewoner@example.nl',
      channel: 'phone',
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const created = (await res.json()) as { id: string; reference: string };

  await page.goto(`/cases/${created.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(created.reference);
  const form = page.getByRole('form', { name: 'Bijlagen' });
  const file = form.getByLabel('Bijlage toevoegen');
  const upload = form.getByRole('button', { name: 'Uploaden' });

  // No file chosen: the field says so and takes focus; the form's alert lists it.
  await upload.click();
  await expect(file).toBeFocused();
  await expect(form.getByRole('alert')).toContainText('Bijlage toevoegen: Kies een bestand.');

  // Text with a photo's name: the server decides by the bytes, and the field says why in our own words.
  await file.setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: Buffer.from('geen foto') });
  await upload.click();
  await expect(form.getByRole('alert')).toContainText('Dit bestand kan niet: alleen foto’s');
  await expect(file).toHaveAccessibleDescription(/Dit bestand kan niet/);
  await expectAccessible(page, 'case page with a refused attachment');

  // A real photo is added: said, listed for download, and no alert any more.
  await file.setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: PIXEL });
  await upload.click();
  await expect(form.getByText('lamp.png is toegevoegd.')).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'lamp.png' })).toHaveAttribute('download', 'lamp.png');
});

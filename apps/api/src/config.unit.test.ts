import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: port 3000, embedded database in ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      dataDir: './data',
      databaseUrl: undefined,
      cookieSecure: false,
      themeClass: 'voorbeeld-theme',
    });
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('uses secure cookies behind https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://voordeur.example.nl' }).cookieSecure).toBe(true);
  });

  it('delivers through the dev mailbox unless SMTP_URL is set, and checks the outbox settings', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      smtpUrl: undefined,
      smtpFrom: 'Gemeente Voorbeeld <noreply@voorbeeld.nl>',
      outboxLeaseSeconds: 120,
      outboxPollMs: 1000,
    });
    expect(c.workerId).toMatch(/^.+:\d+$/);
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.nl:465', WORKER_ID: 'w1' })).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.nl:465',
      workerId: 'w1',
    });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.nl', OUTBOX_LEASE_SECONDS: '0' })).toThrow(
      /SMTP_URL[\s\S]*OUTBOX_LEASE_SECONDS/,
    );
  });

  it('names every bad setting', () => {
    expect(() =>
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', VOORDEUR_THEME_CLASS: 'Bad Class' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*VOORDEUR_THEME_CLASS/);
  });
});

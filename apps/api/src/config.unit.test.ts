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

  it('names every bad setting', () => {
    expect(() =>
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', VOORDEUR_THEME_CLASS: 'Bad Class' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*VOORDEUR_THEME_CLASS/);
  });
});

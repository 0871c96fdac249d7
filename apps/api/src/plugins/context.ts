import type { Database, Db } from '@voordeur/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    db: Db;
  }
  interface FastifyContextConfig {
    /** Route is reachable without authentication. Everything else requires it (secure by default). */
    public?: boolean;
    /** Route may be called with a session cookie without a CSRF token (only login). */
    skipCsrf?: boolean;
    /** Route is for platform administrators only, and they may call nothing else (ADR 0007). */
    platform?: boolean;
  }
}

/** Makes configuration and the database available to every module. */
export const contextPlugin = fp<{ config: Config; database: Database }>(async (app, opts) => {
  app.decorate('config', opts.config);
  app.decorate('database', opts.database);
  app.decorate('db', opts.database.db);
});

export type App = FastifyInstance;

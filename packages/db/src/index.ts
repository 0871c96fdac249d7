export * from './client.ts';
export * from './keys.ts';
export * as schema from './schema.ts';
export * from './schema.ts';

export * from './admin.ts';
export * from './auth.ts';
export * from './catalogue.ts';
export * from './dutch.ts';
export * from './frontoffice.ts';
export * from './limits.ts';
export * from './problem.ts';
export * from './roles.ts';

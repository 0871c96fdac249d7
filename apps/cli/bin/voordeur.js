#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the same sources serve development and production. The repository's
// tsconfig is named, not found from the working directory: started from elsewhere (e2e/, an operator's own
// directory) tsx would otherwise miss its `jsx: react-jsx`, and the server-rendered pages (ADR 0022) would fail.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The server renders pages with React (ADR 0022): its production build is several times faster than the one for
// development, which checks and warns on every render. Tests set their own NODE_ENV.
process.env.NODE_ENV ??= 'production';
register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
await import('../src/main.ts');

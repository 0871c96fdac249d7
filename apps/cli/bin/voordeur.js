#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the same sources serve development and production. The repository's
// tsconfig is named, not found from the working directory: started from elsewhere (e2e/, an operator's own
// directory) tsx would otherwise miss its `jsx: react-jsx`, and the server-rendered pages (ADR 0022) would fail.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
await import('../src/main.ts');

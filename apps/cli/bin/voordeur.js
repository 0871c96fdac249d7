#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the same sources serve development and production. The repository's
// tsconfig is named, not looked up from the working directory: started elsewhere (e2e/, a service's directory), the
// server-rendered pages (.tsx, ADR 0022) would otherwise be compiled without `jsx: react-jsx` and fail.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
await import('../src/main.ts');

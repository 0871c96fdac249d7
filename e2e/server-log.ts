import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', '.tmp');
mkdirSync(dir, { recursive: true });

/** Everything the e2e server writes while the journeys run; log-privacy.teardown.ts checks it names nobody. */
export const SERVER_LOG = join(dir, 'e2e-server.log');

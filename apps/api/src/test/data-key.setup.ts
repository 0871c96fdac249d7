import { randomBytes } from 'node:crypto';
import { useDataKey } from '../platform/personal-data.ts';

// Tests that seed or write customers without building the app still need a data key: a fresh one per worker.
useDataKey(randomBytes(32));

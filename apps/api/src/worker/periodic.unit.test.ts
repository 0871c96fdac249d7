import { expect, it } from 'vitest';
import { intervalOf } from './periodic.ts';

it('WORKER_INTERVAL_SECONDS runs the frequent tasks that often; the hourly ones keep their hour', () => {
  expect(intervalOf({ intervalSeconds: 60 }, { intervalSeconds: 1 })).toBe(1);
  expect(intervalOf({ intervalSeconds: 300 }, { intervalSeconds: 1 })).toBe(1);
  expect(intervalOf({ intervalSeconds: 3600 }, { intervalSeconds: 1 })).toBe(3600);
  expect(intervalOf({ intervalSeconds: 60 }, {})).toBe(60);
  expect(intervalOf({ intervalSeconds: 3600 }, {})).toBe(3600);
});

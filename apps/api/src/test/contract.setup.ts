import { afterAll } from 'vitest';
import { takeContractViolations } from './contract.ts';

// Every API test file is also a contract test: a response that broke the OpenAPI document fails the file.
afterAll(() => {
  const seen = new Map<string, number>();
  for (const v of takeContractViolations()) {
    const line = `${v.operation} -> ${v.status}: ${v.problem}`;
    seen.set(line, (seen.get(line) ?? 0) + 1);
  }
  if (seen.size)
    throw new Error(
      `Responses that do not match the OpenAPI document:\n${[...seen].map(([l, n]) => `  ${l} (${n}×)`).join('\n')}`,
    );
});

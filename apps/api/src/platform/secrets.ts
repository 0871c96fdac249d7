import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_PROBLEM_MESSAGES, type PasswordOwner, passwordProblem } from '@voordeur/shared/password';
import { errors } from '../plugins/errors.ts';

/** A URL-safe random secret with `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * SHA-256 is right for high-entropy secrets (session ids, API tokens): they cannot be guessed, so a slow
 * hash adds nothing but latency on every request. Passwords use argon2id below.
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. (2 = Algorithm.Argon2id, a const enum.) */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throwaway hash so an unknown e-mail address takes as long as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomSecret());
  await verifyPassword(await dummyHash, password);
}

/**
 * Refuses a new password that is too short, commonly used, easy to guess or made of the person's own name or
 * address (the rule of `@voordeur/shared/password`, which the web's forms also apply), naming `field`.
 */
export function refuseWeakPassword(password: string, owner: PasswordOwner, field: string): void {
  const problem = passwordProblem(password, owner);
  if (problem) {
    throw errors.validation(
      [{ field, message: PASSWORD_PROBLEM_MESSAGES[problem], code: problem }],
      'The new password may not be used.',
    );
  }
}

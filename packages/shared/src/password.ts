import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as dutch } from '@zxcvbn-ts/language-nl-be';
import { LIMITS } from './limits.ts';

/**
 * Why a password is refused (NIST SP 800-63B 3.1.1.2: at least the minimum length, not a commonly used or
 * expected password, not a dictionary word, repetition or sequence, not built from the person's own details).
 * The API sends it as `errors[].code`; the web words it in Dutch and English.
 */
export const PASSWORD_PROBLEMS = [
  'password_too_short',
  'password_too_common',
  'password_personal',
  'password_guessable',
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/**
 * zxcvbn's score: 3 means "safely unguessable" (about 10^8 guesses or more), enough for an online attack on
 * an argon2 hash with a lock-out. 'password1234' scores 0, 'aaaaaaaaaaaa' 0.
 */
export const PASSWORD_MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    graphs: adjacencyGraphs,
    dictionary: { ...common, ...dutch },
  });
  return factory;
}

/** The English wording of each problem (the API's `errors[].message`; the web has its own in nl and en). */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  password_too_short: `At least ${LIMITS.passwordMin} characters`,
  password_too_common: 'A commonly used password: choose another',
  password_personal: 'Contains your name or e-mail address',
  password_guessable: 'Too easy to guess: use a few words that do not belong together',
};

/** The person whose password it is: it must not be made of their name or e-mail address. */
export interface PasswordOwner {
  email?: string | undefined;
  name?: string | undefined;
}

/** The problem with a new password, or null when it may be used. */
export function passwordProblem(password: string, owner: PasswordOwner = {}): PasswordProblem | null {
  if (password.length < LIMITS.passwordMin) return 'password_too_short';
  // The name and the address's local part (not the organisation's domain), whole and word by word.
  const personal = [owner.email?.split('@')[0] ?? '', owner.name ?? ''];
  const inputs = [
    'voordeur',
    ...personal.flatMap((p) => [p, ...p.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((w) => w.length >= 3),
  ];
  // Only the first 100 characters are scored: the rest of a long password only adds to its strength.
  const result = zxcvbn().check(password.slice(0, 100), inputs);
  const dictionaryOf = (m: (typeof result.sequence)[number]) =>
    'dictionaryName' in m ? m.dictionaryName : undefined;
  // Made of the person's own details (4 characters or more of them), however strong it looks otherwise.
  if (result.sequence.some((m) => dictionaryOf(m) === 'userInputs' && m.token.length >= 4)) {
    return 'password_personal';
  }
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  if (result.sequence.some((m) => dictionaryOf(m)?.startsWith('passwords'))) return 'password_too_common';
  return 'password_guessable';
}

import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password.ts';

describe('the password rule (NIST SP 800-63B)', () => {
  it('refuses short, common, guessable and personal passwords', () => {
    expect(passwordProblem('kort-maar')).toBe('password_too_short');
    expect(passwordProblem('password1234')).toBe('password_too_common');
    // Repetitions, sequences, keyboard rows and a Dutch word with digits: on a list, or easily guessed.
    for (const password of [
      'aaaaaaaaaaaa',
      '123456789012',
      'qwertyuiop12',
      'wachtwoord123',
      'abcdefghijkl',
    ]) {
      expect(passwordProblem(password), password).toMatch(/^password_(too_common|guessable)$/);
    }
    const owner = { email: 'jan.jansen@voorbeeld.nl', name: 'Jan Jansen' };
    expect(passwordProblem('janjansen1980', owner)).toBe('password_personal');
    expect(passwordProblem('Voordeur-2026!')).toBe('password_personal');
  });

  it('accepts a few words that do not belong together, and long random ones', () => {
    const owner = { email: 'jan.jansen@voorbeeld.nl', name: 'Jan Jansen' };
    expect(passwordProblem('fiets-boom-kaas-lamp', owner)).toBeNull();
    expect(passwordProblem('correct-horse-battery', owner)).toBeNull();
    expect(passwordProblem('Tr0ub4dour&3xy', owner)).toBeNull();
    expect(passwordProblem('xxxxQz8!vL2#pW9@mR5$', owner)).toBeNull();
  });
});

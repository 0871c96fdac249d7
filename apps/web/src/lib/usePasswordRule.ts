import { LIMITS } from '@voordeur/shared';
import type { PasswordOwner, PasswordProblem } from '@voordeur/shared/password';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';

type Rule = (password: string, owner?: PasswordOwner) => PasswordProblem | null;

let loading: Promise<Rule> | undefined;
/** The rule with its dictionaries is large: it is loaded only by the forms that choose a password. */
const loadRule = () => {
  loading ??= import('@voordeur/shared/password').then((m) => m.passwordProblem);
  return loading;
};

/**
 * The API's password rule (`@voordeur/shared/password`), for a form to refuse a weak password before it is
 * sent, in the same words as the API's refusal. Until it has loaded, it finds nothing (the API still refuses).
 */
export function usePasswordRule(
  enabled = true,
): (password: string, owner: PasswordOwner, t: TFunction) => string | null {
  const [rule, setRule] = useState<Rule | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadRule()
      .then((r) => live && setRule(() => r))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [enabled]);
  return (password, owner, t) => {
    const problem = password ? rule?.(password, owner) : null;
    return problem ? passwordProblemText(problem, t) : null;
  };
}

export const isPasswordProblem = (code: string | undefined): code is PasswordProblem =>
  !!code?.startsWith('password_');

export const passwordProblemText = (problem: PasswordProblem, t: TFunction) =>
  t(`passwordRule.${problem}`, { min: LIMITS.passwordMin });

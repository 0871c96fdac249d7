/** @jsxRuntime automatic @jsxImportSource react */
// (The CLI runs the sources through tsx from any directory: the JSX runtime is named here, not left to a tsconfig.)
import { LIMITS } from '@voordeur/shared';
import { ErrorSummary, type FieldErrors, Notice, Submit, TextInput } from '../../plugins/page-parts.tsx';
import type { SignInWords } from './auth.words.ts';

/**
 * The sign-in page (ADR 0022: rendered by the server, no script): e-mail address and password, posted as a plain
 * form. Errors are listed on top, each linked to its field; the address typed is kept, the password never.
 */
export function SignInPage(p: {
  words: SignInWords;
  action: string;
  notice?: 'loggedOut' | 'sessionExpired' | undefined;
  errors?: FieldErrors | undefined;
  problem?: string | undefined;
  email?: string | undefined;
}) {
  const { words: w } = p;
  const errors = p.errors ?? {};
  return (
    <>
      <h1 className="utrecht-heading-1">{w.title}</h1>
      <p className="utrecht-paragraph">{w.intro}</p>
      {p.notice === 'loggedOut' ? <Notice type="info">{w.loggedOut}</Notice> : null}
      {p.notice === 'sessionExpired' ? <Notice type="warning">{w.sessionExpired}</Notice> : null}
      <ErrorSummary title={w.errorSummary} errors={errors} problem={p.problem} />
      <form method="post" action={p.action} className="vd-form" noValidate>
        <TextInput
          id="login-email"
          label={w.email}
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={LIMITS.emailMax}
          error={errors['login-email']}
          value={p.email}
        />
        <TextInput
          id="login-password"
          label={w.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors['login-password']}
        />
        <Submit>{w.submit}</Submit>
      </form>
    </>
  );
}

/** An unknown organisation's sign-in address. */
export function NotFoundPage({ words: w }: { words: SignInWords }) {
  return (
    <>
      <h1 className="utrecht-heading-1">{w.notFoundTitle}</h1>
      <p className="utrecht-paragraph">{w.notFound}</p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href="/login">
          {w.toLogin}
        </a>
      </p>
    </>
  );
}

import type { Locale } from '@voordeur/shared';

/** The words of the sign-in page (Dutch first, plain; staff are addressed with "je", as in the app). */
export const SIGN_IN_WORDS = {
  nl: {
    title: 'Inloggen',
    intro: 'Log in met het e-mailadres en wachtwoord van je account bij je organisatie.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    errorSummary: 'Inloggen lukte niet',
    emailRequired: 'Vul je e-mailadres in.',
    emailInvalid: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.',
    passwordRequired: 'Vul je wachtwoord in.',
    passwordTooLong: 'Dit wachtwoord is te lang.',
    invalidCredentials:
      'Het e-mailadres of wachtwoord klopt niet. Na te veel mislukte pogingen moet je een paar minuten wachten.',
    throttled: (minutes: number) =>
      `Te veel mislukte inlogpogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    notFromHere: 'Log in via dit formulier. Een formulier op een andere website kan je niet inloggen.',
    loggedOut: 'Je bent uitgelogd.',
    sessionExpired: 'Je sessie is verlopen. Log opnieuw in.',
    notFoundTitle: 'Pagina niet gevonden',
    notFound: 'Deze organisatie kennen wij niet. Controleer het adres.',
    toLogin: 'Naar het inloggen',
  },
  en: {
    title: 'Log in',
    intro: 'Log in with the email address and password of your account at your organisation.',
    email: 'Email address',
    password: 'Password',
    submit: 'Log in',
    errorSummary: 'You could not log in',
    emailRequired: 'Enter your email address.',
    emailInvalid: 'Enter a valid email address, such as name@municipality.nl.',
    passwordRequired: 'Enter your password.',
    passwordTooLong: 'This password is too long.',
    invalidCredentials:
      'The email address or password is incorrect. After too many failed attempts, wait a few minutes.',
    throttled: (minutes: number) =>
      `Too many failed login attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    notFromHere: 'Log in with this form. A form on another website cannot log you in.',
    loggedOut: 'You have been logged out.',
    sessionExpired: 'Your session has expired. Please log in again.',
    notFoundTitle: 'Page not found',
    notFound: 'We do not know this organisation. Check the address.',
    toLogin: 'Go to log in',
  },
} as const satisfies Record<Locale, unknown>;

export type SignInWords = (typeof SIGN_IN_WORDS)[Locale];

import 'i18next';
import type nl from './nl.json';

// Typed translation keys: a typo in a key is a compile error, and `nl.json` is the reference.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}

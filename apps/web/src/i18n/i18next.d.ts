import 'i18next';
import type nl from './nl.json';
import type monitoring from './sections/monitoring.nl.json';

// Typed translation keys: a typo in a key is a compile error, and `nl.json` (with the words that load with their
// section, sections/*.nl.json) is the reference.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl & typeof monitoring };
  }
}

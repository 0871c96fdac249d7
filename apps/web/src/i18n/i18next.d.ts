import 'i18next';
import type nl from './nl.json';
import type excellence from './sections/excellence.nl.json';
import type excellenceAssessments from './sections/excellence-assessments.nl.json';
import type excellenceIdeas from './sections/excellence-ideas.nl.json';
import type excellenceImprovements from './sections/excellence-improvements.nl.json';
import type excellencePeople from './sections/excellence-people.nl.json';
import type excellenceSignals from './sections/excellence-signals.nl.json';
import type excellenceStrategy from './sections/excellence-strategy.nl.json';
import type monitoring from './sections/monitoring.nl.json';
import type staff from './sections/staff.nl.json';

// Typed translation keys: a typo in a key is a compile error, and `nl.json` (with the words that load with their
// section, sections/*.nl.json) is the reference.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof nl &
        typeof staff &
        typeof monitoring &
        typeof excellence &
        typeof excellenceAssessments &
        typeof excellenceStrategy &
        typeof excellenceSignals &
        typeof excellenceImprovements &
        typeof excellenceIdeas &
        typeof excellencePeople;
    };
  }
}

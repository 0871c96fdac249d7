/**
 * The excellence section's words (issue 15), added to the translations when one of its pages loads (ADR 0012).
 * The section's own words (its navigation) are in `excellence.*.json`; each part of the section keeps its words in
 * its own file `excellence-<part>.*.json` under one top-level key of its own.
 */
import i18n from '../index.ts';
import en from './excellence.en.json';
import nl from './excellence.nl.json';
import assessmentsEn from './excellence-assessments.en.json';
import assessmentsNl from './excellence-assessments.nl.json';
import ideasEn from './excellence-ideas.en.json';
import ideasNl from './excellence-ideas.nl.json';
import improvementsEn from './excellence-improvements.en.json';
import improvementsNl from './excellence-improvements.nl.json';
import peopleEn from './excellence-people.en.json';
import peopleNl from './excellence-people.nl.json';
import signalsEn from './excellence-signals.en.json';
import signalsNl from './excellence-signals.nl.json';
import strategyEn from './excellence-strategy.en.json';
import strategyNl from './excellence-strategy.nl.json';

for (const bundle of [nl, assessmentsNl, strategyNl, signalsNl, improvementsNl, ideasNl, peopleNl])
  i18n.addResourceBundle('nl', 'translation', bundle, true, false);
for (const bundle of [en, assessmentsEn, strategyEn, signalsEn, improvementsEn, ideasEn, peopleEn])
  i18n.addResourceBundle('en', 'translation', bundle, true, false);

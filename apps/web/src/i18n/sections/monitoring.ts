/**
 * The monitoring section's words (dashboards, causes, inputs, charts), added to the translations when one of its
 * pages loads rather than sent with every page: the public pages and the shell stay light (ADR 0012). Words of a
 * section live in `i18n/sections/`, outside the shared toolkit chunk (vite.config.ts).
 */
import i18n from '../index.ts';
import en from './monitoring.en.json';
import nl from './monitoring.nl.json';

i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

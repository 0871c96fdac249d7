/**
 * The staff app's words (the work pages, cases, administration): added to the translations when a signed-in page
 * first loads (the router's RequireAuth route), not sent with the public pages (issue 13: a resident's first visit
 * loads the words of the public pages only). Section words live in `i18n/sections/`, outside the shared toolkit
 * chunk (vite.config.ts).
 */
import i18n from '../index.ts';
import en from './staff.en.json';
import nl from './staff.nl.json';

i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

/** Labels and plain-language readings of the analysis results (the words live in analysis.words.ts). */
import { STATISTICS_MIN_RESPONSES } from '@voordeur/shared';
import {
  binaryReading,
  both,
  CHANNEL_WORDS,
  channelReading as channelWords,
  DRIVER_NAMES,
  groupReading as groupWords,
  KIND_WORDS,
  LANGUAGE_WORDS,
  methodWords,
  numericReading,
  RESOLUTION_BAND_ORDER,
  RESOLUTION_BANDS,
  tooFewAnswers,
  UNKNOWN,
  type Words,
  YES_NO,
} from './analysis.words.ts';

export const driverName = (code: string): Words => DRIVER_NAMES[code] ?? both(code, code);

export const tooFew = (n: number) => tooFewAnswers(n, STATISTICS_MIN_RESPONSES);

export const noVariation = () =>
  both(
    'Geen verband te berekenen: alle antwoorden vallen in dezelfde groep of geven hetzelfde cijfer.',
    'No link can be computed: all answers fall in the same group or give the same grade.',
  );

export function bandLabel(code: string, band: string): Words {
  if (code === 'resolution_days') return RESOLUTION_BANDS[band] ?? both(band, band);
  if (code === 'channel') return CHANNEL_WORDS[band] ?? both(band, band);
  return YES_NO[band] ?? both(band, band);
}

/** Bands in their natural order: resolution time ascending, yes before no, channels by answers. */
export function orderBands<B extends { key: string; n: number }>(code: string, bands: B[]): B[] {
  if (code === 'resolution_days')
    return [...bands].sort(
      (a, b) => RESOLUTION_BAND_ORDER.indexOf(a.key) - RESOLUTION_BAND_ORDER.indexOf(b.key),
    );
  if (code === 'channel') return [...bands].sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  return [...bands].sort((a, b) => b.key.localeCompare(a.key));
}

export function regressionReading(
  code: string,
  kind: 'numeric' | 'binary',
  r: { slope: number; slopeLow: number; slopeHigh: number },
): Words {
  return kind === 'numeric' ? numericReading(r) : binaryReading(code, r);
}

export function channelReading(
  a: { etaSquared: number; pValue: number },
  best: { label: Words; gradeMean: number | null } | null,
  worst: { label: Words; gradeMean: number | null } | null,
): Words {
  const pick = (b: typeof best) => (b && b.gradeMean !== null ? { label: b.label, mean: b.gradeMean } : null);
  const hi = pick(best);
  const lo = pick(worst);
  return channelWords(a, hi, lo && hi && lo.label === hi.label ? null : lo);
}

export function breachLabel(
  reasons: readonly { code: string; label: { nl: string; en?: string | undefined } }[],
  reason: string | null,
): Words {
  if (reason === null) return both('Geen reden vastgelegd', 'No reason recorded');
  const label = reasons.find((r) => r.code === reason)?.label;
  return label ? { nl: label.nl, en: label.en ?? label.nl } : both(reason, reason);
}

export function groupLabel(
  by: string,
  key: string | null,
  segments: readonly { code: string; name: { nl: string; en: string } }[],
): Words {
  if (key === null) return UNKNOWN;
  switch (by) {
    case 'channel':
      return CHANNEL_WORDS[key] ?? both(key, key);
    case 'customerKind':
      return KIND_WORDS[key] ?? both(key, key);
    case 'language':
      return LANGUAGE_WORDS[key] ?? both(key, key);
    case 'ageBand':
      return both(`${key} jaar`, `${key} years`);
    case 'segment': {
      const s = segments.find((x) => x.code === key);
      return s ? { nl: s.name.nl, en: s.name.en } : both(key, key);
    }
    default:
      return both(key, key);
  }
}

export const groupReading = groupWords;
export const method = methodWords;

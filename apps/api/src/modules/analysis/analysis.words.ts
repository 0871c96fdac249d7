/**
 * The words of the analysis module, Dutch first (B1) with English: labels of bands and groups, and the readings
 * that say a statistical result in plain language. The numbers in them are formatted for each language.
 */
export interface Words {
  nl: string;
  en: string;
}

const formats = {
  nl: (digits: number) =>
    new Intl.NumberFormat('nl-NL', { maximumFractionDigits: digits, minimumFractionDigits: digits }),
  en: (digits: number) =>
    new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }),
};

/** A number in both languages ("0,12" and "0.12"). */
export const fmt = (v: number, digits = 2) => ({
  nl: formats.nl(digits).format(v),
  en: formats.en(digits).format(v),
});

export const both = (nl: string, en: string): Words => ({ nl, en });

export const CHANNEL_WORDS: Record<string, Words> = {
  web: both('Website', 'Website'),
  phone: both('Telefoon', 'Phone'),
  email: both('E-mail', 'Email'),
  desk: both('Balie', 'Desk'),
  chat: both('Chat', 'Chat'),
  social: both('Sociale media', 'Social media'),
  letter: both('Brief', 'Letter'),
  app: both('App', 'App'),
  visit: both('Huisbezoek', 'Home visit'),
};

export const KIND_WORDS: Record<string, Words> = {
  resident: both('Inwoners', 'Residents'),
  business: both('Ondernemers', 'Businesses'),
  employee: both('Medewerkers', 'Employees'),
};

export const LANGUAGE_WORDS: Record<string, Words> = {
  nl: both('Nederlands', 'Dutch'),
  en: both('Engels', 'English'),
};

export const UNKNOWN = both('Onbekend', 'Unknown');

export const DRIVER_NAMES: Record<string, Words> = {
  resolution_days: both('Doorlooptijd (werkdagen)', 'Resolution time (working days)'),
  first_contact_resolution: both('Direct geholpen bij het eerste contact', 'Helped at the first contact'),
  norm_breach: both('Over de norm gegaan', 'Past the norm'),
  channel: both('Kanaal', 'Channel'),
  repeat_contact: both('Herhaald contact', 'Repeat contact'),
  reopened: both('Zaak heropend', 'Case reopened'),
};

export const RESOLUTION_BANDS: Record<string, Words> = {
  '0-1': both('0 tot 1 werkdag', '0 to 1 working day'),
  '2-5': both('1 tot 5 werkdagen', '1 to 5 working days'),
  '6-10': both('5 tot 10 werkdagen', '5 to 10 working days'),
  '11-20': both('10 tot 20 werkdagen', '10 to 20 working days'),
  '21+': both('Meer dan 20 werkdagen', 'More than 20 working days'),
};
export const RESOLUTION_BAND_ORDER = Object.keys(RESOLUTION_BANDS);

export const YES_NO = { '1': both('Ja', 'Yes'), '0': both('Nee', 'No') } as Record<string, Words>;

/** Who the "yes" group of a yes/no driver is, to say "… geven gemiddeld een hoger cijfer". */
const BINARY_SUBJECT: Record<string, Words> = {
  first_contact_resolution: both(
    'Mensen die bij het eerste contact direct geholpen zijn',
    'People who were helped at the first contact',
  ),
  norm_breach: both('Mensen van wie de zaak over de norm ging', 'People whose case went past the norm'),
  repeat_contact: both('Mensen die opnieuw contact opnamen', 'People who contacted us again'),
  reopened: both('Mensen van wie de zaak is heropend', 'People whose case was reopened'),
};

export const tooFewAnswers = (n: number, min: number) =>
  both(
    `Te weinig antwoorden: ${n} van de minstens ${min} die nodig zijn. We laten hier daarom niets zien.`,
    `Too few answers: ${n} of the at least ${min} needed. So we show nothing here.`,
  );

/** "in minder dan 1 op de 100 keer" — what a p-value means, in words. */
export function chanceWords(p: number): Words {
  if (p < 0.001)
    return both(
      'Zo’n groot verschil komt door toeval in minder dan 1 op de 1.000 keer voor.',
      'A difference this large happens by chance less than 1 in 1,000 times.',
    );
  if (p < 0.01)
    return both(
      'Zo’n groot verschil komt door toeval in minder dan 1 op de 100 keer voor.',
      'A difference this large happens by chance less than 1 in 100 times.',
    );
  if (p < 0.05)
    return both(
      'Zo’n groot verschil komt door toeval in minder dan 1 op de 20 keer voor.',
      'A difference this large happens by chance less than 1 in 20 times.',
    );
  const times = Math.max(1, Math.round(1 / p));
  return times <= 1
    ? both('Zo’n verschil kan makkelijk door toeval komen.', 'A difference like this can easily be chance.')
    : both(
        `Zo’n verschil komt door toeval ongeveer 1 op de ${times} keer voor. Het kan dus goed toeval zijn.`,
        `A difference like this happens by chance about 1 in ${times} times. So it may well be chance.`,
      );
}

/** The interval "0,08 tot 0,16" of a slope, in the direction the reading speaks of. */
function interval(low: number, high: number, negative: boolean) {
  const [a, b] = negative ? [-high, -low] : [low, high];
  const fa = fmt(a);
  const fb = fmt(b);
  return { nl: `${fa.nl} tot ${fb.nl}`, en: `${fa.en} to ${fb.en}` };
}

export function numericReading(r: { slope: number; slopeLow: number; slopeHigh: number }): Words {
  const negative = r.slope < 0;
  const size = fmt(Math.abs(r.slope));
  const ci = interval(r.slopeLow, r.slopeHigh, negative);
  const clear = r.slopeLow > 0 || r.slopeHigh < 0;
  if (!clear)
    return both(
      `Er is geen duidelijk verband tussen de doorlooptijd en het cijfer: per extra werkdag gemiddeld ${size.nl} ${negative ? 'lager' : 'hoger'} (95%-betrouwbaarheid ${fmt(r.slopeLow).nl} tot ${fmt(r.slopeHigh).nl}). Dat kan ook toeval zijn.`,
      `There is no clear link between resolution time and the grade: per extra working day on average ${size.en} ${negative ? 'lower' : 'higher'} (95% confidence ${fmt(r.slopeLow).en} to ${fmt(r.slopeHigh).en}). That may also be chance.`,
    );
  return negative
    ? both(
        `Hoe langer een zaak duurt, hoe lager het cijfer: per extra werkdag gemiddeld ${size.nl} lager (95%-betrouwbaarheid ${ci.nl}).`,
        `The longer a case takes, the lower the grade: per extra working day on average ${size.en} lower (95% confidence ${ci.en}).`,
      )
    : both(
        `Hoe langer een zaak duurt, hoe hoger het cijfer: per extra werkdag gemiddeld ${size.nl} hoger (95%-betrouwbaarheid ${ci.nl}).`,
        `The longer a case takes, the higher the grade: per extra working day on average ${size.en} higher (95% confidence ${ci.en}).`,
      );
}

export function binaryReading(
  code: string,
  r: { slope: number; slopeLow: number; slopeHigh: number },
): Words {
  const subject = BINARY_SUBJECT[code] ?? DRIVER_NAMES[code]!;
  const negative = r.slope < 0;
  const size = fmt(Math.abs(r.slope));
  const clear = r.slopeLow > 0 || r.slopeHigh < 0;
  const ci = clear
    ? interval(r.slopeLow, r.slopeHigh, negative)
    : {
        nl: `${fmt(r.slopeLow).nl} tot ${fmt(r.slopeHigh).nl}`,
        en: `${fmt(r.slopeLow).en} to ${fmt(r.slopeHigh).en}`,
      };
  return both(
    `${subject.nl} geven gemiddeld een ${size.nl} ${negative ? 'lager' : 'hoger'} cijfer dan de anderen (95%-betrouwbaarheid ${ci.nl}).${clear ? '' : ' Dat verschil kan ook toeval zijn.'}`,
    `${subject.en} give on average a ${size.en} ${negative ? 'lower' : 'higher'} grade than the others (95% confidence ${ci.en}).${clear ? '' : ' That difference may be chance.'}`,
  );
}

export function channelReading(
  a: { etaSquared: number; pValue: number },
  best: { label: Words; mean: number } | null,
  worst: { label: Words; mean: number } | null,
): Words {
  const share = fmt(a.etaSquared * 100, 0);
  const extremes =
    best && worst && best !== worst
      ? {
          nl: ` Het hoogste gemiddelde: ${best.label.nl} (${fmt(best.mean, 1).nl}); het laagste: ${worst.label.nl} (${fmt(worst.mean, 1).nl}).`,
          en: ` Highest mean: ${best.label.en} (${fmt(best.mean, 1).en}); lowest: ${worst.label.en} (${fmt(worst.mean, 1).en}).`,
        }
      : { nl: '', en: '' };
  const chance = chanceWords(a.pValue);
  return both(
    `Het kanaal verklaart ${share.nl}% van de verschillen in cijfers.${extremes.nl} ${chance.nl}`,
    `The channel explains ${share.en}% of the differences in grades.${extremes.en} ${chance.en}`,
  );
}

export const MEASURE_WORDS: Record<string, Words> = {
  fcr: both('eerste keer goed', 'first-contact resolution'),
  norm_compliance: both('binnen de norm', 'within the norm'),
  grade_mean: both('gemiddeld cijfer', 'mean grade'),
  solved_share: both('opgelost volgens de persoon', 'solved according to the person'),
};

/** How the equal-treatment view tests and corrects, in plain words. */
export function methodWords(kind: 'share' | 'mean', tested: number): Words {
  const test =
    kind === 'share'
      ? both(
          'We vergelijken elke groep met alle anderen samen met een z-toets voor twee percentages.',
          'We compare each group with everybody else using a two-proportion z-test.',
        )
      : both(
          'We vergelijken elke groep met alle anderen samen met de t-toets van Welch (gemiddelden met ongelijke spreiding).',
          'We compare each group with everybody else using Welch’s t-test (means with unequal spread).',
        );
  return both(
    `${test.nl} De p-waarde zegt hoe vaak zo’n groot verschil door toeval alleen zou ontstaan. Omdat we ${tested} groepen toetsen, is de kans groter dat er één toevallig opvalt. Daarom corrigeren we met de Holm-Bonferroni-methode: de kleinste p-waarde wordt vermenigvuldigd met het aantal toetsen, de volgende met één minder, enzovoort. Een verschil is opvallend als die gecorrigeerde waarde kleiner is dan 0,05. Groepen met minder dan 10 mensen of zaken tonen we niet. Groepen of de rest met minder dan 30 toetsen we niet.`,
    `${test.en} The p-value says how often a difference this large would arise by chance alone. Because we test ${tested} groups, one may stand out by chance. So we correct with the Holm–Bonferroni method: the smallest p-value is multiplied by the number of tests, the next by one less, and so on. A difference is flagged when that corrected value is below 0.05. Groups of fewer than 10 people or cases are not shown. Groups (or the rest) under 30 are not tested.`,
  );
}

export function groupReading(
  measure: string,
  unit: 'percent' | 'grade',
  g: {
    value: number | null;
    restValue: number | null;
    test: { adjustedP: number; significant: boolean } | null;
  },
): Words {
  if (g.value === null || g.restValue === null)
    return both('Geen vergelijking mogelijk.', 'No comparison possible.');
  const m = MEASURE_WORDS[measure]!;
  const diff = g.value - g.restValue;
  const size = unit === 'percent' ? fmt(Math.abs(diff), 1) : fmt(Math.abs(diff), 2);
  const pts = unit === 'percent' ? both('procentpunt', 'percentage points') : both('punt', 'points');
  const dir = diff < 0 ? both('lager', 'lower') : both('hoger', 'higher');
  const head = both(
    `${m.nl[0]!.toUpperCase()}${m.nl.slice(1)}: ${size.nl} ${pts.nl} ${dir.nl} dan de rest.`,
    `${m.en[0]!.toUpperCase()}${m.en.slice(1)}: ${size.en} ${pts.en} ${dir.en} than the rest.`,
  );
  if (!g.test) return both(`${head.nl} Te weinig om te toetsen.`, `${head.en} Too few to test.`);
  const chance = chanceWords(g.test.adjustedP);
  return g.test.significant
    ? both(
        `${head.nl} ${chance.nl} Dit verschil valt op.`,
        `${head.en} ${chance.en} This difference stands out.`,
      )
    : both(`${head.nl} ${chance.nl}`, `${head.en} ${chance.en}`);
}

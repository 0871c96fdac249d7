import type { PublicImprovement } from '@voordeur/shared';

/**
 * "Wat we hebben verbeterd" on the public performance page (the accountability page's extension point): done
 * improvements that were published, in the words written for the public, with the effect measured when they
 * were done — in plain words, no names. Rendered only when there is at least one.
 */
const WORDS = {
  nl: {
    title: 'Wat we hebben verbeterd',
    intro:
      'Wat wij veranderden na wat deze cijfers en uw reacties ons lieten zien. We meten het effect: de weken voor de verandering tegen even veel weken erna.',
    done: (date: string) => `Klaar op ${date}`,
    effect: 'Gemeten effect',
    noEffect: 'Hiervan hebben we het effect niet in een cijfer gemeten.',
  },
  en: {
    title: 'What we have improved',
    intro:
      'What we changed after what these figures and your responses showed us. We measure the effect: the weeks before the change against as many weeks after.',
    done: (date: string) => `Done on ${date}`,
    effect: 'Measured effect',
    noEffect: 'We did not measure the effect of this one in a figure.',
  },
} as const;

const dateText = (day: string, lang: 'nl' | 'en') =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));

export function PublicImprovementsSection({
  lang,
  items,
}: {
  lang: 'nl' | 'en';
  items: PublicImprovement[];
}) {
  const w = WORDS[lang];
  return (
    <section className="vd-section" aria-labelledby="improvements-title">
      <h2 className="utrecht-heading-2" id="improvements-title">
        {w.title}
      </h2>
      <p className="utrecht-paragraph">{w.intro}</p>
      <ul className="utrecht-unordered-list">
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rendered once, in this order.
          <li key={i} className="utrecht-unordered-list__item">
            <p className="utrecht-paragraph">
              <strong>{item.summary[lang]}</strong> ({w.done(dateText(item.doneAt, lang))})
            </p>
            {item.effects.length > 0 ? (
              <>
                <p className="utrecht-paragraph">{w.effect}:</p>
                <ul className="utrecht-unordered-list">
                  {item.effects.map((e) => (
                    <li key={e.code} className="utrecht-unordered-list__item">
                      {e.explanation[lang]}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="utrecht-paragraph">{w.noEffect}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

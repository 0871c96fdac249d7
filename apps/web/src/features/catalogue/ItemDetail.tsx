import { Button } from '@utrecht/button-react';
import type { CatalogueItemDefinition, LocalText } from '@voordeur/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataList, type DataListItem } from '../../ui/DataList.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { UnorderedList, UnorderedListItem } from '../../ui/UnorderedList.tsx';
import { useCatalogueItems, useRelatedAdvice } from './api.ts';
import { type Localised, useCatalogueFormat } from './format.ts';
import { Markdown } from './Markdown.tsx';

export interface ItemDetailProps {
  definition: CatalogueItemDefinition;
  /** Id of the item's heading (it can take focus). */
  headingId: string;
  /** Outline level of the item's name; its parts get the level below. */
  level: 2 | 3;
  /** The "you can expect it on …" line, or why there is none (a preview). */
  expected?: ReactNode;
  /** Open a related item (search pane); without it related items are listed as text. */
  onOpenItem?: ((code: string) => void) | undefined;
  /** Shown in place of the item's own related codes: the advice desk and web share (`RelatedAdvice`). */
  related?: ReactNode;
}

/**
 * What staff (and, published, the public) know about a catalogue item: the name, summary and description,
 * the norms and the expected date, costs, channels, conditions, what to bring, the intake questions and
 * the related items. The search pane and the editor's preview both show this.
 */
export function ItemDetail({
  definition: def,
  headingId,
  level,
  expected,
  onOpenItem,
  related,
}: ItemDetailProps) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const sub = (level + 1) as 3 | 4;
  const name = f.local(def.name);
  const summary = f.local(def.summary);
  const norms = def.norms;

  const facts: DataListItem[] = [
    { key: 'norm', label: t('catalogue.serviceNorm'), value: f.norm(norms?.serviceNorm) },
  ];
  if (expected) facts.push({ key: 'expected', label: t('catalogue.expectedLabel'), value: expected });
  if (norms?.internalTarget)
    facts.push({ key: 'target', label: t('catalogue.internalTarget'), value: f.norm(norms.internalTarget) });
  if (norms?.legalTerm) {
    const basis = norms.legalBasis ? ` (${norms.legalBasis})` : '';
    facts.push({
      key: 'legal',
      label: t('catalogue.legalTerm'),
      value: `${f.norm(norms.legalTerm)}${basis}`,
    });
  }
  facts.push({ key: 'cost', label: t('catalogue.cost'), value: <CostText def={def} /> });
  facts.push({
    key: 'channels',
    label: t('catalogue.channels'),
    value: def.channels.map((channel) => t(`catalogue.channel.${channel}`)).join(', ') || '—',
  });
  if (def.team) facts.push({ key: 'team', label: t('catalogue.team'), value: def.team });

  return (
    <article className="vd-stack" aria-labelledby={headingId}>
      <div className="vd-stack vd-stack--tight">
        <Heading level={level} id={headingId} tabIndex={-1} lang={name.lang}>
          {name.text || def.code}
        </Heading>
        <p className="utrecht-paragraph vd-badges">
          <StatusBadge status="neutral">{t(`catalogue.kind.${def.kind}`)}</StatusBadge>{' '}
          <StatusBadge status="neutral">{t(`catalogue.audience.${def.audience}`)}</StatusBadge>
        </p>
      </div>
      {summary.text ? (
        <Paragraph appearance="lead" lang={summary.lang}>
          {summary.text}
        </Paragraph>
      ) : null}
      <LocalMarkdown text={def.description} />
      <DataList items={facts} />
      <Part level={sub} title={t('catalogue.conditions')} text={def.conditions} />
      <Part level={sub} title={t('catalogue.whatToBring')} text={def.whatToBring} />
      {def.intakeFields.length > 0 ? (
        <div className="vd-stack vd-stack--tight">
          <Heading level={sub}>{t('catalogue.intakeTitle')}</Heading>
          <IntakeList def={def} />
        </div>
      ) : null}
      {related ??
        (def.related.length > 0 ? (
          <div className="vd-stack vd-stack--tight">
            <Heading level={sub}>{t('catalogue.related')}</Heading>
            <RelatedItems codes={def.related} onOpen={onOpenItem} />
          </div>
        ) : null)}
    </article>
  );
}

function CostText({ def }: { def: CatalogueItemDefinition }) {
  const f = useCatalogueFormat();
  const note = f.local(def.costNote);
  return (
    <>
      {f.cost(def.costCents)}
      {note.text ? (
        <span className="vd-block vd-muted" lang={note.lang}>
          {note.text}
        </span>
      ) : null}
    </>
  );
}

/** A catalogue text in Markdown, in the interface language where there is a translation. */
export function LocalMarkdown({ text }: { text: LocalText | undefined }) {
  const local = useCatalogueFormat().local(text);
  return local.text ? <Markdown source={local.text} lang={local.lang} /> : null;
}

/** A titled part with Markdown text; nothing when there is no text. */
function Part({ level, title, text }: { level: 3 | 4; title: string; text: LocalText | undefined }) {
  if (!text?.nl) return null;
  return (
    <div className="vd-stack vd-stack--tight">
      <Heading level={level}>{title}</Heading>
      <LocalMarkdown text={text} />
    </div>
  );
}

function IntakeList({ def }: { def: CatalogueItemDefinition }) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  return (
    <UnorderedList>
      {def.intakeFields.map((field, index) => {
        const label = f.local(field.label);
        const help = f.local(field.help);
        const details = [
          t(`catalogue.fieldType.${field.type}`),
          field.required ? t('catalogue.required') : t('catalogue.optional'),
          field.prefill
            ? t('catalogue.prefilledFrom', { field: t(`catalogue.profile.${field.prefill}`) })
            : '',
        ].filter(Boolean);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: keys may repeat while an editor types.
          <UnorderedListItem key={index}>
            <strong lang={label.lang}>{label.text || field.key}</strong> ({details.join(', ')})
            {field.options?.length ? (
              <span className="vd-block">
                {t('catalogue.optionsList', {
                  options: field.options.map((o) => f.text(o.label)).join(', '),
                })}
              </span>
            ) : null}
            {help.text ? (
              <span className="vd-block vd-muted" lang={help.lang}>
                {help.text}
              </span>
            ) : null}
          </UnorderedListItem>
        );
      })}
    </UnorderedList>
  );
}

/**
 * "You may also need…" as the portal gives it (GET /api/related/:code, the same service): the items this one names,
 * then what people who asked for it asked next. Buttons that open them in the answer pane.
 */
export function RelatedAdvice({
  code,
  level,
  onOpen,
}: {
  code: string;
  level: 3 | 4;
  onOpen?: ((code: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const f = useCatalogueFormat();
  const advice = useRelatedAdvice(code);
  const related = advice.data?.related ?? [];
  if (!related.length) return null;
  return (
    <div className="vd-stack vd-stack--tight">
      <Heading level={level}>{t('catalogue.relatedAdvice')}</Heading>
      <ul className="vd-plain-list vd-stack vd-stack--tight">
        {related.map((r) => {
          const name = f.local(r.name);
          return (
            <li key={r.code}>
              {onOpen ? (
                <Button appearance="secondary-action-button" lang={name.lang} onClick={() => onOpen(r.code)}>
                  {name.text}
                </Button>
              ) : (
                <span lang={name.lang}>{name.text}</span>
              )}
              {r.reason === 'next' ? (
                <span className="vd-block vd-muted">{t('catalogue.relatedNext')}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Related items by name: buttons that open them (search), or a plain list (preview). */
export function RelatedItems({
  codes,
  onOpen,
}: {
  codes: string[];
  onOpen?: ((code: string) => void) | undefined;
}) {
  const f = useCatalogueFormat();
  const items = useCatalogueItems();
  const nameOf = (code: string): Localised => {
    const found = items.data?.find((item) => item.code === code);
    return found ? f.local(found.name) : { text: code, lang: undefined };
  };
  return (
    <ul className="vd-plain-list vd-stack vd-stack--tight">
      {codes.map((code) => {
        const name = nameOf(code);
        return (
          <li key={code}>
            {onOpen ? (
              <Button appearance="secondary-action-button" lang={name.lang} onClick={() => onOpen(code)}>
                {name.text}
              </Button>
            ) : (
              <span lang={name.lang}>{name.text}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

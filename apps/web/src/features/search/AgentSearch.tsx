import { Button } from '@utrecht/button-react';
import type { Audience, SearchHit } from '@voordeur/shared';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDebouncedValue } from '../../lib/useDebouncedValue.ts';
import { useEnterWhenAnswered } from '../../lib/useEnterWhenAnswered.ts';
import { cx } from '../../ui/cx.ts';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { SEARCH_MIN_LENGTH, useReportUse, useSearch } from '../catalogue/index.ts';
import { DETAIL_PANE_ID, DetailPane, type Opened } from './DetailPane.tsx';
import { suggestions } from './suggest.ts';

/** The id of the search box, to move focus to it. */
export const SEARCH_INPUT_ID = 'search-query';
const INPUT_ID = SEARCH_INPUT_ID;
const LISTBOX_ID = 'search-results';
const optionId = (index: number) => `search-result-${index}`;

/** On a narrow screen the pane sits below the results: bring it into view (focus stays in the box). */
function showPane() {
  requestAnimationFrame(() => {
    if (window.matchMedia('(max-width: 60rem)').matches)
      document.getElementById(DETAIL_PANE_ID)?.scrollIntoView({ block: 'start' });
  });
}

/** A result the agent opened: a search hit (with its id and title), or a related item (code only). */
export interface OpenedResult extends Opened {
  id: string | null;
  title: string | null;
  /** The words searched for. */
  query: string;
}

export interface AgentSearchProps {
  /** Show the "search in" and "for whom" filters (the search page does; the workspace has no room). */
  filters?: boolean;
  /** Outline level of the opened result's heading: 2 on its own page, 3 inside a section. */
  level?: 2 | 3;
  /** The box's description; the search page explains the keys in full. */
  hint?: string;
  /** Told whenever a result, or a related item, opens in the pane (the workspace records it). */
  onOpen?: (opened: OpenedResult) => void;
}

/**
 * Search for the agent: type (debounced), move through the results with the arrow keys (an ARIA
 * combobox with a listbox; focus stays in the box), Enter opens the result in the pane next to it,
 * Escape clears. The result count is announced politely; an opened result is reported once.
 * The search page shows it on its own; the workspace shows it next to the contact.
 */
export function AgentSearch({ filters = true, level = 2, hint, onOpen }: AgentSearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'' | 'item' | 'article'>('');
  const [audience, setAudience] = useState<'' | Audience>('');
  const q = useDebouncedValue(text.trim(), 200);
  const search = useSearch({ q, kind, audience });
  const result = q.length >= SEARCH_MIN_LENGTH ? search.data : undefined;
  const hits = result?.hits ?? [];
  const [active, setActive] = useState({ searchId: '', index: -1 });
  const activeIndex = result && active.searchId === result.searchId ? active.index : -1;
  const [opened, setOpened] = useState<Opened | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const reportUse = useReportUse();
  const reported = useRef(new Set<string>());

  useEffect(() => {
    if (activeIndex >= 0)
      document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const move = (step: number) => {
    if (!result || hits.length === 0) return;
    const from = activeIndex < 0 ? (step > 0 ? -1 : hits.length) : activeIndex;
    setActive({ searchId: result.searchId, index: (from + step + hits.length) % hits.length });
  };

  const open = (hit: SearchHit, index: number) => {
    if (!result) return;
    setActive({ searchId: result.searchId, index });
    setOpened({ kind: hit.kind, code: hit.code });
    onOpen?.({ kind: hit.kind, code: hit.code, id: hit.id, title: hit.title, query: q });
    setAnnouncement(t('search.opened', { title: hit.title }));
    showPane();
    const key = `${result.searchId}:${hit.kind}:${hit.id}`;
    if (!reported.current.has(key)) {
      reported.current.add(key);
      reportUse.mutate({ searchId: result.searchId, kind: hit.kind, id: hit.id });
    }
  };

  const typed = text.trim();
  // Enter opens the active result, or the first; pressed before the answer to what is typed came, it waits.
  const enter = useEnterWhenAnswered(
    typed,
    result !== undefined && !search.isPlaceholderData && typed === q,
    search.isError,
    () => {
      const index = activeIndex >= 0 ? activeIndex : 0;
      const hit = hits[index];
      if (hit) open(hit, index);
    },
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        move(event.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        event.preventDefault();
        enter();
        break;
      case 'Escape':
        if (text) {
          event.preventDefault();
          setText('');
          setActive({ searchId: '', index: -1 });
        }
        break;
    }
  };

  const expanded = hits.length > 0;
  let status = '';
  if (result && !search.isPlaceholderData) {
    status = hits.length ? t('search.count', { count: hits.length, q }) : t('search.none', { q });
  }
  const didYouMean = result && !search.isPlaceholderData ? suggestions(q, result.didYouMean) : [];

  return (
    <>
      <div className="vd-search">
        <div className="vd-stack vd-search__results">
          <div className="vd-search__filters" hidden={!filters}>
            <SelectField
              id="search-kind"
              label={t('search.kindFilter')}
              value={kind}
              onChange={(event) => setKind(event.target.value as typeof kind)}
              emptyOption={t('search.all')}
              options={[
                { value: 'item', label: t('search.kindItem') },
                { value: 'article', label: t('search.kindArticle') },
              ]}
            />
            <SelectField
              id="search-audience"
              label={t('search.audienceFilter')}
              value={audience}
              onChange={(event) => setAudience(event.target.value as typeof audience)}
              emptyOption={t('search.all')}
              options={[
                { value: 'external', label: t('catalogue.audience.external') },
                { value: 'internal', label: t('catalogue.audience.internal') },
              ]}
            />
          </div>
          <TextField
            id={INPUT_ID}
            label={t('search.label')}
            description={hint ?? t('search.hint')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={LISTBOX_ID}
            aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
          />
          <Paragraph role="status" className="vd-muted">
            {status}
          </Paragraph>
          {search.isError && q.length >= SEARCH_MIN_LENGTH ? <ErrorAlert error={search.error} /> : null}
          {didYouMean.length > 0 ? (
            <p className="utrecht-paragraph vd-search__suggest">
              {t('search.didYouMean')}{' '}
              {didYouMean.map((s) => (
                <Button
                  key={s.word}
                  appearance="subtle-button"
                  onClick={() => {
                    setText(s.query);
                    focusLater(INPUT_ID);
                  }}
                >
                  {s.word}
                </Button>
              ))}
            </p>
          ) : null}
          <div
            id={LISTBOX_ID}
            role="listbox"
            aria-label={t('search.resultsLabel')}
            className="vd-search__listbox"
            hidden={!expanded}
          >
            {hits.map((hit, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works in the search box (aria-activedescendant); this is the pointer's way in.
              // biome-ignore lint/a11y/useFocusableInteractive: options of a combobox are never focused themselves; the box keeps focus.
              <div
                key={`${hit.kind}:${hit.id}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                className={cx('vd-search__option', index === activeIndex && 'vd-search__option--active')}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => open(hit, index)}
              >
                <HitContent hit={hit} />
              </div>
            ))}
          </div>
        </div>

        <DetailPane
          opened={opened}
          level={level}
          onOpenItem={(code) => {
            setOpened({ kind: 'item', code });
            onOpen?.({ kind: 'item', code, id: null, title: null, query: q });
          }}
        />
      </div>
      <p className="vd-visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}

/** Title, kind and the snippet with the matched words marked (text only, never HTML). */
function HitContent({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const kind =
    hit.kind === 'article'
      ? t('search.kindArticle')
      : hit.itemKind
        ? t(`catalogue.kind.${hit.itemKind}`)
        : t('search.kindItem');
  return (
    <>
      <span className="vd-search__title">{hit.title}</span>
      <span className="vd-search__meta">
        {kind} ·{' '}
        {hit.audience === 'internal' ? t('catalogue.audience.internal') : t('catalogue.audience.external')}
      </span>
      <span className="vd-search__snippet">
        {hit.snippet.length
          ? hit.snippet.map((segment, i) =>
              // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their place.
              segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
            )
          : hit.summary}
      </span>
    </>
  );
}

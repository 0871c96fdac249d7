import { Button } from '@utrecht/button-react';
import type { CustomerMatch } from '@voordeur/shared';
import { FRONT_OFFICE_LIMITS } from '@voordeur/shared';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { displayPhone } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/useDebouncedValue.ts';
import { useEnterWhenAnswered } from '../../lib/useEnterWhenAnswered.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { cx } from '../../ui/cx.ts';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCustomerLookup } from './api.ts';

export const LOOKUP_INPUT_ID = 'customer-lookup';
const LISTBOX_ID = 'customer-results';
const optionId = (index: number) => `customer-result-${index}`;

export interface CustomerLookupProps {
  onSelect: (match: CustomerMatch) => void;
  onAnonymous: () => void;
  onNew: () => void;
}

/**
 * Who is it? Find-as-you-type over name, email, phone, "1234AB 12", BSN, KvK or employee number; the same
 * combobox pattern as the agent search: arrows move, Enter picks (the first match when none is active).
 */
export function CustomerLookup({ onSelect, onAnonymous, onNew }: CustomerLookupProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const lookup = useCustomerLookup(q);
  const ready = q.length >= FRONT_OFFICE_LIMITS.lookupMin;
  const matches = ready ? (lookup.data?.items ?? []) : [];
  const [active, setActive] = useState({ q: '', index: -1 });
  const activeIndex = active.q === q ? active.index : -1;
  const typed = text.trim();
  // Enter picks the active match, or the first; pressed before the answer to what is typed came, it waits.
  const enter = useEnterWhenAnswered(
    typed,
    ready && lookup.data !== undefined && !lookup.isPlaceholderData && typed === q,
    lookup.isError,
    () => {
      const match = matches[activeIndex >= 0 ? activeIndex : 0];
      if (match) onSelect(match);
    },
  );

  useEffect(() => {
    if (activeIndex >= 0)
      document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const move = (step: number) => {
    if (matches.length === 0) return;
    const from = activeIndex < 0 ? (step > 0 ? -1 : matches.length) : activeIndex;
    setActive({ q, index: (from + step + matches.length) % matches.length });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        move(event.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter': {
        event.preventDefault();
        enter();
        break;
      }
      case 'Escape':
        if (text) {
          event.preventDefault();
          setText('');
        }
        break;
    }
  };

  let status = '';
  if (ready && lookup.data && !lookup.isPlaceholderData) {
    status = matches.length
      ? t('workspace.lookup.count', { count: matches.length })
      : t('workspace.lookup.none', { q });
  }

  return (
    <div className="vd-stack">
      <TextField
        id={LOOKUP_INPUT_ID}
        label={t('workspace.lookup.label')}
        description={t('workspace.lookup.hint')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={matches.length > 0}
        aria-controls={LISTBOX_ID}
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={FRONT_OFFICE_LIMITS.lookupMax}
      />
      <Paragraph role="status" className="vd-muted">
        {status}
      </Paragraph>
      {lookup.isError && ready ? <ErrorAlert error={lookup.error} /> : null}
      <div
        id={LISTBOX_ID}
        role="listbox"
        aria-label={t('workspace.lookup.resultsLabel')}
        className="vd-search__listbox"
        hidden={matches.length === 0}
      >
        {matches.map((match, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works in the lookup box (aria-activedescendant); this is the pointer's way in.
          // biome-ignore lint/a11y/useFocusableInteractive: options of a combobox are never focused themselves; the box keeps focus.
          <div
            key={match.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={cx('vd-search__option', index === activeIndex && 'vd-search__option--active')}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onSelect(match)}
          >
            <span className="vd-search__title">
              {match.name}
              {match.confidential ? (
                <>
                  {' '}
                  <StatusBadge status="warning">{t('workspace.customer.confidential')}</StatusBadge>
                </>
              ) : null}
            </span>
            <span className="vd-search__meta">
              {[
                t(`workspace.customerKind.${match.kind}`),
                match.addressLine,
                match.phone ? displayPhone(match.phone) : null,
                match.email,
                match.bsnMasked ? t('workspace.customer.bsnShort', { bsn: match.bsnMasked }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </div>
        ))}
      </div>
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={onAnonymous}>
          {t('workspace.lookup.anonymous')} <kbd className="vd-kbd">Alt+A</kbd>
        </Button>
        <Button appearance="secondary-action-button" onClick={onNew}>
          {t('workspace.lookup.newCustomer')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

import { Button } from '@utrecht/button-react';
import type { CustomerMatch } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { focusLater } from '../../lib/focus.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { CustomerLookup, LOOKUP_INPUT_ID } from './CustomerLookup.tsx';
import { CustomerView } from './CustomerView.tsx';
import { NewCustomerForm } from './NewCustomerForm.tsx';
import type { Who } from './workspaceReducer.ts';

export interface CustomerPanelProps {
  /** Whether a contact is open: the person can only be looked up, entered or left anonymous during one. */
  open: boolean;
  who: Who;
  onWho: (who: Who) => void;
  /** The person was found, or entered as a new customer. */
  onIdentified: (customerId: string) => void;
  onAnonymous: () => void;
}

/** Who the contact is with: look them up, enter them, go on anonymously, or their 360° view. */
export function CustomerPanel({ open, who, onWho, onIdentified, onAnonymous }: CustomerPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="vd-panel vd-stack" aria-labelledby="workspace-customer">
      <Heading level={2} id="workspace-customer">
        {t('workspace.customerTitle')}
      </Heading>
      {!open && who.mode !== 'known' ? (
        <Paragraph className="vd-muted">{t('workspace.startHint')}</Paragraph>
      ) : null}
      {open && who.mode === 'lookup' ? (
        <CustomerLookup
          onSelect={(match: CustomerMatch) => onIdentified(match.id)}
          onAnonymous={onAnonymous}
          onNew={() => {
            onWho({ mode: 'new' });
            focusLater('new-customer-heading');
          }}
        />
      ) : null}
      {open && who.mode === 'new' ? (
        <NewCustomerForm
          onCreated={(created) => onIdentified(created.id)}
          onCancel={() => {
            onWho({ mode: 'lookup' });
            focusLater(LOOKUP_INPUT_ID);
          }}
        />
      ) : null}
      {open && who.mode === 'anonymous' ? (
        <div className="vd-stack vd-stack--tight">
          <Paragraph>{t('workspace.anonymous')}</Paragraph>
          <ButtonGroup>
            <Button appearance="subtle-button" onClick={() => onWho({ mode: 'lookup' })}>
              {t('workspace.identifyAfterAll')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
      {who.mode === 'known' ? (
        <>
          {open ? (
            <ButtonGroup>
              <Button appearance="subtle-button" onClick={() => onWho({ mode: 'lookup' })}>
                {t('workspace.otherCustomer')}
              </Button>
            </ButtonGroup>
          ) : null}
          <CustomerView customerId={who.id} />
        </>
      ) : null}
    </section>
  );
}

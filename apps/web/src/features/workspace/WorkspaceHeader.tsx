import { Button } from '@utrecht/button-react';
import { CHANNELS, type Channel, type Contact } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';

export const NEW_CONTACT_ID = 'workspace-new-contact';

export interface WorkspaceHeaderProps {
  channel: Channel;
  onChannel: (channel: Channel) => void;
  onNewContact: () => void;
  /** A contact is being started. */
  starting: boolean;
  contact: Contact | null;
  /** Still asking the server for an open contact to go on with. */
  resuming: boolean;
}

/** The page's heading, the channel and the button that starts a contact, and whether one is open. */
export function WorkspaceHeader({
  channel,
  onChannel,
  onNewContact,
  starting,
  contact,
  resuming,
}: WorkspaceHeaderProps) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="vd-workspace__header">
      <Heading level={1}>{t('workspace.title')}</Heading>
      <div className="vd-workspace__start">
        <SelectField
          id="workspace-channel"
          label={t('workspace.channel')}
          value={channel}
          onChange={(event) => onChannel(event.target.value as Channel)}
          options={CHANNELS.map((value) => ({ value, label: t(`catalogue.channel.${value}`) }))}
        />
        <Button id={NEW_CONTACT_ID} appearance="primary-action-button" onClick={onNewContact} busy={starting}>
          {t('workspace.newContact')} <kbd className="vd-kbd">Alt+N</kbd>
        </Button>
      </div>
      <Paragraph className="vd-workspace__state">
        {contact
          ? t('workspace.contactOpen', {
              channel: t(`catalogue.channel.${contact.channel}`),
              time: f.dateTime(contact.startedAt),
            })
          : resuming
            ? t('app.loading')
            : t('workspace.noContactOpen')}
      </Paragraph>
    </div>
  );
}

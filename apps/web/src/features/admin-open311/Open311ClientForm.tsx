import { OPEN311_LIMITS, open311ClientCreateSchema } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useForm } from '../../lib/useForm.ts';
import { Section } from '../../ui/Section.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCreateOpen311Client } from './api.ts';

type Created = Awaited<ReturnType<ReturnType<typeof useCreateOpen311Client>['mutateAsync']>>;

/** Let an app in: its name and who to contact about it. */
export function Open311ClientForm({ onCreated }: { onCreated: (client: Created) => void }) {
  const { t } = useTranslation();
  const create = useCreateOpen311Client();
  const form = useForm<{ name: string; contact: string }>(
    { name: '', contact: '' },
    {
      name: { id: 'open311-name', label: t('open311Clients.name') },
      contact: { id: 'open311-contact', label: t('open311Clients.contact') },
    },
  );

  const onSubmit = form.submit(() => {
    const data = form.validate(open311ClientCreateSchema.safeParse(form.values));
    if (!data) return;
    create.mutate(data, {
      onSuccess: (client) => {
        form.reset();
        onCreated(client);
      },
      onError: form.onError,
    });
  });

  return (
    <Section headingId="open311-create-heading" title={t('open311Clients.createTitle')} panel>
      <FormErrorAlert form={form} error={create.error} />
      <form className="vd-form" onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('name')}
          maxLength={OPEN311_LIMITS.clientNameMax}
          autoComplete="off"
          required
          description={t('open311Clients.nameHint')}
        />
        <TextField
          {...form.field('contact')}
          maxLength={OPEN311_LIMITS.clientContactMax}
          autoComplete="off"
          optional
          description={t('open311Clients.contactHint')}
        />
        <div>
          <SubmitButton busy={create.isPending}>{t('open311Clients.createSubmit')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

import {
  LIMITS,
  TEAM_KINDS,
  type Team,
  type TeamKind,
  teamCreateSchema,
  teamUpdateSchema,
} from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { EditorPanel } from '../../lib/EditorPanel.tsx';
import { useForm } from '../../lib/useForm.ts';
import type { EditorFormProps } from '../../lib/useListEditor.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCreateTeam, useUpdateTeam } from './api.ts';

export interface TeamFormProps extends EditorFormProps<Team> {
  /** The team to edit; absent to create a new one. */
  team?: Team;
}

/** Create or edit a team. Edits send the version they started from (optimistic locking). */
export function TeamForm({ team, onDone, ...panel }: TeamFormProps) {
  const { t } = useTranslation();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const prefix = team ? `team-edit-${team.id}` : 'team-create';
  const form = useForm<{ name: string; kind: TeamKind | ''; description: string }>(
    { name: team?.name ?? '', kind: team?.kind ?? '', description: team?.description ?? '' },
    {
      name: { id: `${prefix}-name`, label: t('teams.name') },
      kind: { id: `${prefix}-kind`, label: t('teams.kind') },
      description: { id: `${prefix}-description`, label: t('teams.description') },
    },
  );

  const onSubmit = form.submit(() => {
    const { name, kind, description } = form.values;
    const callbacks = { onSuccess: onDone, onError: form.onError };
    if (team) {
      const data = form.validate(
        teamUpdateSchema.safeParse({ name, kind, description, version: team.version }),
      );
      if (data) update.mutate({ id: team.id, ...data }, callbacks);
    } else {
      const data = form.validate(teamCreateSchema.safeParse({ name, kind, description }));
      if (data) create.mutate(data, callbacks);
    }
  });

  return (
    <EditorPanel
      {...panel}
      title={team ? t('teams.editTitle', { name: team.name }) : t('teams.createTitle')}
      form={form}
      mutation={team ? update : create}
      onSubmit={onSubmit}
      submitLabel={team ? t('common.save') : t('teams.createSubmit')}
    >
      <TextField {...form.field('name')} maxLength={LIMITS.nameMax} autoComplete="off" required />
      <SelectField
        {...form.field('kind')}
        emptyOption={t('common.choose')}
        options={TEAM_KINDS.map((value) => ({ value, label: t(`teamKinds.${value}`) }))}
        required
      />
      <TextareaField {...form.field('description')} optional maxLength={LIMITS.descriptionMax} rows={3} />
    </EditorPanel>
  );
}

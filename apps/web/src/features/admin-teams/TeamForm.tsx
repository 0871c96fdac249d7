import { Button } from '@utrecht/button-react';
import {
  LIMITS,
  TEAM_KINDS,
  type Team,
  type TeamKind,
  teamCreateSchema,
  teamUpdateSchema,
} from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { type FieldErrors, issuesToFieldErrors, problemFieldErrors } from '../../app/fieldErrors.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCreateTeam, useUpdateTeam } from './api.ts';

export interface TeamFormProps {
  /** The team to edit; absent to create a new one. */
  team?: Team;
  headingId: string;
  onDone: (team: Team) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** Create or edit a team. Edits send the version they started from (optimistic locking). */
export function TeamForm({ team, headingId, onDone, onCancel, onReload }: TeamFormProps) {
  const { t } = useTranslation();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const mutation = team ? update : create;
  const [name, setName] = useState(team?.name ?? '');
  const [kind, setKind] = useState<TeamKind | ''>(team?.kind ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const prefix = team ? `team-edit-${team.id}` : 'team-create';

  const fields = {
    name: { id: `${prefix}-name`, label: t('teams.name') },
    kind: { id: `${prefix}-kind`, label: t('teams.kind') },
    description: { id: `${prefix}-description`, label: t('teams.description') },
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const onError = (error: unknown) => setErrors(problemFieldErrors(error, t));
    if (team) {
      const parsed = teamUpdateSchema.safeParse({ name, kind, description, version: team.version });
      if (!parsed.success) return setErrors(issuesToFieldErrors(parsed.error.issues, t));
      setErrors({});
      update.mutate({ id: team.id, ...parsed.data }, { onSuccess: onDone, onError });
    } else {
      const parsed = teamCreateSchema.safeParse({ name, kind, description });
      if (!parsed.success) return setErrors(issuesToFieldErrors(parsed.error.issues, t));
      setErrors({});
      create.mutate(parsed.data, { onSuccess: onDone, onError });
    }
  };

  const conflict = isApiError(mutation.error) && mutation.error.code === 'version_conflict';

  return (
    <section className="vd-panel vd-stack" aria-labelledby={headingId}>
      <Heading level={2} id={headingId} tabIndex={-1}>
        {team ? t('teams.editTitle', { name: team.name }) : t('teams.createTitle')}
      </Heading>
      <ErrorAlert key={attempt} error={mutation.error ?? undefined} fieldErrors={errors} fields={fields} />
      {conflict ? (
        <div>
          <Button appearance="secondary-action-button" onClick={onReload}>
            {t('common.reload')}
          </Button>
        </div>
      ) : null}
      <form className="vd-form" onSubmit={onSubmit} noValidate>
        <TextField
          id={fields.name.id}
          label={fields.name.label}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          maxLength={LIMITS.nameMax}
          autoComplete="off"
          required
        />
        <SelectField
          id={fields.kind.id}
          label={fields.kind.label}
          value={kind}
          onChange={(event) => setKind(event.target.value as TeamKind | '')}
          error={errors.kind}
          required
        >
          <option value="" disabled>
            {t('common.choose')}
          </option>
          {TEAM_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`teamKinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextareaField
          id={fields.description.id}
          label={
            <>
              {fields.description.label} <span className="vd-muted">{t('common.optional')}</span>
            </>
          }
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={errors.description}
          maxLength={LIMITS.descriptionMax}
          rows={3}
        />
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={mutation.isPending}
            disabled={mutation.isPending}
          >
            {team ? t('common.save') : t('teams.createSubmit')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

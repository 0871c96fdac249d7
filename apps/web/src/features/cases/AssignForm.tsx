import { worksCases } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { ActionForm, type ActionProps, failWith } from './actionKit.tsx';
import { useAssign, useAssignees, useCase } from './api.ts';

/** "Toewijzen aan…" on the case page (team leads, administrators): a colleague of the case's team, or nobody. */
export function AssignForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const users = useAssignees(true);
  const assign = useAssign();
  const reload = useCase(current.id);
  const form = useForm(
    { assigneeId: '' },
    { assigneeId: { id: 'case-assign-to', label: t('cases.assign.to') } },
  );
  const inTeam = (users.data ?? []).filter((user) =>
    worksCases(user.memberships, (teamId) => teamId === current.team?.id),
  );
  const others = (users.data ?? []).filter((user) => !inTeam.includes(user) && worksCases(user.memberships));
  const onSubmit = form.submit(() => {
    const choice = form.values.assigneeId;
    if (!form.report(choice ? {} : { assigneeId: t('validation.choose') })) return;
    const assigneeId = choice === 'nobody' ? null : choice;
    assign.mutate(
      { cases: [{ id: current.id, version: current.version }], assigneeId },
      {
        onSuccess: async () => {
          form.reset();
          await reload.refetch();
          const name = (users.data ?? []).find((user) => user.id === assigneeId)?.name;
          onDone(name ? t('cases.assign.done', { name }) : t('cases.assign.released'));
        },
        onError: (error) => failWith(error, t, form.report, onConflict),
      },
    );
  });
  const option = (user: (typeof inTeam)[number]) => (
    <option key={user.id} value={user.id}>
      {user.name}
    </option>
  );
  return (
    <ActionForm summary="case-assign" form={form} error={assign.error} onSubmit={onSubmit}>
      <SelectField {...form.field('assigneeId')} emptyOption={t('common.choose')} required>
        <option value="nobody">{t('queue.nobody')}</option>
        {inTeam.length ? (
          <optgroup label={current.team?.name ?? t('cases.assign.team')}>{inTeam.map(option)}</optgroup>
        ) : null}
        {others.length ? <optgroup label={t('cases.assign.others')}>{others.map(option)}</optgroup> : null}
      </SelectField>
      <ButtonGroup>
        <SubmitButton busy={assign.isPending}>{t('cases.assign.submit')}</SubmitButton>
      </ButtonGroup>
    </ActionForm>
  );
}

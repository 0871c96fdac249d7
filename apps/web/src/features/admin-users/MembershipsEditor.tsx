import { Button } from '@utrecht/button-react';
import type { Role, Team } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { focusLater } from '../../lib/focus.ts';
import { roleOptions } from '../../lib/options.ts';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';

/** One row of the editor; `key` keeps React's identity stable while rows come and go. */
export interface MembershipRow {
  key: string;
  teamId: string;
  role: Role | '';
}

let nextKey = 0;
export const newMembershipRow = (teamId = '', role: Role | '' = ''): MembershipRow => ({
  key: `m${++nextKey}`,
  teamId,
  role,
});

export const membershipFieldId = (prefix: string, index: number, field: 'teamId' | 'role') =>
  `${prefix}-membership-${index}-${field}`;

/**
 * Check the rows: each needs a team and a role, and no pair may appear twice. Errors are keyed
 * like the API's (`memberships.0.teamId`).
 */
export function validateMemberships(rows: MembershipRow[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (!row.teamId) errors[`memberships.${index}.teamId`] = t('validation.choose');
    if (!row.role) errors[`memberships.${index}.role`] = t('validation.choose');
    const pair = `${row.teamId}:${row.role}`;
    if (row.teamId && row.role && seen.has(pair))
      errors[`memberships.${index}.role`] = t('validation.duplicateMembership');
    seen.add(pair);
  });
  return errors;
}

/** Labels and ids of the membership fields, for the error summary. */
export function membershipFields(prefix: string, rows: MembershipRow[], t: TFunction) {
  const legend = (n: number) => t('users.membershipLegend', { n });
  const fields: Record<string, { label: string; id: string }> = {};
  rows.forEach((_, index) => {
    fields[`memberships.${index}.teamId`] = {
      id: membershipFieldId(prefix, index, 'teamId'),
      label: `${legend(index + 1)}, ${t('users.team')}`,
    };
    fields[`memberships.${index}.role`] = {
      id: membershipFieldId(prefix, index, 'role'),
      label: `${legend(index + 1)}, ${t('users.role')}`,
    };
  });
  return fields;
}

export interface MembershipsEditorProps {
  /** Prefix for control ids, unique per form. */
  idPrefix: string;
  rows: MembershipRow[];
  onChange: (rows: MembershipRow[]) => void;
  teams: Team[];
  errors: FieldErrors;
}

/**
 * Team + role rows. Each row is a fieldset ("Membership 1") with a team select, a role select
 * and a remove button; rows can be added and removed with the keyboard, focus follows.
 */
export function MembershipsEditor({ idPrefix, rows, onChange, teams, errors }: MembershipsEditorProps) {
  const { t } = useTranslation();
  const addId = `${idPrefix}-membership-add`;

  const update = (index: number, patch: Partial<MembershipRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const add = () => {
    onChange([...rows, newMembershipRow()]);
    focusLater(membershipFieldId(idPrefix, rows.length, 'teamId'));
  };

  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    focusLater(addId);
  };

  return (
    <fieldset
      className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset vd-fieldset"
      aria-describedby={`${idPrefix}-memberships-hint`}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {t('users.membershipsLegend')}
      </legend>
      <Paragraph id={`${idPrefix}-memberships-hint`} className="vd-muted">
        {t('users.membershipsHint')}
      </Paragraph>
      {teams.length === 0 ? <Paragraph>{t('users.noTeams')}</Paragraph> : null}
      {rows.length === 0 && teams.length > 0 ? <Paragraph>{t('users.noMemberships')}</Paragraph> : null}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <fieldset key={row.key} className="vd-membership">
            <legend className="vd-membership__legend">{t('users.membershipLegend', { n })}</legend>
            <div className="vd-membership__fields">
              <SelectField
                id={membershipFieldId(idPrefix, index, 'teamId')}
                label={t('users.team')}
                value={row.teamId}
                onChange={(event) => update(index, { teamId: event.target.value })}
                error={errors[`memberships.${index}.teamId`]}
                emptyOption={t('users.chooseTeam')}
                options={teams.map((team) => ({ value: team.id, label: team.name }))}
                required
              />
              <SelectField
                id={membershipFieldId(idPrefix, index, 'role')}
                label={t('users.role')}
                value={row.role}
                onChange={(event) => update(index, { role: event.target.value as Role | '' })}
                error={errors[`memberships.${index}.role`]}
                emptyOption={t('common.choose')}
                options={roleOptions(t)}
                required
              />
              <div className="vd-membership__remove">
                <Button
                  appearance="secondary-action-button"
                  aria-label={t('users.removeMembership', { n })}
                  onClick={() => remove(index)}
                >
                  {t('common.remove')}
                </Button>
              </div>
            </div>
          </fieldset>
        );
      })}
      {teams.length > 0 ? (
        <div>
          <Button id={addId} appearance="secondary-action-button" onClick={add}>
            {t('users.addMembership')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}

import { Button } from '@utrecht/button-react';
import { IDEA_LIMITS, IDEA_STAGES } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { intlLocale } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import { type IdeaSummary, useCreateIdea, useIdeas } from './api.ts';

/** The ideas board: every idea by stage (idea → experiment → pilot → rollout, or stopped), and a form to add one. */
export function IdeasPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('ideas.title'));
  const ideas = useIdeas();
  const mayManage = useCan('manageIdeas');
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('ideas.title')} intro={t('ideas.intro')} />
      <ExcellenceNav />
      {ideas.isError ? <ErrorAlert error={ideas.error} /> : null}
      {ideas.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {ideas.data
        ? IDEA_STAGES.map((stage) => (
            <StageSection key={stage} stage={stage} ideas={ideas.data.filter((i) => i.stage === stage)} />
          ))
        : null}
      {mayManage ? <CreateSection /> : null}
    </div>
  );
}

function StageSection({ stage, ideas }: { stage: (typeof IDEA_STAGES)[number]; ideas: IdeaSummary[] }) {
  const { t, i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return (
    <Section headingId={`ideas-stage-${stage}`} title={`${t(`ideas.stage.${stage}`)} (${ideas.length})`}>
      {ideas.length === 0 ? (
        <Paragraph>{t('ideas.noneInStage')}</Paragraph>
      ) : (
        <Table caption={t('ideas.stageCaption', { stage: t(`ideas.stage.${stage}`) })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('ideas.idea')}</TableHeaderCell>
              <TableHeaderCell>{t('ideas.owner')}</TableHeaderCell>
              <TableHeaderCell>{t('ideas.proposedBy')}</TableHeaderCell>
              <TableHeaderCell>{t('ideas.since')}</TableHeaderCell>
              <TableHeaderCell>{t('ideas.comments')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ideas.map((i) => (
              <TableRow key={i.id}>
                <TableHeaderCell scope="row">
                  <Link className="utrecht-link" to={`/excellence/ideas/${i.id}`}>
                    {i.title}
                  </Link>
                  {i.published ? <span className="vd-muted"> · {t('ideas.public')}</span> : null}
                </TableHeaderCell>
                <TableCell>{i.ownerName}</TableCell>
                <TableCell>
                  {i.proposedByKind === 'resident' ? t('ideas.aResident') : (i.proposedByName ?? '—')}
                </TableCell>
                <TableCell>{day.format(new Date(i.stageSince))}</TableCell>
                <TableCell>
                  {i.pendingComments > 0 ? t('ideas.pending', { count: i.pendingComments }) : '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

const CREATE_ERRORS = 'idea-create-errors';

function CreateSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const create = useCreateIdea();
  const navigate = useNavigate();
  const [resident, setResident] = useState(false);
  const form = useForm(
    { title: '', description: '' },
    {
      title: { id: 'idea-title', label: t('ideas.titleField') },
      description: { id: 'idea-description', label: t('ideas.description') },
    },
  );
  return (
    <Section headingId="idea-create-heading" title={t('ideas.createTitle')} panel>
      <Paragraph>{t('ideas.createIntro')}</Paragraph>
      <FormErrorAlert form={form} error={create.error ?? undefined} id={CREATE_ERRORS} />
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          const title = form.values.title.trim();
          const description = form.values.description.trim();
          const errors: Record<string, string> = {};
          if (!title) errors.title = t('validation.required');
          else if (title.length > IDEA_LIMITS.titleMax)
            errors.title = t('ideas.tooLong', { max: IDEA_LIMITS.titleMax });
          if (!description) errors.description = t('validation.required');
          else if (description.length > IDEA_LIMITS.descriptionMax)
            errors.description = t('ideas.tooLong', { max: IDEA_LIMITS.descriptionMax });
          if (!form.report(errors)) {
            focusLater(CREATE_ERRORS);
            return;
          }
          create.mutate(
            { title, description, ownerId: me.id, proposedByKind: resident ? 'resident' : 'staff' },
            {
              onSuccess: (idea) => navigate(`/excellence/ideas/${idea.id}`),
              onError: (error) => {
                form.onError(error);
                focusLater(CREATE_ERRORS);
              },
            },
          );
        })}
      >
        <TextField {...form.field('title')} />
        <TextareaField {...form.field('description')} rows={5} description={t('ideas.descriptionHint')} />
        <CheckboxField
          id="idea-resident"
          label={t('ideas.fromResident')}
          checked={resident}
          onChange={(event) => setResident(event.target.checked)}
        />
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={create.isPending}
            disabled={create.isPending}
          >
            {t('ideas.create')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

import { Button } from '@utrecht/button-react';
import type { CatalogueItem, CatalogueItemDefinition } from '@voordeur/shared';
import { type MouseEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { EditorPanel, editorErrorsId } from '../../lib/EditorPanel.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import {
  ItemDetail,
  useCatalogueFormat,
  useCatalogueItem,
  useItemAction,
  useSaveDraft,
} from '../catalogue/index.ts';
import { apiErrors } from './apiErrors.ts';
import {
  attachErrors,
  buildDefinition,
  checkDefinition,
  type EditorState,
  editorFields,
  toEditorState,
} from './definitionForm.ts';
import { GeneralFields, NormsFields } from './GeneralFields.tsx';
import { IntakeFieldsEditor } from './IntakeFieldsEditor.tsx';
import { ItemBadges } from './ItemBadges.tsx';
import { WorkflowEditor } from './WorkflowEditor.tsx';
import { WorkflowView } from './WorkflowView.tsx';

const NOTICE_ID = 'catalogue-item-notice';
const HEADING_ID = 'cat-editor-heading';
/** The form is long: after a failed save, focus goes to the list of errors at its top. */
const showErrors = () => focusLater(editorErrorsId(HEADING_ID));

/** An in-page link that moves focus itself (the router never sees a hash; the heading takes focus). */
const jumpTo = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'start' });
};

/** The definition an editor starts from: the draft when there is one, else what is published. */
const currentDefinition = (item: CatalogueItem) => item.draft?.definition ?? item.published?.definition;

/**
 * One catalogue item. Administrators edit its draft (general, intake form, workflow, norms), see a live
 * preview, save, publish and retire it; managers and quality officers read it. What is offered is the item's
 * `abilities` from the API (the checks its actions make), never derived here from roles or state.
 */
export function CatalogueItemPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const location = useLocation();
  const item = useCatalogueItem(code);
  const canEdit = item.data?.abilities.saveDraft ?? false;
  const f = useCatalogueFormat();
  const [reloads, setReloads] = useState(0);
  const definition = item.data ? currentDefinition(item.data) : undefined;
  const title = definition ? f.text(definition.name) : code;
  useDocumentTitle(title);
  const created = (location.state as { created?: boolean } | null)?.created === true;

  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={title} intro={t('catalogueAdmin.itemIntro', { code })}>
        {item.data ? <ItemBadges item={item.data} /> : null}
        <Paragraph>
          <Link className="utrecht-link utrecht-link--html-a" to="/admin/catalogue">
            {t('catalogueAdmin.backToList')}
          </Link>
        </Paragraph>
      </PageIntro>
      {item.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {item.isError ? <ErrorAlert error={item.error} /> : null}
      {item.data && definition && canEdit ? (
        <ItemEditor
          key={`${item.data.id}:${reloads}`}
          item={item.data}
          definition={definition}
          initialNotice={created ? t('catalogueAdmin.created') : null}
          onReload={async () => {
            await item.refetch();
            setReloads((n) => n + 1);
          }}
        />
      ) : null}
      {item.data && definition && !canEdit ? (
        <>
          <Paragraph>{t('catalogueAdmin.readOnly')}</Paragraph>
          <Section headingId="cat-view-heading" title={t('catalogueAdmin.viewTitle')} panel>
            <ItemDetail definition={definition} headingId="cat-view-name" level={3} />
          </Section>
          <WorkflowView definition={definition} />
        </>
      ) : null}
    </div>
  );
}

interface ItemEditorProps {
  item: CatalogueItem;
  definition: CatalogueItemDefinition;
  initialNotice: string | null;
  onReload: () => Promise<void>;
}

function ItemEditor({ item, definition, initialNotice, onReload }: ItemEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveDraft();
  const publish = useItemAction('publish');
  const retire = useItemAction('retire');
  const [start] = useState(() => toEditorState(definition));
  const [rows, setRows] = useState({
    channels: start.channels,
    intake: start.intake,
    statuses: start.statuses,
    transitions: start.transitions,
  });
  const [notice, setNotice] = useState(initialNotice);
  const [confirmRetire, setConfirmRetire] = useState(false);
  const intent = useRef<'save' | 'publish'>('save');

  const fields = editorFields(rows, t);
  const form = useForm(start.values, fields);
  const state: EditorState = { code: start.code, values: form.values, ...rows };
  const built = buildDefinition(state);
  const snapshot = JSON.stringify(built);
  const [saved, setSaved] = useState(snapshot);

  // Save, publish and retire share one alert: it shows the error of whichever of them failed last (each is reset
  // when the form is sent again).
  const failure = [save, publish, retire].find((m) => m.isError)?.error ?? null;
  const fail = (error: unknown) => {
    form.report(attachErrors(apiErrors(error, t), fields));
    showErrors();
  };
  const published = (next: CatalogueItem) =>
    setNotice(t('catalogueAdmin.published', { n: next.published?.number ?? '' }));
  const publishNow = (version: number) =>
    publish.mutate({ code: item.code, version }, { onSuccess: published, onError: fail });

  const onSubmit = form.submit(() => {
    const publishAfter = intent.current === 'publish';
    intent.current = 'save';
    setNotice(null);
    for (const m of [save, publish, retire]) m.reset();
    const checked = checkDefinition(built, t);
    if (!form.report(attachErrors(checked.errors ?? {}, fields)) || !checked.data) {
      showErrors();
      return;
    }
    // Nothing changed and the draft may be published as it is: publish it; otherwise save first.
    if (publishAfter && snapshot === saved && item.abilities.publish) {
      publishNow(item.version);
      return;
    }
    save.mutate(
      { definition: checked.data, version: item.version },
      {
        onSuccess: (next) => {
          setSaved(snapshot);
          if (publishAfter) publishNow(next.version);
          else setNotice(t('catalogueAdmin.saved'));
        },
        onError: fail,
      },
    );
  });

  const onRetire = () => {
    for (const m of [save, publish]) m.reset();
    retire.mutate(
      { code: item.code, version: item.version },
      {
        onSuccess: () => {
          setConfirmRetire(false);
          setNotice(t('catalogueAdmin.retired'));
          // The retire button is gone: focus goes to the message instead of getting lost.
          focusLater(NOTICE_ID);
        },
        onError: (error) => {
          setConfirmRetire(false);
          fail(error);
        },
      },
    );
  };

  const busy = save.isPending || publish.isPending || retire.isPending;
  return (
    <>
      {notice ? <Notice id={NOTICE_ID}>{notice}</Notice> : null}
      <Paragraph className={snapshot === saved ? 'vd-visually-hidden' : 'vd-muted'} role="status">
        {snapshot === saved ? '' : t('catalogueAdmin.unsaved')}
      </Paragraph>
      <EditorPanel
        headingId={HEADING_ID}
        title={t('catalogueAdmin.editTitle')}
        form={form}
        mutation={{ error: failure, isPending: save.isPending }}
        onSubmit={onSubmit}
        submitLabel={t('catalogueAdmin.saveDraft')}
        onCancel={() => navigate('/admin/catalogue')}
        onReload={() => void onReload()}
        wide
        actions={
          <>
            <Button
              type="submit"
              appearance="secondary-action-button"
              busy={publish.isPending}
              disabled={busy}
              onClick={() => {
                intent.current = 'publish';
              }}
            >
              {t('catalogueAdmin.publish')}
            </Button>
            {item.abilities.retire ? (
              <Button
                appearance="secondary-action-button"
                hint="danger"
                disabled={busy}
                onClick={() => setConfirmRetire(true)}
              >
                {t('catalogueAdmin.retire')}
              </Button>
            ) : null}
          </>
        }
      >
        <nav aria-label={t('catalogueAdmin.partsLabel')}>
          <ul className="vd-inline-links">
            {(['general', 'intake', 'workflow', 'norms', 'preview'] as const).map((part) => (
              <li key={part}>
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={`#cat-${part}-heading`}
                  onClick={jumpTo(`cat-${part}-heading`)}
                >
                  {t(`catalogueAdmin.parts.${part}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <GeneralFields
          field={form.field}
          channels={rows.channels}
          onChannels={(channels) => setRows((r) => ({ ...r, channels }))}
          channelsError={form.errors.channels}
        />
        <IntakeFieldsEditor
          rows={rows.intake}
          onChange={(intake) => setRows((r) => ({ ...r, intake }))}
          errors={form.errors}
        />
        <WorkflowEditor
          statuses={rows.statuses}
          transitions={rows.transitions}
          onChange={(statuses, transitions) => setRows((r) => ({ ...r, statuses, transitions }))}
          errors={form.errors}
        />
        <NormsFields field={form.field} />
      </EditorPanel>
      <Section headingId="cat-preview-heading" title={t('catalogueAdmin.previewTitle')} panel focusHeading>
        <Paragraph className="vd-muted">{t('catalogueAdmin.previewIntro')}</Paragraph>
        <ItemDetail
          definition={built}
          headingId="cat-preview-name"
          level={3}
          expected={t('catalogueAdmin.previewExpected')}
        />
      </Section>
      <ConfirmDialog
        open={confirmRetire}
        title={t('catalogueAdmin.retireTitle', { name: built.name.nl || item.code })}
        confirmLabel={t('catalogueAdmin.retireConfirm')}
        cancelLabel={t('common.cancel')}
        busy={retire.isPending}
        onConfirm={onRetire}
        onCancel={() => setConfirmRetire(false)}
      >
        <Paragraph>{t('catalogueAdmin.retireText')}</Paragraph>
      </ConfirmDialog>
    </>
  );
}

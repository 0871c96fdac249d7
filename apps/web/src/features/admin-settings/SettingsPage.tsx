import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Permission, useCan } from '../../lib/access.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';

/** The settings pages, each for the roles that may change it. */
export const SETTINGS_PAGES = [
  { to: '/admin/settings/case', key: 'caseSettings', permission: 'manageCaseSettings' },
  { to: '/admin/settings/templates', key: 'templates', permission: 'editTemplates' },
  { to: '/admin/settings/front-office', key: 'frontOffice', permission: 'manageFrontOfficeSettings' },
  { to: '/admin/settings/webhooks', key: 'webhooks', permission: 'manageWebhooks' },
  { to: '/admin/settings/open311', key: 'open311', permission: 'manageOpen311Clients' },
  { to: '/admin/settings/surveys', key: 'surveys', permission: 'manageSurveys' },
] as const satisfies readonly { to: string; key: string; permission: Permission }[];

/** The link from a settings page back to the overview. */
export function BackToSettings() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link className="utrecht-link utrecht-link--html-a" to="/admin/settings">
        {t('adminSettings.back')}
      </Link>
    </Paragraph>
  );
}

/** The way to the settings: one link with a line of explanation per page the user may change. */
export function SettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminSettings.title'));
  const allowed = {
    manageCaseSettings: useCan('manageCaseSettings'),
    editTemplates: useCan('editTemplates'),
    manageFrontOfficeSettings: useCan('manageFrontOfficeSettings'),
    manageWebhooks: useCan('manageWebhooks'),
    manageOpen311Clients: useCan('manageOpen311Clients'),
    manageSurveys: useCan('manageSurveys'),
  };
  const pages = SETTINGS_PAGES.filter((page) => allowed[page.permission]);
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('adminSettings.title')} intro={t('adminSettings.intro')} />
      <ul className="vd-settings-list">
        {pages.map((page) => (
          <li key={page.to} className="vd-stack vd-stack--tight">
            <Link className="utrecht-link utrecht-link--html-a vd-settings-list__link" to={page.to}>
              {t(`adminSettings.${page.key}.title`)}
            </Link>
            <Paragraph>{t(`adminSettings.${page.key}.summary`)}</Paragraph>
          </li>
        ))}
      </ul>
    </div>
  );
}

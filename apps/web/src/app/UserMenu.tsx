import { Button } from '@utrecht/button-react';
import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signInHref, useLogout } from '../features/auth/index.ts';
import { useCurrentUser } from '../lib/CurrentUser.tsx';
import { LanguageSwitch } from '../lib/LanguageSwitch.tsx';
import { VisuallyHidden } from '../ui/VisuallyHidden.tsx';

/**
 * The user menu: a disclosure button (aria-expanded) that shows who is signed in, a link to
 * My account, the language switch and Log out. Escape closes it and returns focus to the
 * button; clicking or tabbing outside closes it too.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null;
    if (next && !containerRef.current?.contains(next)) setOpen(false);
  };

  const onLogout = () => {
    logout.mutate(undefined, {
      onSettled: () => window.location.replace(signInHref({ reason: 'loggedOut' })),
    });
  };

  const roles = me.roles.map((role) => t(`roles.${role}`)).join(', ');

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keydown/blur only listen for Escape and focus leaving the menu; the controls inside are buttons and links.
    <div className="vd-user-menu" ref={containerRef} onKeyDown={onKeyDown} onBlur={onBlur}>
      <Button
        ref={buttonRef}
        appearance="secondary-action-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="vd-user-menu__button"
      >
        <VisuallyHidden>{t('userMenu.button')}: </VisuallyHidden>
        <span>{me.name}</span>
        <span aria-hidden="true" className="vd-user-menu__chevron">
          {open ? '▴' : '▾'}
        </span>
      </Button>
      <div id={panelId} className="vd-user-menu__panel" hidden={!open}>
        <p className="utrecht-paragraph utrecht-paragraph--small vd-muted">{t('userMenu.signedInAs')}</p>
        <p className="utrecht-paragraph vd-user-menu__identity">
          <strong>{me.name}</strong>
          <br />
          <span className="vd-break">{me.email}</span>
        </p>
        <p className="utrecht-paragraph utrecht-paragraph--small">
          {t('userMenu.roles')}: {roles || t('userMenu.noRoles')}
        </p>
        <ul className="vd-user-menu__list">
          <li>
            <Link className="utrecht-link utrecht-link--html-a" to="/account" onClick={() => setOpen(false)}>
              {t('userMenu.account')}
            </Link>
          </li>
        </ul>
        <LanguageSwitch saveToProfile />
        <Button
          appearance="secondary-action-button"
          onClick={onLogout}
          busy={logout.isPending}
          className="vd-user-menu__logout"
        >
          {logout.isPending ? t('userMenu.loggingOut') : t('userMenu.logout')}
        </Button>
      </div>
    </div>
  );
}

import { Button } from '@utrecht/button-react';
import { LOCALES, type Locale } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { applyLocale, currentLocale } from '../i18n/index.ts';
import { useSaveLocale } from './session.ts';

export interface LanguageSwitchProps {
  /** Also save the choice in the signed-in user's profile. */
  saveToProfile?: boolean;
}

/**
 * Two toggle buttons, each named in its own language ("Nederlands", "English"), the current
 * one pressed. The choice is remembered in this browser and sets `<html lang>`.
 */
export function LanguageSwitch({ saveToProfile = false }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const saveLocale = useSaveLocale();
  const current = currentLocale();

  const choose = (locale: Locale) => {
    if (locale === current) return;
    void applyLocale(locale);
    if (saveToProfile) saveLocale.mutate(locale);
  };

  return (
    <div className="vd-language-switch">
      <fieldset className="vd-language-switch__group">
        <legend className="vd-language-switch__label">{t('language.label')}</legend>
        {LOCALES.map((locale) => (
          <Button
            key={locale}
            appearance="subtle-button"
            lang={locale}
            pressed={locale === current}
            onClick={() => choose(locale)}
            className="vd-language-switch__button"
          >
            {t(`language.${locale}`)}
          </Button>
        ))}
      </fieldset>
      {saveLocale.isError ? (
        <p className="utrecht-paragraph utrecht-paragraph--small" role="alert">
          {t('language.saveFailed')}
        </p>
      ) : null}
    </div>
  );
}

import { Button } from '@utrecht/button-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../lib/access.ts';

const SuggestDialog = lazy(async () => ({ default: (await import('./SuggestDialog.tsx')).SuggestDialog }));

/**
 * "Idee of verbetering?": in the staff header on every screen. Opens a small dialog (loaded when first opened)
 * that sends the idea with the page the employee was on.
 */
export function SuggestButton() {
  const { t } = useTranslation();
  const may = useCan('suggestImprovements');
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  if (!may) return null;
  return (
    <>
      <Button
        appearance="secondary-action-button"
        className="vd-suggest-button"
        aria-haspopup="dialog"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        {t('suggest.button')}
      </Button>
      {loaded ? (
        <Suspense fallback={null}>
          <SuggestDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}

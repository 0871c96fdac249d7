import { Button } from '@utrecht/button-react';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { ButtonGroup } from './ButtonGroup.tsx';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation (native `<dialog>`): focus stays inside while open, Escape cancels,
 * and the browser returns focus to the opener when it closes.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="utrecht-alert-dialog utrecht-alert-dialog--warning vd-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <div className="utrecht-alert-dialog__message vd-stack">
        <h2 id={titleId} className="utrecht-heading-3">
          {title}
        </h2>
        <div id={bodyId}>{children}</div>
        <ButtonGroup>
          <Button
            appearance="primary-action-button"
            hint="danger"
            onClick={onConfirm}
            busy={busy}
            disabled={busy}
          >
            {confirmLabel}
          </Button>
          <Button appearance="secondary-action-button" onClick={onCancel}>
            {cancelLabel}
          </Button>
        </ButtonGroup>
      </div>
    </dialog>
  );
}

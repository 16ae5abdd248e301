import { Dialog, Heading } from '@digdir/designsystemet-react';
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ModalDialogProps = {
  open: boolean;
  /** Called when the user closes it (close button, Escape); the parent sets `open` to false. */
  onClose(): void;
  title: string;
  children: ReactNode;
};

/**
 * A modal dialog (native <dialog>: focus is trapped and the page behind is inert). On open,
 * focus goes to the element marked `data-autofocus`, else the first field; on close it returns
 * to whatever opened the dialog. The content mounts only while open, so nothing typed (or a
 * temporary password shown once) outlives it.
 */
export function ModalDialog({ open, onClose, title, children }: ModalDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  // A layout effect runs before Dialog's own effect opens the dialog, which moves focus.
  useLayoutEffect(() => {
    if (open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const dialog = dialogRef.current;
    const target =
      dialog?.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea') ??
      dialog?.querySelector<HTMLElement>('h2');
    target?.focus();
    return () => opener.current?.focus();
  }, [open]);

  return (
    <Dialog ref={dialogRef} open={open} onClose={onClose} aria-labelledby={titleId} closeButton={t('common.closeDialog')}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={titleId} tabIndex={-1} className="dialog-title">
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>{open && children}</Dialog.Block>
    </Dialog>
  );
}

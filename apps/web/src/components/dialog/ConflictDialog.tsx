import { Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog.tsx';
import './conflict-dialog.css';

/** One field both versions disagree on. `format` turns a value into words (dates, codes, ids). */
export type ConflictField<K extends string = string, V = unknown> = {
  key: K;
  label: string;
  mine: V;
  theirs: V;
  format?(value: V): string;
  /** The side chosen at first; the user's own unless said otherwise (e.g. a field they left untouched). */
  preferred?: ConflictChoice;
};

export type ConflictChoice = 'mine' | 'theirs';

type ConflictDialogProps<K extends string, V> = {
  open: boolean;
  /** Only the fields that differ; the caller leaves out those both versions agree on. */
  fields: ConflictField<K, V>[];
  /** The side chosen per field; fields not shown keep whatever the caller merges them to. */
  onResolve(choices: Record<K, ConflictChoice>): void;
  onCancel(): void;
  busy?: boolean;
};

/**
 * A version conflict resolved field by field: each field the other person changed shows their
 * stored value beside the user's own, with a radio pair to keep one of them. The caller merges
 * the choices and saves again against the stored version. Generic so every form with
 * optimistic concurrency (risks, archive series) can use it.
 */
export function ConflictDialog<K extends string, V = unknown>({ open, fields, onResolve, onCancel, busy = false }: ConflictDialogProps<K, V>) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onCancel} title={t('conflictDialog.title')}>
      <ConflictForm fields={fields} onResolve={onResolve} onCancel={onCancel} busy={busy} />
    </ModalDialog>
  );
}

function ConflictForm<K extends string, V>({ fields, onResolve, onCancel, busy }: Omit<ConflictDialogProps<K, V>, 'open'>) {
  const { t } = useTranslation();
  const name = useId();
  // The user's own value is the default: they just asked to save it.
  const [choices, setChoices] = useState<Record<K, ConflictChoice>>(
    () => Object.fromEntries(fields.map((field) => [field.key, field.preferred ?? 'mine'])) as Record<K, ConflictChoice>,
  );
  const show = (field: ConflictField<K, V>, value: V) => {
    const text = field.format ? field.format(value) : value == null ? '' : String(value);
    return text === '' ? t('conflictDialog.empty') : text;
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onResolve(choices);
  }

  return (
    <form className="conflict-dialog" onSubmit={submit} noValidate>
      <Paragraph>{t('conflictDialog.lead')}</Paragraph>
      {fields.map((field, index) => (
        <Fieldset key={field.key} className="conflict-dialog__field">
          <Fieldset.Legend>{field.label}</Fieldset.Legend>
          <div className="conflict-dialog__options">
            {(['theirs', 'mine'] as const).map((side) => {
              const id = `${name}-${index}-${side}`;
              return (
                <div key={side} className="conflict-dialog__option">
                  <input
                    id={id}
                    type="radio"
                    className="ds-input"
                    name={`${name}-${index}`}
                    value={side}
                    checked={choices[field.key] === side}
                    onChange={() => setChoices((current) => ({ ...current, [field.key]: side }))}
                    data-autofocus={index === 0 && side === 'theirs' ? true : undefined}
                  />
                  <label htmlFor={id}>
                    <span className="conflict-dialog__side">{t(side === 'mine' ? 'conflictDialog.mine' : 'conflictDialog.theirs')}</span>{' '}
                    <span className="conflict-dialog__value">{show(field, side === 'mine' ? field.mine : field.theirs)}</span>
                  </label>
                </div>
              );
            })}
          </div>
        </Fieldset>
      ))}
      <div className="form-actions">
        <Button type="submit" data-size="sm" loading={busy}>
          {t('conflictDialog.save')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

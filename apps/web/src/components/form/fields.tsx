import {
  FieldDescription,
  Input,
  Label,
  Select,
  Textarea,
  ValidationMessage,
  type InputProps,
  type SelectProps,
  type TextareaProps,
} from '@digdir/designsystemet-react';
import { useId, type ReactNode, type Ref } from 'react';

type FieldFrameProps = {
  label: string;
  /** Help shown under the label and read with the field (aria-describedby). */
  description?: string;
  /** A message about what is wrong; marks the field invalid and is read with it. */
  error?: string;
  className?: string;
};

/**
 * Label, description and error wired to their control by explicit ids. Designsystemet's Field
 * would wire them with its `ds-field` custom element, but only after a mutation observer runs,
 * and importing it pulls in all of @digdir/designsystemet-web (about 25 kB gzip of combobox,
 * tabs and floating-ui we do not use). The `ds-field` class gives the same look; explicit ids
 * hold from the first render, for screen readers and tests alike.
 */
function useFieldIds(id: string | undefined, description?: string, error?: string) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const describedBy = [error ? errorId : null, description ? descriptionId : null].filter(Boolean).join(' ') || undefined;
  return { controlId, descriptionId, errorId, describedBy };
}

type FrameProps = FieldFrameProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode };

function FieldFrame({ label, description, error, className, ids, children }: FrameProps) {
  return (
    <div className={className ? `ds-field ${className}` : 'ds-field'}>
      <Label htmlFor={ids.controlId}>{label}</Label>
      {description && <FieldDescription id={ids.descriptionId}>{description}</FieldDescription>}
      {children}
      {error && <ValidationMessage id={ids.errorId}>{error}</ValidationMessage>}
    </div>
  );
}

export type TextFieldProps = FieldFrameProps & Omit<InputProps, 'className'> & { ref?: Ref<HTMLInputElement> };

export function TextField({ label, description, error, className, id, ref, ...inputProps }: TextFieldProps) {
  const ids = useFieldIds(id, description, error);
  return (
    <FieldFrame label={label} description={description} error={error} className={className} ids={ids}>
      <Input ref={ref} id={ids.controlId} aria-describedby={ids.describedBy} aria-invalid={error ? true : undefined} {...inputProps} />
    </FieldFrame>
  );
}

export type SelectFieldProps = FieldFrameProps & Omit<SelectProps, 'className'> & { ref?: Ref<HTMLSelectElement> };

export function SelectField({ label, description, error, className, id, ref, children, ...selectProps }: SelectFieldProps) {
  const ids = useFieldIds(id, description, error);
  return (
    <FieldFrame label={label} description={description} error={error} className={className} ids={ids}>
      <Select ref={ref} id={ids.controlId} aria-describedby={ids.describedBy} aria-invalid={error ? true : undefined} {...selectProps}>
        {children}
      </Select>
    </FieldFrame>
  );
}

export type TextAreaFieldProps = FieldFrameProps & Omit<TextareaProps, 'className'> & { ref?: Ref<HTMLTextAreaElement> };

export function TextAreaField({ label, description, error, className, id, ref, ...textareaProps }: TextAreaFieldProps) {
  const ids = useFieldIds(id, description, error);
  return (
    <FieldFrame label={label} description={description} error={error} className={className} ids={ids}>
      <Textarea ref={ref} id={ids.controlId} aria-describedby={ids.describedBy} aria-invalid={error ? true : undefined} {...textareaProps} />
    </FieldFrame>
  );
}

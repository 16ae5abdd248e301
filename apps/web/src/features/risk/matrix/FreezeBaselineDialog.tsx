import { useMutation } from '@apollo/client/react';
import { Button } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../components/dialog/ModalDialog.tsx';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { TextField } from '../../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../../components/form/useFocusFirstInvalid.ts';
import { describeApiError, fieldErrorsOf } from '../../../lib/errors.ts';
import { outcomeOf } from '../../../lib/mutationOutcome.ts';
import { CREATE_RISK_BASELINE, type RiskBaselineData } from './matrixQuery.ts';

type FreezeBaselineDialogProps = { open: boolean; onClose(): void; onFrozen(baseline: RiskBaselineData): void };

/** "Frys som baseline": names the present picture of the matrix so it can be compared against later. */
export function FreezeBaselineDialog({ open, onClose, onFrozen }: FreezeBaselineDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('riskMatrix.baseline.dialogTitle')}>
      <FreezeBaselineForm onClose={onClose} onFrozen={onFrozen} />
    </ModalDialog>
  );
}

const FIELDS = ['name', 'description'] as const;

function FreezeBaselineForm({ onClose, onFrozen }: Omit<FreezeBaselineDialogProps, 'open'>) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [formError, setFormError] = useState<{ message: string; attempt: number } | null>(null);
  const [create, { loading }] = useMutation(CREATE_RISK_BASELINE, { refetchQueries: ['RiskBaselines'] });
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('riskMatrix.baseline.nameRequired') });
      return focusFirstInvalid();
    }
    setErrors({});
    const outcome = await outcomeOf(() =>
      create({ variables: { input: { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) } } }),
    );
    if (outcome.ok) return onFrozen(outcome.data.createRiskBaseline);
    if (outcome.error.code === 'ALREADY_EXISTS') {
      setErrors({ name: t('riskMatrix.baseline.nameTaken') });
      return focusFirstInvalid();
    }
    const fieldErrors = fieldErrorsOf(t, outcome.error, FIELDS);
    if (Object.keys(fieldErrors).length > 0) {
      setErrors(fieldErrors);
      return focusFirstInvalid();
    }
    setFormError((current) => ({ message: describeApiError(t, outcome.error), attempt: (current?.attempt ?? 0) + 1 }));
  }

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <p>{t('riskMatrix.baseline.lead')}</p>
      <FormAlert message={formError?.message} attempt={formError?.attempt} />
      <TextField
        label={t('riskMatrix.baseline.name')}
        description={t('riskMatrix.baseline.nameHelp')}
        name="name"
        value={name}
        maxLength={200}
        required
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label={t('riskMatrix.baseline.description')}
        name="description"
        value={description}
        maxLength={2000}
        error={errors.description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" aria-disabled={loading || undefined}>
          {t('riskMatrix.baseline.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

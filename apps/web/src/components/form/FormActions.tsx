import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

type FormActionsProps = { submitLabel: string; loading?: boolean; onCancel(): void };

/** The submit and cancel buttons that end every form, submit first (the order keyboard users meet). */
export function FormActions({ submitLabel, loading = false, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}

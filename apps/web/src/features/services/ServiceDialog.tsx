import { useMutation } from '@apollo/client/react';
import { Fieldset } from '@digdir/designsystemet-react';
import { createServiceRules } from '@samarkiv/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormActions } from '../../components/form/FormActions.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../components/form/useFocusFirstInvalid.ts';
import { describeApiError, fieldErrorsOf, type ApiError } from '../../lib/errors.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { COST_SHARING_KEYS, CREATE_SERVICE, SERVICE_CATALOGUE_PAGE_QUERY, SERVICE_STATUSES, UPDATE_SERVICE, type ServiceInput, type ServiceRow_service } from './serviceQueries.ts';

type Props = {
  target: { service?: ServiceRow_service } | null;
  municipalities: { id: string; name: string }[];
  onClose(): void;
  onSaved(message: string): void;
};

export function ServiceDialog({ target, municipalities, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const title = target?.service ? t('services.editTitle', { name: target.service.name }) : t('services.new');
  return (
    <ModalDialog open={target !== null} onClose={onClose} title={title}>
      {target && <ServiceForm key={target.service?.id ?? 'new'} service={target.service} municipalities={municipalities} onCancel={onClose} onSaved={onSaved} />}
    </ModalDialog>
  );
}

// Municipality ids are GraphQL IDs picked from a list, not typed: check the rest here.
const formRules = createServiceRules.omit({ municipalityIds: true });

type Field = 'name' | 'description' | 'serviceLevel' | 'costSharingKey' | 'contact' | 'status' | 'municipalityIds';
const FIELDS: readonly Field[] = ['name', 'description', 'serviceLevel', 'costSharingKey', 'contact', 'status', 'municipalityIds'];

function ServiceForm({ service, municipalities, onCancel, onSaved }: { service?: ServiceRow_service; municipalities: Props['municipalities']; onCancel(): void; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ServiceInput>(() => ({
    name: service?.name ?? '',
    description: service?.description ?? '',
    serviceLevel: service?.serviceLevel ?? '',
    costSharingKey: service?.costSharingKey ?? 'POPULATION',
    contact: service?.contact ?? '',
    status: service?.status ?? 'ACTIVE',
    municipalityIds: service?.municipalities.map((m) => m.id) ?? [],
  }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [create, created] = useMutation(CREATE_SERVICE, { refetchQueries: [SERVICE_CATALOGUE_PAGE_QUERY] });
  const [update, updated] = useMutation(UPDATE_SERVICE);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = formRules.safeParse(values);
    if (!checked.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of checked.error.issues) found[issue.path[0] as Field] ??= issue.message;
      setErrors(found);
      return focusFirstInvalid();
    }
    setErrors({});
    const result = service
      ? await outcomeOf(() => update({ variables: { id: service.id, input: { ...values, version: service.version } } }))
      : await outcomeOf(() => create({ variables: { input: values } }));
    if (result.ok) return onSaved(t('services.saved', { name: values.name }));
    const atFields = fieldErrorsOf(t, result.error, FIELDS);
    if (Object.keys(atFields).length) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setProblem(result.error);
    setAttempt((n) => n + 1);
  }

  const set = (field: Exclude<Field, 'municipalityIds'>) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const toggle = (id: string, on: boolean) => setValues((v) => ({ ...v, municipalityIds: on ? [...v.municipalityIds, id] : v.municipalityIds.filter((m) => m !== id) }));

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={problem ? describeApiError(t, problem) : null} attempt={attempt} />
      <TextField label={t('services.fields.name')} name="name" required value={values.name} onChange={set('name')} error={errors.name} />
      <TextAreaField label={t('services.fields.description')} name="description" rows={3} value={values.description ?? ''} onChange={set('description')} error={errors.description} />
      <TextField label={t('services.fields.serviceLevel')} description={t('services.serviceLevelHelp')} name="serviceLevel" value={values.serviceLevel ?? ''} onChange={set('serviceLevel')} error={errors.serviceLevel} />
      <SelectField label={t('services.fields.costSharingKey')} name="costSharingKey" value={values.costSharingKey} onChange={set('costSharingKey')} error={errors.costSharingKey}>
        {COST_SHARING_KEYS.map((key) => (
          <option key={key} value={key}>{t(`services.costSharingKey.${key}`)}</option>
        ))}
      </SelectField>
      <TextField label={t('services.fields.contact')} name="contact" value={values.contact ?? ''} onChange={set('contact')} error={errors.contact} />
      <SelectField label={t('services.fields.status')} name="status" value={values.status} onChange={set('status')} error={errors.status}>
        {SERVICE_STATUSES.map((status) => (
          <option key={status} value={status}>{t(`services.status.${status}`)}</option>
        ))}
      </SelectField>
      <Fieldset>
        <Fieldset.Legend>{t('services.fields.municipalities')}</Fieldset.Legend>
        {municipalities.map((m) => (
          <CheckboxField key={m.id} label={m.name} checked={values.municipalityIds.includes(m.id)} onChange={(event) => toggle(m.id, event.target.checked)} />
        ))}
      </Fieldset>
      <FormActions submitLabel={t('services.save')} loading={created.loading || updated.loading} onCancel={onCancel} />
    </form>
  );
}

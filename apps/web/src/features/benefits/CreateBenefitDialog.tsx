import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormActions } from '../../components/form/FormActions.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { useFocusFirstInvalid } from '../../components/form/useFocusFirstInvalid.ts';
import { describeApiError, fieldErrorsOf, type ApiError } from '../../lib/errors.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { BENEFIT_FIELDS, BENEFIT_OPTIONS_QUERY, BenefitFormFields, checkBenefit, EMPTY_BENEFIT, inputOf, type BenefitFieldErrors, type BenefitFormValues } from './benefitForm.tsx';

const CREATE_BENEFIT: TypedDocumentNode<{ createBenefit: { id: string } }, { input: Record<string, unknown> }> = gql`
  mutation CreateBenefit($input: BenefitInput!) {
    createBenefit(input: $input) {
      id
    }
  }
`;

/** A new benefit under a purpose: its indicator, baseline and target; then its page opens. */
export function CreateBenefitDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('benefits.create.title')}>
      {open && <CreateBenefitForm onCancel={onClose} />}
    </ModalDialog>
  );
}

function CreateBenefitForm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useQuery(BENEFIT_OPTIONS_QUERY);
  const [values, setValues] = useState<BenefitFormValues>(EMPTY_BENEFIT);
  const [errors, setErrors] = useState<BenefitFieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [create, { loading }] = useMutation(CREATE_BENEFIT, { refetchQueries: ['BenefitsPage'] });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkBenefit(t, values);
    if (Object.keys(found).length) {
      setErrors(found);
      return focusFirstInvalid();
    }
    setErrors({});
    const result = await outcomeOf(() => create({ variables: { input: inputOf(values) } }));
    if (result.ok) return navigate(`/gevinster/${result.data.createBenefit.id}`);
    const atFields = fieldErrorsOf(t, result.error, BENEFIT_FIELDS);
    if (Object.keys(atFields).length) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setProblem(result.error);
  }

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={problem ? describeApiError(t, problem) : null} />
      <BenefitFormFields values={values} errors={errors} options={data} onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))} />
      <FormActions submitLabel={t('benefits.create.submit')} loading={loading} onCancel={onCancel} />
    </form>
  );
}

import { useMutation } from '@apollo/client/react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { addBenefitMeasurementRules } from '@samarkiv/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../components/form/useFocusFirstInvalid.ts';
import { Button } from '@digdir/designsystemet-react';
import { describeApiError, fieldErrorsOf, type ApiError } from '../../lib/errors.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { ADD_BENEFIT_MEASUREMENT, type BenefitPlan_benefit } from './benefitQueries.ts';

type Field = 'measuredOn' | 'value' | 'comment';
const FIELDS: readonly Field[] = ['measuredOn', 'value', 'comment'];

/** A Norwegian decimal (comma or point); NaN when unreadable, for the rule to name. */
// The benefit's id is the page's (a GraphQL ID), not the user's to get wrong: check the rest.
const formRules = addBenefitMeasurementRules.omit({ benefitId: true });

const parseDecimal = (text: string) => (text.trim() === '' ? NaN : Number(text.trim().replace(/\s/g, '').replace(',', '.')));

/** Adds a measurement; the mutation returns the benefit, so the status and trend update in the cache. */
export function AddMeasurementForm({ benefit }: { benefit: BenefitPlan_benefit }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ measuredOn: '', value: '', comment: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [add, { loading }] = useMutation(ADD_BENEFIT_MEASUREMENT);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setProblem(null);
    const input = { benefitId: benefit.id, measuredOn: values.measuredOn, value: parseDecimal(values.value), comment: values.comment };
    const checked = formRules.safeParse(input);
    if (!checked.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of checked.error.issues) found[issue.path[0] as Field] ??= issue.message;
      setErrors(found);
      return focusFirstInvalid();
    }
    setErrors({});
    const result = await outcomeOf(() => add({ variables: { input: { ...input, comment: checked.data.comment } } }));
    if (result.ok) {
      setValues({ measuredOn: '', value: '', comment: '' });
      return setDone(t('benefits.add.done'));
    }
    // One measurement a day: the day is what to change, so the message goes to the date.
    const sameDay = result.error.code === 'ALREADY_EXISTS' && result.error.path?.includes('measuredOn');
    const atFields = sameDay ? { measuredOn: t('benefits.add.sameDay') } : fieldErrorsOf(t, result.error, FIELDS);
    if (Object.keys(atFields).length) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setProblem(result.error);
    setAttempt((n) => n + 1);
  }

  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  return (
    <section aria-labelledby="add-measurement-heading" className="add-measurement">
      <Heading level={2} data-size="xs" id="add-measurement-heading">
        {t('benefits.add.title')}
      </Heading>
      <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert message={problem ? describeApiError(t, problem) : null} attempt={attempt} />
        <TextField label={t('benefits.measurements.date')} type="date" name="measuredOn" required value={values.measuredOn} onChange={set('measuredOn')} error={errors.measuredOn} />
        <TextField label={t('benefits.measurements.value', { unit: benefit.unit })} inputMode="decimal" name="value" required value={values.value} onChange={set('value')} error={errors.value} />
        <TextAreaField label={t('benefits.measurements.comment')} name="comment" rows={2} value={values.comment} onChange={set('comment')} error={errors.comment} />
        <div>
          <Button type="submit" loading={loading}>
            {t('benefits.add.submit')}
          </Button>
        </div>
      </form>
      <div role="status">{done && <Paragraph>{done}</Paragraph>}</div>
    </section>
  );
}

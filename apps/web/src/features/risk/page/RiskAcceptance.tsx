import { useFragment } from '@apollo/client/react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { isoDateRule, textRule } from '@samarkiv/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../../components/form/useFocusFirstInvalid.ts';
import { describeApiError, fieldErrorsOf } from '../../../lib/errors.ts';
import { formatDate, osloToday } from '../../../lib/format.ts';
import { OverdueMark } from '../register/OverdueMark.tsx';
import { PersonFields, usePeopleChoices } from './people.tsx';
import { useReloadOnConflict, useRiskWrites } from './riskMutations.ts';
import { RISK_ACCEPTANCE_FRAGMENT, type RiskAcceptance_risk, type RiskRef } from './riskPageFragments.ts';
import { textOrNull } from './validation.ts';

/** The formal acceptance of the residual risk: who, when, until when; editors accept or revoke. */
export function RiskAcceptance({ risk, canEdit }: { risk: RiskRef; canEdit: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, complete } = useFragment({ fragment: RISK_ACCEPTANCE_FRAGMENT, fragmentName: 'RiskAcceptance_risk', from: risk });
  const { revokeAcceptance } = useRiskWrites(risk.id);
  const reloadOnConflict = useReloadOnConflict();
  const [accepting, setAccepting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  if (!complete) return null;
  const { acceptance, version } = data;

  async function revoke() {
    setProblem(null);
    const result = await revokeAcceptance.run(version);
    if (!result.ok) {
      setProblem((await reloadOnConflict(result.error)) ? t('riskPage.conflictReloaded') : describeApiError(t, result.error));
      setAttempt((value) => value + 1);
    }
  }

  return (
    <section aria-labelledby={headingId} className="risk-page__section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('riskPage.acceptance.heading')}
      </Heading>
      <FormAlert message={problem} attempt={attempt} />
      {acceptance ? (
        <dl className="risk-page__facts">
          <div className="risk-page__fact">
            <dt>{t('riskPage.acceptance.approver')}</dt>
            <dd>{acceptance.approver?.displayName ?? acceptance.approverName}</dd>
          </div>
          <div className="risk-page__fact">
            <dt>{t('riskPage.acceptance.acceptedOn')}</dt>
            <dd>{formatDate(acceptance.acceptedOn)}</dd>
          </div>
          <div className="risk-page__fact">
            <dt>{t('riskPage.acceptance.expiresOn')}</dt>
            <dd>
              {acceptance.isExpired ? (
                <OverdueMark>{`${formatDate(acceptance.expiresOn)} (${t('riskPage.acceptance.expired')})`}</OverdueMark>
              ) : (
                formatDate(acceptance.expiresOn)
              )}
            </dd>
          </div>
          {acceptance.comment && (
            <div className="risk-page__fact">
              <dt>{t('riskPage.comment')}</dt>
              <dd className="risk-page__text">{acceptance.comment}</dd>
            </div>
          )}
        </dl>
      ) : (
        <Paragraph>{t('riskPage.acceptance.none')}</Paragraph>
      )}
      {canEdit &&
        (accepting ? (
          <AcceptForm risk={data} onDone={() => setAccepting(false)} />
        ) : (
          <div className="form-actions">
            <Button type="button" variant="secondary" data-size="sm" onClick={() => setAccepting(true)}>
              {acceptance ? t('riskPage.acceptance.renew') : t('riskPage.acceptance.accept')}
            </Button>
            {acceptance && (
              <Button type="button" variant="secondary" data-size="sm" data-color="danger" loading={revokeAcceptance.loading} onClick={() => void revoke()}>
                {t('riskPage.acceptance.revoke')}
              </Button>
            )}
          </div>
        ))}
    </section>
  );
}

type AcceptField = 'approverId' | 'approverName' | 'acceptedOn' | 'expiresOn' | 'comment';
const ACCEPT_FIELDS: readonly AcceptField[] = ['approverId', 'approverName', 'acceptedOn', 'expiresOn', 'comment'];

const approverNameRule = textRule('hvem som godkjente', 200);
const acceptedOnRule = isoDateRule('akseptert dato');
const expiresOnRule = isoDateRule('utløpsdato');

function AcceptForm({ risk, onDone }: { risk: RiskAcceptance_risk; onDone(): void }) {
  const { t } = useTranslation();
  const { acceptResidual } = useRiskWrites(risk.id);
  const reloadOnConflict = useReloadOnConflict();
  const people = usePeopleChoices([risk.acceptance?.approver]);
  const [values, setValues] = useState<Record<AcceptField, string>>({
    approverId: risk.acceptance?.approver?.id ?? '',
    approverName: risk.acceptance?.approverName ?? '',
    acceptedOn: osloToday(),
    expiresOn: '',
    comment: '',
  });
  const [errors, setErrors] = useState<Partial<Record<AcceptField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const set = (field: AcceptField, value: string) => setValues((current) => ({ ...current, [field]: value }));

  function choosePerson(id: string) {
    // Choosing a user names them; the name can still be changed (e.g. to add the role).
    const person = people.find((candidate) => candidate.id === id);
    setValues((current) => ({ ...current, approverId: id, approverName: person ? person.displayName : current.approverName }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (acceptResidual.loading) return;
    setProblem(null);
    const found: Partial<Record<AcceptField, string>> = {};
    const name = approverNameRule.safeParse(values.approverName);
    if (!name.success) found.approverName = name.error.issues[0]?.message;
    const acceptedOn = acceptedOnRule.safeParse(values.acceptedOn);
    if (!acceptedOn.success) found.acceptedOn = acceptedOn.error.issues[0]?.message;
    const expiresOn = expiresOnRule.safeParse(values.expiresOn);
    if (!expiresOn.success) found.expiresOn = expiresOn.error.issues[0]?.message;
    else if (acceptedOn.success && values.expiresOn <= values.acceptedOn) found.expiresOn = t('riskPage.acceptance.expiresAfter');
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    const result = await acceptResidual.run({
      approverId: values.approverId || null,
      approverName: values.approverName.trim(),
      acceptedOn: values.acceptedOn,
      expiresOn: values.expiresOn,
      comment: textOrNull(values.comment),
      version: risk.version,
    });
    if (result.ok) return onDone();
    const atFields = fieldErrorsOf(t, result.error, ACCEPT_FIELDS);
    if (Object.keys(atFields).length > 0) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setProblem((await reloadOnConflict(result.error)) ? t('riskPage.conflictReloaded') : result.error.serverCode === 'NO_RESIDUAL' ? t('riskPage.acceptance.noResidual') : describeApiError(t, result.error));
    setAttempt((value) => value + 1);
  }

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)} aria-label={t('riskPage.acceptance.formLabel')}>
      <FormAlert message={problem} attempt={attempt} />
      <PersonFields
        idPrefix="acceptance-approver"
        userLabel={t('riskPage.acceptance.approverUser')}
        nameLabel={t('riskPage.acceptance.approverName')}
        nameDescription={t('riskPage.acceptance.approverNameHelp')}
        people={people}
        personId={values.approverId}
        name={values.approverName}
        onPersonId={choosePerson}
        onName={(value) => set('approverName', value)}
        personError={errors.approverId}
        nameError={errors.approverName}
      />
      <TextField id="acceptance-acceptedOn" type="date" label={t('riskPage.acceptance.acceptedOn')} value={values.acceptedOn} onChange={(e) => set('acceptedOn', e.target.value)} error={errors.acceptedOn} />
      <TextField id="acceptance-expiresOn" type="date" label={t('riskPage.acceptance.expiresOn')} value={values.expiresOn} onChange={(e) => set('expiresOn', e.target.value)} error={errors.expiresOn} />
      <TextAreaField id="acceptance-comment" rows={2} label={t('riskPage.comment')} value={values.comment} onChange={(e) => set('comment', e.target.value)} error={errors.comment} />
      <div className="form-actions">
        <Button type="submit" data-size="sm" loading={acceptResidual.loading}>
          {t('riskPage.acceptance.save')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { useFragment } from '@apollo/client/react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NoValue } from '../../../components/table/NoValue.tsx';
import { formatDate } from '../../../lib/format.ts';
import { OverdueMark } from '../register/OverdueMark.tsx';
import { RiskEditForm } from './RiskEditForm.tsx';
import { RISK_FACTS_FRAGMENT, type RiskPageChoices, type RiskRef } from './riskPageFragments.ts';

type RiskFactsProps = { risk: RiskRef; canEdit: boolean; choices: RiskPageChoices };

/** The risk's descriptive fields, and (for those allowed) the form that changes them. */
export function RiskFacts({ risk, canEdit, choices }: RiskFactsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, complete } = useFragment({ fragment: RISK_FACTS_FRAGMENT, fragmentName: 'RiskFacts_risk', from: risk });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  if (!complete) return null;

  const owner = data.owner?.displayName ?? data.ownerName;
  const text = (value: string | null) => (value ? <span className="risk-page__text">{value}</span> : <NoValue />);
  const rows: [string, ReactNode][] = [
    [t('riskPage.fields.reference'), data.reference],
    [t('riskPage.fields.title'), data.title],
    [t('riskPage.fields.shortTitle'), data.shortTitle ?? <NoValue />],
    [t('riskPage.fields.area'), data.area.name],
    [t('riskPage.fields.municipalities'), data.appliesToAll ? t('risk.allMunicipalities') : data.municipalities.map((m) => m.name).join(', ')],
    [t('riskPage.fields.owner'), owner ?? <NoValue />],
    [t('riskPage.fields.status'), t(`risk.status.${data.status}`)],
    [t('riskPage.fields.treatmentStrategy'), data.treatmentStrategy ? t(`riskPage.strategy.${data.treatmentStrategy}`) : <NoValue />],
    [t('riskPage.fields.knowledgeStrength'), data.knowledgeStrength ? t(`riskPage.knowledge.${data.knowledgeStrength}`) : <NoValue />],
    [
      t('riskPage.fields.nextReviewDate'),
      !data.nextReviewDate ? (
        <NoValue />
      ) : data.isReviewOverdue ? (
        <OverdueMark>{`${formatDate(data.nextReviewDate)} (${t('riskPage.reviewOverdue')})`}</OverdueMark>
      ) : (
        formatDate(data.nextReviewDate)
      ),
    ],
    [t('riskPage.fields.cause'), text(data.cause)],
    [t('riskPage.fields.event'), text(data.event)],
    [t('riskPage.fields.consequence'), text(data.consequence)],
  ];

  return (
    <section aria-labelledby={headingId} className="risk-page__section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('riskPage.facts.heading')}
      </Heading>
      {editing ? (
        <RiskEditForm
          risk={data}
          choices={choices}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
            // The button is back once the form is gone; return focus to it.
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      ) : (
        <>
          <dl className="risk-page__facts">
            {rows.map(([label, value]) => (
              <div key={label} className="risk-page__fact">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {canEdit && (
            <div className="form-actions">
              <Button ref={editButton} type="button" variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
                {t('riskPage.facts.edit')}
              </Button>
            </div>
          )}
        </>
      )}
      <Paragraph data-size="sm" role="status">
        {saved && !editing ? t('riskPage.saved') : ''}
      </Paragraph>
    </section>
  );
}

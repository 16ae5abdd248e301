import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment, useQuery } from '@apollo/client/react';
import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { SelectField } from '../../../components/form/fields.tsx';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { useFindingLinks } from './riskMutations.ts';
import { RISK_FINDINGS_FRAGMENT, type FindingKind, type LinkedFinding, type RiskRef } from './riskPageFragments.ts';

const KIND_ORDER: FindingKind[] = ['SUCCESS_FACTOR', 'VULNERABILITY', 'STRENGTH', 'OPPORTUNITY', 'INSIGHT_NEED', 'LESSON', 'PRIORITY'];

/** Where a finding is shown on the findings board. */
export function findingHref(finding: { id: string }): string {
  return `/funn#funn-${finding.id}`;
}

/** The findings linked to the risk; editors link and unlink them here. */
export function RiskFindings({ risk, canEdit }: { risk: RiskRef; canEdit: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, complete } = useFragment({ fragment: RISK_FINDINGS_FRAGMENT, fragmentName: 'RiskFindings_risk', from: risk });
  const links = useFindingLinks(risk.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [picking, setPicking] = useState(false);
  // Unlinking removes the button that was pressed: focus goes to the section's heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (!complete) return null;

  async function unlink(finding: LinkedFinding) {
    setProblem(null);
    const result = await links.unlink(finding.id);
    if (!result.ok) {
      setProblem(describeApiError(t, result.error));
      return setAttempt((value) => value + 1);
    }
    setAnnouncement(t('riskPage.findings.unlinked', { title: finding.title }));
    headingRef.current?.focus();
  }

  const sorted = [...data.findings].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.title.localeCompare(b.title, 'nb'));
  return (
    <section aria-labelledby={headingId} className="risk-page__section">
      <Heading level={2} data-size="sm" id={headingId} ref={headingRef} tabIndex={-1}>
        {t('riskPage.findings.heading')}
      </Heading>
      <FormAlert message={problem} attempt={attempt} />
      {sorted.length === 0 ? (
        <Paragraph>{t('riskPage.findings.none')}</Paragraph>
      ) : (
        <ul className="risk-page__findings">
          {sorted.map((finding) => (
            <li key={finding.id}>
              <span className="risk-page__finding-kind">{t(`riskPage.findingKind.${finding.kind}`)}:</span>{' '}
              <Link asChild>
                <RouterLink to={findingHref(finding)}>{finding.title}</RouterLink>
              </Link>
              {canEdit && (
                <>
                  {' '}
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('riskPage.findings.unlinkNamed', { title: finding.title })}
                    onClick={() => void unlink(finding)}
                  >
                    {t('riskPage.findings.unlink')}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit &&
        (picking ? (
          <FindingPicker
            linkedIds={data.findings.map((finding) => finding.id)}
            onLink={async (findingId, title) => {
              const result = await links.link(findingId);
              if (result.ok) {
                setPicking(false);
                setAnnouncement(t('riskPage.findings.linked', { title }));
              }
              return result.ok ? null : describeApiError(t, result.error);
            }}
            busy={links.busy}
            onCancel={() => setPicking(false)}
          />
        ) : (
          <div className="form-actions">
            <Button type="button" variant="secondary" data-size="sm" onClick={() => setPicking(true)}>
              {t('riskPage.findings.link')}
            </Button>
          </div>
        ))}
      <Paragraph data-size="sm" role="status">
        {announcement}
      </Paragraph>
    </section>
  );
}

type FindingChoice = { __typename: 'Finding'; id: string; kind: FindingKind; title: string };
type FindingsQuery = { findings: { edges: { node: FindingChoice }[]; totalCount: number } };

// Loaded only when an editor opens the picker. The board holds tens of findings, not
// thousands; 100 (the page cap) covers it, and the picker says so if there are more.
const FINDING_CHOICES_QUERY: TypedDocumentNode<FindingsQuery, Record<string, never>> = gql`
  query RiskPageFindingChoices {
    findings(first: 100) {
      edges {
        node {
          id
          kind
          title
        }
      }
      totalCount
    }
  }
`;

type FindingPickerProps = {
  linkedIds: string[];
  /** Resolves with an error text, or null when linked. */
  onLink(findingId: string, title: string): Promise<string | null>;
  onCancel(): void;
  busy: boolean;
};

function FindingPicker({ linkedIds, onLink, onCancel, busy }: FindingPickerProps) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(FINDING_CHOICES_QUERY);
  const [chosen, setChosen] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  if (!data) {
    if (loading) return <Paragraph role="status">{t('riskPage.findings.loadingChoices')}</Paragraph>;
    return <FormAlert message={describeApiError(t, apiError(error))} />;
  }
  const free = data.findings.edges.map((edge) => edge.node).filter((finding) => !linkedIds.includes(finding.id));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const finding = free.find((candidate) => candidate.id === chosen);
    if (!finding) return setFieldError(t('riskPage.findings.chooseOne'));
    setFieldError(undefined);
    const failed = await onLink(finding.id, finding.title);
    if (failed) {
      setProblem(failed);
      setAttempt((value) => value + 1);
    }
  }

  return (
    <form className="form-stack" noValidate onSubmit={(event) => void submit(event)} aria-label={t('riskPage.findings.formLabel')}>
      <FormAlert message={problem} attempt={attempt} />
      <SelectField id="finding-choice" label={t('riskPage.findings.choose')} value={chosen} onChange={(e) => setChosen(e.target.value)} error={fieldError} autoFocus>
        <option value="">{t('riskPage.notChosen')}</option>
        {KIND_ORDER.map((kind) => {
          const ofKind = free.filter((finding) => finding.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <optgroup key={kind} label={t(`riskPage.findingKind.${kind}`)}>
              {ofKind.map((finding) => (
                <option key={finding.id} value={finding.id}>
                  {finding.title}
                </option>
              ))}
            </optgroup>
          );
        })}
      </SelectField>
      {data.findings.totalCount > data.findings.edges.length && <Paragraph data-size="sm">{t('riskPage.findings.moreThanShown')}</Paragraph>}
      <div className="form-actions">
        <Button type="submit" data-size="sm" loading={busy}>
          {t('riskPage.findings.linkChosen')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { useQuery } from '@apollo/client/react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { apiError, describeApiError, type ApiError } from '../../lib/errors.ts';
import { RISK_PICKER_QUERY, type BoardFinding, type LinkedRisk } from './findingsQueries.ts';
import { useLinkFinding } from './useFindingMutations.ts';

const PICKER_SIZE = 20;

type RiskPickerDialogProps = {
  finding: BoardFinding | null;
  onClose(): void;
  onLinked(finding: BoardFinding, risk: LinkedRisk): void;
};

/** Links a finding to a risk found by reference or title. */
export function RiskPickerDialog({ finding, onClose, onLinked }: RiskPickerDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={finding !== null} onClose={onClose} title={finding ? t('findingsBoard.link.title', { title: finding.title }) : ''}>
      {finding && <RiskPicker finding={finding} onLinked={(risk) => onLinked(finding, risk)} onCancel={onClose} />}
    </ModalDialog>
  );
}

function RiskPicker({ finding, onLinked, onCancel }: { finding: BoardFinding; onLinked(risk: LinkedRisk): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Typing stays responsive; the list follows what was typed once React has time.
  const deferred = useDeferredValue(search.trim());
  const { data, error, loading } = useQuery(RISK_PICKER_QUERY, {
    variables: { first: PICKER_SIZE, filter: deferred ? { search: deferred } : {} },
  });
  const { link, loading: linking } = useLinkFinding();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const linked = new Set(finding.risks.map((risk) => risk.id));

  async function choose(risk: LinkedRisk) {
    if (linking) return;
    setProblem(null);
    const result = await link(finding.id, risk.id);
    if (result.ok) return onLinked(risk);
    setProblem(result.error);
    setAttempt((value) => value + 1);
  }

  const risks = data?.risks.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="form-stack risk-picker">
      <FormAlert message={problem ? describeApiError(t, problem) : null} attempt={attempt} />
      <TextField
        label={t('findingsBoard.link.search')}
        description={t('findingsBoard.link.searchHelp')}
        type="search"
        name="search"
        autoComplete="off"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <Paragraph role="status" data-size="sm">
        {loading && !data
          ? t('findingsBoard.link.searching')
          : error
            ? describeApiError(t, apiError(error))
            : data
              ? t('findingsBoard.link.results', { count: risks.length, total: data.risks.totalCount })
              : ''}
      </Paragraph>
      {risks.length > 0 && (
        <ul className="risk-picker__list" aria-label={t('findingsBoard.link.resultsLabel')}>
          {risks.map((risk) => (
            <li key={risk.id}>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                disabled={linked.has(risk.id) || linking}
                onClick={() => void choose(risk)}
              >
                {risk.reference} {risk.title}
                {linked.has(risk.id) && <span> – {t('findingsBoard.link.already')}</span>}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

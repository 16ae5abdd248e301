import { useTranslation } from 'react-i18next';
import { useRiskViewState, type RiskBasis } from '../shared/riskUrlState.ts';

const BASES: RiskBasis[] = ['INHERENT', 'RESIDUAL'];

/** Inherent or residual risk (`grunnlag` in the URL), as two native radio buttons. */
export function BasisSwitch() {
  const { t } = useTranslation();
  const [state, update] = useRiskViewState();
  return (
    <fieldset className="risk-basis">
      <legend>{t('riskMatrix.basis.legend')}</legend>
      {BASES.map((basis) => (
        <label key={basis} className="risk-basis__option">
          <input type="radio" className="ds-input" name="grunnlag" value={basis} checked={state.basis === basis} onChange={() => update({ basis })} />
          {t(`risk.basis.${basis}`)}
        </label>
      ))}
    </fieldset>
  );
}

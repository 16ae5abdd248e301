import { useTranslation } from 'react-i18next';
import type { RiskLevel } from './riskUrlState.ts';
import './risk-level.css';

type RiskLevelBadgeProps = { level: RiskLevel | null; score?: number | null };

/**
 * A risk level as colour AND words (WCAG 1.4.1: colour is never the only carrier); the score,
 * when given, follows in brackets. The colours are the acceptance criteria's green/yellow/red.
 */
export function RiskLevelBadge({ level, score }: RiskLevelBadgeProps) {
  const { t } = useTranslation();
  const words = level ? t(`risk.level.${level}`) : t('risk.level.none');
  return (
    <span className={`risk-level risk-level--${level?.toLowerCase() ?? 'none'}`}>
      {words}
      {score != null ? ` (${score})` : null}
    </span>
  );
}

/** The class that colours a cell or chip by level, for components that draw their own box. */
export function riskLevelClass(level: RiskLevel | null): string {
  return `risk-level-fill risk-level-fill--${level?.toLowerCase() ?? 'none'}`;
}

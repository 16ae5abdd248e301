import { benefitProgress, benefitStatus, plannedValue, type BenefitPlan, type BenefitStatus } from '@samarkiv/shared';
import type { BenefitPlan_benefit } from './benefitQueries.ts';

// The web's side of the status: the same computation as the API (packages/shared), over the
// fragment's baseline, target and measurements, so a new measurement changes it at once.

const NUMBER = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });

/** Numbers read the Norwegian way in both languages (decimal comma, space between thousands). */
export const formatNumber = (value: number) => NUMBER.format(value);
export const formatShare = (value: number) => PERCENT.format(value);

export function planOf(benefit: BenefitPlan_benefit): BenefitPlan {
  return { direction: benefit.direction, baselineValue: benefit.baselineValue, baselineDate: benefit.baselineDate, targetValue: benefit.targetValue, targetDate: benefit.targetDate };
}

export function statusOf(benefit: BenefitPlan_benefit): BenefitStatus {
  return benefitStatus(planOf(benefit), benefit.measurements);
}

export function progressOf(benefit: BenefitPlan_benefit, today: string) {
  return benefitProgress(planOf(benefit), benefit.measurements, today);
}

export function plannedAt(benefit: BenefitPlan_benefit, day: string): number {
  return plannedValue(planOf(benefit), day);
}

export const STATUS_COLOR: Record<BenefitStatus, 'success' | 'info' | 'warning' | 'neutral'> = { ACHIEVED: 'success', ON_TRACK: 'info', BEHIND: 'warning', NOT_MEASURED: 'neutral' };

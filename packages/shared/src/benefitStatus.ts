// gevinstrealisering: a benefit's status is computed from its baseline, target and measurements,
// never typed in. API and web both call this, so the page, the panel and the export agree.

export type BenefitStatus = 'ACHIEVED' | 'ON_TRACK' | 'BEHIND' | 'NOT_MEASURED';
export type BenefitDirection = 'LOWER_IS_BETTER' | 'HIGHER_IS_BETTER';

export interface BenefitPlan {
  direction: BenefitDirection;
  baselineValue: number;
  /** YYYY-MM-DD */
  baselineDate: string;
  targetValue: number;
  /** YYYY-MM-DD, after the baseline date */
  targetDate: string;
}

export interface BenefitPoint {
  /** YYYY-MM-DD */
  measuredOn: string;
  value: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** The value the straight line from baseline to target promises on a day (the target after its date). */
export function plannedValue(plan: BenefitPlan, day: string): number {
  return plan.baselineValue + plannedShare(plan, day) * (plan.targetValue - plan.baselineValue);
}

/** How far along the way from baseline to target the straight line is on a day (0..1). */
export function plannedShare(plan: BenefitPlan, day: string): number {
  const span = dayNumber(plan.targetDate) - dayNumber(plan.baselineDate);
  return Math.min(1, Math.max(0, (dayNumber(day) - dayNumber(plan.baselineDate)) / span));
}

/** Whether `value` is at least as good as `reference` in the benefit's direction. */
export function atLeastAsGood(direction: BenefitDirection, value: number, reference: number): boolean {
  return direction === 'LOWER_IS_BETTER' ? value <= reference : value >= reference;
}

/** The latest measurement after the baseline date, or null (a measurement on or before it is the baseline's own). */
export function latestMeasurement<P extends BenefitPoint>(plan: BenefitPlan, points: readonly P[]): P | null {
  let latest: P | null = null;
  for (const point of points) {
    if (point.measuredOn <= plan.baselineDate) continue;
    if (!latest || point.measuredOn > latest.measuredOn) latest = point;
  }
  return latest;
}

/**
 * ACHIEVED when the latest measurement has reached the target; ON_TRACK when it is at least as
 * good as the straight line from (baseline date, baseline value) to (target date, target value)
 * at its own date; BEHIND otherwise; NOT_MEASURED without a measurement since the baseline.
 */
export function benefitStatus(plan: BenefitPlan, points: readonly BenefitPoint[]): BenefitStatus {
  const latest = latestMeasurement(plan, points);
  if (!latest) return 'NOT_MEASURED';
  if (atLeastAsGood(plan.direction, latest.value, plan.targetValue)) return 'ACHIEVED';
  return atLeastAsGood(plan.direction, latest.value, plannedValue(plan, latest.measuredOn)) ? 'ON_TRACK' : 'BEHIND';
}

/**
 * Realised against planned, each as the share (0..1, realised may fall outside) of the way from
 * baseline to target: realised by the latest measurement, planned by the straight line on `today`.
 */
export function benefitProgress(plan: BenefitPlan, points: readonly BenefitPoint[], today: string): { realised: number | null; planned: number } {
  const latest = latestMeasurement(plan, points);
  const way = plan.targetValue - plan.baselineValue;
  return {
    realised: latest ? (latest.value - plan.baselineValue) / way : null,
    planned: plannedShare(plan, today),
  };
}

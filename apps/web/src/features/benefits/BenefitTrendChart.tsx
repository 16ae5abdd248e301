import { useTranslation } from 'react-i18next';
import type { BenefitPlan_benefit } from './benefitQueries.ts';

// The planned straight line from baseline to target, and the measurements on it. Hidden from
// assistive technology: the measurements table beside it says the same in words and numbers.

const WIDTH = 480;
const HEIGHT = 200;
const PAD = 28;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function BenefitTrendChart({ benefit }: { benefit: BenefitPlan_benefit }) {
  const { t } = useTranslation();
  const points = [...benefit.measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const days = [benefit.baselineDate, benefit.targetDate, ...points.map((p) => p.measuredOn)].map(dayOf);
  const values = [benefit.baselineValue, benefit.targetValue, ...points.map((p) => p.value)];
  const [minDay, maxDay] = [Math.min(...days), Math.max(...days)];
  const [minValue, maxValue] = [Math.min(...values), Math.max(...values)];
  const x = (iso: string) => PAD + ((dayOf(iso) - minDay) / (maxDay - minDay || 1)) * (WIDTH - 2 * PAD);
  const y = (value: number) => HEIGHT - PAD - ((value - minValue) / (maxValue - minValue || 1)) * (HEIGHT - 2 * PAD);
  const line = points.map((p) => `${x(p.measuredOn)},${y(p.value)}`).join(' ');
  return (
    <figure className="benefit-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false" data-testid="benefit-trend-chart" data-points={points.length}>
        <line x1={x(benefit.baselineDate)} y1={y(benefit.baselineValue)} x2={x(benefit.targetDate)} y2={y(benefit.targetValue)} className="benefit-chart__planned" />
        {points.length > 0 && <polyline points={`${x(benefit.baselineDate)},${y(benefit.baselineValue)} ${line}`} className="benefit-chart__measured" />}
        {points.map((p) => (
          <circle key={p.id} cx={x(p.measuredOn)} cy={y(p.value)} r={4} className="benefit-chart__point" />
        ))}
      </svg>
      <figcaption>{t('benefits.chart.caption')}</figcaption>
    </figure>
  );
}

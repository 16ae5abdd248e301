import { scaleTime } from '@visx/scale';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { precisionLabel } from './precision.ts';
import type { TimelineMilestone, TimelinePhase } from './timelineQueries.ts';

const WIDTH = 1100;
const LEFT = 12;
const RIGHT = 12;
const PHASE_ROW = 22;
const LANE = 26;
const FIRST_YEAR = 2017;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Milestones in lanes so that no two windows (widened to a marker's width) overlap. */
function lanes(milestones: TimelineMilestone[], x: (d: Date) => number): number[] {
  const ends: number[] = [];
  return milestones.map((m) => {
    const from = x(day(m.date.start)) - 6;
    const to = Math.max(x(day(m.date.end)), from + 12) + 6;
    let lane = ends.findIndex((end) => end < from);
    if (lane === -1) lane = ends.push(0) - 1;
    ends[lane] = to;
    return lane;
  });
}

export function milestoneState(m: Pick<TimelineMilestone, 'status' | 'isDelayed'>): 'done' | 'delayed' | 'planned' | 'cancelled' {
  if (m.status === 'DONE') return 'done';
  if (m.status === 'CANCELLED') return 'cancelled';
  return m.isDelayed ? 'delayed' : 'planned';
}

type TimelineChartProps = { phases: TimelinePhase[]; milestones: TimelineMilestone[]; today: string };

/**
 * The road from 2017 to beyond today, drawn to scale: phases as bands, each milestone as its
 * window (a day is a dot, a season or a year a bar) numbered as in the list beside it, today a
 * line. A picture only: the list carries every item in words, so the SVG is one labelled image.
 */
export function TimelineChart({ phases, milestones, today }: TimelineChartProps) {
  const { t } = useTranslation();
  const lastEnd = [...phases, ...milestones].reduce((max, item) => (item.date.end > max ? item.date.end : max), today);
  const endYear = Math.max(Number(lastEnd.slice(0, 4)), Number(today.slice(0, 4))) + 1;
  const x = scaleTime({ domain: [day(`${FIRST_YEAR}-01-01`), day(`${endYear}-12-31`)], range: [LEFT, WIDTH - RIGHT] });
  const lane = lanes(milestones, x);
  const laneCount = Math.max(1, ...lane.map((l) => l + 1));
  const top = PHASE_ROW + 24;
  const height = top + laneCount * LANE + 8;
  const years = Array.from({ length: endYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const summary = t('timeline.chartSummary', { from: FIRST_YEAR, to: endYear, count: milestones.length, today: formatDate(today) });
  return (
    <div className="timeline-chart-scroll">
      <svg className="timeline-chart" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={summary}>
        {years.map((year) => {
          const at = x(day(`${year}-01-01`));
          return (
            <g key={year}>
              <line className="timeline-year-line" x1={at} x2={at} y1={0} y2={height} />
              <text className="timeline-axis" x={at + 3} y={PHASE_ROW + 16}>
                {year}
              </text>
            </g>
          );
        })}
        {phases.map((phase) => {
          const from = x(day(phase.date.start));
          const to = Math.max(x(day(phase.date.end)), from + 4);
          return (
            <g key={phase.id}>
              <rect className="timeline-phase" x={from} y={2} width={to - from} height={PHASE_ROW - 4} rx={3} />
              <title>{`${phase.name} (${precisionLabel(t, phase.date)})`}</title>
            </g>
          );
        })}
        {milestones.map((m, i) => {
          const from = x(day(m.date.start));
          const to = x(day(m.date.end));
          const y = top + lane[i]! * LANE + LANE / 2;
          const state = milestoneState(m);
          return (
            <g key={m.id} className={`timeline-mark timeline-mark--${state}`}>
              {to - from > 8 ? <rect x={from} y={y - 5} width={to - from} height={10} rx={5} /> : <circle cx={from} cy={y} r={6} />}
              <text className="timeline-number" x={Math.max(from, to) + 9} y={y} dominantBaseline="middle">
                {i + 1}
              </text>
              <title>{`${i + 1}. ${m.title} (${precisionLabel(t, m.date)})`}</title>
            </g>
          );
        })}
        <line className="timeline-today" x1={x(day(today))} x2={x(day(today))} y1={0} y2={height} />
        <text className="timeline-today-label" x={x(day(today)) + 4} y={height - 4}>
          {t('timeline.today')}
        </text>
      </svg>
    </div>
  );
}

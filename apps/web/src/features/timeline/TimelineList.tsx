import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { precisionLabel } from './precision.ts';
import { milestoneState } from './TimelineChart.tsx';
import type { TimelineMilestone, TimelinePhase } from './timelineQueries.ts';

type TimelineListProps = {
  phases: TimelinePhase[];
  milestones: TimelineMilestone[];
  editable: boolean;
  onEditMilestone(milestone: TimelineMilestone): void;
  onEditPhase(phase: TimelinePhase): void;
};

/** Every phase and milestone in words, in date order, numbered as in the chart. */
export function TimelineList({ phases, milestones, editable, onEditMilestone, onEditPhase }: TimelineListProps) {
  const { t } = useTranslation();
  return (
    <div className="timeline-lists">
      <section aria-labelledby="timeline-milestones">
        <Heading level={2} data-size="sm" id="timeline-milestones">
          {t('timeline.milestones')}
        </Heading>
        {milestones.length === 0 && <Paragraph>{t('timeline.noMilestones')}</Paragraph>}
        <ol className="timeline-list">
          {milestones.map((m) => {
            const state = milestoneState(m);
            return (
              <li key={m.id} className="timeline-item">
                <Heading level={3} data-size="2xs">
                  {m.title}
                </Heading>
                <dl className="timeline-facts">
                  <div>
                    <dt>{t('timeline.fields.date')}</dt>
                    <dd>
                      {precisionLabel(t, m.date)}
                      {m.date.note ? ` (${m.date.note})` : ''}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('timeline.fields.kind')}</dt>
                    <dd>{t(`timeline.kind.${m.kind}`)}</dd>
                  </div>
                  <div>
                    <dt>{t('timeline.fields.status')}</dt>
                    <dd>
                      <span className={`timeline-status timeline-status--${state}`}>{t(`timeline.state.${state}`)}</span>
                    </dd>
                  </div>
                  {m.decidingBody && (
                    <div>
                      <dt>{t('timeline.fields.decidingBody')}</dt>
                      <dd>{m.decidingBody}</dd>
                    </div>
                  )}
                  {m.caseReference && (
                    <div>
                      <dt>{t('timeline.fields.caseReference')}</dt>
                      <dd>{m.caseReference}</dd>
                    </div>
                  )}
                  {m.phase && (
                    <div>
                      <dt>{t('timeline.fields.phase')}</dt>
                      <dd>{m.phase.name}</dd>
                    </div>
                  )}
                </dl>
                {m.description && <Paragraph data-size="sm">{m.description}</Paragraph>}
                {editable && (
                  <Button type="button" variant="tertiary" data-size="sm" onClick={() => onEditMilestone(m)}>
                    {t('timeline.editMilestone', { title: m.title })}
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="timeline-phases">
        <Heading level={2} data-size="sm" id="timeline-phases">
          {t('timeline.phases')}
        </Heading>
        <ul className="timeline-list">
          {phases.map((phase) => (
            <li key={phase.id} className="timeline-item">
              <Heading level={3} data-size="2xs">
                {phase.name}
              </Heading>
              <Paragraph data-size="sm">{precisionLabel(t, phase.date)}</Paragraph>
              {phase.description && <Paragraph data-size="sm">{phase.description}</Paragraph>}
              {editable && (
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => onEditPhase(phase)}>
                  {t('timeline.editPhase', { name: phase.name })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

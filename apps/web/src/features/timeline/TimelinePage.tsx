import { useFragment, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/layout/Page.tsx';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { useCan } from '../../lib/auth/useCan.ts';
import { osloToday } from '../../lib/format.ts';
import { MilestoneDialog, type MilestoneDialogTarget } from './MilestoneDialog.tsx';
import { PhaseDialog, type PhaseDialogTarget } from './PhaseDialog.tsx';
import { TimelineChart } from './TimelineChart.tsx';
import { TimelineList } from './TimelineList.tsx';
import { TIMELINE_PAGE_QUERY, TIMELINE_VIEW_FRAGMENT } from './timelineQueries.ts';
import '../../components/form/form.css';
import './timeline.css';

/** Tidslinje: phases and milestones from 2017 to beyond today, drawn to scale and listed in words. */
export function TimelinePage() {
  const { t } = useTranslation();
  const { loading, error, refetch, data } = useQuery(TIMELINE_PAGE_QUERY);
  const { can } = useCan();
  const editable = can('editTimeline');
  const [milestoneTarget, setMilestoneTarget] = useState<MilestoneDialogTarget | null>(null);
  const [phaseTarget, setPhaseTarget] = useState<PhaseDialogTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  let body;
  if (error && !data) {
    body = (
      <Alert data-color="danger" role="alert">
        <Heading level={2} data-size="xs">
          {t('timeline.errorTitle')}
        </Heading>
        <Paragraph>{t('timeline.errorText')}</Paragraph>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => void refetch().catch(() => {})} disabled={loading}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  } else if (!data) {
    body = <PageLoading label={t('timeline.loading')} />;
  } else {
    const saved = (message: string) => {
      setMilestoneTarget(null);
      setPhaseTarget(null);
      setNotice(message);
    };
    body = (
      <TimelineView
        editable={editable}
        milestoneTarget={milestoneTarget}
        phaseTarget={phaseTarget}
        onMilestone={setMilestoneTarget}
        onPhase={setPhaseTarget}
        onSaved={saved}
      />
    );
  }

  return (
    <Page title={t('timeline.title')}>
      <Paragraph className="page-lead">{t('timeline.lead')}</Paragraph>
      {editable && data && (
        <div className="timeline-actions">
          <Button type="button" data-size="sm" onClick={() => setMilestoneTarget({})}>
            {t('timeline.addMilestone')}
          </Button>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setPhaseTarget({})}>
            {t('timeline.addPhase')}
          </Button>
        </div>
      )}
      {/* Always present, so a confirmation is announced when its text appears. */}
      <div role="status" className="timeline-notice">
        {notice && (
          <Alert data-color="success" className="form-alert">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      {body}
    </Page>
  );
}

type TimelineViewProps = {
  editable: boolean;
  milestoneTarget: MilestoneDialogTarget | null;
  phaseTarget: PhaseDialogTarget | null;
  onMilestone(target: MilestoneDialogTarget | null): void;
  onPhase(target: PhaseDialogTarget | null): void;
  onSaved(message: string): void;
};

/** Reads its own fragment on Query: the chart, the list, and the dialogs that need the phases. */
function TimelineView({ editable, milestoneTarget, phaseTarget, onMilestone, onPhase, onSaved }: TimelineViewProps) {
  const { data, complete } = useFragment({ fragment: TIMELINE_VIEW_FRAGMENT, fragmentName: 'TimelineView_query', from: { __typename: 'Query' } });
  if (!complete) return null;
  return (
    <>
      <TimelineChart phases={data.phases} milestones={data.milestones} today={osloToday()} />
      <TimelineList
        phases={data.phases}
        milestones={data.milestones}
        editable={editable}
        onEditMilestone={(milestone) => onMilestone({ milestone })}
        onEditPhase={(phase) => onPhase({ phase })}
      />
      {editable && (
        <>
          <MilestoneDialog target={milestoneTarget} phases={data.phases} onClose={() => onMilestone(null)} onSaved={onSaved} />
          <PhaseDialog target={phaseTarget} onClose={() => onPhase(null)} onSaved={onSaved} />
        </>
      )}
    </>
  );
}

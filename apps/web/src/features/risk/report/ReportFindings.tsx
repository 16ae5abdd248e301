import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format.ts';
import type { FindingKind } from '../../findings/findingsQueries.ts';
import type { ReportFinding } from './reportQuery.ts';
import { ReportSection } from './ReportSection.tsx';

/** The findings by kind, in the server's order (kind, then their own order), with their risks by reference. */
export function ReportFindings({ findings }: { findings: ReportFinding[] }) {
  const { t } = useTranslation();
  const groups = new Map<FindingKind, ReportFinding[]>();
  for (const finding of findings) groups.set(finding.kind, [...(groups.get(finding.kind) ?? []), finding]);
  return (
    <ReportSection title={t('riskReport.findings.heading', { count: formatCount(findings.length) })}>
      {findings.length === 0 && <p>{t('riskReport.findings.none')}</p>}
      {[...groups].map(([kind, items]) => (
        <div key={kind} className="report-findings__group">
          <Heading level={3} data-size="xs">
            {t(`findingsBoard.kind.${kind}.plural`)} ({formatCount(items.length)})
          </Heading>
          <ul className="report-findings__list">
            {items.map((finding) => (
              <li key={finding.id}>
                <strong>{finding.title}</strong>
                {finding.status && ` – ${t(`findingsBoard.status.${finding.status}`)}`}
                {finding.description && <p className="report-findings__description">{finding.description}</p>}
                {finding.risks.length > 0 && (
                  <p className="report-findings__risks">
                    {t('riskReport.findings.risks', { references: finding.risks.map((risk) => risk.reference).join(', ') })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </ReportSection>
  );
}

import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatCount } from '../../lib/format.ts';
import type { BoardFinding, FindingKind, LinkedRisk } from './findingsQueries.ts';
import { useUnlinkFinding } from './useFindingMutations.ts';

type FindingSectionProps = {
  kind: FindingKind;
  findings: BoardFinding[];
  editable: boolean;
  onAdd(): void;
  onEdit(finding: BoardFinding): void;
  onDelete(finding: BoardFinding): void;
  onLink(finding: BoardFinding): void;
  onUnlinked(finding: BoardFinding, risk: LinkedRisk): void;
};

/** One kind of finding: a heading with the count, the findings in their order, and the editor's controls. */
export function FindingSection({ kind, findings, editable, onAdd, onEdit, onDelete, onLink, onUnlinked }: FindingSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="finding-section">
      <div className="finding-section__head">
        <Heading level={2} data-size="sm" id={headingId}>
          {t(`findingsBoard.kind.${kind}.plural`)} <span className="finding-section__count">({formatCount(findings.length)})</span>
        </Heading>
        {editable && (
          <Button type="button" variant="secondary" data-size="sm" onClick={onAdd}>
            {t('findingsBoard.add', { kind: t(`findingsBoard.kind.${kind}.one`) })}
          </Button>
        )}
      </div>
      {findings.length === 0 ? (
        <Paragraph className="finding-section__empty">{t('findingsBoard.empty')}</Paragraph>
      ) : (
        <ul className="finding-list">
          {findings.map((finding) => (
            <FindingItem
              key={finding.id}
              finding={finding}
              editable={editable}
              onEdit={() => onEdit(finding)}
              onDelete={() => onDelete(finding)}
              onLink={() => onLink(finding)}
              onUnlinked={(risk) => onUnlinked(finding, risk)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

type FindingItemProps = {
  finding: BoardFinding;
  editable: boolean;
  onEdit(): void;
  onDelete(): void;
  onLink(): void;
  onUnlinked(risk: LinkedRisk): void;
};

function FindingItem({ finding, editable, onEdit, onDelete, onLink, onUnlinked }: FindingItemProps) {
  const { t } = useTranslation();
  const { unlink, loading, problem } = useUnlinkFinding();
  const titleId = useId();
  return (
    <li className="finding-item" aria-labelledby={titleId}>
      <div className="finding-item__head">
        <Heading level={3} data-size="xs" id={titleId}>
          {finding.title}
        </Heading>
        {finding.status && (
          <span className={`finding-status finding-status--${finding.status.toLowerCase()}`}>
            <span className="ds-sr-only">{t('findingsBoard.fields.status')}: </span>
            {t(`findingsBoard.status.${finding.status}`)}
          </span>
        )}
      </div>
      {finding.description && <Paragraph className="finding-item__description">{finding.description}</Paragraph>}
      <div className="finding-item__risks">
        <span>{t('findingsBoard.link.linkedRisks')}</span>{' '}
        {finding.risks.length === 0 ? (
          <span>{t('findingsBoard.link.none')}</span>
        ) : (
          <ul className="finding-item__risk-list">
            {finding.risks.map((risk) => (
              <li key={risk.id}>
                <Link asChild>
                  <RouterLink to={`/risiko/${risk.id}`}>
                    {risk.reference} {risk.title}
                  </RouterLink>
                </Link>
                {editable && (
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    disabled={loading}
                    onClick={() => void unlink(finding.id, risk.id).then((ok) => ok && onUnlinked(risk))}
                  >
                    {t('findingsBoard.link.unlink', { risk: risk.reference })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {problem && (
        <Paragraph role="alert" className="finding-item__error">
          {problem}
        </Paragraph>
      )}
      {editable && (
        <div className="form-actions finding-item__actions">
          <Button type="button" variant="secondary" data-size="sm" onClick={onEdit}>
            {t('findingsBoard.edit.open')} <span className="ds-sr-only">{finding.title}</span>
          </Button>
          <Button type="button" variant="secondary" data-size="sm" onClick={onLink}>
            {t('findingsBoard.link.open')} <span className="ds-sr-only">{finding.title}</span>
          </Button>
          <Button type="button" variant="tertiary" data-color="danger" data-size="sm" onClick={onDelete}>
            {t('findingsBoard.delete.open')} <span className="ds-sr-only">{finding.title}</span>
          </Button>
        </div>
      )}
    </li>
  );
}

import { Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { riskLevelClass } from '../shared/RiskLevelBadge.tsx';
import { AXES, LEVELS } from './criteriaForm.ts';
import type { CriteriaInForce, ScaleAxis, ScaleLevel } from './criteriaQueries.ts';

const HIGH_FIRST = [...LEVELS].reverse();

/** "3 Mulig": the level's number and its label under this version. */
function scaleLabel(scale: ScaleLevel[], axis: ScaleAxis, level: number): string {
  const found = scale.find((item) => item.axis === axis && item.level === level);
  return found ? `${level} ${found.label}` : String(level);
}

/**
 * The version's 5x5 grid: likelihood up the side (highest on top, as ROS matrices are drawn),
 * consequence along the bottom; each cell in its level's colour and its level in words.
 */
export function CriteriaGrid({ criteria }: { criteria: CriteriaInForce }) {
  const { t } = useTranslation();
  const captionId = useId();
  const level = (likelihood: number, consequence: number) =>
    criteria.cells.find((cell) => cell.likelihood === likelihood && cell.consequence === consequence)?.level ?? null;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="criteria-grid">
        <caption id={captionId}>{t('criteria.grid.caption', { name: criteria.name })}</caption>
        <thead>
          <tr>
            <td className="criteria-grid__corner">
              <span>{t('criteria.grid.corner')}</span>
            </td>
            {LEVELS.map((consequence) => (
              <th key={consequence} scope="col">
                {t('risk.consequence')} {scaleLabel(criteria.scale, 'CONSEQUENCE', consequence)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HIGH_FIRST.map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row">
                {t('risk.likelihood')} {scaleLabel(criteria.scale, 'LIKELIHOOD', likelihood)}
              </th>
              {LEVELS.map((consequence) => {
                const cellLevel = level(likelihood, consequence);
                return (
                  <td key={consequence} className={`criteria-grid__cell ${riskLevelClass(cellLevel)}`}>
                    {cellLevel ? t(`risk.level.${cellLevel}`) : t('risk.level.none')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What each level of each axis means under this version. */
export function ScaleTables({ scale }: { scale: ScaleLevel[] }) {
  const { t } = useTranslation();
  return (
    <div className="criteria-scales">
      {AXES.map((axis) => (
        <ScaleTable key={axis} axis={axis} levels={scale.filter((item) => item.axis === axis).sort((a, b) => a.level - b.level)} caption={t(`criteria.scale.caption.${axis}`)} />
      ))}
    </div>
  );
}

function ScaleTable({ levels, caption }: { axis: ScaleAxis; levels: ScaleLevel[]; caption: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border>
        <caption id={captionId}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('criteria.scale.level')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('criteria.scale.label')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('criteria.scale.description')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {levels.map((item) => (
            <Table.Row key={item.level}>
              <Table.HeaderCell scope="row">{item.level}</Table.HeaderCell>
              <Table.Cell>{item.label}</Table.Cell>
              <Table.Cell>{item.description}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

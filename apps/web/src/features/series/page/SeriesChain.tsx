import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { periodText } from './codes.ts';
import { SeriesLink } from './SeriesLink.tsx';
import type { SeriesChainLink, SeriesPage_series } from './seriesPageQuery.ts';

/** The chain of periods around the series (up to three each way), oldest first; the series itself unlinked. */
export function SeriesChain({ series }: { series: SeriesPage_series }) {
  const { t } = useTranslation();
  const before: SeriesChainLink[] = [];
  for (let link = series.predecessor as (SeriesChainLink & { predecessor?: unknown }) | null; link; link = (link.predecessor ?? null) as typeof link) before.unshift(link);
  const after: SeriesChainLink[] = [];
  for (let link = series.successor as (SeriesChainLink & { successor?: unknown }) | null; link; link = (link.successor ?? null) as typeof link) after.push(link);
  if (before.length === 0 && after.length === 0) return <Paragraph data-size="sm">{t('seriesPage.chain.none')}</Paragraph>;
  return (
    <>
      <Heading level={3} data-size="2xs" id="series-chain-heading">
        {t('seriesPage.chain.title')}
      </Heading>
      <ol className="series-chain" aria-labelledby="series-chain-heading">
        {before.map((link) => (
          <li key={link.id}>
            <SeriesLink series={link} />
          </li>
        ))}
        <li aria-current="page" className="series-chain__current">
          {`${series.identifier} ${series.title} (${periodText(series.periodStart, series.periodEnd)}) `}
          <span>{t('seriesPage.chain.current')}</span>
        </li>
        {after.map((link) => (
          <li key={link.id}>
            <SeriesLink series={link} />
          </li>
        ))}
      </ol>
    </>
  );
}

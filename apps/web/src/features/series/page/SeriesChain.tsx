import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { periodText } from './codes.ts';
import { SeriesLink } from './SeriesLink.tsx';
import type { SeriesChainLink, SeriesPage_series } from './seriesPageQuery.ts';

type Walked = SeriesChainLink & { predecessor?: unknown; successor?: unknown; earlier?: unknown; later?: unknown };

/**
 * The chain of periods around the series, oldest first, the series itself unlinked. The page
 * fetches three periods each way (one batched loader call per step); where the chain goes on,
 * the farthest period says so, and its own page shows the next three.
 */
export function SeriesChain({ series }: { series: SeriesPage_series }) {
  const { t } = useTranslation();
  const before: Walked[] = [];
  for (let link = series.predecessor as Walked | null; link; link = (link.predecessor ?? null) as Walked | null) before.unshift(link);
  const after: Walked[] = [];
  for (let link = series.successor as Walked | null; link; link = (link.successor ?? null) as Walked | null) after.push(link);
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
            {link.earlier ? ` ${t('seriesPage.chain.earlier')}` : ''}
          </li>
        ))}
        <li aria-current="page" className="series-chain__current">
          {`${series.identifier} ${series.title} (${periodText(series.periodStart, series.periodEnd)}) `}
          <span>{t('seriesPage.chain.current')}</span>
        </li>
        {after.map((link) => (
          <li key={link.id}>
            <SeriesLink series={link} />
            {link.later ? ` ${t('seriesPage.chain.later')}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}

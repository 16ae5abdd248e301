import type { ArchiveSeriesSeed } from '../types.ts';
import type { Gaps } from './profiles.ts';
import type { Random } from './random.ts';

// Identifiers whose mapping readiness depends on: the new period must stay mapped so that a
// municipality's gaps show up in its older series, not in the obvious place.
const ALWAYS_MAPPED = new Set(['SAK-2026', 'SAK-2020']);

/**
 * Knocks holes into a municipality's catalogue on purpose, so that go-live readiness differs
 * between municipalities (see profiles.ts for who lacks what). Deterministic: it draws from the
 * municipality's own seeded generator.
 */
export function applyGaps(series: ArchiveSeriesSeed[], gaps: Gaps, rng: Random): ArchiveSeriesSeed[] {
  return series.map((original) => {
    const s = { ...original };
    if (gaps.missingRetention > 0 && rng.chance(gaps.missingRetention)) {
      s.retentionDecision = null;
      s.retentionYears = null;
      s.retentionBasis = null;
    }
    if (s.accessRestriction && gaps.restrictedWithoutBasis > 0 && rng.chance(gaps.restrictedWithoutBasis)) {
      s.restrictionBasis = null;
    }
    if (s.targetSeries && !ALWAYS_MAPPED.has(s.identifier) && gaps.unmapped > 0 && rng.chance(gaps.unmapped)) {
      s.targetSeries = null;
    }
    if (s.storageLocation && s.depositStatus === 'IKKE_AVLEVERT' && gaps.paperWithoutStorage > 0 && rng.chance(gaps.paperWithoutStorage)) {
      s.storageLocation = null;
    }
    return s;
  });
}

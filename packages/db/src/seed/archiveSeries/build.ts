import type { ArchiveSeriesStatus, DocumentMedium, RetentionDecision } from '../../generated/prisma/enums.ts';
import type { TargetCode } from '../targetSeries.ts';
import type { ArchiveSeriesSeed } from '../types.ts';
import type { MunicipalityProfile } from './profiles.ts';
import { type Random, demoUuid } from './random.ts';
import { RESTRICTED } from './legal.ts';

/** One series as the catalogue modules describe it; build() fills in the rest. */
export interface SeriesInput {
  identifier: string;
  title: string;
  description?: string;
  medium: DocumentMedium;
  /** A year (1 January) or an ISO date. */
  from: number | string;
  /** A year (31 December), an ISO date, or null while the period is open. */
  to: number | string | null;
  continuous?: boolean;
  predecessor?: string | null;
  classification?: string | null;
  retention?: { decision: RetentionDecision; years?: number; basis?: string } | null;
  /** Legal basis of the restriction; the series is «Unntatt offentlighet». */
  restrictedBy?: string;
  system?: string | null;
  target: TargetCode | null;
  status?: ArchiveSeriesStatus;
  creatorId?: string;
  /** Files (mapper) a year at Kongsberg's size; drives the extent figures. */
  filesPerYear: number;
}

export interface BuildContext {
  profile: MunicipalityProfile;
  rng: Random;
  mainCreatorId: string;
}

const CUT_OVER_YEAR = 2026;
const DEPOSIT_PLACE = 'IKA Kongsberg';

export function mainCreatorIdOf(profile: MunicipalityProfile): string {
  return `KOMMUNE-${profile.number}`;
}

export function build(ctx: BuildContext, input: SeriesInput): ArchiveSeriesSeed {
  const { profile, rng } = ctx;
  const periodStart = typeof input.from === 'number' ? `${input.from}-01-01` : input.from;
  const periodEnd = input.to === null ? null : typeof input.to === 'number' ? `${input.to}-12-31` : input.to;
  const endYear = periodEnd ? Number(periodEnd.slice(0, 4)) : CUT_OVER_YEAR;
  const years = Math.max(1, endYear - Number(periodStart.slice(0, 4)) + 1);
  const files = Math.max(1, Math.round(input.filesPerYear * profile.size * years * (0.7 + rng.next() * 0.6)));
  const paper = input.medium !== 'ELEKTRONISK';
  const electronic = input.medium !== 'FYSISK';
  const deposit = paper && input.medium === 'FYSISK' && periodEnd !== null && endYear <= 2005 ? depositFor(rng, endYear) : null;
  return {
    municipality: profile.number,
    creatorId: input.creatorId ?? ctx.mainCreatorId,
    systemId: demoUuid(`${profile.number}/${input.identifier}`),
    identifier: input.identifier,
    title: input.title,
    description: input.description ?? null,
    status: input.status ?? statusFor(profile, periodEnd, endYear),
    documentMedium: input.medium,
    periodStart,
    periodEnd,
    isContinuous: input.continuous ?? false,
    predecessor: input.predecessor ?? null,
    classificationType: input.classification ?? null,
    retentionDecision: input.retention?.decision ?? null,
    retentionYears: input.retention?.years ?? null,
    retentionBasis: input.retention?.basis ?? null,
    accessRestriction: input.restrictedBy ? RESTRICTED : null,
    restrictionBasis: input.restrictedBy ?? null,
    storageLocation: paper ? (deposit ? DEPOSIT_PLACE : profile.archiveRoom) : null,
    extentFiles: electronic ? files : null,
    extentRecords: electronic ? files * rng.int(3, 12) : null,
    // Roughly 4 mm of shelf per paper folder; a mixed series keeps about half on paper.
    extentShelfMetres: paper ? Math.max(0.1, Math.round(files * (input.medium === 'BLANDET' ? 0.002 : 0.004) * 10) / 10) : null,
    system: input.system === undefined ? (input.medium === 'FYSISK' ? 'Papir' : null) : input.system,
    depositStatus: deposit?.status ?? 'IKKE_AVLEVERT',
    depositDate: deposit?.date ?? null,
    targetSeries: input.target,
  };
}

function statusFor(profile: MunicipalityProfile, periodEnd: string | null, endYear: number): ArchiveSeriesStatus {
  if (periodEnd === null) return 'AKTIV_PERIODE';
  // The periods closed by the cut-over on 1.1.2026 are still finishing their open cases.
  if (endYear === CUT_OVER_YEAR - 1) return profile.gaps.closingPeriodStatus;
  return 'AVSLUTTET_PERIODE';
}

// Older paper is either deposited (still the municipality's) or transferred (avlevert) to the
// inter-municipal archive; the oldest is more often transferred.
function depositFor(rng: Random, endYear: number): { status: 'DEPONERT' | 'AVLEVERT'; date: string } | null {
  if (!rng.chance(endYear <= 1990 ? 0.8 : 0.5)) return null;
  const year = rng.int(Math.max(endYear + 3, 1996), 2024);
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  return { status: endYear <= 1985 && rng.chance(0.7) ? 'AVLEVERT' : 'DEPONERT', date: `${year}-${month}-${day}` };
}

/** Consecutive periods of one kind, each the predecessor of the next (M202/M203). */
export function chain(ctx: BuildContext, inputs: Omit<SeriesInput, 'predecessor'>[]): ArchiveSeriesSeed[] {
  let previous: string | null = null;
  return inputs.map((input) => {
    const series = build(ctx, { ...input, predecessor: previous });
    previous = input.identifier;
    return series;
  });
}

/** The series' name for a school, kindergarten or unit written as a place. */
export function schoolName(place: string): string {
  return /skole$/.test(place) ? place : `${place} skole`;
}

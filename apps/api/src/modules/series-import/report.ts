import type { PlanItem } from './plan.ts';
import type { Problem, Problems, Severity } from './problems.ts';
import type { Extraction, VersionDecision } from './validate.ts';

// The report of a dry run or an import, stored as JSON on the job row and served by GraphQL
// in the same shape (noark-import.graphql, NoarkImportReport). A CSV import has the same
// report: its items are series only, its version unknown.

/** What a report lists: every kind of plan (Noark 5, CSV) has these three lists of items. */
export interface ReportPlan {
  archives: PlanItem<unknown, unknown>[];
  creators: PlanItem<unknown, unknown>[];
  series: PlanItem<unknown, unknown>[];
}

type ItemDetails = Pick<ReportItem, 'extentFiles' | 'extentRecords' | 'classes' | 'classificationType'>;

export interface Counts {
  archives: number;
  archiveCreators: number;
  series: number;
}

export interface ReportItem {
  kind: 'ARCHIVE' | 'ARCHIVE_CREATOR' | 'ARCHIVE_SERIES';
  action: 'CREATE' | 'UPDATE' | 'UNCHANGED';
  key: string;
  title: string;
  path: string;
  line: number | null;
  existingId: number | null;
  changedFields: string[];
  extentFiles: number | null;
  extentRecords: number | null;
  classes: number | null;
  classificationType: string | null;
}

export interface ImportReport {
  dryRun: boolean;
  version: string | null;
  versionSource: VersionDecision['source'];
  municipalityId: number | null;
  proposedMunicipalityId: number | null;
  proposalReason: string | null;
  items: ReportItem[];
  toCreate: Counts;
  toUpdate: Counts;
  unchanged: Counts;
  classes: number;
  files: number;
  records: number;
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  noticeCount: number;
  omittedProblemCount: number;
  canImport: boolean;
  created: Counts | null;
  updated: Counts | null;
  failure: { code: string; message: string } | null;
  parseMilliseconds: number;
}

const zero = (): Counts => ({ archives: 0, archiveCreators: 0, series: 0 });
const FIELD_OF_KIND = { ARCHIVE: 'archives', ARCHIVE_CREATOR: 'archiveCreators', ARCHIVE_SERIES: 'series' } as const;

export function buildReport(args: {
  dryRun: boolean;
  extraction: Extraction | null;
  version: VersionDecision | null;
  plan: ReportPlan | null;
  /** A series item's extent and classification (by default from the extraction). */
  details?: (item: PlanItem<unknown, unknown>) => ItemDetails | null;
  /** Whether the file could be read at all (by default: an extraction was made of it). */
  readable?: boolean;
  problems: Problems;
  municipalityId: number | null;
  proposal: { municipalityId: number; reason: string } | null;
  parseMilliseconds: number;
}): ImportReport {
  const { plan, extraction, problems } = args;
  const counts = { CREATE: zero(), UPDATE: zero(), UNCHANGED: zero() };
  const seriesByKey = new Map((extraction?.series ?? []).map((s) => [s.systemId, s]));
  const items: ReportItem[] = [];
  for (const item of [...(plan?.archives ?? []), ...(plan?.creators ?? []), ...(plan?.series ?? [])]) {
    counts[item.action][FIELD_OF_KIND[item.kind]]++;
    const s = item.kind !== 'ARCHIVE_SERIES' ? undefined : args.details ? args.details(item) : seriesByKey.get(item.key);
    items.push({
      kind: item.kind, action: item.action, key: item.key, title: item.title, path: item.path, line: item.line,
      existingId: (item.existing as { id: number } | null)?.id ?? null, changedFields: item.changedFields,
      extentFiles: s?.extentFiles ?? null, extentRecords: s?.extentRecords ?? null, classes: s?.classes ?? null, classificationType: s?.classificationType ?? null,
    });
  }
  const count = (severity: Severity) => problems.counts[severity];
  return {
    dryRun: args.dryRun,
    version: args.version?.version ?? null,
    versionSource: args.version?.source ?? 'UNKNOWN',
    municipalityId: args.municipalityId,
    proposedMunicipalityId: args.proposal?.municipalityId ?? null,
    proposalReason: args.proposal?.reason ?? null,
    items,
    toCreate: counts.CREATE,
    toUpdate: counts.UPDATE,
    unchanged: counts.UNCHANGED,
    classes: extraction?.totals.classes ?? 0,
    files: extraction?.totals.files ?? 0,
    records: extraction?.totals.records ?? 0,
    // In file order, as a reader goes through the file; problems of a whole file first.
    problems: [...problems.list].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file === 'arkivuttrekk.xml' ? -1 : 1)),
    errorCount: count('ERROR'),
    warningCount: count('WARNING'),
    noticeCount: count('NOTICE'),
    omittedProblemCount: problems.omitted,
    canImport: !problems.hasErrors && (args.readable ?? extraction !== null) && args.municipalityId !== null,
    created: null,
    updated: null,
    failure: null,
    parseMilliseconds: args.parseMilliseconds,
  };
}

import { graphql, http, HttpResponse } from 'msw';
import { expect } from 'vitest';
import { server } from '../../../test/server.ts';
import type { ImportJob } from './importJob.ts';
import type { ImportCounts, ImportItem, ImportProblem } from './ImportReport.tsx';

export const FLESBERG = { __typename: 'Municipality' as const, id: 'm-3050', name: 'Flesberg' };
export const ROLLAG = { __typename: 'Municipality' as const, id: 'm-3052', name: 'Rollag' };

export const counts = (archives = 0, archiveCreators = 0, series = 0): ImportCounts => ({ __typename: 'NoarkImportCounts', archives, archiveCreators, series });

export function item(fields: Partial<ImportItem> & { key: string; title: string }): ImportItem {
  return { __typename: 'NoarkImportItem', kind: 'ARCHIVE_SERIES', action: 'CREATE', line: 12, existingId: null, changedFields: [], extentFiles: 6, extentRecords: 12, classes: 2, ...fields };
}

export function problem(fields: Partial<ImportProblem> & { message: string }): ImportProblem {
  return { __typename: 'NoarkImportProblem', severity: 'WARNING', code: 'SOME_CODE', path: '/arkiv/arkivdel[1]', line: 20, file: 'arkivstruktur.xml', ...fields };
}

type Report = NonNullable<ImportJob['report']>;

export function report(fields: Partial<Report> = {}): Report {
  const problems = fields.problems ?? [];
  const bySeverity = (severity: ImportProblem['severity']) => problems.filter((p) => p.severity === severity).length;
  return {
    __typename: 'NoarkImportReport',
    dryRun: true,
    version: '5.0',
    versionSource: 'ARKIVUTTREKK',
    municipality: FLESBERG,
    proposedMunicipality: FLESBERG,
    proposalReason: 'arkivskaperNavn «Flesberg kommune» inneholder kommunenavnet Flesberg.',
    items: [
      item({ kind: 'ARCHIVE', key: 'a-1', title: 'Flesberg kommune – sakarkiv', extentFiles: null, extentRecords: null, classes: null }),
      item({ key: 's-1', title: 'Sakarkiv 2010–2015' }),
      item({ key: 's-2', title: 'Personalmapper', action: 'UPDATE', existingId: '77', changedFields: ['title', 'retentionDecision'] }),
    ],
    toCreate: counts(1, 0, 1),
    toUpdate: counts(0, 0, 1),
    unchanged: counts(0, 1, 0),
    problems,
    errorCount: bySeverity('ERROR'),
    warningCount: bySeverity('WARNING'),
    noticeCount: bySeverity('NOTICE'),
    omittedProblemCount: 0,
    canImport: bySeverity('ERROR') === 0,
    created: null,
    updated: null,
    failure: null,
    ...fields,
  };
}

export function job(fields: Partial<ImportJob> = {}): ImportJob {
  return { __typename: 'NoarkImportJob', id: 'job-1', dryRun: true, status: 'RUNNING', progress: 0.4, bytesRead: 4096, bytesTotal: 10240, report: null, ...fields };
}

/**
 * POST /uploads answers each file with the next id (up-1, up-2, …) and records each upload's
 * id (jsdom's XMLHttpRequest loses a FormData file's name and content, so order tells them apart).
 */
export function answerUploads(ids: string[] = []) {
  server.use(
    http.post('*/uploads', async ({ request }) => {
      expect(request.headers.get('x-samarkiv-csrf')).toBe('1');
      expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
      const uploadId = `up-${ids.length + 1}`;
      ids.push(uploadId);
      return HttpResponse.json({ uploadId, size: 100, filename: 'fil', sha256: 'x' }, { status: 201 });
    }),
  );
  return ids;
}

/** noarkImportJob answers with these jobs in turn, the last one for ever after. */
export function answerJobPolls(...jobs: ImportJob[]) {
  let call = 0;
  server.use(graphql.query('SeriesImportJob', () => HttpResponse.json({ data: { noarkImportJob: jobs[Math.min(call++, jobs.length - 1)] } })));
}

import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { IMPORT_REPORT_FRAGMENT, type ImportReport_report } from './ImportReport.tsx';
import { IMPORT_RESULT_FRAGMENT, type ImportResult_report } from './ImportResult.tsx';

export type ImportJobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

// Written by hand until codegen generates web types; keep in step with the documents below.
export type ImportJob = {
  __typename: 'NoarkImportJob';
  id: string;
  dryRun: boolean;
  status: ImportJobStatus;
  progress: number;
  bytesRead: number;
  bytesTotal: number;
  report: (ImportReport_report & ImportResult_report) | null;
};

/** What a job query and the mutations that start one all read. */
export const IMPORT_JOB_FIELDS = gql`
  fragment SeriesImportJob_job on NoarkImportJob {
    id
    dryRun
    status
    progress
    bytesRead
    bytesTotal
    report {
      ...ImportReport_report @unmask
      ...ImportResult_report @unmask
    }
  }
  ${IMPORT_REPORT_FRAGMENT}
  ${IMPORT_RESULT_FRAGMENT}
`;

export const SERIES_IMPORT_JOB_QUERY: TypedDocumentNode<{ noarkImportJob: ImportJob | null }, { id: string }> = gql`
  query SeriesImportJob($id: ID!) {
    noarkImportJob(id: $id) {
      ...SeriesImportJob_job @unmask
    }
  }
  ${IMPORT_JOB_FIELDS}
`;

export const hasEnded = (job: Pick<ImportJob, 'status'>) => job.status === 'SUCCEEDED' || job.status === 'FAILED';

// Often enough that a bar moves, rarely enough that a long import does not flood the server.
const POLL_MS = 500;

/** Follows a job until it has ended; `started` is the job as the starting mutation returned it. */
export function useImportJob(started: ImportJob) {
  const ended = hasEnded(started);
  const { data, error, refetch } = useQuery(SERIES_IMPORT_JOB_QUERY, {
    variables: { id: started.id },
    skip: ended,
    pollInterval: POLL_MS,
    notifyOnNetworkStatusChange: false,
  });
  const job = ended ? started : (data?.noarkImportJob ?? started);
  return { job, ended: hasEnded(job), lost: !ended && data !== undefined && data.noarkImportJob === null, error, retry: () => void refetch().catch(() => {}) };
}

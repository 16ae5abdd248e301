import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { outcomeOf, type MutationOutcome } from '../../../lib/mutationOutcome.ts';
import { IMPORT_JOB_FIELDS, type ImportJob } from './importJob.ts';

export type CsvField =
  | 'SYSTEM_ID' | 'IDENTIFIER' | 'TITLE' | 'DESCRIPTION' | 'STATUS' | 'DOCUMENT_MEDIUM' | 'PERIOD_START' | 'PERIOD_END'
  | 'IS_CONTINUOUS' | 'CLASSIFICATION_TYPE' | 'RETENTION_DECISION' | 'RETENTION_YEARS' | 'RETENTION_BASIS'
  | 'ACCESS_RESTRICTION' | 'RESTRICTION_BASIS' | 'STORAGE_LOCATION' | 'EXTENT_FILES' | 'EXTENT_RECORDS'
  | 'EXTENT_SHELF_METRES' | 'SYSTEM' | 'TARGET_SERIES' | 'DEPOSIT_STATUS' | 'DEPOSIT_DATE' | 'ARCHIVE'
  | 'ARCHIVE_CREATOR' | 'MUNICIPALITY';

/** Every field of the contract's ArchiveSeriesCsvField (docs: /work/briefs/csv-sdl.graphql), in the series page's order. */
export const CSV_FIELDS: readonly CsvField[] = [
  'SYSTEM_ID', 'IDENTIFIER', 'TITLE', 'DESCRIPTION', 'STATUS', 'DOCUMENT_MEDIUM', 'PERIOD_START', 'PERIOD_END',
  'IS_CONTINUOUS', 'CLASSIFICATION_TYPE', 'RETENTION_DECISION', 'RETENTION_YEARS', 'RETENTION_BASIS',
  'ACCESS_RESTRICTION', 'RESTRICTION_BASIS', 'STORAGE_LOCATION', 'EXTENT_FILES', 'EXTENT_RECORDS',
  'EXTENT_SHELF_METRES', 'SYSTEM', 'TARGET_SERIES', 'DEPOSIT_STATUS', 'DEPOSIT_DATE', 'ARCHIVE',
  'ARCHIVE_CREATOR', 'MUNICIPALITY',
];

export type CsvColumnMapping = { column: number; field: CsvField };

type NoarkArgs = { uploadId: string; uttrekkUploadId?: string | null; municipalityId?: string | null };
type CsvArgs = { uploadId: string; municipalityId: string; mapping: CsvColumnMapping[] };

const NOARK_DRY_RUN: TypedDocumentNode<{ noarkImportDryRun: ImportJob }, NoarkArgs> = gql`
  mutation StartNoarkImportDryRun($uploadId: ID!, $uttrekkUploadId: ID, $municipalityId: ID) {
    noarkImportDryRun(uploadId: $uploadId, uttrekkUploadId: $uttrekkUploadId, municipalityId: $municipalityId) {
      ...SeriesImportJob_job @unmask
    }
  }
  ${IMPORT_JOB_FIELDS}
`;

const NOARK_RUN: TypedDocumentNode<{ runNoarkImport: ImportJob }, NoarkArgs & { municipalityId: string }> = gql`
  mutation RunNoarkImport($uploadId: ID!, $uttrekkUploadId: ID, $municipalityId: ID!) {
    runNoarkImport(uploadId: $uploadId, uttrekkUploadId: $uttrekkUploadId, municipalityId: $municipalityId) {
      ...SeriesImportJob_job @unmask
    }
  }
  ${IMPORT_JOB_FIELDS}
`;

const CSV_DRY_RUN: TypedDocumentNode<{ csvImportDryRun: ImportJob }, CsvArgs> = gql`
  mutation StartCsvImportDryRun($uploadId: ID!, $municipalityId: ID!, $mapping: [CsvColumnMappingInput!]!) {
    csvImportDryRun(uploadId: $uploadId, municipalityId: $municipalityId, mapping: $mapping) {
      ...SeriesImportJob_job @unmask
    }
  }
  ${IMPORT_JOB_FIELDS}
`;

const CSV_RUN: TypedDocumentNode<{ runCsvImport: ImportJob }, CsvArgs> = gql`
  mutation RunCsvImport($uploadId: ID!, $municipalityId: ID!, $mapping: [CsvColumnMappingInput!]!) {
    runCsvImport(uploadId: $uploadId, municipalityId: $municipalityId, mapping: $mapping) {
      ...SeriesImportJob_job @unmask
    }
  }
  ${IMPORT_JOB_FIELDS}
`;

/** Starts a dry run or the import; `municipalityId` null lets a Noark dry run propose one. */
export type StartJob = (municipalityId: string | null) => Promise<MutationOutcome<ImportJob>>;

type NoarkFiles = { uploadId: string; uttrekkUploadId: string | null };

/** A Noark 5 dry run of files given at the call (the first one starts before the ids are known). */
export function useStartNoarkDryRun(): (files: NoarkFiles, municipalityId: string | null) => Promise<MutationOutcome<ImportJob>> {
  const [dryRun] = useMutation(NOARK_DRY_RUN);
  return useCallback(
    async ({ uploadId, uttrekkUploadId }, municipalityId) => {
      const outcome = await outcomeOf(() => dryRun({ variables: { uploadId, uttrekkUploadId, municipalityId } }));
      return outcome.ok ? { ok: true, data: outcome.data.noarkImportDryRun } : outcome;
    },
    [dryRun],
  );
}

export function useNoarkImportJobs(files: NoarkFiles) {
  const dryRunOf = useStartNoarkDryRun();
  const [run] = useMutation(NOARK_RUN);
  const { uploadId, uttrekkUploadId } = files;
  const startDryRun: StartJob = useCallback((municipalityId) => dryRunOf({ uploadId, uttrekkUploadId }, municipalityId), [dryRunOf, uploadId, uttrekkUploadId]);
  const startImport: StartJob = useCallback(
    async (municipalityId) => {
      const outcome = await outcomeOf(() => run({ variables: { uploadId, uttrekkUploadId, municipalityId: municipalityId ?? '' } }));
      return outcome.ok ? { ok: true, data: outcome.data.runNoarkImport } : outcome;
    },
    [run, uploadId, uttrekkUploadId],
  );
  return { startDryRun, startImport };
}

export function useCsvImportJobs(uploadId: string, mapping: CsvColumnMapping[]) {
  const [dryRun] = useMutation(CSV_DRY_RUN);
  const [run] = useMutation(CSV_RUN);
  const startDryRun: StartJob = useCallback(
    async (municipalityId) => {
      const outcome = await outcomeOf(() => dryRun({ variables: { uploadId, municipalityId: municipalityId ?? '', mapping } }));
      return outcome.ok ? { ok: true, data: outcome.data.csvImportDryRun } : outcome;
    },
    [dryRun, uploadId, mapping],
  );
  const startImport: StartJob = useCallback(
    async (municipalityId) => {
      const outcome = await outcomeOf(() => run({ variables: { uploadId, municipalityId: municipalityId ?? '', mapping } }));
      return outcome.ok ? { ok: true, data: outcome.data.runCsvImport } : outcome;
    },
    [run, uploadId, mapping],
  );
  return { startDryRun, startImport };
}

import { gql, type TypedDocumentNode } from '@apollo/client';
import type { OperatingFigureField } from '@samarkiv/shared';

// Written by hand until codegen; keep in step with operating-figure.graphql.
export type FigureRow = {
  __typename: 'OperatingFigureRow';
  id: string;
  month: string;
  municipality: { __typename: 'Municipality'; id: string; name: string };
  incomingPost: number | null;
  journalEntries: number | null;
  medianRegistrationDays: number | null;
  overdueItems: number | null;
  digitalOutgoingPercent: number | null;
};

// One row's fields, read where they are asked for (`@unmask`): the grid owns all of them.
const ROW = gql`
  fragment OperatingFigureRowFields on OperatingFigureRow {
    id
    month
    municipality {
      id
      name
    }
    incomingPost
    journalEntries
    medianRegistrationDays
    overdueItems
    digitalOutgoingPercent
  }
`;

export const OPERATING_FIGURE_GRID_QUERY: TypedDocumentNode<{ operatingFigureGrid: FigureRow[] }, { month: string }> = gql`
  query OperatingFigureGrid($month: String!) {
    operatingFigureGrid(month: $month) {
      ...OperatingFigureRowFields @unmask
    }
  }
  ${ROW}
`;

export const SET_OPERATING_FIGURE: TypedDocumentNode<
  { setOperatingFigure: FigureRow },
  { input: { municipalityId: string; month: string; field: OperatingFigureField; value: number | null } }
> = gql`
  mutation SetOperatingFigure($input: SetOperatingFigureInput!) {
    setOperatingFigure(input: $input) {
      ...OperatingFigureRowFields @unmask
    }
  }
  ${ROW}
`;

export type ImportProblem = { severity: 'ERROR' | 'WARNING' | 'NOTICE'; code: string; path: string; line: number | null; message: string };
export type ImportReport = {
  dryRun: boolean;
  canImport: boolean;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  errorCount: number;
  warningCount: number;
  omittedProblemCount: number;
  created: number | null;
  updated: number | null;
  items: { line: number; month: string; action: 'CREATE' | 'UPDATE' | 'UNCHANGED'; changedFields: string[]; municipality: { id: string; name: string } }[];
  problems: ImportProblem[];
};

const REPORT = gql`
  fragment OperatingFiguresImportReportFields on OperatingFiguresImportReport {
    dryRun canImport toCreate toUpdate unchanged errorCount warningCount omittedProblemCount created updated
    items { line month action changedFields municipality { id name } }
    problems { severity code path line message }
  }
`;

export const FIGURES_DRY_RUN: TypedDocumentNode<{ operatingFiguresImportDryRun: ImportReport }, { uploadId: string }> = gql`
  mutation OperatingFiguresImportDryRun($uploadId: ID!) {
    operatingFiguresImportDryRun(uploadId: $uploadId) {
      ...OperatingFiguresImportReportFields @unmask
    }
  }
  ${REPORT}
`;

export const FIGURES_IMPORT: TypedDocumentNode<{ runOperatingFiguresImport: ImportReport }, { uploadId: string }> = gql`
  mutation RunOperatingFiguresImport($uploadId: ID!) {
    runOperatingFiguresImport(uploadId: $uploadId) {
      ...OperatingFiguresImportReportFields @unmask
    }
  }
  ${REPORT}
`;

/** Sends a file to POST /uploads (outside GraphQL) and answers its upload id. */
export async function uploadFile(file: File): Promise<string> {
  const body = new FormData();
  body.append('file', file);
  const response = await fetch('/uploads', { method: 'POST', headers: { 'x-samarkiv-csrf': '1' }, body, credentials: 'same-origin' });
  const json = (await response.json().catch(() => ({}))) as { uploadId?: string };
  if (!response.ok || !json.uploadId) throw new Error(`upload failed: ${response.status}`);
  return json.uploadId;
}

import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ARCHIVE_SERIES_STATUS, DEPOSIT_STATUS, DOCUMENT_MEDIUM, RETENTION_DECISION } from '@samarkiv/shared';

export type SeriesStatus = keyof typeof ARCHIVE_SERIES_STATUS;
export type SeriesMedium = keyof typeof DOCUMENT_MEDIUM;
export type SeriesRetention = keyof typeof RETENTION_DECISION;
export type SeriesDeposit = keyof typeof DEPOSIT_STATUS;

// Written by hand until codegen generates web types; keep them in step with the documents below.
// The page reads the fragment through the query (`@unmask`): one component owns all of it.

/** A series in the chain of periods (forløper/arvtaker), as a link. */
export type SeriesChainLink = {
  __typename: 'ArchiveSeries';
  id: string;
  identifier: string;
  title: string;
  periodStart: string;
  periodEnd: string | null;
};

export type SeriesPage_series = {
  __typename: 'ArchiveSeries';
  id: string;
  municipality: { __typename: 'Municipality'; id: string; name: string };
  archive: { __typename: 'Archive'; id: string; title: string; systemId: string | null } | null;
  archiveCreator: { __typename: 'ArchiveCreator'; id: string; name: string; creatorId: string } | null;
  systemId: string | null;
  identifier: string;
  title: string;
  description: string | null;
  status: SeriesStatus;
  documentMedium: SeriesMedium;
  periodStart: string;
  periodEnd: string | null;
  isContinuous: boolean;
  classificationType: string | null;
  retentionDecision: SeriesRetention | null;
  retentionYears: number | null;
  retentionBasis: string | null;
  accessRestriction: string | null;
  restrictionBasis: string | null;
  storageLocation: string | null;
  extentFiles: number | null;
  extentRecords: number | null;
  extentShelfMetres: number | null;
  system: string | null;
  depositStatus: SeriesDeposit;
  depositDate: string | null;
  targetSeries: { __typename: 'TargetSeries'; id: string; code: string; title: string } | null;
  version: number;
  updatedAt: string;
  canEdit: boolean;
  /** Up to three periods back and forth: each level is one batched loader call on the server. */
  predecessor: (SeriesChainLink & { predecessor: (SeriesChainLink & { predecessor: (SeriesChainLink & { earlier: { id: string } | null }) | null }) | null }) | null;
  successor: (SeriesChainLink & { successor: (SeriesChainLink & { successor: (SeriesChainLink & { later: { id: string } | null }) | null }) | null }) | null;
};

export const SERIES_PAGE_FRAGMENT: TypedDocumentNode<SeriesPage_series> = gql`
  fragment SeriesChainLink on ArchiveSeries {
    id
    identifier
    title
    periodStart
    periodEnd
  }
  fragment SeriesPage_series on ArchiveSeries {
    id
    municipality {
      id
      name
    }
    archive {
      id
      title
      systemId
    }
    archiveCreator {
      id
      name
      creatorId
    }
    systemId
    identifier
    title
    description
    status
    documentMedium
    periodStart
    periodEnd
    isContinuous
    classificationType
    retentionDecision
    retentionYears
    retentionBasis
    accessRestriction
    restrictionBasis
    storageLocation
    extentFiles
    extentRecords
    extentShelfMetres
    system
    depositStatus
    depositDate
    targetSeries {
      id
      code
      title
    }
    version
    updatedAt
    canEdit
    predecessor {
      ...SeriesChainLink @unmask
      predecessor {
        ...SeriesChainLink @unmask
        predecessor {
          ...SeriesChainLink @unmask
          earlier: predecessor {
            id
          }
        }
      }
    }
    successor {
      ...SeriesChainLink @unmask
      successor {
        ...SeriesChainLink @unmask
        successor {
          ...SeriesChainLink @unmask
          later: successor {
            id
          }
        }
      }
    }
  }
`;

export const SERIES_PAGE_QUERY: TypedDocumentNode<{ archiveSeriesById: SeriesPage_series | null }, { id: string }> = gql`
  query SeriesPage($id: ID!) {
    archiveSeriesById(id: $id) {
      ...SeriesPage_series @unmask
    }
  }
  ${SERIES_PAGE_FRAGMENT}
`;

export type SeriesEditOptions = {
  archives: { __typename: 'Archive'; id: string; title: string }[];
  archiveCreators: { __typename: 'ArchiveCreator'; id: string; name: string }[];
  targetSeries: { __typename: 'TargetSeries'; id: string; code: string; title: string }[];
};

/** What the edit form's selects offer: the municipality's archives and creators, the target structure. */
export const SERIES_EDIT_OPTIONS_QUERY: TypedDocumentNode<SeriesEditOptions, { municipalityId: string }> = gql`
  query SeriesEditOptions($municipalityId: ID!) {
    archives(municipalityId: $municipalityId) {
      id
      title
    }
    archiveCreators(municipalityId: $municipalityId) {
      id
      name
    }
    targetSeries {
      id
      code
      title
    }
  }
`;

export type UpdateSeriesInput = Record<string, unknown> & { version: number };

export const UPDATE_SERIES_MUTATION: TypedDocumentNode<{ updateArchiveSeries: SeriesPage_series }, { id: string; input: UpdateSeriesInput }> = gql`
  mutation UpdateArchiveSeries($id: ID!, $input: UpdateArchiveSeriesInput!) {
    updateArchiveSeries(id: $id, input: $input) {
      ...SeriesPage_series @unmask
    }
  }
  ${SERIES_PAGE_FRAGMENT}
`;

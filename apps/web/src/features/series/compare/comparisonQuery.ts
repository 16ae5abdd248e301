import { gql, type TypedDocumentNode } from '@apollo/client';
import type { SeriesRetention, SeriesStatus } from '../page/seriesPageQuery.ts';

// Written by hand until codegen generates web types; keep them in step with the documents below.

export type ComparisonDifference = 'MISSING' | 'RETENTION_DECISION_DIFFERS' | 'CLASSIFICATION_TYPE_DIFFERS' | 'ACTIVE_AFTER_CUTOVER';

export type ComparisonCell = {
  __typename: 'ArchiveSeriesComparisonCell';
  municipality: { __typename: 'Municipality'; id: string };
  series: { __typename: 'ArchiveSeries'; id: string; identifier: string; title: string }[];
  seriesCount: number;
  statuses: SeriesStatus[];
  retentionDecisions: SeriesRetention[];
  retentionDecisionMissing: boolean;
  classificationTypes: string[];
  periodStart: string | null;
  periodEnd: string | null;
  differences: ComparisonDifference[];
};

export type ComparisonRow = {
  __typename: 'ArchiveSeriesComparisonRow';
  targetSeries: { __typename: 'TargetSeries'; id: string; code: string; title: string };
  commonRetentionDecision: SeriesRetention | null;
  commonClassificationType: string | null;
  cells: ComparisonCell[];
};

export type ComparisonColumn = {
  __typename: 'ArchiveSeriesComparisonColumn';
  municipality: { __typename: 'Municipality'; id: string; name: string };
  unmappedSeriesCount: number;
};

export type SeriesComparison = {
  __typename: 'ArchiveSeriesComparison';
  cutoverDate: string;
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
};

export const SERIES_COMPARISON_QUERY: TypedDocumentNode<{ archiveSeriesComparison: SeriesComparison }, Record<string, never>> = gql`
  query SeriesComparison {
    archiveSeriesComparison {
      cutoverDate
      columns {
        municipality {
          id
          name
        }
        unmappedSeriesCount
      }
      rows {
        targetSeries {
          id
          code
          title
        }
        commonRetentionDecision
        commonClassificationType
        cells {
          municipality {
            id
          }
          series {
            id
            identifier
            title
          }
          seriesCount
          statuses
          retentionDecisions
          retentionDecisionMissing
          classificationTypes
          periodStart
          periodEnd
          differences
        }
      }
    }
  }
`;

export type UnmappedSeries = { __typename: 'ArchiveSeries'; id: string; identifier: string; title: string; version: number };

export const UNMAPPED_SERIES_QUERY: TypedDocumentNode<{ unmappedArchiveSeries: UnmappedSeries[] }, { municipalityId: string }> = gql`
  query UnmappedSeries($municipalityId: ID!) {
    unmappedArchiveSeries(municipalityId: $municipalityId) {
      id
      identifier
      title
      version
    }
  }
`;

export const MAP_SERIES_MUTATION: TypedDocumentNode<
  { mapArchiveSeries: { __typename: 'ArchiveSeries'; id: string; version: number } },
  { id: string; targetSeriesId: string | null; version: number }
> = gql`
  mutation MapArchiveSeries($id: ID!, $targetSeriesId: ID, $version: Int!) {
    mapArchiveSeries(id: $id, targetSeriesId: $targetSeriesId, version: $version) {
      id
      version
    }
  }
`;

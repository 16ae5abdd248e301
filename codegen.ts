import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types for the API, generated from the modules' SDL. Each GraphQL object type that a
// service hands over as a Prisma row is mapped to that row type, so a resolver that forgets a
// field or returns the wrong shape fails `pnpm typecheck`.
const config: CodegenConfig = {
  schema: ['apps/api/src/graphql/root.graphql', 'apps/api/src/modules/*/*.graphql'],
  generates: {
    'apps/api/src/graphql/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.ts#Context',
        useIndexSignature: false,
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        mapperTypeSuffix: 'Model',
        inputMaybeValue: 'T | null | undefined',
        scalars: { ID: { input: 'string', output: 'string | number' }, JSON: 'unknown' },
        mappers: {
          Municipality: '@samarkiv/db#Municipality',
          RiskArea: '@samarkiv/db#RiskArea',
          Risk: '@samarkiv/db#Risk',
          RiskAssessment: '@samarkiv/db#RiskAssessment',
          Measure: '@samarkiv/db#Measure',
          Person: '../../modules/risk/risk.loaders.ts#Person',
          AcceptanceCriteria: '../../modules/risk/criteria.service.ts#CriteriaView',
          ConsequenceDimension: '@samarkiv/db#ConsequenceDimension',
          RiskBaseline: '@samarkiv/db#RiskBaseline',
          RiskAcceptance: '../../modules/risk/acceptance.service.ts#AcceptanceView',
          Phase: '@samarkiv/db#Phase',
          Milestone: '@samarkiv/db#Milestone',
          Archive: '@samarkiv/db#Archive',
          ArchiveCreator: '@samarkiv/db#ArchiveCreator',
          TargetSeries: '@samarkiv/db#TargetSeries',
          Finding: '@samarkiv/db#Finding',
          Purpose: '@samarkiv/db#Purpose',
          ArchiveSeries: '@samarkiv/db#ArchiveSeries',
          ArchiveSeriesConnection: '../../modules/archive-series/list.ts#SeriesConnectionView',
          ArchiveSeriesComparison: '../../modules/archive-series/comparison.ts#ComparisonView',
          ArchiveSeriesComparisonRow: '../../modules/archive-series/comparison.ts#ComparisonRowView',
          ArchiveSeriesComparisonColumn: '../../modules/archive-series/comparison.ts#ComparisonColumnView',
          ArchiveSeriesComparisonCell: '../../modules/archive-series/comparison.ts#ComparisonCellView',
          User: '../../modules/user/user.service.ts#UserRow',
          Me: '../../modules/auth/auth.service.ts#MeView',
          Membership: '{ municipalityId: number; role: import("@samarkiv/db").Role }',
          NoarkImportJob: '../../modules/series-import/noark-import.service.ts#ImportJobView',
          NoarkImportReport: '../../modules/series-import/report.ts#ImportReport',
          Service: '@samarkiv/db#Service',
          Benefit: '@samarkiv/db#Benefit',
          BenefitMeasurement: '../loaders.ts#MeasurementRow',
          OperatingFigureRow: '../../modules/operating-figure/operating-figure.service.ts#FigureRowView',
          OperatingFiguresImportItem: '../../modules/operating-figure/operating-figure.import.ts#ImportItem',
          OperatingFiguresImportReport: '../../modules/operating-figure/operating-figure.import.ts#FiguresImportReport',
          Overview: '../../modules/overview/overview.service.ts#OverviewView',
          NextMilestone: '../../modules/overview/overview.service.ts#NextMilestoneView',
          MunicipalityReadiness: '../../modules/overview/readiness.ts#MunicipalityReadinessView',
          MunicipalitySeriesCounts: '../../modules/overview/overview.service.ts#MunicipalitySeriesCountsView',
        },
      },
    },
  },
};

export default config;

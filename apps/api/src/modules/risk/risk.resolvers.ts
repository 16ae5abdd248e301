import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { createRiskArea, deleteRiskArea, listRiskAreas, restoreRiskArea, riskCountOfArea, updateRiskArea } from './area.service.ts';
import { createCriteriaVersion, getCriteria, listCriteriaVersions } from './criteria.service.ts';
import { riskMatrix } from './matrix.service.ts';
import { completeMeasure, createMeasure, deleteMeasure, isOverdue, listMeasures, measureRisk, measuresOfRisk, restoreMeasure, updateMeasure } from './measure.service.ts';
import { createRisk, deleteRisk, rescoreRisk, restoreRisk, updateRisk } from './risk-write.service.ts';
import { canEditRisk, getRisk, listRisks, riskArea, riskLevel } from './risk.service.ts';
import { isoDate } from '../../graphql/dates.ts';

const person = (ctx: Parameters<typeof listRiskAreas>[0], id: number | null) => (id === null ? null : ctx.loaders.personById.load(id));

export const riskResolvers: Resolvers = {
  Query: {
    riskAreas: (_, __, ctx) => listRiskAreas(ctx),
    risks: (_, args, ctx) => listRisks(ctx, args),
    risk: (_, { id }, ctx) => getRisk(ctx, id),
    riskMatrix: (_, args, ctx) => riskMatrix(ctx, args),
    acceptanceCriteria: (_, { asOf }, ctx) => getCriteria(ctx, asOf),
    acceptanceCriteriaVersions: (_, __, ctx) => listCriteriaVersions(ctx),
    measures: (_, args, ctx) => listMeasures(ctx, args),
  },
  Mutation: {
    createRiskArea: (_, { input }, ctx) => createRiskArea(ctx, input),
    updateRiskArea: (_, { id, input }, ctx) => updateRiskArea(ctx, id, input),
    deleteRiskArea: (_, { id }, ctx) => deleteRiskArea(ctx, id),
    restoreRiskArea: (_, { id }, ctx) => restoreRiskArea(ctx, id),
    createRisk: (_, { input }, ctx) => createRisk(ctx, input),
    updateRisk: (_, { id, input }, ctx) => updateRisk(ctx, id, input),
    rescoreRisk: (_, { id, input }, ctx) => rescoreRisk(ctx, id, input),
    deleteRisk: (_, { id }, ctx) => deleteRisk(ctx, id),
    restoreRisk: (_, { id }, ctx) => restoreRisk(ctx, id),
    createMeasure: (_, { input }, ctx) => createMeasure(ctx, input),
    updateMeasure: (_, { id, input }, ctx) => updateMeasure(ctx, id, input),
    completeMeasure: (_, { id, version }, ctx) => completeMeasure(ctx, id, version),
    deleteMeasure: (_, { id }, ctx) => deleteMeasure(ctx, id),
    restoreMeasure: (_, { id }, ctx) => restoreMeasure(ctx, id),
    createAcceptanceCriteriaVersion: (_, { input }, ctx) => createCriteriaVersion(ctx, input),
  },
  RiskArea: {
    risks: (area, _, ctx) => ctx.loaders.risksByArea.load(area.id),
    riskCount: (area, _, ctx) => riskCountOfArea(ctx, area.id),
  },
  Risk: {
    area: (risk, _, ctx) => riskArea(ctx, risk),
    municipalities: (risk, _, ctx) => ctx.loaders.municipalitiesByRisk.load(risk.id),
    owner: (risk, _, ctx) => person(ctx, risk.ownerId),
    nextReviewDate: (risk) => isoDate(risk.nextReviewDate),
    inherentScore: (risk) => risk.inherentLikelihood * risk.inherentConsequence,
    inherentLevel: (risk, _, ctx) => riskLevel(ctx, risk.inherentLikelihood, risk.inherentConsequence),
    residualScore: (risk) => (risk.residualLikelihood === null || risk.residualConsequence === null ? null : risk.residualLikelihood * risk.residualConsequence),
    residualLevel: (risk, _, ctx) => riskLevel(ctx, risk.residualLikelihood, risk.residualConsequence),
    measures: (risk, _, ctx) => measuresOfRisk(ctx, risk.id),
    assessments: (risk, _, ctx) => ctx.loaders.assessmentsByRisk.load(risk.id),
    canEdit: (risk, _, ctx) => canEditRisk(ctx, risk),
  },
  RiskAssessment: {
    assessedAt: (row) => row.assessedAt.toISOString(),
    assessedBy: (row, _, ctx) => person(ctx, row.assessedById),
  },
  Measure: {
    risk: (measure, _, ctx) => measureRisk(ctx, measure),
    owner: (measure, _, ctx) => person(ctx, measure.ownerId),
    deadline: (measure) => isoDate(measure.deadline),
    completedAt: (measure) => measure.completedAt?.toISOString() ?? null,
    isOverdue: (measure) => isOverdue(measure),
  },
};

import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { createRiskArea, deleteRiskArea, listRiskAreas, restoreRiskArea, riskCountOfArea, updateRiskArea } from './area.service.ts';
import { createCriteriaVersion, getCriteria, listCriteriaVersions } from './criteria.service.ts';
import { riskMatrix } from './matrix.service.ts';
import { completeMeasure, createMeasure, deleteMeasure, isOverdue, listMeasures, measureRisk, measuresOfRisk, restoreMeasure, updateMeasure } from './measure.service.ts';
import { createRisk, deleteRisk, rescoreRisk, restoreRisk, updateRisk } from './risk-write.service.ts';
import { canEditRisk, getRisk, listRisks, riskArea, riskLevel } from './risk.service.ts';
import { isoDate, osloDate } from '../../graphql/dates.ts';
import { acceptanceOf, acceptResidual, revokeAcceptance } from './acceptance.service.ts';
import { createBaseline, deleteBaseline, listBaselines } from './baseline.service.ts';
import { compareMatrices } from './comparison.service.ts';
import { consequenceScoresOf, createDimension, deleteDimension, listDimensions, setConsequenceScores, updateDimension } from './dimension.service.ts';
// Registers the register and measure exports (GET /exports/risk-register, /exports/risk-measures).
import './risk-export.ts';

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
    consequenceDimensions: (_, __, ctx) => listDimensions(ctx),
    riskBaselines: (_, __, ctx) => listBaselines(ctx),
    riskMatrixComparison: (_, args, ctx) => compareMatrices(ctx, args),
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
    createConsequenceDimension: (_, { input }, ctx) => createDimension(ctx, input),
    updateConsequenceDimension: (_, { id, input }, ctx) => updateDimension(ctx, id, input),
    deleteConsequenceDimension: (_, { id }, ctx) => deleteDimension(ctx, id),
    setRiskConsequenceScores: (_, { id, input }, ctx) => setConsequenceScores(ctx, id, input),
    acceptRiskResidual: (_, { id, input }, ctx) => acceptResidual(ctx, id, input),
    revokeRiskAcceptance: (_, { id, version }, ctx) => revokeAcceptance(ctx, id, version),
    createRiskBaseline: (_, { input }, ctx) => createBaseline(ctx, input),
    deleteRiskBaseline: (_, { id }, ctx) => deleteBaseline(ctx, id),
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
    consequenceScores: (risk, _, ctx) => consequenceScoresOf(ctx, risk.id),
    acceptance: (risk) => acceptanceOf(risk),
    openMeasureCount: async (risk, _, ctx) => (await ctx.loaders.measureCountsByRisk.load(risk.id)).open,
    overdueMeasureCount: async (risk, _, ctx) => (await ctx.loaders.measureCountsByRisk.load(risk.id)).overdue,
    isReviewOverdue: (risk) => risk.nextReviewDate !== null && isoDate(risk.nextReviewDate) < osloDate(),
  },
  RiskAcceptance: {
    approver: (acceptance, _, ctx) => person(ctx, acceptance.approverId),
  },
  RiskBaseline: {
    takenAt: (baseline) => baseline.takenAt.toISOString(),
    takenBy: (baseline, _, ctx) => person(ctx, baseline.takenById),
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

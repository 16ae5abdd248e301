import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { getFinding, listFindings } from './success-factor.service.ts';
import { createFinding, deleteFinding, linkFindingToRisk, restoreFinding, unlinkFindingFromRisk, updateFinding } from './success-factor.writes.ts';

export const successFactorResolvers: Resolvers = {
  Query: {
    findings: (_, args, ctx) => listFindings(ctx, args),
    finding: (_, { id }, ctx) => getFinding(ctx, id),
  },
  Mutation: {
    createFinding: (_, { input }, ctx) => createFinding(ctx, input),
    updateFinding: (_, { id, input }, ctx) => updateFinding(ctx, id, input),
    deleteFinding: (_, { id }, ctx) => deleteFinding(ctx, id),
    restoreFinding: (_, { id }, ctx) => restoreFinding(ctx, id),
    linkFindingToRisk: (_, { findingId, riskId }, ctx) => linkFindingToRisk(ctx, findingId, riskId),
    unlinkFindingFromRisk: (_, { findingId, riskId }, ctx) => unlinkFindingFromRisk(ctx, findingId, riskId),
  },
  Finding: {
    risks: (finding, _, ctx) => ctx.loaders.risksByFinding.load(finding.id),
  },
  Risk: {
    findings: (risk, _, ctx) => ctx.loaders.findingsByRisk.load(risk.id),
  },
};

import { isoDate } from '../../graphql/dates.ts';
import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { required } from '../../graphql/loaders.ts';
import { addMeasurement, createBenefit, deleteBenefit, deleteMeasurement, getBenefit, listBenefits, progressOf, statusByMunicipality, statusOf, updateBenefit } from './benefit.service.ts';

export const benefitResolvers: Resolvers = {
  Query: {
    benefits: (_, __, ctx) => listBenefits(ctx),
    benefit: (_, { id }, ctx) => getBenefit(ctx, id),
    benefitStatusByMunicipality: (_, __, ctx) => statusByMunicipality(ctx),
  },
  Mutation: {
    createBenefit: (_, { input }, ctx) => createBenefit(ctx, input),
    updateBenefit: (_, { id, input }, ctx) => updateBenefit(ctx, id, input),
    deleteBenefit: (_, { id }, ctx) => deleteBenefit(ctx, id),
    addBenefitMeasurement: (_, { input }, ctx) => addMeasurement(ctx, input),
    deleteBenefitMeasurement: (_, { id }, ctx) => deleteMeasurement(ctx, id),
  },
  Benefit: {
    purpose: async (benefit, _, ctx) => required(await ctx.loaders.purposeById.load(benefit.purposeId)),
    municipality: (benefit, _, ctx) => (benefit.municipalityId === null ? null : ctx.loaders.municipalityById.load(benefit.municipalityId)),
    baselineDate: (benefit) => isoDate(benefit.baselineDate),
    targetDate: (benefit) => isoDate(benefit.targetDate),
    measurements: (benefit, _, ctx) => ctx.loaders.measurementsByBenefit.load(benefit.id),
    status: (benefit, _, ctx) => statusOf(ctx, benefit),
    realisedShare: async (benefit, _, ctx) => (await progressOf(ctx, benefit)).realised,
    plannedShare: async (benefit, _, ctx) => (await progressOf(ctx, benefit)).planned,
  },
  BenefitMeasurement: {
    measuredOn: (m) => isoDate(m.measuredOn),
    recordedByName: (m) => m.recordedBy?.displayName ?? null,
  },
};

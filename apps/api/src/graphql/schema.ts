import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { archiveResolvers } from '../modules/archive/archive.resolvers.ts';
import { archiveSeriesResolvers } from '../modules/archive-series/archive-series.resolvers.ts';
import { comparisonResolvers } from '../modules/archive-series/comparison.resolvers.ts';
import { auditResolvers } from '../modules/audit/audit.resolvers.ts';
import { authResolvers } from '../modules/auth/auth.resolvers.ts';
import { mfaResolvers } from '../modules/mfa/mfa.resolvers.ts';
import { milestoneResolvers } from '../modules/milestone/milestone.resolvers.ts';
import { municipalityResolvers } from '../modules/municipality/municipality.resolvers.ts';
import { overviewResolvers } from '../modules/overview/overview.resolvers.ts';
import { purposeResolvers } from '../modules/purpose/purpose.resolvers.ts';
import { csvImportResolvers } from '../modules/series-import/csv-import.resolvers.ts';
import { noarkImportResolvers } from '../modules/series-import/noark-import.resolvers.ts';
import { remindersResolvers } from '../modules/reminders/reminders.resolvers.ts';
import { riskResolvers } from '../modules/risk/risk.resolvers.ts';
import { successFactorResolvers } from '../modules/success-factor/success-factor.resolvers.ts';
import { targetSeriesResolvers } from '../modules/target-series/target-series.resolvers.ts';
import { userResolvers } from '../modules/user/user.resolvers.ts';
import { serviceResolvers } from '../modules/service/service.resolvers.ts';
import { benefitResolvers } from '../modules/benefit/benefit.resolvers.ts';
import { operatingFigureResolvers } from '../modules/operating-figure/operating-figure.resolvers.ts';
import { applyAccessRules } from './access.ts';

const MODULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../modules');

const ROOT_SDL = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'root.graphql'), 'utf8');

/** Every module's SDL file, in a stable order. */
export function readModuleSdl(): string[] {
  return readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) =>
      readdirSync(join(MODULES_DIR, name))
        .filter((file) => file.endsWith('.graphql'))
        .sort()
        .map((file) => readFileSync(join(MODULES_DIR, name, file), 'utf8')),
    );
}

/** The schema as the SDL declares it, before the access rules wrap its root fields. */
export function buildRawSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: [ROOT_SDL, ...readModuleSdl()],
    resolvers: [
      archiveResolvers,
      archiveSeriesResolvers,
      comparisonResolvers,
      municipalityResolvers,
      riskResolvers,
      milestoneResolvers,
      authResolvers,
      mfaResolvers,
      remindersResolvers,
      userResolvers,
      auditResolvers,
      targetSeriesResolvers,
      successFactorResolvers,
      purposeResolvers,
      noarkImportResolvers,
      serviceResolvers,
      benefitResolvers,
      operatingFigureResolvers,
      csvImportResolvers,
      overviewResolvers,
    ],
  });
}

export function buildSchema(): GraphQLSchema {
  return applyAccessRules(buildRawSchema());
}

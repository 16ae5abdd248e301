import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { milestoneResolvers } from '../modules/milestone/milestone.resolvers.ts';
import { municipalityResolvers } from '../modules/municipality/municipality.resolvers.ts';
import { riskResolvers } from '../modules/risk/risk.resolvers.ts';

const MODULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../modules');

const ROOT_SDL = /* GraphQL */ `
  type Query
`;

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

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: [ROOT_SDL, ...readModuleSdl()],
    resolvers: [municipalityResolvers, riskResolvers, milestoneResolvers],
  });
}

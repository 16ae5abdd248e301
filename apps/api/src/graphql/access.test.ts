import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { applyAccessRules, rootFieldRules } from './access.ts';
import { buildRawSchema, readModuleSdl } from './schema.ts';

describe('access rules on the schema', () => {
  it('gives every root field of the schema a declared rule (@auth or @public)', () => {
    const missing = rootFieldRules(buildRawSchema()).filter((f) => f.rule === null).map((f) => `${f.operation}.${f.field}`);
    expect(missing).toEqual([]);
  });

  it('leaves only signIn, and the identity providers the sign-in page offers, open to visitors without a session', () => {
    const open = rootFieldRules(buildRawSchema()).filter((f) => f.rule?.kind === 'public').map((f) => `${f.operation}.${f.field}`);
    expect(open).toEqual(['Query.signInProviders', 'Mutation.signIn']);
  });

  it('refuses to build a schema with a root field that declares no rule', () => {
    const schema = makeExecutableSchema({ typeDefs: [readFileSync(new URL('./root.graphql', import.meta.url), 'utf8'), ...readModuleSdl(), `extend type Query { forgotten: Int }`] });
    expect(() => applyAccessRules(schema)).toThrow('Query.forgotten declares no access rule: add @auth or @public');
  });
});

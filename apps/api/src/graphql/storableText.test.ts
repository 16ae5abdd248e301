import { textRule, optionalTextRule } from '@samarkiv/shared';
import { describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../testing/testApi.ts';
import { useTestApi } from '../testing/useTestApi.ts';
import { UNSTORABLE_TEXT_MESSAGE } from './storableText.ts';

// U+0000 is valid in JSON and in a GraphQL string but not in PostgreSQL's text: before this
// guard, a name with it reached the database and came back as INTERNAL_SERVER_ERROR (the fuzz
// test found it through createRiskBaseline).

const t = useTestApi({ per: 'file' });
const CREATE = /* GraphQL */ `mutation Create($input: RiskBaselineInput!) { createRiskBaseline(input: $input) { id } }`;
const errorOf = (result: GraphQLResponse<unknown>) => result.errors?.[0];

describe('text that PostgreSQL cannot store', () => {
  it('refuses U+0000 in a variable with a field error, writing nothing', async () => {
    const coordinator = await t.api.signIn('koordinator');
    const before = await t.db.prisma.riskBaseline.count();
    const result = await coordinator.gql(CREATE, { input: { name: 'Før\u0000etter' } });
    expect(result.data ?? null).toBeNull();
    expect(errorOf(result)).toMatchObject({ message: UNSTORABLE_TEXT_MESSAGE, extensions: { code: 'VALIDATION_FAILED', path: ['input', 'name'] } });
    expect(await t.db.prisma.riskBaseline.count()).toBe(before);
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'RiskBaseline' } })).toBe(0);
  });

  it('refuses U+0000 in a literal of the document, naming the argument and field', async () => {
    const coordinator = await t.api.signIn('koordinator');
    const result = await coordinator.gql('mutation { createRiskBaseline(input: { name: "a\\u0000" }) { id } }');
    expect(errorOf(result)).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', path: ['input', 'name'] } });
  });

  it('refuses it in a read too (a search), where no service rule would look', async () => {
    const viewer = await t.api.signIn('leser');
    const result = await viewer.gql('query Search($filter: ArchiveSeriesFilter) { archiveSeries(first: 5, filter: $filter) { totalCount } }', { filter: { search: '\u0000' } });
    expect(errorOf(result)?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', path: ['filter', 'search'] });
  });

  it('lets every other character through, emoji and other control characters included', async () => {
    const coordinator = await t.api.signIn('koordinator');
    const result = await coordinator.gql<{ createRiskBaseline: { id: string } }>(CREATE, { input: { name: 'Grunnlinje \u0001 ÆØÅ 🗂' } });
    expect(result.errors).toBeUndefined();
    expect(await t.db.prisma.riskBaseline.findUniqueOrThrow({ where: { id: Number(result.data!.createRiskBaseline.id) } })).toMatchObject({ name: 'Grunnlinje \u0001 ÆØÅ 🗂' });
  });

  it('is refused by the shared text rules too, for text that comes by another way (a CSV file)', () => {
    expect(textRule('navn', 50).safeParse('a\u0000b').error?.issues[0]?.message).toBe('Navn inneholder et tegn som ikke kan lagres (nulltegnet U+0000).');
    expect(optionalTextRule('merknad', 50).safeParse('\u0000').success).toBe(false);
    expect(textRule('navn', 50).safeParse('a b').success).toBe(true);
  });
});

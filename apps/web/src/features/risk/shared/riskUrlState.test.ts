import { describe, expect, it } from 'vitest';
import { readRiskViewState, riskFilterOf, writeRiskViewState, type RiskViewState } from './riskUrlState.ts';

const full: RiskViewState = {
  areaIds: ['1', '4'],
  municipalityIds: ['3'],
  statuses: ['OPEN', 'ACCEPTED'],
  search: 'arkiv',
  basis: 'INHERENT',
  at: { kind: 'baseline', id: '2' },
  cell: { likelihood: 3, consequence: 4 },
  sort: { field: 'RESIDUAL_SCORE', direction: 'DESC' },
  compareTo: { kind: 'date', date: '2024-05-31' },
};

describe('the risk view in the URL', () => {
  it('reads back every part it wrote', () => {
    const params = writeRiskViewState(full);
    expect(params.toString()).toBe(
      'omrade=1%2C4&kommune=3&status=OPEN%2CACCEPTED&sok=arkiv&grunnlag=iboende&baseline=2&celle=3-4&sorter=RESIDUAL_SCORE.desc&mot=dato%3A2024-05-31',
    );
    expect(readRiskViewState(params)).toEqual(full);
  });

  it('writes nothing for the default view and keeps parameters it does not own', () => {
    const empty = readRiskViewState(new URLSearchParams('side=2'));
    expect(empty).toMatchObject({ basis: 'RESIDUAL', at: null, cell: null, sort: null, compareTo: null, areaIds: [] });
    expect(writeRiskViewState(empty, new URLSearchParams('side=2')).toString()).toBe('side=2');
  });

  it('drops malformed values from hand-edited links instead of sending them to the server', () => {
    const state = readRiskViewState(
      new URLSearchParams('omrade=1,x,0&status=OPEN,SOON&celle=6-2&dato=2024-02-30&sorter=COLOUR.asc&mot=baseline:abc&grunnlag=ukjent'),
    );
    expect(state).toEqual({
      areaIds: ['1'],
      municipalityIds: [],
      statuses: ['OPEN'],
      search: '',
      basis: 'RESIDUAL',
      at: null,
      cell: null,
      sort: null,
      compareTo: null,
    });
  });

  it('prefers a baseline over a date when a link carries both', () => {
    expect(readRiskViewState(new URLSearchParams('dato=2024-05-01&baseline=7')).at).toEqual({ kind: 'baseline', id: '7' });
    expect(readRiskViewState(new URLSearchParams('dato=2024-05-01')).at).toEqual({ kind: 'date', date: '2024-05-01' });
  });

  it('turns the view into the GraphQL filter, with the cell only when asked', () => {
    expect(riskFilterOf(full)).toEqual({ areaIds: ['1', '4'], municipalityIds: ['3'], statuses: ['OPEN', 'ACCEPTED'], search: 'arkiv' });
    expect(riskFilterOf(full, { withCell: true })).toMatchObject({ levelBasis: 'INHERENT', likelihood: 3, consequence: 4 });
    expect(riskFilterOf(readRiskViewState(new URLSearchParams()))).toEqual({});
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

const t = useTestApi({ per: 'file' });
let viewer: TestClient;
beforeAll(async () => {
  viewer = await t.api.signIn('leser');
});

type Area = { code: string; name: string; risks: { reference: string; title: string; sourceScore: number | null; isDemoAssessment: boolean; inherentLikelihood: number }[] };

describe('risk areas', () => {
  it('returns the six risk areas of the ROS analysis with their risks', async () => {
    const { data, errors } = await viewer.gql<{ riskAreas: Area[] }>(`{ riskAreas { code name risks { reference title sourceScore isDemoAssessment inherentLikelihood } } }`);
    expect(errors).toBeUndefined();
    expect(data!.riskAreas.map((a) => a.name)).toEqual([
      'Formelle og organisatoriske spørsmål',
      'Arbeidsgiverområdet',
      'Ulikheter mellom kommunene',
      'Post- og arkivfaglige vurderinger',
      'Informasjonssikkerhet og IKT',
      'Prosjektorganisering og ressurser',
    ]);
    const risks = data!.riskAreas.flatMap((a) => a.risks);
    expect(risks.length).toBeGreaterThanOrEqual(9);
    // The source's own scores are kept as given, beside a demo assessment.
    expect(risks.map((r) => r.sourceScore).sort()).toEqual(expect.arrayContaining([0, 4, 4, 4, 5, 5, 5, null]));
    expect(risks.every((r) => r.isDemoAssessment)).toBe(true);
  });

  it('resolves the risks of all areas in one query, not one per area', async () => {
    const statements: string[] = [];
    const stop = t.db.onQuery((sql) => statements.push(sql));
    try {
      const { data } = await viewer.gql<{ riskAreas: Area[] }>(`{ riskAreas { code risks { reference } } }`);
      expect(data!.riskAreas).toHaveLength(6);
    } finally {
      stop();
    }
    expect(statements.filter((sql) => /FROM "public"\."risk"(\s|$)/.test(sql))).toHaveLength(1);
    // The session lookup runs too; of the domain data, one query for the areas, one for the risks.
    expect(statements.filter((sql) => /FROM "public"\."risk(_area)?"(\s|$)/.test(sql))).toHaveLength(2);
  });

});

import { z } from 'zod';
import { optionalTextRule, textRule, versionRule } from './common.ts';

// funn: success factors and the other findings of the analysis. Only a success factor has a
// status (the database holds the same rule in a CHECK).

export const FINDING_KINDS = ['SUCCESS_FACTOR', 'VULNERABILITY', 'STRENGTH', 'OPPORTUNITY', 'INSIGHT_NEED', 'LESSON', 'PRIORITY'] as const;
export const SUCCESS_FACTOR_STATUSES = ['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'ACHIEVED'] as const;

const findingFields = {
  kind: z.enum(FINDING_KINDS, { error: 'Velg en type funn.' }),
  title: textRule('tittelen', 300),
  description: optionalTextRule('beskrivelsen', 5000),
  status: z.enum(SUCCESS_FACTOR_STATUSES, { error: 'Velg en status.' }).nullish().transform((v) => v ?? null),
  sortOrder: z.number({ error: 'Rekkefølgen må være et heltall.' }).int({ error: 'Rekkefølgen må være et heltall.' }).min(0, { error: 'Rekkefølgen kan ikke være negativ.' }).max(1_000_000, { error: 'Rekkefølgen er for stor.' }).optional().default(0),
};

function statusMatchesKind(finding: { kind: string; status: string | null }, ctx: z.RefinementCtx): void {
  if (finding.kind === 'SUCCESS_FACTOR' && !finding.status) ctx.addIssue({ code: 'custom', path: ['status'], message: 'En suksessfaktor må ha en status.' });
  if (finding.kind !== 'SUCCESS_FACTOR' && finding.status) ctx.addIssue({ code: 'custom', path: ['status'], message: 'Bare suksessfaktorer har status.' });
}

export const createFindingRules = z.object(findingFields).superRefine(statusMatchesKind);
export const updateFindingRules = z.object({ ...findingFields, version: versionRule }).superRefine(statusMatchesKind);

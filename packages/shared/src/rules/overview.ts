import { z } from 'zod';
import { isoDateRule } from './common.ts';

// The settings the overview's readiness is measured against (app_setting rows; defaults below
// while a key is absent).

export const OVERVIEW_SETTING_DEFAULTS = { cutOverDate: '2026-01-01', overlapMonths: 3 } as const;

export const overviewSettingsRules = z.object({
  cutOverDate: isoDateRule('overgangsdatoen'),
  overlapMonths: z
    .number({ error: 'Overlappingsperioden må være et helt antall måneder.' })
    .int({ error: 'Overlappingsperioden må være et helt antall måneder.' })
    .min(0, { error: 'Overlappingsperioden kan ikke være negativ.' })
    .max(36, { error: 'Overlappingsperioden kan være høyst 36 måneder.' }),
});
export type OverviewSettingsInput = z.output<typeof overviewSettingsRules>;

import { z } from 'zod';
import { optionalTextRule, textRule, versionRule } from './common.ts';

// målarkivdeler: the document centre's common structure, kept by ADMIN.

const targetSeriesFields = {
  code: z
    .string({ error: 'Fyll inn koden.' })
    .trim()
    .min(1, { error: 'Fyll inn koden.' })
    .max(40, { error: 'Koden kan ha høyst 40 tegn.' })
    .regex(/^[\p{L}\p{N}._-]+$/u, { error: 'Koden kan bare ha bokstaver, tall, punktum, bindestrek og understrek.' }),
  title: textRule('tittelen', 300),
  description: optionalTextRule('beskrivelsen', 5000),
  sortOrder: z.number({ error: 'Rekkefølgen må være et heltall.' }).int({ error: 'Rekkefølgen må være et heltall.' }).min(0, { error: 'Rekkefølgen kan ikke være negativ.' }).max(1_000_000, { error: 'Rekkefølgen er for stor.' }).optional().default(0),
};

export const createTargetSeriesRules = z.object(targetSeriesFields);
export const updateTargetSeriesRules = z.object({ ...targetSeriesFields, version: versionRule });

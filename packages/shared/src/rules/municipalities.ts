import { z } from 'zod';
import { textRule, versionRule } from './common.ts';

// Municipalities are ADMIN's: the official number, the name, the role in the cooperation.

export const MUNICIPALITY_ROLES = ['HOST', 'PARTNER'] as const;

const municipalityFields = {
  number: z
    .string({ error: 'Fyll inn kommunenummeret.' })
    .trim()
    .regex(/^\d{4}$/, { error: 'Kommunenummeret må ha fire sifre.' }),
  name: textRule('navnet', 100),
  role: z.enum(MUNICIPALITY_ROLES, { error: 'Velg vertskommune eller samarbeidskommune.' }),
  participates: z.boolean({ error: 'Oppgi om kommunen deltar.' }),
};

export const createMunicipalityRules = z.object(municipalityFields);
export const updateMunicipalityRules = z.object({ ...municipalityFields, version: versionRule });

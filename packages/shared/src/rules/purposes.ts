import { z } from 'zod';
import { optionalTextRule, textRule, versionRule } from './common.ts';

// formål: the purposes of the host-municipality agreement, numbered as the agreement numbers them.

const purposeFields = {
  ordinal: z.number({ error: 'Fyll inn nummeret.' }).int({ error: 'Nummeret må være et heltall.' }).min(1, { error: 'Nummeret må være minst 1.' }).max(1000, { error: 'Nummeret kan være høyst 1000.' }),
  title: textRule('tittelen', 300),
  description: optionalTextRule('beskrivelsen', 5000),
};

export const createPurposeRules = z.object(purposeFields);
export const updatePurposeRules = z.object({ ...purposeFields, version: versionRule });

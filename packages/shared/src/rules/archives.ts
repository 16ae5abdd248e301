import { z } from 'zod';
import { idRule, optionalTextRule, textRule, versionRule } from './common.ts';

// arkiv and arkivskaper (Noark 5). Archivists keep those of their own municipalities.

const archiveFields = {
  municipalityId: idRule('en kommune'),
  /** M001 systemID */
  systemId: optionalTextRule('system-ID-en', 100),
  /** M020 tittel */
  title: textRule('tittelen', 300),
  /** M021 beskrivelse */
  description: optionalTextRule('beskrivelsen', 5000),
};

export const createArchiveRules = z.object(archiveFields);
export const updateArchiveRules = z.object({ ...archiveFields, version: versionRule });

const creatorFields = {
  municipalityId: idRule('en kommune'),
  archiveId: idRule('et arkiv').nullish().transform((v) => v ?? null),
  /** M006 arkivskaperID */
  creatorId: textRule('arkivskaper-ID-en', 100),
  /** M023 arkivskaperNavn */
  name: textRule('navnet', 300),
  /** M021 beskrivelse */
  description: optionalTextRule('beskrivelsen', 5000),
};

export const createArchiveCreatorRules = z.object(creatorFields);
export const updateArchiveCreatorRules = z.object({ ...creatorFields, version: versionRule });

import { z } from 'zod';
import { ARCHIVE_SERIES_STATUS, DEPOSIT_STATUS, DOCUMENT_MEDIUM, RETENTION_DECISION } from '../codeLists.ts';
import { idRule, isoDateRule, optionalTextRule, textRule, versionRule } from './common.ts';

// Archive series (arkivdel) input. The field rules check one field each; seriesConsistency
// checks how fields go together, on a whole series (create) or on the stored one with an
// update's changes applied (the API does that merge).

const keys = <T extends Record<string, string>>(codes: T) => Object.keys(codes) as [keyof T & string, ...(keyof T & string)[]];
const optionalId = (what: string) => idRule(what).nullish().transform((v) => v ?? null);
const optionalDate = (label: string) => isoDateRule(label).nullish().transform((v) => v ?? null);
const optionalCount = (label: string) =>
  z.number({ error: `${label} må være et tall.` }).int({ error: `${label} må være et heltall.` }).min(0, { error: `${label} kan ikke være negativ.` }).max(2_147_483_647).nullish().transform((v) => v ?? null);

const fields = {
  archiveId: optionalId('et arkiv'),
  archiveCreatorId: optionalId('en arkivskaper'),
  systemId: optionalTextRule('system-ID', 100),
  identifier: textRule('identifikator', 100),
  title: textRule('tittel', 500),
  description: optionalTextRule('beskrivelse', 5000),
  status: z.enum(keys(ARCHIVE_SERIES_STATUS), { error: 'Velg en arkivdelstatus.' }),
  documentMedium: z.enum(keys(DOCUMENT_MEDIUM), { error: 'Velg et dokumentmedium.' }),
  periodStart: isoDateRule('startdato'),
  periodEnd: optionalDate('sluttdato'),
  isContinuous: z.boolean().nullish().transform((v) => v ?? false),
  predecessorId: optionalId('en forløper'),
  successorId: optionalId('en arvtaker'),
  classificationType: optionalTextRule('klassifikasjonstype', 200),
  retentionDecision: z.enum(keys(RETENTION_DECISION), { error: 'Velg et kassasjonsvedtak.' }).nullish().transform((v) => v ?? null),
  retentionYears: optionalCount('Bevaringstid'),
  retentionBasis: optionalTextRule('kassasjonshjemmel', 500),
  accessRestriction: optionalTextRule('tilgangsrestriksjon', 200),
  restrictionBasis: optionalTextRule('skjermingshjemmel', 500),
  storageLocation: optionalTextRule('oppbevaringssted', 500),
  extentFiles: optionalCount('Antall mapper'),
  extentRecords: optionalCount('Antall registreringer'),
  extentShelfMetres: z.number({ error: 'Hyllemeter må være et tall.' }).min(0, { error: 'Hyllemeter kan ikke være negativ.' }).max(9_999_999).nullish().transform((v) => v ?? null),
  system: optionalTextRule('system', 200),
  depositStatus: z.enum(keys(DEPOSIT_STATUS), { error: 'Velg en avleveringsstatus.' }).nullish().transform((v) => v ?? 'IKKE_AVLEVERT' as const),
  depositDate: optionalDate('avleveringsdato'),
  targetSeriesId: optionalId('en målarkivdel'),
};

export interface SeriesConsistencyInput {
  periodStart: string;
  periodEnd: string | null;
  isContinuous: boolean;
  depositStatus: string;
  depositDate: string | null;
  predecessorId: number | null;
  successorId: number | null;
}

/** Rules across fields: the issues, each with its field path and message. */
export function seriesConsistency(v: SeriesConsistencyInput): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (v.periodEnd && v.periodEnd < v.periodStart) issues.push({ path: ['periodEnd'], message: 'Sluttdatoen kan ikke være før startdatoen.' });
  if (v.isContinuous && v.periodEnd) issues.push({ path: ['periodEnd'], message: 'En løpende arkivdel har ingen sluttdato.' });
  if (v.depositStatus !== 'IKKE_AVLEVERT' && !v.depositDate) issues.push({ path: ['depositDate'], message: 'Fyll inn avleveringsdato for en deponert eller avlevert arkivdel.' });
  if (v.depositStatus === 'IKKE_AVLEVERT' && v.depositDate) issues.push({ path: ['depositDate'], message: 'En arkivdel som ikke er avlevert, har ingen avleveringsdato.' });
  if (v.predecessorId !== null && v.predecessorId === v.successorId) issues.push({ path: ['successorId'], message: 'Forløper og arvtaker kan ikke være samme arkivdel.' });
  return issues;
}

const consistent = <T extends SeriesConsistencyInput>(value: T, ctx: z.RefinementCtx) => {
  for (const issue of seriesConsistency(value)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
};

export const createArchiveSeriesRules = z.object({ municipalityId: idRule('en kommune'), ...fields }).superRefine(consistent);

/** Each field optional (omitted: unchanged); null clears. Cross-field rules run on the merged series. */
export const updateArchiveSeriesRules = z.object({
  version: versionRule,
  ...Object.fromEntries(Object.entries(fields).map(([name, rule]) => [name, rule.optional()])),
}) as unknown as z.ZodType<{ version: number } & Partial<z.infer<z.ZodObject<typeof fields>>>>;

export const mapArchiveSeriesRules = z.object({ targetSeriesId: optionalId('en målarkivdel'), version: versionRule });

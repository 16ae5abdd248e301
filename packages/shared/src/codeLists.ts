// Noark 5 code lists (../shared/noark5/metadata) and Samarkiv's own enums, with the
// Norwegian labels users read. Keys match the Prisma enums and the GraphQL enums.

/** M051 arkivdelstatus */
export const ARCHIVE_SERIES_STATUS = {
  AKTIV_PERIODE: 'Aktiv periode',
  OVERLAPPINGSPERIODE: 'Overlappingsperiode',
  AVSLUTTET_PERIODE: 'Avsluttet periode',
  UAKTUELLE_MAPPER: 'Uaktuelle mapper',
} as const;

/** M300 dokumentmedium */
export const DOCUMENT_MEDIUM = {
  FYSISK: 'Fysisk arkiv',
  ELEKTRONISK: 'Elektronisk arkiv',
  BLANDET: 'Blandet fysisk og elektronisk arkiv',
} as const;

/** M450 kassasjonsvedtak */
export const RETENTION_DECISION = {
  BEVARES: 'Bevares',
  KASSERES: 'Kasseres',
  VURDERES_SENERE: 'Vurderes senere',
} as const;

/** M086 klassifikasjonstype: no obligatory values; these are the standard's examples. */
export const CLASSIFICATION_TYPES = [
  'Funksjonsbasert, hierarkisk',
  'Emnebasert, hierarkisk arkivnøkkel',
  'Emnebasert, ett nivå',
  'K-koder',
  'Mangefasettert, ikke hierarki',
  'Objektbasert',
  'Fødselsnummer',
  'Gårds- og bruksnummer',
] as const;

/** M500 tilgangsrestriksjon: «Unntatt offentlighet» is obligatory, the others optional. */
export const ACCESS_RESTRICTIONS = ['Unntatt offentlighet', 'Personalsaker', 'Klientsaker'] as const;

export const DEPOSIT_STATUS = {
  IKKE_AVLEVERT: 'Ikke avlevert',
  DEPONERT: 'Deponert',
  AVLEVERT: 'Avlevert',
} as const;

export const MUNICIPALITY_ROLE = {
  HOST: 'Vertskommune',
  PARTNER: 'Samarbeidskommune',
} as const;

export const ROLES = ['ADMIN', 'COORDINATOR', 'ARCHIVIST', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

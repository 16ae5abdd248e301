import type { TargetCode } from '../seed/targetSeries.ts';
import { RESTRICTION_BASIS, RETENTION_BASIS } from '../seed/archiveSeries/legal.ts';

/**
 * The kinds of series the generator draws from. Titles use only ASCII letters, æ, ø, å and the
 * en dash, so that the SQL sort key (lower + translate) equals norwegianSortKey(title).
 */
export interface SeriesKind {
  stem: string;
  target: TargetCode | null;
  classification: string | null;
  /** Legal basis when the series is «Unntatt offentlighet»; null: open. */
  restrictedBy: string | null;
  retention: 'BEVARES' | 'KASSERES' | 'VURDERES_SENERE';
  retentionYears: number | null;
  retentionBasis: string | null;
  /** The specialist system; null means the case/archive system of the period. */
  system: string | null;
  /** Property-like series are never periodised. */
  continuous: boolean;
}

const kind = (stem: string, target: TargetCode | null, rest: Partial<SeriesKind> = {}): SeriesKind => ({
  stem,
  target,
  classification: 'K-koder',
  restrictedBy: null,
  retention: 'BEVARES',
  retentionYears: null,
  retentionBasis: null,
  system: null,
  continuous: false,
  ...rest,
});

const PERSON = { classification: 'Fødselsnummer' } as const;
const GNR_BNR = { classification: 'Gårds- og bruksnummer', continuous: true } as const;

export const SERIES_KINDS: readonly SeriesKind[] = [
  kind('Sakarkiv', 'SAK-FOR-2026'),
  kind('Saksarkiv', 'SAK-FOR-2026', { classification: 'Emnebasert, hierarkisk arkivnøkkel' }),
  kind('Korrespondanse', 'SAK-FOR-2026', { classification: 'Emnebasert, ett nivå' }),
  kind('Postjournal', 'POSTJOURNAL', { classification: null }),
  kind('Møtebøker', 'MOTEBOK', { classification: 'Objektbasert' }),
  kind('Saksdokumenter til politiske møter', 'MOTEBOK', { classification: 'Objektbasert' }),
  kind('Byggesaker', 'BYGGESAK', GNR_BNR),
  kind('Eiendomsarkiv', 'EIENDOM', GNR_BNR),
  kind('Oppmålingssaker', 'EIENDOM', GNR_BNR),
  kind('Reguleringsplaner', 'PLAN', { classification: 'Objektbasert', continuous: true }),
  kind('Personalmapper', 'PERSONAL', { ...PERSON, restrictedBy: RESTRICTION_BASIS.personnel }),
  kind('Elevmapper', 'ELEV', { ...PERSON, restrictedBy: RESTRICTION_BASIS.general, system: 'Visma Flyt Skole' }),
  kind('Barnevernmapper', 'BARNEVERN', { ...PERSON, restrictedBy: RESTRICTION_BASIS.childWelfare, system: 'Familia' }),
  kind('Sosialmapper', 'SOSIAL', { ...PERSON, restrictedBy: RESTRICTION_BASIS.social, system: 'Socio' }),
  kind('Pasientjournaler', 'HELSE', { ...PERSON, restrictedBy: RESTRICTION_BASIS.health, retention: 'VURDERES_SENERE', retentionBasis: RETENTION_BASIS.health, system: 'Gerica' }),
  kind('Brukerjournaler', 'HELSE', { ...PERSON, restrictedBy: RESTRICTION_BASIS.health, retention: 'VURDERES_SENERE', retentionBasis: RETENTION_BASIS.health, system: 'Profil' }),
  kind('Årsregnskap og budsjett', 'REGNSKAP', { classification: null, system: 'Visma Enterprise' }),
  kind('Regnskapsbilag', 'REGNSKAP', { classification: null, retention: 'KASSERES', retentionYears: 5, retentionBasis: RETENTION_BASIS.accounting, system: 'Unit4 ERP' }),
  kind('Overformynderiet', 'VERGEMAL', { ...PERSON, restrictedBy: RESTRICTION_BASIS.general }),
  kind('Tilskuddssaker', null, { retention: 'VURDERES_SENERE' }),
  kind('Valgmateriell', null, { classification: null, retention: 'KASSERES', retentionYears: 0, retentionBasis: RETENTION_BASIS.municipal }),
  kind('Barnemapper', null, { ...PERSON, restrictedBy: RESTRICTION_BASIS.general, retention: 'VURDERES_SENERE', system: 'Visma Flyt Barnehage' }),
];

/** Units and places a series can belong to; æ, ø and å on purpose, for the sort order. */
export const UNITS: readonly string[] = [
  'Rådmannens stab', 'Servicetorget', 'Økonomiavdelingen', 'Personalavdelingen', 'Oppvekst', 'Kultur og fritid',
  'Helse og omsorg', 'Teknisk drift', 'Plan og byggesak', 'Landbrukskontoret', 'Nav kommune', 'Barnevernet',
  'Hjemmetjenesten', 'Sykehjemmet', 'Helsestasjonen', 'Legekontoret', 'Kulturskolen', 'Biblioteket',
  'Brann og redning', 'Vann og avløp', 'Eiendomsforvaltning', 'Skatteoppkreveren', 'Sentraladministrasjonen',
  'Åsen skole', 'Ås barnehage', 'Øvre Sandsvær', 'Ørnebergs omsorgssenter', 'Ælvedalen skole', 'Bø skole',
  'Lampeland', 'Rødberg', 'Sauland', 'Tuddal', 'Mæl', 'Veggli', 'Prestfoss', 'Eggedal', 'Heddal', 'Rjukan',
  'Hvittingfoss', 'Skollenborg', 'Jondalen', 'Svene', 'Uvdal', 'Atrå', 'Austbygde', 'Hovin', 'Gransherad',
  'Lisleherad', 'Tinnoset', 'Efteløt', 'Kongsgårdmoen', 'Raumyr', 'Gamlegrendåsen', 'Sætre', 'Flatdal', 'Ytre Sandsvær',
];

/** Case/archive systems before Elements, by rough era. */
export const LEGACY_SYSTEMS: readonly string[] = ['ePhorte', 'ESA', 'Sak/Arkiv', 'WinSak'];

export const STORAGE_PLACES: readonly string[] = ['Arkivmagasin, rådhuset', 'Fjernarkiv, kjeller', 'Arkivrom, kommunehuset', 'Tilfluktsrommet, rådhuset'];

import type { ArchiveSeriesStatus } from '../../generated/prisma/enums.ts';
import type { MunicipalityNumber } from '../types.ts';

/** A municipality that was merged into one of ours; its older archive has its own creator. */
export interface FormerMunicipality {
  creatorId: string;
  name: string;
  /** Prefix of its series' identifiers, e.g. 'SANDSVÆR'. */
  prefix: string;
  lastYear: number;
}

/**
 * Deliberate gaps, so that go-live readiness differs between the municipalities. Shares are of
 * the series the gap can apply to (e.g. restricted series for a missing legal basis).
 */
export interface Gaps {
  missingRetention: number;
  restrictedWithoutBasis: number;
  unmapped: number;
  paperWithoutStorage: number;
  /** Status of the 2020–2025 periods after the cut-over on 1.1.2026. */
  closingPeriodStatus: ArchiveSeriesStatus;
}

export interface MunicipalityProfile {
  number: MunicipalityNumber;
  name: string;
  /** Relative size (Kongsberg = 1), scales extents and how many organs and units there are. */
  size: number;
  /** The case/archive system before the move to Elements in 2017–2018. */
  legacySystem: 'ePhorte' | 'ESA' | 'Sak/Arkiv' | 'WinSak';
  careSystem: 'Gerica' | 'Profil';
  financeSystem: string;
  /** Where its paper archive stands before deposit. */
  archiveRoom: string;
  former: FormerMunicipality | null;
  schools: string[];
  kindergartens: string[];
  careUnits: string[];
  /** First year its møtebøker are registered as series (older ones are in the deposit). */
  firstCouncilYear: number;
  large: boolean;
  gaps: Gaps;
}

const COMPLETE: Gaps = {
  missingRetention: 0,
  restrictedWithoutBasis: 0,
  unmapped: 0,
  paperWithoutStorage: 0,
  closingPeriodStatus: 'OVERLAPPINGSPERIODE',
};

// Sizes follow the municipalities' populations roughly. Schools, kindergartens, care units,
// systems and the gaps are invented for the demo: plausible, not facts about these municipalities.
export const PROFILES: readonly MunicipalityProfile[] = [
  {
    number: '3303',
    name: 'Kongsberg',
    size: 1,
    legacySystem: 'ePhorte',
    careSystem: 'Gerica',
    financeSystem: 'Visma Enterprise',
    archiveRoom: 'Arkivmagasin, rådhuset i Kongsberg',
    former: { creatorId: 'SANDSVÆR', name: 'Sandsvær kommune', prefix: 'SANDSVÆR', lastYear: 1963 },
    schools: ['Gamlegrendåsen', 'Hvittingfoss', 'Jondalen', 'Kongsgårdmoen', 'Madsebakken', 'Raumyr', 'Skavanger', 'Vestsiden', 'Efteløt'],
    kindergartens: ['Nymoen', 'Skrubbmoen', 'Lågdalen', 'Hvittingfoss', 'Saggrenda', 'Tislegård'],
    careUnits: ['Helsestasjon og skolehelsetjeneste', 'Legevakt', 'Kongsberg sykehjem', 'Hjemmetjenesten', 'Psykisk helse og rus', 'Fysioterapi'],
    firstCouncilYear: 1964,
    large: true,
    // Nearly complete: the host municipality prepared first.
    gaps: { ...COMPLETE, closingPeriodStatus: 'AVSLUTTET_PERIODE' },
  },
  {
    number: '3334',
    name: 'Flesberg',
    size: 0.1,
    legacySystem: 'Sak/Arkiv',
    careSystem: 'Profil',
    financeSystem: 'Visma Enterprise',
    archiveRoom: 'Arkivrom, kommunehuset på Lampeland',
    former: null,
    schools: ['Flesberg', 'Lampeland', 'Svene'],
    kindergartens: ['Lampeland', 'Svene'],
    careUnits: ['Helsestasjon og skolehelsetjeneste', 'Flesberg helsetun', 'Hjemmetjenesten', 'Psykisk helse og rus'],
    firstCouncilYear: 1972,
    large: false,
    // Many paper series have no recorded storage location.
    gaps: { ...COMPLETE, paperWithoutStorage: 0.5, unmapped: 0.05 },
  },
  {
    number: '3336',
    name: 'Rollag',
    size: 0.05,
    legacySystem: 'Sak/Arkiv',
    careSystem: 'Profil',
    financeSystem: 'Visma Enterprise',
    archiveRoom: 'Arkivrom, kommunehuset i Rollag',
    former: null,
    schools: ['Rollag', 'Veggli'],
    kindergartens: ['Rollag', 'Veggli'],
    careUnits: ['Helsestasjon og skolehelsetjeneste', 'Rollag sykehjem', 'Hjemmetjenesten'],
    firstCouncilYear: 1972,
    large: false,
    // Retention decisions are missing on about half of the series.
    gaps: { ...COMPLETE, missingRetention: 0.5 },
  },
  {
    number: '3338',
    name: 'Nore og Uvdal',
    size: 0.09,
    legacySystem: 'WinSak',
    careSystem: 'Profil',
    financeSystem: 'Visma Enterprise',
    archiveRoom: 'Arkivrom, kommunehuset på Rødberg',
    former: null,
    schools: ['Rødberg', 'Uvdal', 'Nore'],
    kindergartens: ['Rødberg', 'Uvdal'],
    careUnits: ['Helsestasjon og skolehelsetjeneste', 'Nore og Uvdal sykehjem', 'Hjemmetjenesten', 'Psykisk helse og rus'],
    firstCouncilYear: 1968,
    large: false,
    // A quarter of the series are not mapped to the target structure yet.
    gaps: { ...COMPLETE, unmapped: 0.25 },
  },
  {
    number: '3332',
    name: 'Sigdal',
    size: 0.13,
    legacySystem: 'ESA',
    careSystem: 'Gerica',
    financeSystem: 'Unit4 ERP',
    archiveRoom: 'Arkivrom, kommunehuset på Prestfoss',
    former: null,
    schools: ['Prestfoss', 'Eggedal', 'Solumsmoen'],
    kindergartens: ['Prestfoss', 'Eggedal', 'Solumsmoen'],
    careUnits: ['Helsestasjon og skolehelsetjeneste', 'Sigdal sykehjem', 'Hjemmetjenesten', 'Psykisk helse og rus'],
    firstCouncilYear: 1968,
    large: false,
    gaps: { ...COMPLETE, missingRetention: 0.1, unmapped: 0.05 },
  },
  {
    number: '4005',
    name: 'Notodden',
    size: 0.47,
    legacySystem: 'ePhorte',
    careSystem: 'Gerica',
    financeSystem: 'Unit4 ERP',
    archiveRoom: 'Arkivmagasin, rådhuset på Notodden',
    former: { creatorId: 'HEDDAL', name: 'Heddal kommune', prefix: 'HEDDAL', lastYear: 1963 },
    schools: ['Heddal', 'Lisleherad', 'Gransherad', 'Yli', 'Høgåsen', 'Notodden'],
    kindergartens: ['Heddal', 'Lisleherad', 'Tinnesand', 'Sætre'],
    careUnits: ['Helsestasjon og skolehelsetjeneste', 'Notodden helsetun', 'Hjemmetjenesten', 'Psykisk helse og rus', 'Fysioterapi'],
    firstCouncilYear: 1964,
    large: true,
    gaps: { ...COMPLETE, unmapped: 0.12, restrictedWithoutBasis: 0.1 },
  },
  {
    number: '4024',
    name: 'Hjartdal',
    size: 0.06,
    legacySystem: 'ESA',
    careSystem: 'Profil',
    financeSystem: 'Visma Enterprise',
    archiveRoom: 'Arkivrom, kommunehuset i Sauland',
    former: null,
    schools: ['Sauland', 'Tuddal', 'Hjartdal'],
    kindergartens: ['Sauland', 'Tuddal'],
    careUnits: ['Helsestasjon og skolehelsetjeneste', 'Hjartdal helsetun', 'Hjemmetjenesten'],
    firstCouncilYear: 1972,
    large: false,
    // The 2020–2025 periods were never closed: still «Aktiv periode» after the cut-over.
    gaps: { ...COMPLETE, missingRetention: 0.08, closingPeriodStatus: 'AKTIV_PERIODE' },
  },
  {
    number: '4026',
    name: 'Tinn',
    size: 0.2,
    legacySystem: 'ESA',
    careSystem: 'Profil',
    financeSystem: 'Visma Enterprise',
    archiveRoom: 'Arkivmagasin, rådhuset på Rjukan',
    former: null,
    schools: ['Rjukan barneskole', 'Rjukan ungdomsskole', 'Atrå', 'Austbygde', 'Hovin', 'Mæl'],
    kindergartens: ['Rjukan', 'Atrå', 'Austbygde', 'Miland'],
    careUnits: ['Helsestasjon og skolehelsetjeneste', 'Tinn helsetun', 'Hjemmetjenesten', 'Psykisk helse og rus', 'Legekontoret'],
    firstCouncilYear: 1968,
    large: true,
    // Most restricted series lack their legal basis (skjermingshjemmel).
    gaps: { ...COMPLETE, restrictedWithoutBasis: 0.7 },
  },
];

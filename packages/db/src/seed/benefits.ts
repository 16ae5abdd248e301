import type { MunicipalityNumber } from './types.ts';

// Demo data for the service catalogue, the benefits and the operating figures. The source names
// a service catalogue adopted with the agreement and a benefits analyst, but not their content:
// everything here is an illustration and every row is marked is_demo.

const ALL: MunicipalityNumber[] = ['3303', '3334', '3336', '3338', '3332', '4005', '4024', '4026'];

export interface ServiceSeed {
  name: string;
  description: string;
  serviceLevel: string;
  costSharingKey: 'POPULATION' | 'VOLUME' | 'FIXED';
  contact: string;
  status: 'PLANNED' | 'ACTIVE' | 'DISCONTINUED';
  municipalities: MunicipalityNumber[];
}

export const SERVICES: readonly ServiceSeed[] = [
  { name: 'Postmottak og skanning', description: 'Mottak, åpning, skanning og fordeling av inngående post, papir og digital.', serviceLevel: 'Inngående post registreres innen én arbeidsdag.', costSharingKey: 'VOLUME', contact: 'Postmottaket, dokumentsenteret', status: 'ACTIVE', municipalities: ALL },
  { name: 'Journalføring', description: 'Registrering og kvalitetssikring av journalposter i Elements.', serviceLevel: 'Journalposter kvalitetssikres før offentlig journal publiseres, innen tre arbeidsdager.', costSharingKey: 'VOLUME', contact: 'Arkivleder, dokumentsenteret', status: 'ACTIVE', municipalities: ALL },
  { name: 'Arkivdanning og arkivplan', description: 'Felles arkivplan, rutiner for arkivdanning og bevaring og kassasjon.', serviceLevel: 'Arkivplanen revideres hvert år innen 1. mars.', costSharingKey: 'POPULATION', contact: 'Arkivleder, dokumentsenteret', status: 'ACTIVE', municipalities: ALL },
  { name: 'Avlevering til depot', description: 'Klargjøring og avlevering av avsluttede arkiver til det interkommunale arkivdepotet.', serviceLevel: 'Avsluttede perioder avleveres innen fem år.', costSharingKey: 'POPULATION', contact: 'Arkivleder, dokumentsenteret', status: 'PLANNED', municipalities: ALL },
  { name: 'Innsynsbehandling', description: 'Mottak og forberedelse av innsynskrav etter offentleglova.', serviceLevel: 'Innsynskrav forberedes for avgjørelse innen én arbeidsdag.', costSharingKey: 'VOLUME', contact: 'Postmottaket, dokumentsenteret', status: 'ACTIVE', municipalities: ['3303', '3334', '3336', '3338', '3332'] },
  { name: 'Opplæring', description: 'Kurs i arkiv og saksbehandling i Elements for kommunenes ansatte.', serviceLevel: 'Grunnkurs for nyansatte hver måned.', costSharingKey: 'FIXED', contact: 'Fagansvarlig opplæring', status: 'ACTIVE', municipalities: ALL },
  { name: 'Brukerstøtte', description: 'Hjelp til saksbehandlere i Elements på telefon, e-post og chat.', serviceLevel: 'Henvendelser besvares innen fire timer i arbeidstiden.', costSharingKey: 'POPULATION', contact: 'Brukerstøtte, dokumentsenteret', status: 'ACTIVE', municipalities: ALL },
];

export interface BenefitSeed {
  purpose: number;
  municipality: MunicipalityNumber | null;
  title: string;
  type: 'EFFICIENCY' | 'QUALITY' | 'OTHER';
  ownerName: string;
  indicator: string;
  unit: string;
  direction: 'LOWER_IS_BETTER' | 'HIGHER_IS_BETTER';
  baseline: [string, number];
  target: [string, number];
  measurements: [string, number][];
}

export const BENEFITS: readonly BenefitSeed[] = [
  // The issue's own example: on track.
  { purpose: 1, municipality: null, title: 'Kortere tid fra mottak til registrering', type: 'EFFICIENCY', ownerName: 'Daglig leder', indicator: 'Mediantid fra mottak til registrering', unit: 'dager', direction: 'LOWER_IS_BETTER', baseline: ['2025-01-01', 10], target: ['2027-01-01', 2], measurements: [['2025-07-01', 8], ['2026-01-01', 6], ['2026-07-01', 4]] },
  { purpose: 5, municipality: '3303', title: 'Mer utgående post sendt digitalt', type: 'QUALITY', ownerName: 'Arkivleder', indicator: 'Andel utgående post sendt digitalt', unit: '%', direction: 'HIGHER_IS_BETTER', baseline: ['2025-01-01', 45], target: ['2027-12-31', 85], measurements: [['2025-09-01', 52], ['2026-06-01', 58]] },
  { purpose: 3, municipality: '3332', title: 'Færre restanser', type: 'QUALITY', ownerName: 'Arkivleder', indicator: 'Åpne restanser ved månedsslutt', unit: 'antall', direction: 'LOWER_IS_BETTER', baseline: ['2025-06-01', 400], target: ['2026-12-31', 100], measurements: [['2026-03-01', 250], ['2026-10-01', 90]] },
  { purpose: 4, municipality: '3334', title: 'Flere saksbehandlere med grunnopplæring', type: 'QUALITY', ownerName: 'Fagansvarlig opplæring', indicator: 'Andel saksbehandlere med grunnkurs i Elements', unit: '%', direction: 'HIGHER_IS_BETTER', baseline: ['2025-01-01', 30], target: ['2026-12-31', 90], measurements: [['2026-06-01', 75]] },
  { purpose: 7, municipality: null, title: 'Lavere kostnad per journalpost', type: 'EFFICIENCY', ownerName: 'Styringsgruppen', indicator: 'Kostnad per journalpost', unit: 'kr', direction: 'LOWER_IS_BETTER', baseline: ['2025-01-01', 120], target: ['2028-01-01', 90], measurements: [] },
];

/** Monthly figures since operation began (1.1.2026), scaled by a rough size of each municipality. */
export const FIGURE_MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
export const FIGURE_SCALE: Record<MunicipalityNumber, number> = { '3303': 28, '3334': 3, '3336': 1.5, '3338': 2.5, '3332': 3.5, '4005': 13, '4024': 1.6, '4026': 6 };

export function demoFigures(number: MunicipalityNumber, monthIndex: number) {
  const scale = FIGURE_SCALE[number];
  // Deterministic wobble, so the seed writes the same figures every time.
  const wobble = 1 + (((monthIndex * 7 + Number(number)) % 11) - 5) / 50;
  const summer = monthIndex === 6 ? 0.6 : 1;
  return {
    incomingPost: Math.round(scale * 140 * wobble * summer),
    journalEntries: Math.round(scale * 210 * wobble * summer),
    medianRegistrationDays: Math.round((6 - monthIndex * 0.35) * wobble * 10) / 10,
    overdueItems: Math.round(scale * 12 * (1 - monthIndex * 0.05) * wobble),
    digitalOutgoingPercent: Math.round((50 + monthIndex * 1.5) * wobble * 10) / 10,
  };
}

import type { RiskLevel } from '../generated/prisma/enums.ts';
import type { DemoUsername, ScaleLevelSeed } from './types.ts';

// The default acceptance criteria, in force from the ROS analysis in May 2024. The source does
// not publish its criteria: the thresholds are the product's default and the level texts are
// ours, written for a document centre.
export const ACCEPTANCE_CRITERIA = {
  validFrom: '2024-05-01',
  name: 'Akseptkriterier for ROS-analysen 2024',
  description:
    'Risiko = sannsynlighet × konsekvens. Lav (grønn): 4 eller lavere, akseptabel. Middels (gul): 5–10, vurder tiltak. Høy (rød): 12 eller høyere, ikke akseptabel uten tiltak.',
  createdBy: 'admin' satisfies DemoUsername,
} as const;

/** The level of a cell: L x C of 4 or less low, 5 to 10 medium, 12 or more high (11 cannot occur). */
export function defaultRiskLevel(likelihood: number, consequence: number): RiskLevel {
  const score = likelihood * consequence;
  if (score <= 4) return 'LOW';
  if (score <= 10) return 'MEDIUM';
  return 'HIGH';
}

export function defaultAcceptanceCells(): { likelihood: number; consequence: number; level: RiskLevel }[] {
  const cells = [];
  for (let likelihood = 1; likelihood <= 5; likelihood++) {
    for (let consequence = 1; consequence <= 5; consequence++) {
      cells.push({ likelihood, consequence, level: defaultRiskLevel(likelihood, consequence) });
    }
  }
  return cells;
}

export const SCALE_LEVELS: readonly ScaleLevelSeed[] = [
  {
    axis: 'LIKELIHOOD',
    level: 1,
    label: 'Svært lite sannsynlig',
    description: 'Kan skje, men vi kjenner ikke til at det har skjedd i lignende samarbeid. Sjeldnere enn hvert tiende år.',
  },
  {
    axis: 'LIKELIHOOD',
    level: 2,
    label: 'Lite sannsynlig',
    description: 'Har skjedd i lignende samarbeid. Kan skje én gang i løpet av 5–10 år.',
  },
  {
    axis: 'LIKELIHOOD',
    level: 3,
    label: 'Moderat sannsynlig',
    description: 'Kan skje i løpet av etableringen eller de første driftsårene. Én gang i løpet av 1–5 år.',
  },
  {
    axis: 'LIKELIHOOD',
    level: 4,
    label: 'Sannsynlig',
    description: 'Ventes å skje i løpet av etableringen eller det første driftsåret, og kan skje flere ganger.',
  },
  {
    axis: 'LIKELIHOOD',
    level: 5,
    label: 'Svært sannsynlig',
    description: 'Skjer allerede, eller vil nesten sikkert skje i løpet av det neste året.',
  },
  {
    axis: 'CONSEQUENCE',
    level: 1,
    label: 'Ubetydelig',
    description: 'Små avvik som rettes i det daglige. Ingen betydning for innbyggerne, saksbehandlingen eller kvaliteten i arkivet.',
  },
  {
    axis: 'CONSEQUENCE',
    level: 2,
    label: 'Mindre alvorlig',
    description: 'Kortvarige forsinkelser i post- og arkivtjenesten og merarbeid i én kommune. Ingen dokumentasjon går tapt.',
  },
  {
    axis: 'CONSEQUENCE',
    level: 3,
    label: 'Alvorlig',
    description:
      'Journalføring eller saksbehandling forsinkes i flere uker, avvik i arkivet krever opprydding, og tilliten hos de ansatte svekkes.',
  },
  {
    axis: 'CONSEQUENCE',
    level: 4,
    label: 'Svært alvorlig',
    description:
      'Dokumentasjon blir ikke arkivert eller kan ikke gjenfinnes, brudd på arkivlova, offentleglova eller personvernet, eller gevinstene uteblir.',
  },
  {
    axis: 'CONSEQUENCE',
    level: 5,
    label: 'Kritisk',
    description:
      'Varig tap av arkivverdig dokumentasjon, alvorlig brudd på personvern eller rettssikkerhet, eller samarbeidet må reforhandles eller avvikles.',
  },
];

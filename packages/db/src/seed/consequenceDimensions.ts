import type { AcceptanceSeed, BaselineSeed, ConsequenceDimensionSeed, ConsequenceScoresSeed } from './types.ts';

// The default consequence dimensions (konsekvensdimensjoner) of the ROS analysis, in their order.
export const CONSEQUENCE_DIMENSIONS: readonly ConsequenceDimensionSeed[] = [
  { name: 'Tjenesteleveranse', description: 'Om innbyggere, enheter og virksomheter får post- og arkivtjenestene de skal ha, i tide.' },
  { name: 'Etterlevelse av regelverk (arkivlov, personvern)', description: 'Brudd på arkivloven, forvaltningsloven, offentleglova eller personvernregelverket.' },
  { name: 'Økonomi', description: 'Uforutsette kostnader eller tapte gevinster for kommunene.' },
  { name: 'Omdømme og tillit', description: 'Tilliten til dokumentsenteret og til kommunene hos innbyggere, ansatte og folkevalgte.' },
  { name: 'Medarbeidere', description: 'Arbeidsmiljø, belastning og kompetanse hos de ansatte i dokumentsenteret og i kommunene.' },
  { name: 'Informasjonssikkerhet', description: 'Konfidensialitet, integritet og tilgjengelighet for dokumentasjonen.' },
];

// Per-dimension scores of some risks, in the order above. The highest equals the risk's current
// inherent consequence, except where a reason says why the overall consequence is set otherwise.
export const CONSEQUENCE_SCORES: readonly ConsequenceScoresSeed[] = [
  { risk: 'R-01', scores: [4, 2, 4, 5, 3, 1], reason: null },
  { risk: 'R-04', scores: [4, 4, 2, 3, 2, 3], reason: null },
  { risk: 'R-09', scores: [4, 5, 2, 4, 2, 4], reason: null },
  {
    risk: 'R-06',
    scores: [3, 2, 2, 3, 5, 1],
    reason: 'Belastningen på medarbeiderne er høy, men gjelder overgangsperioden; samlet vurdert til 4.',
  },
];

// R-06's residual level (2 x 2) is formally accepted after the transfer of undertaking.
export const ACCEPTANCES: readonly AcceptanceSeed[] = [
  {
    risk: 'R-06',
    approver: 'admin',
    acceptedOn: '2025-11-20',
    expiresOn: '2027-11-20',
    comment: 'Restrisikoen godtas etter gjennomført virksomhetsoverdragelse. Vurderes på nytt ved neste ROS-analyse.',
  },
];

// Every risk was first assessed in the ROS work of May 2024, so that picture is a meaningful baseline.
export const BASELINES: readonly BaselineSeed[] = [
  {
    name: 'ROS mai 2024',
    description: 'Risikobildet slik det ble vurdert i ROS-analysen i mai 2024.',
    takenAt: '2024-05-31T16:00:00+02:00',
    takenBy: 'koordinator',
  },
];

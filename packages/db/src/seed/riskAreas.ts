import type { RiskAreaSeed } from './types.ts';

// The six risk areas of the ROS analysis, in the source's order. The descriptions are ours.
export const RISK_AREAS: readonly RiskAreaSeed[] = [
  {
    code: 'FORMELT',
    name: 'Formelle og organisatoriske spørsmål',
    description: 'Avtaler, vedtak, styring og forankring av samarbeidet i kommunene.',
  },
  {
    code: 'ARBEIDSGIVER',
    name: 'Arbeidsgiverområdet',
    description: 'Virksomhetsoverdragelse, medvirkning, arbeidsmiljø og kompetanse for de ansatte som berøres.',
  },
  {
    code: 'ULIKHETER',
    name: 'Ulikheter mellom kommunene',
    description: 'Forskjeller i størrelse, organisering, praksis og behov mellom kommunene.',
  },
  {
    code: 'FAGLIG',
    name: 'Post- og arkivfaglige vurderinger',
    description: 'Arkivplan, arkivdanning, journalføring, bevaring og kassasjon, og hva endringene betyr for resten av organisasjonen.',
  },
  {
    code: 'IKT',
    name: 'Informasjonssikkerhet og IKT',
    description: 'Felles Elements, tilgangsstyring, fagsystemer, personvern og taushetsbelagt informasjon.',
  },
  {
    code: 'PROSJEKT',
    name: 'Prosjektorganisering og ressurser',
    description: 'Roller, ansvar, fremdrift, kapasitet og ressurser i etableringen.',
  },
];

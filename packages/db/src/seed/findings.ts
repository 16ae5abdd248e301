import type { FindingSeed } from './types.ts';

// What the ROS analysis and the lessons slide say, in the source's order within each kind.
// The success factors' statuses and the links to risks are demo assessments.
export const FINDINGS: readonly FindingSeed[] = [
  // «De viktigste sårbarhetene»
  {
    kind: 'VULNERABILITY',
    title: 'Manglende forankring og kunnskapsgrunnlag for hva etableringen innebærer',
    risks: ['R-01', 'R-03', 'R-09'],
  },
  {
    kind: 'VULNERABILITY',
    title: 'Manglende vilje og handlingsrom for harmonisering av praksis',
    description:
      'Harmonisering av praksis må til for å sikre at målene nås og gevinster oppnås. Risiko for manglende samsvar mellom ambisjoner og virkemidler.',
    risks: ['R-02', 'R-04'],
  },
  {
    kind: 'VULNERABILITY',
    title: 'Manglende ressurser og kapasitet',
    description: 'Ressurser og kapasitet til å gjennomføre nødvendige aktiviteter i forkant av og i forbindelse med etableringen.',
    risks: ['R-07', 'R-08'],
  },
  // «De viktigste suksessfaktorene»
  {
    kind: 'SUCCESS_FACTOR',
    title: 'Involvering av berørte medarbeidere og fagmiljøer',
    description: 'I et arbeidsgiverperspektiv og som fagpersoner.',
    status: 'ON_TRACK',
    risks: ['R-06'],
  },
  {
    kind: 'SUCCESS_FACTOR',
    title: 'Forankring på ledernivå',
    description: 'Informasjon og dialog, beslutning og styring.',
    status: 'ACHIEVED',
    risks: ['R-01', 'R-03'],
  },
  {
    kind: 'SUCCESS_FACTOR',
    title: 'Organisering av prosessen',
    description: 'Avklarte roller og ansvar og tilstrekkelige ressurser.',
    status: 'AT_RISK',
    risks: ['R-07', 'R-08'],
  },
  // «Styrker i Kongsbergregionen»: strengths can balance the vulnerabilities and reduce the risks.
  {
    kind: 'STRENGTH',
    title: 'Vi kjenner hverandre – tillit og kultur',
    description: 'Mange sentrale aktører kjenner hverandre, og over tid er det utviklet tillit og kultur for deling og felles innsats.',
    risks: ['R-02'],
  },
  {
    kind: 'STRENGTH',
    title: 'Vi har gode erfaringer – organisasjonslæring',
    description:
      'Kommunene har lang tradisjon for samarbeid, og kan bygge på tidligere erfaringer ved formalisert samarbeid om post og arkiv.',
    risks: ['R-07'],
  },
  {
    kind: 'STRENGTH',
    title: 'Vi vet «hva det går i»',
    description:
      'De ansatte kjenner sak- og arkivsystemet godt. Det gir gode forutsetninger for å avklare og utforme detaljer, og mindre behov for opplæring og brukerstøtte.',
    risks: ['R-09'],
  },
  // «Muligheter vi bør være bevisste på»
  {
    kind: 'OPPORTUNITY',
    title: 'Innta et overordnet og helhetlig perspektiv',
    description: 'Fremfor et avgrenset og operativt perspektiv.',
    risks: ['R-05'],
  },
  {
    kind: 'OPPORTUNITY',
    title: 'Utforske mulighetene for digital transformasjon, forenkling og effektivisering',
    description: 'Fremfor at de samme personene gjør de samme oppgavene på lik måte.',
    risks: [],
  },
  {
    kind: 'OPPORTUNITY',
    title: 'Sette ambisjonsnivå for ledelse, arbeidsmetoder og løsninger',
    description:
      'Preget av tjenesteinnovasjon, kunstig intelligens og endringsledelse – og som kan øke mulighetene for gevinster.',
    risks: ['R-01'],
  },
  // «Oversikt over områder hvor mer innsikt er nødvendig»
  { kind: 'INSIGHT_NEED', title: 'Arkivet som sådan (arkivplan)', risks: ['R-09'] },
  { kind: 'INSIGHT_NEED', title: 'Sak-/arkivsystemet (Elements)', risks: [] },
  { kind: 'INSIGHT_NEED', title: 'Hva må kartlegges', risks: ['R-05'] },
  { kind: 'INSIGHT_NEED', title: 'Hva må standardiseres', risks: ['R-04'] },
  {
    kind: 'INSIGHT_NEED',
    title: 'Prioritering og rekkefølge',
    description: 'Ulike behov, ulik praksis, ulike vurderinger.',
    risks: ['R-02', 'R-04'],
  },
  // «Noen betraktninger»: lessons for another time.
  { kind: 'LESSON', title: 'Det har tatt lang tid', risks: [] },
  { kind: 'LESSON', title: 'Samarbeidets dilemma', risks: ['R-02'] },
  { kind: 'LESSON', title: 'Vi har ikke trent godt nok underveis', risks: ['R-09'] },
  {
    kind: 'LESSON',
    title: 'Vi kunne tatt ut mer gevinster underveis',
    description: 'Ambisjoner for og resultater gjennom Kongsbergregionen dokumentsenter.',
    risks: ['R-01'],
  },
  { kind: 'LESSON', title: 'Det blir aldri nok informasjon', risks: ['R-06'] },
  { kind: 'LESSON', title: 'Mennesker og relasjoner har betydning', risks: ['R-06'] },
  { kind: 'LESSON', title: 'Det er klokt å være grundig', risks: [] },
  { kind: 'LESSON', title: 'Bevegelse i riktig retning', risks: [] },
  // «Hva er viktigst?»
  { kind: 'PRIORITY', title: 'Klargjøring av ambisjonsnivå og målbilde', risks: ['R-01'] },
  { kind: 'PRIORITY', title: 'Avklarte roller og ansvar', risks: ['R-07'] },
  { kind: 'PRIORITY', title: 'Forutsigbar prosess og fremdrift', risks: ['R-07', 'R-08'] },
  { kind: 'PRIORITY', title: 'Involvering', risks: ['R-06'] },
  { kind: 'PRIORITY', title: 'Gode møteplasser', risks: [] },
  { kind: 'PRIORITY', title: 'Struktur på dialog og dokumentasjon', risks: ['R-09'] },
];

import type { PhaseSeed } from './types.ts';

const KDU = 'Kommunedirektørutvalget (KDU)';

// The source's timeline («Hva har vi gjort – tidslinje»), grouped into phases. Each date keeps
// the precision the source gives it: a day, a month, a season, a year or a range, never a
// made-up day. Everything in the source lies before today (25.11.2026), so it is all DONE;
// operation started on 1.1.2026. The last phase holds three milestones that are NOT in the
// source (marked «Demodata» in their description) so the dashboard has planned and delayed work
// to show.
export const PHASES: readonly PhaseSeed[] = [
  {
    name: 'Samarbeid om Elements',
    description:
      'Felles anskaffelse av og overgang til sak-/arkivsystemet Elements, og de første stegene mot et formalisert samarbeid.',
    dateStart: '2017-01-01',
    dateEnd: '2021-12-31',
    precision: 'RANGE',
    milestones: [
      {
        title: 'Felles anskaffelse og overgang til Elements',
        description:
          'Det utviklet seg en forståelse for at en eller annen form for samarbeid og samordning er ønskelig.',
        dateStart: '2017-01-01',
        dateEnd: '2018-12-31',
        precision: 'RANGE',
        kind: 'PROCUREMENT',
        status: 'DONE',
      },
      {
        title: 'Utredning av samarbeidsmodell',
        description: 'Utredningen anbefalte en «formalisert samarbeidsmodell med en desentralisert tjeneste».',
        dateStart: '2019-01-01',
        dateEnd: '2019-12-31',
        precision: 'YEAR',
        kind: 'ANALYSIS',
        status: 'DONE',
      },
      {
        title: 'Samarbeidsavtale vedtatt',
        dateStart: '2019-05-19',
        dateEnd: '2019-05-19',
        precision: 'DAY',
        kind: 'AGREEMENT',
        status: 'DONE',
      },
      {
        title: 'Gevinstrealiserer for Elements tilsatt',
        description: 'Analysen pekte på «hindre for formalisert samarbeid».',
        dateStart: '2020-01-01',
        dateEnd: '2020-12-31',
        precision: 'YEAR',
        kind: 'HIRING',
        status: 'DONE',
      },
      {
        title: 'Samarbeidsavtale for Elements vedtatt',
        description: 'Samarbeid og nettverk er regulert i avtalen.',
        dateStart: '2021-01-01',
        dateEnd: '2021-12-31',
        precision: 'YEAR',
        kind: 'AGREEMENT',
        status: 'DONE',
      },
    ],
  },
  {
    name: 'Forstudie og vedtak',
    description: 'Forstudie, beslutning om formalisert samarbeid, ROS-analyse og politisk behandling av vertskommuneavtalen.',
    dateStart: '2022-01-01',
    dateEnd: '2025-05-31',
    precision: 'RANGE',
    milestones: [
      {
        title: 'Forstudie',
        description: 'Forstudien pekte på post, arkiv og telefoni som områder med gevinster.',
        dateStart: '2022-01-01',
        dateEnd: '2022-12-31',
        precision: 'YEAR',
        kind: 'ANALYSIS',
        status: 'DONE',
      },
      {
        title: 'Evaluering av samarbeidsavtalen for Elements',
        dateStart: '2022-01-01',
        dateEnd: '2025-01-31',
        precision: 'RANGE',
        dateNote:
          'Kilden oppgir bare «202_» (siste siffer mangler). Evalueringen står på tidslinjen mellom 2021 og 31.1.2025.',
        kind: 'EVALUATION',
        status: 'DONE',
      },
      {
        title: 'Vedtak i KDU om formalisert samarbeid',
        description: '«Det etableres et formalisert samarbeid om post/arkiv.»',
        dateStart: '2024-01-26',
        dateEnd: '2024-01-26',
        precision: 'DAY',
        kind: 'DECISION',
        decidingBody: KDU,
        status: 'DONE',
      },
      {
        title: 'Risiko- og sårbarhetsanalyse (ROS)',
        description: 'Systematisk analyse av seks risikoområder, med de største iboende risikoene og avgjørende suksessfaktorer.',
        dateStart: '2024-05-01',
        dateEnd: '2024-05-31',
        precision: 'MONTH',
        kind: 'ANALYSIS',
        status: 'DONE',
      },
      {
        title: 'Sluttbehandling i KDU av vertskommuneavtale og tjenestekatalog',
        dateStart: '2025-01-31',
        dateEnd: '2025-01-31',
        precision: 'DAY',
        kind: 'DECISION',
        decidingBody: KDU,
        status: 'DONE',
      },
      {
        title: 'Behandling i kommunestyrene',
        description: 'Vertskommuneavtalen behandlet i kommunestyrene i de deltakende kommunene.',
        dateStart: '2025-03-01',
        dateEnd: '2025-05-31',
        precision: 'SEASON',
        kind: 'DECISION',
        decidingBody: 'Kommunestyrene',
        status: 'DONE',
      },
    ],
  },
  {
    name: 'Etablering',
    description: 'Fra politisk vedtak til driftsstart: ledelse, virksomhetsoverdragelse og forberedelser.',
    dateStart: '2025-01-01',
    dateEnd: '2025-12-31',
    precision: 'YEAR',
    milestones: [
      {
        title: 'Tilsetting av daglig leder',
        dateStart: '2025-03-01',
        dateEnd: '2025-12-31',
        precision: 'RANGE',
        dateNote: 'Kilden oppgir ingen dato. Står etter kommunestyrebehandlingen våren 2025 og før driftsstart 1.1.2026.',
        kind: 'HIRING',
        status: 'DONE',
      },
      {
        title: 'Virksomhetsoverdragelse',
        description: 'Arkivansatte i samarbeidskommunene overføres til dokumentsenteret i vertskommunen.',
        dateStart: '2025-03-01',
        dateEnd: '2025-12-31',
        precision: 'RANGE',
        dateNote: 'Kilden oppgir ingen dato. Står etter kommunestyrebehandlingen våren 2025 og før driftsstart 1.1.2026.',
        kind: 'PREPARATION',
        status: 'DONE',
      },
      {
        title: 'Forberedelser til drift',
        dateStart: '2025-03-01',
        dateEnd: '2025-12-31',
        precision: 'RANGE',
        dateNote: 'Kilden oppgir ingen dato. Står etter kommunestyrebehandlingen våren 2025 og før driftsstart 1.1.2026.',
        kind: 'PREPARATION',
        status: 'DONE',
      },
    ],
  },
  {
    name: 'Drift',
    // The source gives only a start («1.1.26 Drift»); a phase needs an end, so the demo closes
    // the window after the first evaluation.
    description: 'Kongsbergregionen dokumentsenter i drift fra 1.1.2026 på felles Elements. Fasen er løpende.',
    dateStart: '2026-01-01',
    dateEnd: '2027-12-31',
    precision: 'RANGE',
    milestones: [
      {
        title: 'Driftsstart for Kongsbergregionen dokumentsenter',
        dateStart: '2026-01-01',
        dateEnd: '2026-01-01',
        precision: 'DAY',
        kind: 'OPERATION',
        status: 'DONE',
      },
      {
        title: 'Papirarkiv før 2026 klargjort for deponering hos IKA Kongsberg',
        description: 'Demodata, ikke fra kildepresentasjonen: ordning og listeføring av eldre papirarkiv i samarbeidskommunene.',
        dateStart: '2026-09-01',
        dateEnd: '2026-10-31',
        precision: 'RANGE',
        kind: 'PREPARATION',
        status: 'PLANNED',
      },
      {
        title: 'Felles arkivplan for samarbeidskommunene vedtatt',
        description: 'Demodata, ikke fra kildepresentasjonen.',
        dateStart: '2026-12-01',
        dateEnd: '2026-12-31',
        precision: 'MONTH',
        kind: 'DECISION',
        decidingBody: KDU,
        status: 'PLANNED',
      },
      {
        title: 'Evaluering av første driftsår',
        description: 'Demodata, ikke fra kildepresentasjonen.',
        dateStart: '2027-03-01',
        dateEnd: '2027-05-31',
        precision: 'SEASON',
        kind: 'EVALUATION',
        status: 'PLANNED',
      },
    ],
  },
];

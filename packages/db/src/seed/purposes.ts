import type { PurposeSeed } from './types.ts';

// Vertskommuneavtalen § 2 «Formål og innhold», split into the seven purposes that later carry
// benefits. The descriptions keep the agreement's own wording.
export const PURPOSES: readonly PurposeSeed[] = [
  {
    ordinal: 1,
    title: 'Gevinster av digitale verktøy og mer automatisering',
    description:
      'Kongsbergregionen dokumentsenter skal bidra til at kommunene i større grad tar ut gevinster av digitale verktøy og øker graden av automatisering.',
  },
  {
    ordinal: 2,
    title: 'Større fagmiljø for de arkivansatte',
    description: 'Kongsbergregionen dokumentsenter skal bidra til at kommunene tilbyr et større fagmiljø for de arkivansatte.',
  },
  {
    ordinal: 3,
    title: 'Høy arkivfaglig kvalitet',
    description:
      'Dokumentsenteret skal levere tjenester av høy arkivfaglig kvalitet som dekker kommunenes behov for god og forsvarlig arkivering i henhold til samarbeidskommunenes arkivplan.',
  },
  {
    ordinal: 4,
    title: 'Opplæring i arkiv og saksbehandling',
    description: 'Dokumentsenteret skal tilby og gjennomføre opplæring for kommunenes ansatte innen arkiv og saksbehandling.',
  },
  {
    ordinal: 5,
    title: 'Standardiserte, digitaliserte og automatiserte post- og arkivprosesser',
    description:
      'Dokumentsenteret skal etablere rutiner for å standardisere, digitalisere og automatisere post- og arkivprosesser som reduserer behovet for manuell håndtering og øker behandlingshastigheten.',
  },
  {
    ordinal: 6,
    title: 'Pådriver for digitalisering av kommunenes arkiver',
    description: 'Dokumentsenteret skal være en pådriver i å digitalisere kommunenes arkiver.',
  },
  {
    ordinal: 7,
    title: 'Strategisk partner i den digitale transformasjonen',
    description:
      'Dokumentsenteret skal være en strategisk partner og bidragsyter i kommunenes digitale transformasjonsarbeid, og bidra til effektivisering og til at kommunenes kostnader på sikt kan reduseres.',
  },
];

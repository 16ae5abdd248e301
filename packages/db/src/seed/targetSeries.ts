import type { TargetSeriesSeed } from './types.ts';

/** Codes the archive series refer to when they map to the shared target structure. */
export type TargetCode =
  | 'SAK-2026'
  | 'SAK-FOR-2026'
  | 'MOTEBOK'
  | 'POSTJOURNAL'
  | 'BYGGESAK'
  | 'EIENDOM'
  | 'PLAN'
  | 'PERSONAL'
  | 'ELEV'
  | 'BARNEVERN'
  | 'SOSIAL'
  | 'HELSE'
  | 'REGNSKAP'
  | 'VERGEMAL';

// The shared target structure (målstruktur) the cooperation agrees on: what every municipality
// should have after harmonisation. Listed in the order ADMIN shows it (sortOrder = position).
export const TARGET_SERIES: readonly (TargetSeriesSeed & { code: TargetCode })[] = [
  { code: 'SAK-2026', title: 'Sakarkiv 2026–', description: 'Felles sakarkiv i Elements fra driftsstart 1.1.2026.' },
  { code: 'SAK-FOR-2026', title: 'Sakarkiv før 2026', description: 'Kommunenes sakarkiver fra periodene før driftsstart, på papir og i tidligere systemer.' },
  { code: 'MOTEBOK', title: 'Møtebøker folkevalgte organer', description: 'Møtebøker og saksdokumenter for kommunestyre, formannskap, utvalg, råd og nemnder.' },
  { code: 'POSTJOURNAL', title: 'Postjournaler', description: 'Journaler over inngående og utgående post.' },
  { code: 'BYGGESAK', title: 'Byggesaker (gnr/bnr)', description: 'Løpende byggesaksarkiv ordnet etter gårds- og bruksnummer.' },
  { code: 'EIENDOM', title: 'Eiendomsarkiv', description: 'Oppmåling, matrikkel, eiendomsskatt og kommunale eiendommer.' },
  { code: 'PLAN', title: 'Planarkiv', description: 'Kommuneplaner, reguleringsplaner og andre arealplaner.' },
  { code: 'PERSONAL', title: 'Personalmapper', description: 'Personalmapper for ansatte og tidligere ansatte.' },
  { code: 'ELEV', title: 'Elevmapper', description: 'Elevmapper fra grunnskolene, kulturskolen og PPT.' },
  { code: 'BARNEVERN', title: 'Barnevernmapper', description: 'Klientmapper i barneverntjenesten.' },
  { code: 'SOSIAL', title: 'Sosialmapper / Nav', description: 'Klientmapper fra sosialkontoret og Nav kommune.' },
  { code: 'HELSE', title: 'Helse- og omsorgsjournaler', description: 'Pasient- og brukerjournaler fra kommunens helse- og omsorgstjenester.' },
  { code: 'REGNSKAP', title: 'Regnskap og budsjett', description: 'Årsregnskap, budsjett, regnskapsbilag og lønn.' },
  { code: 'VERGEMAL', title: 'Overformynderi og vergemål', description: 'Overformynderiets arkiv fram til vergemålsreformen i 2013.' },
];

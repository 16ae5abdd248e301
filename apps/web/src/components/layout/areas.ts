/** The main areas of Samarkiv, in menu order. Labels live in the catalogue under `nav.<id>`. */
export const AREAS = [
  { id: 'overview', path: '/' },
  { id: 'risk', path: '/risiko' },
  { id: 'archiveSeries', path: '/arkivserier' },
  { id: 'timeline', path: '/tidslinje' },
  { id: 'findings', path: '/funn' },
  { id: 'municipalities', path: '/kommuner' },
  { id: 'auditLog', path: '/revisjonslogg' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

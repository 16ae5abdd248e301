/**
 * The main areas of Samarkiv, in menu order. Labels live in the catalogue under `nav.<id>`.
 * `adminOnly` areas are shown to administrators only (their routes are guarded as well).
 */
export const AREAS = [
  { id: 'overview', path: '/', adminOnly: false },
  { id: 'risk', path: '/risiko', adminOnly: false },
  { id: 'archiveSeries', path: '/arkivserier', adminOnly: false },
  { id: 'timeline', path: '/tidslinje', adminOnly: false },
  { id: 'findings', path: '/funn', adminOnly: false },
  { id: 'municipalities', path: '/kommuner', adminOnly: false },
  { id: 'users', path: '/admin/brukere', adminOnly: true },
  { id: 'auditLog', path: '/revisjonslogg', adminOnly: true },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

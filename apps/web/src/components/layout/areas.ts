/**
 * The main areas of Samarkiv, in menu order. Labels live in the catalogue under `nav.<id>`, or
 * under the key `label` names (an area whose texts have their own block).
 * `adminOnly` areas are shown to administrators only (their routes are guarded as well).
 */
export const AREAS = [
  { id: 'overview', path: '/', adminOnly: false },
  { id: 'risk', path: '/risiko', adminOnly: false },
  { id: 'archiveSeries', path: '/arkivserier', adminOnly: false },
  { id: 'timeline', path: '/tidslinje', adminOnly: false },
  { id: 'findings', path: '/funn', adminOnly: false },
  { id: 'services', path: '/tjenester', adminOnly: false, label: 'services.nav' },
  { id: 'benefits', path: '/gevinster', adminOnly: false, label: 'benefits.nav' },
  { id: 'municipalities', path: '/kommuner', adminOnly: false },
  { id: 'users', path: '/admin/brukere', adminOnly: true },
  { id: 'auditLog', path: '/revisjonslogg', adminOnly: true },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

/** Areas whose label is `nav.<id>` (the others name their own key). */
export type NavLabelledAreaId = Exclude<(typeof AREAS)[number], { label: string }>['id'];

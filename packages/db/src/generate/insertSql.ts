import { LEGACY_SYSTEMS, SERIES_KINDS, STORAGE_PLACES, UNITS } from './vocabulary.ts';

export interface GeneratorTargets {
  /** Parallel arrays: one entry per municipality the rows are spread over. */
  municipalityIds: number[];
  archiveIds: (number | null)[];
  creatorIds: (number | null)[];
  /** target_series.id by code; a code missing from the database leaves those rows unmapped. */
  targetIds: ReadonlyMap<string, number>;
}

const text = (value: string | null): string => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);
const textArray = (values: readonly (string | null)[]): string => `ARRAY[${values.map(text).join(', ')}]::text[]`;
const intArray = (values: readonly (number | null)[]): string => `ARRAY[${values.map((v) => (v === null ? 'NULL' : String(Math.trunc(v)))).join(', ')}]::int[]`;
const boolArray = (values: readonly boolean[]): string => `ARRAY[${values.map(String).join(', ')}]::boolean[]`;

/**
 * One INSERT ... SELECT over generate_series($1, $2): every value is computed in SQL from hashes
 * of the running number g, so a batch of 50 000 rows is one statement and no row crosses the
 * wire. The vocabulary is inlined as array literals (our own constants, quoted), which keeps the
 * statement identical on PGlite and PostgreSQL. Deterministic for a given g.
 */
export function buildInsertSql(targets: GeneratorTargets): string {
  const k = SERIES_KINDS;
  const m = targets.municipalityIds.length;
  if (m === 0) throw new Error('buildInsertSql: no municipalities');
  return `
WITH v AS (
  SELECT
    ${intArray(targets.municipalityIds)} AS mun, ${intArray(targets.archiveIds)} AS arch, ${intArray(targets.creatorIds)} AS creator,
    ${textArray(k.map((x) => x.stem))} AS stem,
    -- Lower-cased here, not by lower(): a server in the C locale leaves Å as it is.
    ${textArray(k.map((x) => x.stem.toLowerCase()))} AS stem_lc,
    ${intArray(k.map((x) => (x.target ? (targets.targetIds.get(x.target) ?? null) : null)))} AS target,
    ${textArray(k.map((x) => x.classification))} AS class,
    ${textArray(k.map((x) => x.restrictedBy))} AS basis,
    ${textArray(k.map((x) => x.retention))} AS retention,
    ${intArray(k.map((x) => x.retentionYears))} AS ret_years,
    ${textArray(k.map((x) => x.retentionBasis))} AS ret_basis,
    ${textArray(k.map((x) => x.system))} AS sys,
    ${boolArray(k.map((x) => x.continuous))} AS continuous,
    ${textArray(UNITS)} AS unit,
    ${textArray(LEGACY_SYSTEMS)} AS legacy,
    ${textArray(STORAGE_PLACES)} AS place
),
raw AS (
  SELECT g,
    hashint8(g * 8) & 2147483647 AS h0, hashint8(g * 8 + 1) & 2147483647 AS h1,
    hashint8(g * 8 + 2) & 2147483647 AS h2, hashint8(g * 8 + 3) & 2147483647 AS h3,
    hashint8(g * 8 + 4) & 2147483647 AS h4, hashint8(g * 8 + 5) & 2147483647 AS h5
  FROM generate_series($1::bigint, $2::bigint) AS g
),
picked AS (
  SELECT r.*, v.*,
    (r.h0 % ${m}) + 1 AS mi,
    (r.h1 % ${k.length}) + 1 AS ki,
    (r.h2 % ${UNITS.length}) + 1 AS ui,
    1950 + (r.h3 % 72) AS y1,
    1 + (r.h4 % 12) AS len
  FROM raw r CROSS JOIN v
),
shaped AS (
  SELECT p.*,
    p.continuous[p.ki] AS cont,
    p.y1 + p.len - 1 AS y2,
    CASE WHEN p.continuous[p.ki] OR p.y1 + p.len - 1 >= 2026 THEN NULL ELSE make_date(p.y1 + p.len - 1, 12, 31) END AS p_end,
    CASE WHEN p.y1 + p.len - 1 < 1995 THEN 'FYSISK' WHEN p.y1 >= 2010 THEN 'ELEKTRONISK' ELSE 'BLANDET' END AS medium,
    CASE p.h5 % 3
      WHEN 0 THEN p.stem[p.ki] || ' '
      WHEN 1 THEN p.stem[p.ki] || ' – ' || p.unit[p.ui] || ' '
      ELSE p.unit[p.ui] || ' – ' || p.stem_lc[p.ki] || ' '
    END || CASE WHEN p.len = 1 THEN p.y1::text ELSE p.y1 || '–' || (p.y1 + p.len - 1) END AS period_title,
    p.stem[p.ki] || ' – ' || p.unit[p.ui] AS continuous_title
  FROM picked p
),
rowset AS (
  SELECT s.*,
    CASE WHEN s.cont THEN s.continuous_title ELSE s.period_title END AS title,
    lpad(to_hex(1735689600000 + s.g), 12, '0') AS t,
    md5('samarkiv-generated/' || s.g) AS m,
    s.medium <> 'ELEKTRONISK' AND s.p_end IS NOT NULL AND s.y2 < 2005 AND s.h3 % 3 = 0 AS deposited
  FROM shaped s
)
INSERT INTO archive_series (
  municipality_id, archive_id, archive_creator_id, system_id, identifier, title, title_sort_key, description,
  status, document_medium, period_start, period_end, is_continuous, classification_type, retention_decision,
  retention_years, retention_basis, access_restriction, restriction_basis, storage_location, extent_files,
  extent_records, extent_shelf_metres, system, deposit_status, deposit_date, target_series_id, updated_at
)
SELECT
  r.mun[r.mi], r.arch[r.mi], r.creator[r.mi],
  -- A UUIDv7-shaped systemID whose time part is the running number: ordered ids append to
  -- the (municipality_id, system_id) index instead of landing on random pages of it.
  substr(r.t, 1, 8) || '-' || substr(r.t, 9, 4) || '-7' || substr(r.m, 1, 3) || '-'
    || substr('89ab', (r.h5 % 4) + 1, 1) || substr(r.m, 4, 3) || '-' || substr(r.m, 7, 12),
  'GEN-' || lpad(r.g::text, 9, '0'),
  r.title,
  -- Must equal norwegianSortKey(title) from packages/shared for these titles.
  translate(lower(r.title), 'ÆØÅæøå', '{|}{|}'),
  CASE WHEN r.h4 % 5 = 0 THEN 'Generert testdata.' END,
  (CASE
    WHEN r.p_end IS NULL THEN 'AKTIV_PERIODE'
    WHEN r.y2 = 2025 THEN 'OVERLAPPINGSPERIODE'
    WHEN r.h5 % 50 = 0 THEN 'UAKTUELLE_MAPPER'
    ELSE 'AVSLUTTET_PERIODE' END)::"ArchiveSeriesStatus",
  r.medium::"DocumentMedium",
  make_date(r.y1, 1, 1),
  r.p_end,
  r.cont,
  r.class[r.ki],
  -- A few series lack a retention decision, a legal basis or a target on purpose.
  CASE WHEN r.h2 % 12 = 0 THEN NULL ELSE r.retention[r.ki]::"RetentionDecision" END,
  CASE WHEN r.h2 % 12 = 0 THEN NULL ELSE r.ret_years[r.ki] END,
  CASE WHEN r.h2 % 12 = 0 THEN NULL ELSE r.ret_basis[r.ki] END,
  CASE WHEN r.basis[r.ki] IS NOT NULL THEN 'Unntatt offentlighet' END,
  CASE WHEN r.h4 % 20 = 0 THEN NULL ELSE r.basis[r.ki] END,
  CASE WHEN r.medium = 'ELEKTRONISK' THEN NULL WHEN r.deposited THEN 'IKA Kongsberg' ELSE r.place[(r.h0 % ${STORAGE_PLACES.length}) + 1] END,
  CASE WHEN r.medium <> 'FYSISK' THEN 10 + r.h1 % 5000 END,
  CASE WHEN r.medium <> 'FYSISK' THEN (10 + r.h1 % 5000) * (2 + r.h2 % 10) END,
  CASE WHEN r.medium <> 'ELEKTRONISK' THEN round((0.1 + (r.h3 % 2000) / 10.0)::numeric, 2) END,
  CASE
    WHEN r.medium = 'FYSISK' THEN 'Papir'
    WHEN r.sys[r.ki] IS NOT NULL THEN r.sys[r.ki]
    WHEN r.y1 >= 2018 THEN 'Elements'
    ELSE r.legacy[(r.h5 % ${LEGACY_SYSTEMS.length}) + 1] END,
  (CASE WHEN NOT r.deposited THEN 'IKKE_AVLEVERT' WHEN r.y2 < 1985 THEN 'AVLEVERT' ELSE 'DEPONERT' END)::"DepositStatus",
  CASE WHEN r.deposited THEN make_date(least(r.y2 + 5 + r.h4 % 15, 2025), 1 + r.h2 % 12, 1 + r.h5 % 28) END,
  CASE WHEN r.h3 % 10 = 0 THEN NULL ELSE r.target[r.ki] END,
  now()
FROM rowset r`;
}

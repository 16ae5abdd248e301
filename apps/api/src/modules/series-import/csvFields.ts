import { ARCHIVE_SERIES_STATUS, DEPOSIT_STATUS, DOCUMENT_MEDIUM, RETENTION_DECISION } from '@samarkiv/shared';
import type { ArchiveSeriesCsvField } from '../../graphql/generated/resolvers.ts';
import { listing } from './values.ts';

// The series fields a CSV column can be mapped to, the headers that propose each (the export's
// Norwegian headers, Noark 5 names, English field names), and how a cell is read: the values
// as users and our own export (archive-series/export.ts) write them.

export type CsvField = ArchiveSeriesCsvField;

type Parsed = { value: unknown } | { error: string };
type Kind = 'text' | 'status' | 'medium' | 'retention' | 'deposit' | 'date' | 'boolean' | 'integer' | 'decimal' | 'name';

interface FieldSpec {
  /** The series column the field fills (for a name: the link it resolves to). */
  column: string;
  kind: Kind;
  /** Norwegian label used in messages. */
  label: string;
  headers: string[];
}

export const CSV_FIELDS: Record<CsvField, FieldSpec> = {
  SYSTEM_ID: { column: 'systemId', kind: 'text', label: 'system-ID', headers: ['SystemID', 'systemId', 'system_id'] },
  IDENTIFIER: { column: 'identifier', kind: 'text', label: 'identifikator', headers: ['Identifikator', 'identifier', 'ID', 'Kode'] },
  TITLE: { column: 'title', kind: 'text', label: 'tittel', headers: ['Tittel', 'title', 'Navn', 'Arkivdel'] },
  DESCRIPTION: { column: 'description', kind: 'text', label: 'beskrivelse', headers: ['Beskrivelse', 'description'] },
  STATUS: { column: 'status', kind: 'status', label: 'arkivdelstatus', headers: ['Arkivdelstatus', 'Status'] },
  DOCUMENT_MEDIUM: { column: 'documentMedium', kind: 'medium', label: 'dokumentmedium', headers: ['Dokumentmedium', 'documentMedium', 'Medium'] },
  PERIOD_START: { column: 'periodStart', kind: 'date', label: 'startdato', headers: ['Arkivperiode startdato', 'arkivperiodeStartDato', 'Startdato', 'Fra', 'periodStart'] },
  PERIOD_END: { column: 'periodEnd', kind: 'date', label: 'sluttdato', headers: ['Arkivperiode sluttdato', 'arkivperiodeSluttDato', 'Sluttdato', 'Til', 'periodEnd'] },
  IS_CONTINUOUS: { column: 'isContinuous', kind: 'boolean', label: 'løpende', headers: ['Løpende', 'isContinuous', 'continuous'] },
  CLASSIFICATION_TYPE: { column: 'classificationType', kind: 'text', label: 'klassifikasjonstype', headers: ['Klassifikasjonstype', 'classificationType'] },
  RETENTION_DECISION: { column: 'retentionDecision', kind: 'retention', label: 'kassasjonsvedtak', headers: ['Kassasjonsvedtak', 'retentionDecision'] },
  RETENTION_YEARS: { column: 'retentionYears', kind: 'integer', label: 'bevaringstid', headers: ['Bevaringstid (år)', 'Bevaringstid', 'retentionYears'] },
  RETENTION_BASIS: { column: 'retentionBasis', kind: 'text', label: 'kassasjonshjemmel', headers: ['Kassasjonshjemmel', 'retentionBasis'] },
  ACCESS_RESTRICTION: { column: 'accessRestriction', kind: 'text', label: 'tilgangsrestriksjon', headers: ['Tilgangsrestriksjon', 'accessRestriction'] },
  RESTRICTION_BASIS: { column: 'restrictionBasis', kind: 'text', label: 'skjermingshjemmel', headers: ['Skjermingshjemmel', 'restrictionBasis'] },
  STORAGE_LOCATION: { column: 'storageLocation', kind: 'text', label: 'oppbevaringssted', headers: ['Oppbevaringssted', 'storageLocation'] },
  EXTENT_FILES: { column: 'extentFiles', kind: 'integer', label: 'antall mapper', headers: ['Antall mapper', 'Mapper', 'extentFiles'] },
  EXTENT_RECORDS: { column: 'extentRecords', kind: 'integer', label: 'antall registreringer', headers: ['Antall registreringer', 'Registreringer', 'extentRecords'] },
  EXTENT_SHELF_METRES: { column: 'extentShelfMetres', kind: 'decimal', label: 'hyllemeter', headers: ['Hyllemeter', 'extentShelfMetres'] },
  SYSTEM: { column: 'system', kind: 'text', label: 'system', headers: ['System', 'Fagsystem'] },
  TARGET_SERIES: { column: 'targetSeriesId', kind: 'name', label: 'målserie', headers: ['Målserie', 'Målarkivdel', 'targetSeries'] },
  DEPOSIT_STATUS: { column: 'depositStatus', kind: 'deposit', label: 'avleveringsstatus', headers: ['Avleveringsstatus', 'depositStatus'] },
  DEPOSIT_DATE: { column: 'depositDate', kind: 'date', label: 'avleveringsdato', headers: ['Avleveringsdato', 'depositDate'] },
  ARCHIVE: { column: 'archiveId', kind: 'name', label: 'arkiv', headers: ['Arkiv', 'archive'] },
  ARCHIVE_CREATOR: { column: 'archiveCreatorId', kind: 'name', label: 'arkivskaper', headers: ['Arkivskaper', 'arkivskaperNavn', 'archiveCreator'] },
  MUNICIPALITY: { column: 'municipalityId', kind: 'name', label: 'kommune', headers: ['Kommune', 'municipality', 'Kommunenavn'] },
};

export const ALL_CSV_FIELDS = Object.keys(CSV_FIELDS) as CsvField[];

/** What a new series cannot do without; SYSTEM_ID stands in for IDENTIFIER (the identifier is then the system ID). */
export const REQUIRED_FIELDS: CsvField[] = ['IDENTIFIER', 'TITLE', 'STATUS', 'DOCUMENT_MEDIUM', 'PERIOD_START'];

const simplify = (header: string) => header.toLocaleLowerCase('nb').replace(/[^a-z0-9æøå]/g, '');
const BY_HEADER = new Map<string, CsvField>(ALL_CSV_FIELDS.flatMap((f) => CSV_FIELDS[f].headers.map((h) => [simplify(h), f] as const)));
for (const f of ALL_CSV_FIELDS) BY_HEADER.set(simplify(f), f);

/** The field a header proposes, or null. */
export function proposeField(header: string): CsvField | null {
  return BY_HEADER.get(simplify(header)) ?? null;
}

/** The export puts an apostrophe before =, +, -, @ (a spreadsheet would run the cell as a formula); read it back without. */
export function unprotect(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A cell read as the field's value; empty cells are null. */
export function parseCell(field: CsvField, raw: string): Parsed {
  const spec = CSV_FIELDS[field];
  const cell = unprotect(raw).trim();
  if (cell === '') return { value: null };
  switch (spec.kind) {
    case 'text':
    case 'name':
      return { value: cell };
    case 'status':
      return code(ARCHIVE_SERIES_STATUS, cell, spec.label);
    case 'medium':
      return code(DOCUMENT_MEDIUM, cell, spec.label);
    case 'retention':
      return code(RETENTION_DECISION, cell, spec.label);
    case 'deposit':
      return code(DEPOSIT_STATUS, cell, spec.label);
    case 'date':
      return date(cell, spec.label);
    case 'boolean':
      return yesNo(cell, spec.label);
    case 'integer':
    case 'decimal':
      return number(cell, spec.label, spec.kind === 'integer');
  }
}

/** A code-list word ("Aktiv periode") or the code itself ("AKTIV_PERIODE"), in any letter case. */
function code(codes: Record<string, string>, cell: string, label: string): Parsed {
  const lower = cell.toLocaleLowerCase('nb');
  for (const [key, word] of Object.entries(codes)) {
    if (word.toLocaleLowerCase('nb') === lower || key.toLowerCase() === lower) return { value: key };
  }
  return { error: `«${cell}» er ikke en gyldig ${label}. Bruk ${listing(Object.values(codes))}.` };
}

/** dd.mm.åååå (also d.m.åååå) or ISO åååå-mm-dd, a day that exists. */
function date(cell: string, label: string): Parsed {
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(cell);
  const iso = norwegian ? `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(cell) ? cell : null;
  const day = iso ? new Date(`${iso}T00:00:00Z`) : null;
  if (!iso || !day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso) {
    return { error: `«${cell}» er ikke en gyldig ${label}. Skriv datoen som dd.mm.åååå (for eksempel 31.12.2025) eller åååå-mm-dd.` };
  }
  return { value: iso };
}

function yesNo(cell: string, label: string): Parsed {
  const lower = cell.toLocaleLowerCase('nb');
  if (['ja', 'j', 'true', 'yes', '1', 'x'].includes(lower)) return { value: true };
  if (['nei', 'n', 'false', 'no', '0'].includes(lower)) return { value: false };
  return { error: `«${cell}» er ikke en gyldig verdi for ${label}. Skriv «Ja» eller «Nei».` };
}

/** Decimal comma, spaces (also no-break and thin spaces) as thousands separators: «1 234,5». */
function number(cell: string, label: string, integer: boolean): Parsed {
  const compact = cell.replace(/[\s\u00a0\u202f]/g, '');
  const normal = /^-?\d+(,\d+)?$/.test(compact) ? compact.replace(',', '.') : /^-?\d+(\.\d+)?$/.test(compact) ? compact : null;
  const value = normal === null ? Number.NaN : Number(normal);
  if (!Number.isFinite(value)) return { error: `«${cell}» er ikke et tall. Skriv ${label} med sifre${integer ? '' : ' og eventuelt desimalkomma (for eksempel 12,5)'}.` };
  if (integer && !Number.isInteger(value)) return { error: `«${cell}» er ikke et heltall. Skriv ${label} uten desimaler.` };
  return { value };
}

import { gql, type TypedDocumentNode } from '@apollo/client';
import { Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/form/fields.tsx';
import type { ImportProblem } from './ImportReport.tsx';
import { CSV_FIELDS, type CsvColumnMapping, type CsvField } from './importMutations.ts';

// Written by hand until codegen generates web types (contract: /work/briefs/csv-sdl.graphql).
export type CsvImportColumn = { __typename: 'CsvImportColumn'; index: number; header: string; samples: string[]; proposedField: CsvField | null };
export type CsvImportPreview = {
  __typename: 'CsvImportPreview';
  uploadId: string;
  filename: string;
  delimiter: string;
  columns: CsvImportColumn[];
  requiredFields: CsvField[];
  problems: ImportProblem[];
};

export const CSV_IMPORT_PREVIEW_QUERY: TypedDocumentNode<{ csvImportPreview: CsvImportPreview }, { uploadId: string }> = gql`
  query CsvImportPreview($uploadId: ID!) {
    csvImportPreview(uploadId: $uploadId) {
      uploadId
      filename
      delimiter
      columns {
        index
        header
        samples
        proposedField
      }
      requiredFields
      problems {
        severity
        code
        path
        line
        file
        message
      }
    }
  }
`;

/** Column index → field ('' = not imported). */
export type MappingDraft = Record<number, CsvField | ''>;

/** The preview's proposals, each field kept only for its first column (a field is used once). */
export function proposedMapping(columns: CsvImportColumn[]): MappingDraft {
  const used = new Set<CsvField>();
  const draft: MappingDraft = {};
  for (const column of columns) {
    const field = column.proposedField;
    draft[column.index] = field && !used.has(field) ? field : '';
    if (field) used.add(field);
  }
  return draft;
}

export function mappingOf(draft: MappingDraft): CsvColumnMapping[] {
  return Object.entries(draft)
    .filter((entry): entry is [string, CsvField] => entry[1] !== '')
    .map(([column, field]) => ({ column: Number(column), field }));
}

// A series is keyed by either; the API names both among the required fields.
const KEY_FIELDS: readonly CsvField[] = ['IDENTIFIER', 'SYSTEM_ID'];

/** The requirements a mapping must meet: each a set of fields of which one must be mapped. */
export function requirements(required: CsvField[]): CsvField[][] {
  const key = required.filter((field) => KEY_FIELDS.includes(field));
  const rest = required.filter((field) => !KEY_FIELDS.includes(field)).map((field) => [field]);
  return key.length ? [key, ...rest] : rest;
}

export function missingRequirements(required: CsvField[], draft: MappingDraft): CsvField[][] {
  const mapped = new Set(Object.values(draft));
  return requirements(required).filter((alternatives) => !alternatives.some((field) => mapped.has(field)));
}

type CsvMappingProps = {
  preview: CsvImportPreview;
  draft: MappingDraft;
  onChange(draft: MappingDraft): void;
  /** Shown under the required fields (missing ones, or the server's word on the mapping). */
  error?: string;
};

/** One select per column of the file: header and samples shown, each field usable once. */
export function CsvMapping({ preview, draft, onChange, error }: CsvMappingProps) {
  const { t } = useTranslation();
  const field = (name: CsvField) => t(`seriesImport.csvFields.${name}`);
  const mapped = new Set(Object.values(draft));
  const required = requirements(preview.requiredFields);
  const requirementText = (alternatives: CsvField[]) => alternatives.map(field).join(t('seriesImport.csv.or'));
  return (
    <fieldset className="import-mapping" aria-describedby={error ? 'csv-mapping-error' : 'csv-mapping-required'}>
      <legend>{t('seriesImport.csv.mappingLegend')}</legend>
      <div id="csv-mapping-required">
        <Paragraph>{t('seriesImport.csv.requiredLead')}</Paragraph>
        <ul className="import-required">
          {required.map((alternatives) => {
            const done = alternatives.some((name) => mapped.has(name));
            return (
              <li key={alternatives.join()} data-done={done}>
                {done ? t('seriesImport.csv.requiredDone', { field: requirementText(alternatives) }) : t('seriesImport.csv.requiredMissing', { field: requirementText(alternatives) })}
              </li>
            );
          })}
        </ul>
      </div>
      {error && <ValidationMessage id="csv-mapping-error">{error}</ValidationMessage>}
      <div className="import-mapping__columns">
        {preview.columns.map((column) => (
          <SelectField
            key={column.index}
            label={t('seriesImport.csv.columnLabel', { number: column.index + 1, header: column.header })}
            description={column.samples.length ? t('seriesImport.csv.samples', { samples: column.samples.join(' · ') }) : t('seriesImport.csv.noSamples')}
            value={draft[column.index] ?? ''}
            onChange={(event) => onChange({ ...draft, [column.index]: event.target.value as CsvField | '' })}
          >
            <option value="">{t('seriesImport.csv.skip')}</option>
            {CSV_FIELDS.map((name) => (
              <option key={name} value={name} disabled={mapped.has(name) && draft[column.index] !== name}>
                {field(name)}
                {preview.requiredFields.includes(name) ? ` ${t('seriesImport.csv.requiredMark')}` : ''}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
    </fieldset>
  );
}

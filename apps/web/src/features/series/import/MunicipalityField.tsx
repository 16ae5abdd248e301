import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/form/fields.tsx';
import { useAuth } from '../../../lib/auth/authContext.ts';
import { useCan } from '../../../lib/auth/useCan.ts';

type Choice = { id: string; name: string };

const SERIES_IMPORT_MUNICIPALITIES_QUERY: TypedDocumentNode<{ municipalities: ({ __typename: 'Municipality' } & Choice)[] }> = gql`
  query SeriesImportMunicipalities {
    municipalities {
      id
      name
    }
  }
`;

const byName = (a: Choice, b: Choice) => a.name.localeCompare(b.name, 'nb');

/** The municipalities the user may import into: an archivist's own, every one for an administrator. */
export function useImportMunicipalities(): { choices: Choice[]; loading: boolean; failed: boolean } {
  const { user } = useAuth();
  const { isAdmin } = useCan();
  const { data, loading, error } = useQuery(SERIES_IMPORT_MUNICIPALITIES_QUERY, { skip: !isAdmin });
  const own = useMemo(
    () =>
      (user?.memberships ?? [])
        .filter((membership) => membership.role === 'ARCHIVIST')
        .map((membership) => ({ id: membership.municipality.id, name: membership.municipality.name }))
        .sort(byName),
    [user],
  );
  if (!isAdmin) return { choices: own, loading: false, failed: false };
  return { choices: data?.municipalities ?? [], loading, failed: Boolean(error) };
}

type MunicipalityFieldProps = {
  value: string;
  onChange(id: string): void;
  error?: string;
  /** Offered first when the importer may propose one (Noark 5: from the arkivskaper). */
  proposeLabel?: string;
  description?: string;
  ref?: Ref<HTMLSelectElement>;
};

/** Which municipality the import goes into. */
export function MunicipalityField({ value, onChange, error, proposeLabel, description, ref }: MunicipalityFieldProps) {
  const { t } = useTranslation();
  const { choices, loading, failed } = useImportMunicipalities();
  const help = failed ? t('seriesImport.municipality.failed') : loading ? t('seriesImport.municipality.loading') : description;
  return (
    <SelectField
      ref={ref}
      label={t('seriesImport.municipality.label')}
      description={help}
      error={error}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      name="municipalityId"
    >
      <option value="">{proposeLabel ?? t('seriesImport.municipality.choose')}</option>
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.name}
        </option>
      ))}
    </SelectField>
  );
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The Samarkiv field names an import item's changedFields can hold (the importer's plan.ts). */
const CHANGED_FIELDS = [
  'name', 'title', 'description', 'status', 'documentMedium', 'storageLocation', 'periodStart', 'periodEnd',
  'classificationType', 'retentionDecision', 'retentionYears', 'retentionBasis', 'accessRestriction',
  'restrictionBasis', 'extentFiles', 'extentRecords', 'system', 'systemId', 'archiveId', 'archiveCreatorId',
  'predecessorId', 'successorId',
] as const;
type ChangedField = (typeof CHANGED_FIELDS)[number];

const isChangedField = (name: string): name is ChangedField => (CHANGED_FIELDS as readonly string[]).includes(name);

/** A changed field's Norwegian name; a name this client does not know is shown as sent. */
export function useChangedFieldWords(): (name: string) => string {
  const { t } = useTranslation();
  return useCallback((name: string) => (isChangedField(name) ? t(`seriesImport.changedFields.${name}`) : name), [t]);
}

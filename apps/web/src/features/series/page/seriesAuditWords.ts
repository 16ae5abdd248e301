import type { TFunction } from 'i18next';
import type { AuditWords } from '../../audit/AuditChanges.tsx';
import { DEPOSIT_WORDS, MEDIUM_WORDS, RETENTION_WORDS, STATUS_WORDS } from './codes.ts';

// A series' history in the words of its page: the audit trail stores column names and codes
// (retentionDecision: KASSERES); an archivist reads "Kassasjonsvedtak: Kasseres".
const CODE_WORDS: Record<string, Record<string, string>> = {
  status: STATUS_WORDS,
  documentMedium: MEDIUM_WORDS,
  retentionDecision: RETENTION_WORDS,
  depositStatus: DEPOSIT_WORDS,
};

export function seriesAuditWords(t: TFunction): AuditWords {
  return {
    field: (field) => (t(`seriesPage.fields.${field}`, { defaultValue: '' }) || undefined),
    value: (field, value) => (typeof value === 'string' ? CODE_WORDS[field]?.[value] : undefined),
  };
}

import { osloStartOfDay } from '../../lib/format.ts';

/** The audit log's filters as they stand in the URL (Norwegian names, like the app's paths). */
export type AuditFilterValues = {
  actorId: string;
  entityType: string;
  entityId: string;
  action: string;
  /** yyyy-mm-dd, Oslo calendar day, inclusive */
  from: string;
  /** yyyy-mm-dd, Oslo calendar day, inclusive */
  to: string;
};

export const AUDIT_FILTER_PARAMS: Record<keyof AuditFilterValues, string> = {
  actorId: 'bruker',
  entityType: 'type',
  entityId: 'objekt',
  action: 'handling',
  from: 'fra',
  to: 'til',
};

const KEYS = Object.keys(AUDIT_FILTER_PARAMS) as (keyof AuditFilterValues)[];

export function readAuditFilter(params: URLSearchParams): AuditFilterValues {
  return Object.fromEntries(KEYS.map((key) => [key, params.get(AUDIT_FILTER_PARAMS[key])?.trim() ?? ''])) as AuditFilterValues;
}

export function auditFilterParams(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) if (values[key].trim()) params.set(AUDIT_FILTER_PARAMS[key], values[key].trim());
  return params;
}

export function isFiltered(values: AuditFilterValues): boolean {
  return KEYS.some((key) => values[key] !== '');
}

/**
 * The API's AuditEventFilter. Dates are whole Oslo days: "to" is inclusive for the user, so
 * the exclusive bound sent is the start of the next day.
 */
export function toApiFilter(values: AuditFilterValues) {
  const from = osloStartOfDay(values.from);
  const to = osloStartOfDay(values.to, 1);
  return {
    ...(values.actorId ? { actorId: values.actorId } : {}),
    ...(values.entityType ? { entityType: values.entityType } : {}),
    ...(values.entityId ? { entityId: values.entityId } : {}),
    ...(values.action ? { action: values.action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

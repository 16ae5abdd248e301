import type { TFunction } from 'i18next';

/**
 * Actions the API records (audit.graphql names create … access-denied; the user and auth
 * services add the rest). Also the choices of the action filter. Others show as sent.
 */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'set-memberships',
  'deactivate',
  'reactivate',
  'reset-password',
  'password-changed',
  'sign-in',
  'sign-in-failed',
  'sign-in-blocked',
  'sign-out',
  'access-denied',
  'rescore',
  'link',
  'link-risk',
  'unlink-risk',
  'map',
  'export',
  'set-consequence-scores',
  'accept-residual',
  'revoke-acceptance',
  'import',
  'import-create',
  'import-update',
] as const;
type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Entity types as the schema names its models (prisma/schema.prisma), plus the API's "Operation" (refused calls). */
export const ENTITY_TYPES = [
  'User',
  'Membership',
  'Session',
  'Municipality',
  'Archive',
  'ArchiveCreator',
  'ArchiveSeries',
  'TargetSeries',
  'AcceptanceCriteria',
  'ConsequenceDimension',
  'RiskBaseline',
  'NoarkImport',
  'RiskArea',
  'Risk',
  'RiskAssessment',
  'Measure',
  'Finding',
  'Purpose',
  'Phase',
  'Milestone',
  'AppSetting',
  'Operation',
] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

const FIELDS = [
  'id',
  'username',
  'displayName',
  'email',
  'isActive',
  'mustChangePassword',
  'lastSignInAt',
  'memberships',
  'role',
  'municipalityId',
  'name',
  'number',
  'title',
  'description',
  'status',
  'participates',
  'reference',
  'owner',
  'ownerId',
  'deadline',
  'likelihood',
  'consequence',
  'residualLikelihood',
  'residualConsequence',
  'nextReview',
  'version',
] as const;
type FieldName = (typeof FIELDS)[number];

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function actionLabel(t: TFunction, action: string): string {
  return isOneOf<AuditAction>(AUDIT_ACTIONS, action) ? t(`audit.actions.${action}`) : action;
}

export function entityTypeLabel(t: TFunction, entityType: string): string {
  return isOneOf<EntityType>(ENTITY_TYPES, entityType) ? t(`audit.entityTypes.${entityType}`) : entityType;
}

export function fieldLabel(t: TFunction, field: string): string {
  return isOneOf<FieldName>(FIELDS, field) ? t(`audit.fields.${field}`) : field;
}

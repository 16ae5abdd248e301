import type { AuthUser_me, Role } from './currentUser.ts';

/**
 * What the UI may offer, after PRODUCT.md's roles. The UI only hides controls a user cannot
 * use; the server checks every call again and has the last word.
 */
export type Permission =
  /** Users, roles and memberships. */
  | 'manageUsers'
  | 'viewAuditLog'
  | 'manageTargetSeries'
  | 'manageAcceptanceCriteria'
  /** The risk register: risks, assessments, measures. */
  | 'editRisk'
  /** Success factors, vulnerabilities, strengths, opportunities and the other findings. */
  | 'editFinding'
  | 'editTimeline'
  /** Archive series (arkivdeler) and their mapping to target series. */
  | 'editSeries'
  /** The service catalogue (tjenestekatalogen). */
  | 'editServices'
  /** Benefits and their measurements: none or omitted = a benefit of the whole centre. */
  | 'editBenefit'
  /** Monthly operating figures of a municipality. */
  | 'reportFigures';

type Subject = Pick<AuthUser_me, 'roles' | 'memberships'>;

const ADMIN_ONLY: ReadonlySet<Permission> = new Set(['manageUsers', 'viewAuditLog', 'manageTargetSeries', 'manageAcceptanceCriteria']);
const COORDINATOR_WORK: ReadonlySet<Permission> = new Set(['editRisk', 'editFinding', 'editTimeline', 'editServices', 'editBenefit', 'reportFigures']);

export function isAdmin(user: Subject | null | undefined): boolean {
  return Boolean(user?.roles.includes('ADMIN'));
}

function municipalitiesWithRole(user: Subject, role: Role): Set<string> {
  return new Set(user.memberships.filter((membership) => membership.role === role).map((membership) => membership.municipality.id));
}

/**
 * Whether `user` may do `permission` for the given municipalities.
 *
 * `municipalityIds` names what the object concerns: the municipalities a risk affects (none
 * or omitted = all of them), or the one municipality a series belongs to. Omitted, the
 * question is "may the user do this for any municipality" (for example to show a button
 * before an object is chosen).
 */
export function can(user: Subject | null | undefined, permission: Permission, municipalityIds?: readonly string[]): boolean {
  if (!user) return false;
  if (isAdmin(user)) return true;
  if (ADMIN_ONLY.has(permission)) return false;
  if (COORDINATOR_WORK.has(permission)) {
    const own = municipalitiesWithRole(user, 'COORDINATOR');
    // A risk that affects all municipalities is every coordinator's; otherwise one of the
    // coordinator's own municipalities must be among those affected.
    if (!municipalityIds || municipalityIds.length === 0) return own.size > 0;
    return municipalityIds.some((id) => own.has(id));
  }
  // editSeries: a series belongs to one municipality, which must be the archivist's own.
  const own = municipalitiesWithRole(user, 'ARCHIVIST');
  if (!municipalityIds || municipalityIds.length === 0) return own.size > 0;
  return municipalityIds.every((id) => own.has(id));
}

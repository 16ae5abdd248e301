import type { TFunction } from 'i18next';
import { ROLES, type Role } from './currentUser.ts';

type MembershipLike = { role: Role; municipality: { id: string; name: string } };

/**
 * Memberships as sentences, one per role: "Arkivar i Kongsberg og Flesberg". Roles come in
 * PRODUCT.md's order; municipalities in the order the server sent them.
 */
export function membershipSentences(t: TFunction, language: string, memberships: readonly MembershipLike[]): string[] {
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  return ROLES.flatMap((role) => {
    const names = memberships.filter((membership) => membership.role === role).map((membership) => membership.municipality.name);
    if (names.length === 0) return [];
    return [t('roles.inMunicipalities', { role: t(`roles.${role}`), municipalities: list.format(names) })];
  });
}

import { useCallback } from 'react';
import { useAuth } from './authContext.ts';
import { can as canDo, isAdmin, type Permission } from './permissions.ts';

/**
 * Whether to offer a control to the signed-in user, e.g. `can('editRisk', risk.municipalityIds)`.
 * Hiding is a courtesy: the server decides every call.
 */
export function useCan() {
  const { user } = useAuth();
  const can = useCallback((permission: Permission, municipalityIds?: readonly string[]) => canDo(user, permission, municipalityIds), [user]);
  return { can, isAdmin: isAdmin(user) };
}

import type { Context } from '../../graphql/context.ts';
import { holdsRoleIn } from '../../graphql/writes.ts';
import { deny } from '../audit/audit.service.ts';

/** Whom a risk concerns: every municipality, or those it names. */
export interface RiskReach {
  appliesToAll: boolean;
  municipalityIds: number[];
}

/**
 * ADMIN may change any risk; a coordinator one that concerns all municipalities or at least one
 * of theirs. The field's role rule has already required ADMIN or COORDINATOR somewhere.
 */
export function mayChangeRisk(ctx: Context, reach: RiskReach): boolean {
  const user = ctx.user;
  if (!user) return false;
  if (user.isAdmin) return true;
  if (reach.appliesToAll) return user.memberships.some((m) => m.role === 'COORDINATOR');
  return reach.municipalityIds.some((id) => holdsRoleIn(ctx, ['COORDINATOR'], id));
}

/** Refuses (and audits the refusal) a change of a risk outside the caller's reach. */
export async function assertMayChangeRisk(ctx: Context, reach: RiskReach, what: string): Promise<void> {
  if (!mayChangeRisk(ctx, reach)) await deny(ctx, what, { appliesToAll: reach.appliesToAll, municipalityIds: reach.municipalityIds, required: ['COORDINATOR'] });
}

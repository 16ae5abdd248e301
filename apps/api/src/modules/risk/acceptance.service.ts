import type { Prisma, Risk } from '@samarkiv/db';
import { acceptRiskRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isoDate, osloDate, toDbDate } from '../../graphql/dates.ts';
import { assertPersonExists } from './references.ts';
import { conflict, NO_ACCEPTANCE, readRisk, reachOf } from './risk-write.service.ts';
import { assertMayChangeRisk } from './scope.ts';

// The formal acceptance of a risk's residual level: who accepted it, when, and until when.

export interface AcceptanceView {
  approverId: number | null;
  approverName: string;
  acceptedOn: string;
  expiresOn: string;
  comment: string | null;
  isExpired: boolean;
}

/** The risk's acceptance, or null; expired when its last day is before today in Oslo. */
export function acceptanceOf(risk: Risk, today = osloDate()): AcceptanceView | null {
  if (!risk.acceptedOn || !risk.acceptanceExpiresOn || risk.acceptanceApproverName === null) return null;
  const expiresOn = isoDate(risk.acceptanceExpiresOn);
  return { approverId: risk.acceptanceApproverId, approverName: risk.acceptanceApproverName, acceptedOn: isoDate(risk.acceptedOn), expiresOn, comment: risk.acceptanceComment, isExpired: expiresOn < today };
}

async function conditionalWrite(ctx: Context, riskId: number, version: number, data: Prisma.RiskUncheckedUpdateManyInput, action: string, before: Risk): Promise<Risk> {
  return ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.risk.updateMany({ where: { id: riskId, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
    if (changed.count === 0) await conflict(tx, riskId, version);
    const after = await tx.risk.findUniqueOrThrow({ where: { id: riskId } });
    await recordAudit(tx, ctx, { action, entityType: 'Risk', entityId: riskId, before: { acceptance: acceptanceOf(before) }, after: { acceptance: acceptanceOf(after) } });
    return after;
  });
}

export async function acceptResidual(ctx: Context, id: string, input: unknown): Promise<Risk> {
  const data = parseInput(acceptRiskRules, input);
  const riskId = toId(id);
  const before = live(await readRisk(ctx.prisma, riskId));
  assertVersion(before, data.version);
  await assertMayChangeRisk(ctx, reachOf(before), 'acceptRiskResidual');
  if (before.residualLikelihood === null) throw new AppError('NO_RESIDUAL', undefined, { path: ['id'] });
  await assertPersonExists(ctx, data.approverId, ['input', 'approverId']);
  return conditionalWrite(
    ctx,
    riskId,
    data.version,
    {
      acceptanceApproverId: data.approverId,
      acceptanceApproverName: data.approverName,
      acceptedOn: toDbDate(data.acceptedOn),
      acceptanceExpiresOn: toDbDate(data.expiresOn),
      acceptanceComment: data.comment,
    },
    'accept-residual',
    before,
  );
}

export async function revokeAcceptance(ctx: Context, id: string, version: number): Promise<Risk> {
  const riskId = toId(id);
  const before = live(await readRisk(ctx.prisma, riskId));
  assertVersion(before, version);
  await assertMayChangeRisk(ctx, reachOf(before), 'revokeRiskAcceptance');
  if (!before.acceptedOn) throw new AppError('NOT_FOUND', 'Restrisikoen er ikke akseptert.', { path: ['id'] });
  return conditionalWrite(ctx, riskId, version, { ...NO_ACCEPTANCE }, 'revoke-acceptance', before);
}

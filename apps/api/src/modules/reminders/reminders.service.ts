import { reminderPreferenceRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { parseInput } from '../../graphql/validation.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { MeView } from '../auth/auth.service.ts';

export async function setReminderPreference(ctx: Context, input: unknown): Promise<MeView> {
  const { enabled } = parseInput(reminderPreferenceRules, input);
  const user = ctx.user!;
  await ctx.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { remindersEnabled: enabled } });
    await recordAudit(tx, ctx, { action: 'reminders-preference', entityType: 'User', entityId: user.id, before: { remindersEnabled: user.remindersEnabled }, after: { remindersEnabled: enabled } });
  });
  return { ...user, remindersEnabled: enabled, sessionExpiresAt: ctx.session!.expiresAt, sessionMethod: ctx.session!.method };
}

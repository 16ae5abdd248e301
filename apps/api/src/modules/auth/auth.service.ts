import { changePasswordRules, signInRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { useSecondFactor } from '../mfa/totp.ts';
import { clearSessionCookie } from './cookies.ts';
import { establishSession } from './establish.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { type AuthUser, toAuthUser } from './session.ts';

export interface MeView extends AuthUser {
  sessionExpiresAt: Date;
  sessionMethod: string;
}

export async function signIn(ctx: Context, input: unknown): Promise<MeView> {
  const { username, password, code } = parseInput(signInRules, input);
  const address = ctx.clientAddress ?? 'unknown';
  const retryAfter = await ctx.signInLimiter.retryAfter(username, address);
  if (retryAfter > 0) {
    await recordAudit(ctx.prisma, ctx, { action: 'sign-in-blocked', entityType: 'Session', actorId: null, after: { username } });
    throw new AppError('TOO_MANY_ATTEMPTS', undefined, { retryAfterSeconds: retryAfter });
  }
  const login = username.toLowerCase();
  const user = await ctx.prisma.user.findFirst({
    where: { OR: [{ username: login }, { email: login }] },
    select: { id: true, username: true, displayName: true, email: true, passwordHash: true, isActive: true, mustChangePassword: true, remindersEnabled: true, totp: { select: { secret: true, confirmedAt: true } }, memberships: { select: { municipalityId: true, role: true } } },
  });
  // verifyPassword does the same work for an unknown user (a dummy hash): no timing oracle.
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || !user.isActive) {
    await ctx.signInLimiter.recordFailure(username, address);
    await recordAudit(ctx.prisma, ctx, { action: 'sign-in-failed', entityType: 'Session', entityId: user?.id ?? null, actorId: null, after: { username } });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const mfaEnabled = Boolean(user.totp?.confirmedAt);
  let factor: string | undefined;
  if (mfaEnabled) {
    // The password was right: no failure is counted for asking the second step.
    if (!code) throw new AppError('MFA_CODE_REQUIRED', undefined, { path: ['input', 'code'] });
    factor = (await useSecondFactor(ctx.prisma, user.id, user.totp!.secret, code)) ?? undefined;
    if (!factor) {
      await ctx.signInLimiter.recordFailure(username, address);
      await recordAudit(ctx.prisma, ctx, { action: 'sign-in-failed', entityType: 'Session', entityId: user.id, actorId: null, after: { username, factor: 'totp' } });
      throw new AppError('INVALID_MFA_CODE', undefined, { path: ['input', 'code'] });
    }
  }
  await ctx.signInLimiter.reset(username);
  const created = await establishSession(ctx, user.id, 'password', factor ? { factor } : undefined);
  return { ...toAuthUser({ ...user, mfaEnabled }), sessionExpiresAt: created.expiresAt, sessionMethod: 'password' };
}

export async function signOut(ctx: Context): Promise<boolean> {
  const session = ctx.session!;
  await ctx.prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { idHash: session.idHash } });
    await recordAudit(tx, ctx, { action: 'sign-out', entityType: 'Session', entityId: ctx.user!.id });
  });
  clearSessionCookie(ctx.req, ctx.res, ctx.config);
  return true;
}

export function me(ctx: Context): MeView {
  return { ...ctx.user!, sessionExpiresAt: ctx.session!.expiresAt, sessionMethod: ctx.session!.method };
}

export async function changePassword(ctx: Context, input: unknown): Promise<MeView> {
  const { currentPassword, newPassword } = parseInput(changePasswordRules, input);
  const user = ctx.user!;
  const row = await ctx.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'Det nåværende passordet stemmer ikke.', { path: ['input', 'currentPassword'] });
  }
  if (newPassword.toLowerCase().includes(user.username.toLowerCase())) {
    throw new AppError('VALIDATION_FAILED', 'Passordet kan ikke inneholde brukernavnet.', { path: ['input', 'newPassword'] });
  }
  const passwordHash = await hashPassword(newPassword);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, version: { increment: 1 } } });
    // Other sessions of the user end: whoever else held one must sign in with the new password.
    await tx.session.deleteMany({ where: { userId: user.id, idHash: { not: ctx.session!.idHash } } });
    await recordAudit(tx, ctx, { action: 'password-changed', entityType: 'User', entityId: user.id, before: { mustChangePassword: user.mustChangePassword }, after: { mustChangePassword: false } });
  });
  return { ...user, mustChangePassword: false, sessionExpiresAt: ctx.session!.expiresAt, sessionMethod: ctx.session!.method };
}

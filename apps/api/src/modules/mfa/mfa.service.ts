import { confirmTotpRules } from '@samarkiv/shared';
import QRCode from 'qrcode';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { MeView } from '../auth/auth.service.ts';
import { USER_FIELDS, type UserRow } from '../user/user.service.ts';
import { hashRecoveryCode, matchTotpStep, newRecoveryCodes, newTotpSecret, totpOf } from './totp.ts';

/** A second factor belongs to a local account: a session from an identity provider has the provider's. */
function assertPasswordSession(ctx: Context): void {
  if (ctx.session!.method !== 'password') throw new AppError('VALIDATION_FAILED', 'Tofaktorinnlogging gjelder lokale kontoer. Du logget inn via en identitetsleverandør.');
}

export async function beginTotpSetup(ctx: Context): Promise<{ secret: string; otpauthUri: string; qrCodeDataUrl: string }> {
  assertPasswordSession(ctx);
  const user = ctx.user!;
  if (user.mfaEnabled) throw new AppError('MFA_ALREADY_ENABLED');
  const secret = newTotpSecret();
  // An unconfirmed secret replaces an earlier unconfirmed one: only the last QR code shown works.
  await ctx.prisma.userTotp.upsert({ where: { userId: user.id }, create: { userId: user.id, secret }, update: { secret, confirmedAt: null, lastStep: null } });
  const otpauthUri = totpOf(secret, user.username).toString();
  // SVG with presentation attributes only (no style attribute), shown as an <img>: the CSP allows data: images.
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export async function confirmTotpSetup(ctx: Context, input: unknown): Promise<{ recoveryCodes: string[]; me: MeView }> {
  assertPasswordSession(ctx);
  const { code } = parseInput(confirmTotpRules, input);
  const user = ctx.user!;
  if (user.mfaEnabled) throw new AppError('MFA_ALREADY_ENABLED');
  const pending = await ctx.prisma.userTotp.findUnique({ where: { userId: user.id }, select: { secret: true } });
  if (!pending) throw new AppError('VALIDATION_FAILED', 'Start oppsettet på nytt: det finnes ingen kode å bekrefte.', { path: ['input', 'code'] });
  const step = matchTotpStep(pending.secret, code);
  if (step === null) throw new AppError('INVALID_MFA_CODE', undefined, { path: ['input', 'code'] });
  const recoveryCodes = newRecoveryCodes();
  await ctx.prisma.$transaction(async (tx) => {
    // Conditional: two confirmations racing cannot both hand out recovery codes.
    const confirmed = await tx.userTotp.updateMany({ where: { userId: user.id, secret: pending.secret, confirmedAt: null }, data: { confirmedAt: new Date(), lastStep: BigInt(step) } });
    if (confirmed.count !== 1) throw new AppError('MFA_ALREADY_ENABLED');
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    await recordAudit(tx, ctx, { action: 'mfa-enabled', entityType: 'User', entityId: user.id, after: { mfaEnabled: true, recoveryCodes: recoveryCodes.length } });
  });
  return { recoveryCodes, me: { ...user, mfaEnabled: true, sessionExpiresAt: ctx.session!.expiresAt, sessionMethod: ctx.session!.method } };
}

/** Another ADMIN removes a user's factor (a lost phone): their sessions end, and they set it up again at next sign-in. */
export async function resetUserMfa(ctx: Context, id: string): Promise<UserRow> {
  const userId = toId(id);
  if (userId === ctx.user!.id) throw new AppError('MFA_SELF_RESET', undefined, { path: ['id'] });
  return ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!user) throw new AppError('NOT_FOUND');
    const removed = await tx.userTotp.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, ctx, { action: 'mfa-reset', entityType: 'User', entityId: userId, before: { mfaEnabled: removed.count > 0 }, after: { mfaEnabled: false } });
    return user;
  });
}

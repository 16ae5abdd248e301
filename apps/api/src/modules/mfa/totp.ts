import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@samarkiv/db';
import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The RFC 6238 defaults every authenticator app reads: SHA-1, six digits, 30 seconds. */
export function totpOf(secret: string, accountName: string): TOTP {
  return new TOTP({ issuer: 'Samarkiv', label: accountName, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS });
}

/** The time step a code belongs to (one step either side of now, for clock drift), or null. */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totpOf(secret, 'x').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** Ten characters of base32 (50 bits): random enough that a plain SHA-256 is a safe way to keep them. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((byte) => BASE32[byte % 32]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
}

/**
 * Accepts a TOTP code once (a step at or before the last accepted one is refused: no replay) or
 * an unused recovery code, which is then spent. Conditional updates, so two requests racing with
 * the same code cannot both win. Returns which factor was used, or null.
 */
export async function useSecondFactor(prisma: PrismaClient, userId: number, secret: string, code: string): Promise<'totp' | 'recovery-code' | null> {
  if (/^\d{6}$/.test(code)) {
    const step = matchTotpStep(secret, code);
    if (step === null) return null;
    const claimed = await prisma.userTotp.updateMany({
      where: { userId, confirmedAt: { not: null }, OR: [{ lastStep: null }, { lastStep: { lt: BigInt(step) } }] },
      data: { lastStep: BigInt(step) },
    });
    return claimed.count === 1 ? 'totp' : null;
  }
  const spent = await prisma.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: new Date() } });
  return spent.count === 1 ? 'recovery-code' : null;
}

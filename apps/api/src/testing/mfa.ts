import type { PrismaClient } from '@samarkiv/db';
import { newTotpSecret, totpOf } from '../modules/mfa/totp.ts';

/**
 * Test shortcut: gives a user a confirmed TOTP factor straight in the database (no audit row, so
 * tests that count audit events after an admin signs in are unaffected). Returns the secret.
 */
export async function enrolTotp(prisma: PrismaClient, userId: number): Promise<string> {
  const secret = newTotpSecret();
  await prisma.userTotp.upsert({ where: { userId }, create: { userId, secret, confirmedAt: new Date() }, update: { secret, confirmedAt: new Date(), lastStep: null } });
  return secret;
}

/** A current code for the user's factor; the replay guard is cleared first, so a test may sign in twice within 30 seconds. */
export async function currentTotpCode(prisma: PrismaClient, userId: number): Promise<string> {
  const { secret } = await prisma.userTotp.update({ where: { userId }, data: { lastStep: null }, select: { secret: true } });
  return totpOf(secret, 'test').generate();
}

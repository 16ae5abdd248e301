import type { PrismaClient } from '@samarkiv/db';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiConfig } from '../../config.ts';

export interface SignInLimiter {
  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  retryAfter(account: string, address: string): Promise<number>;
  recordFailure(account: string, address: string): Promise<void>;
  reset(account: string): Promise<void>;
}

/**
 * Failed sign-ins are counted per account and per client address in the database, so that all
 * API processes share one count. A success clears the account's count, not the address's.
 */
export function createSignInLimiter(prisma: PrismaClient, config: ApiConfig): SignInLimiter {
  const options = {
    storeClient: prisma,
    tableName: 'rateLimiterFlexible',
    points: config.signInLimit.points,
    duration: config.signInLimit.windowMinutes * 60,
    clearExpiredByTimeout: false,
  };
  const byAccount = new RateLimiterPrisma({ ...options, keyPrefix: 'signin-account' });
  const byAddress = new RateLimiterPrisma({ ...options, keyPrefix: 'signin-address' });
  const accountKey = (account: string) => account.trim().toLowerCase();

  return {
    async retryAfter(account, address) {
      const [a, b] = await Promise.all([byAccount.get(accountKey(account)), byAddress.get(address)]);
      const blocked = [a, b].filter((res): res is RateLimiterRes => res !== null && res.consumedPoints >= config.signInLimit.points);
      return blocked.length ? Math.max(...blocked.map((res) => Math.ceil(res.msBeforeNext / 1000))) : 0;
    },
    async recordFailure(account, address) {
      await Promise.all([
        byAccount.penalty(accountKey(account), 1),
        byAddress.penalty(address, 1),
      ]);
    },
    async reset(account) {
      await byAccount.delete(accountKey(account));
    },
  };
}

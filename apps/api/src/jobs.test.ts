import type { Database } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiConfigFromEnv } from './config.ts';
import { runHousekeeping } from './jobs.ts';
import { createLogger } from './logger.ts';

let db: Database;
beforeEach(async () => {
  db = await openTestDatabase('seeded');
});
afterEach(async () => {
  await db.close();
});

describe('housekeeping', () => {
  it('deletes expired sessions and rate-limit counters, keeps live ones, and blanks old client addresses', async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: 'leser' } });
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 60 * 60_000);
    await db.prisma.session.createMany({ data: [{ idHash: 'a'.repeat(64), userId: user.id, expiresAt: past }, { idHash: 'b'.repeat(64), userId: user.id, expiresAt: future }] });
    await db.prisma.rateLimiterFlexible.createMany({ data: [{ key: 'old', points: 3, expire: past }, { key: 'live', points: 3, expire: future }] });
    await db.prisma.auditEvent.create({ data: { action: 'sign-in', entityType: 'Session', clientAddress: '192.0.2.7', occurredAt: new Date(Date.now() - 91 * 86_400_000) } });
    await db.prisma.auditEvent.create({ data: { action: 'sign-in', entityType: 'Session', clientAddress: '192.0.2.8' } });

    await runHousekeeping(db, apiConfigFromEnv({}), createLogger('silent'));

    expect((await db.prisma.session.findMany()).map((s) => s.idHash)).toEqual(['b'.repeat(64)]);
    expect((await db.prisma.rateLimiterFlexible.findMany()).map((r) => r.key)).toEqual(['live']);
    const addresses = (await db.prisma.auditEvent.findMany({ where: { action: 'sign-in' }, orderBy: { id: 'asc' } })).map((e) => e.clientAddress);
    expect(addresses).toEqual([null, '192.0.2.8']);
  });
});

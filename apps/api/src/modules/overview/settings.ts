import type { Prisma, PrismaClient } from '@samarkiv/db';
import { OVERVIEW_SETTING_DEFAULTS, overviewSettingsRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { parseInput } from '../../graphql/validation.ts';
import { deny, recordAudit } from '../audit/audit.service.ts';

// The overview's settings live in app_setting under one key each; an absent key (or a value
// that is not of the right shape, say from a hand edit) reads as its default, so a database
// needs no row before an ADMIN first changes them.

const KEYS = { cutOverDate: 'overview.cut_over_date', overlapMonths: 'overview.overlap_months' } as const;

export interface OverviewSettingsView {
  cutOverDate: string;
  overlapMonths: number;
  overlapEndsOn: string;
}

export async function readOverviewSettings(prisma: PrismaClient | Prisma.TransactionClient): Promise<OverviewSettingsView> {
  const rows = await prisma.appSetting.findMany({ where: { key: { in: Object.values(KEYS) } } });
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  const date = overviewSettingsRules.shape.cutOverDate.safeParse(value(KEYS.cutOverDate));
  const months = overviewSettingsRules.shape.overlapMonths.safeParse(value(KEYS.overlapMonths));
  const cutOverDate = date.success ? date.data : OVERVIEW_SETTING_DEFAULTS.cutOverDate;
  return settingsView(cutOverDate, months.success ? months.data : OVERVIEW_SETTING_DEFAULTS.overlapMonths);
}

export function settingsView(cutOverDate: string, overlapMonths: number): OverviewSettingsView {
  return { cutOverDate, overlapMonths, overlapEndsOn: addMonths(cutOverDate, overlapMonths) };
}

/** The same day `months` later (clamped to the month's end: 31.1 + 1 month is 28/29.2). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export async function updateOverviewSettings(ctx: Context, input: unknown): Promise<OverviewSettingsView> {
  // The field rule admits ADMIN only; the service says so too, so no other path can write.
  if (!ctx.user?.isAdmin) await deny(ctx, 'updateOverviewSettings');
  const data = parseInput(overviewSettingsRules, input);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await readOverviewSettings(tx);
    for (const [field, key] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
      await tx.appSetting.upsert({ where: { key }, create: { key, value: data[field] }, update: { value: data[field] } });
    }
    const after = settingsView(data.cutOverDate, data.overlapMonths);
    // The readiness summary counts against the cut-over date (see readiness.ts): a new date
    // recounts it here, in the same transaction as the setting.
    if (after.cutOverDate !== before.cutOverDate) await tx.$executeRaw`SELECT "archive_series_readiness_rebuild"(${after.cutOverDate}::date)`;
    await recordAudit(tx, ctx, { action: 'update', entityType: 'AppSetting', entityId: 'overview', before, after });
    return after;
  });
}

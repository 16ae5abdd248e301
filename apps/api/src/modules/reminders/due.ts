import type { PrismaClient } from '@samarkiv/db';
import { isoDate } from '../../graphql/dates.ts';

export type ReminderKind = 'due-soon' | 'overdue';

export interface DueReminder {
  itemType: 'measure' | 'risk';
  itemId: number;
  /** The risk page the e-mail links to (a measure's risk). */
  riskId: number;
  reference: string;
  title: string;
  dueDate: string;
  kind: ReminderKind;
  user: { id: number; email: string; displayName: string };
}

const OWNER = { isActive: true, remindersEnabled: true, email: { not: null } } as const;
const OWNER_FIELDS = { select: { id: true, email: true, displayName: true } } as const;

function addDays(date: string, days: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
}

/**
 * What is due on the Oslo day `today`: an open measure's deadline or a risk's next review at most
 * `daysBefore` days ahead (once per date: 'due-soon') or passed (once per date: 'overdue'), whose
 * owner is active, has an e-mail address and has not turned reminders off. A moved date starts a
 * new round; nothing is sent twice for the same date and kind.
 */
export async function dueReminders(prisma: PrismaClient, today: string, daysBefore: number): Promise<DueReminder[]> {
  const horizon = addDays(today, daysBefore);
  const [measures, risks] = await Promise.all([
    prisma.measure.findMany({
      where: { deletedAt: null, status: { in: ['PLANNED', 'IN_PROGRESS'] }, deadline: { lte: horizon }, owner: OWNER, risk: { deletedAt: null } },
      select: { id: true, title: true, deadline: true, risk: { select: { id: true, reference: true } }, owner: OWNER_FIELDS },
    }),
    prisma.risk.findMany({
      where: { deletedAt: null, status: { not: 'CLOSED' }, nextReviewDate: { lte: horizon }, owner: OWNER },
      select: { id: true, reference: true, title: true, nextReviewDate: true, owner: OWNER_FIELDS },
    }),
  ]);
  const candidates: DueReminder[] = [
    ...measures.map((m) => ({ itemType: 'measure' as const, itemId: m.id, riskId: m.risk.id, reference: m.risk.reference, title: m.title, dueDate: isoDate(m.deadline!), user: m.owner! })),
    ...risks.map((r) => ({ itemType: 'risk' as const, itemId: r.id, riskId: r.id, reference: r.reference, title: r.title, dueDate: isoDate(r.nextReviewDate!), user: r.owner! })),
  ].map((c) => ({ ...c, kind: (c.dueDate < today ? 'overdue' : 'due-soon') as ReminderKind, user: { ...c.user, email: c.user.email! } }));
  if (!candidates.length) return [];
  const sent = await prisma.reminderSent.findMany({
    where: { OR: candidates.map((c) => ({ itemType: c.itemType, itemId: c.itemId })) },
    select: { itemType: true, itemId: true, kind: true, dueDate: true, day: true },
  });
  const done = new Set(sent.map((s) => `${s.itemType}:${s.itemId}:${s.kind}:${isoDate(s.dueDate)}`));
  const today_ = new Set(sent.filter((s) => isoDate(s.day) === today).map((s) => `${s.itemType}:${s.itemId}`));
  return candidates.filter((c) => !done.has(`${c.itemType}:${c.itemId}:${c.kind}:${c.dueDate}`) && !today_.has(`${c.itemType}:${c.itemId}`));
}

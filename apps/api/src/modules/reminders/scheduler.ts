import { randomUUID } from 'node:crypto';
import type { Database } from '@samarkiv/db';
import nodemailer from 'nodemailer';
import type { ApiConfig } from '../../config.ts';
import { osloDate } from '../../graphql/dates.ts';
import type { Logger } from '../../logger.ts';
import { dueReminders } from './due.ts';
import { composeReminder } from './mail.ts';

const LEASE = 'reminders';

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface SchedulerOptions {
  /** The clock the dates are taken from (tests set a day). */
  now?: () => Date;
  intervalMs?: number;
  transport?: MailTransport;
  /** This process's name in the lease. */
  holder?: string;
}

/**
 * One process at a time sends: a lease row taken in one statement (free, expired, or already
 * ours), renewed at every round. A process that dies loses it after two intervals. Behind it the
 * unique (item, day) key of reminder_sent: a claim is inserted before the e-mail is sent.
 */
async function takeLease(db: Database, holder: string, ttlMs: number): Promise<boolean> {
  const rows = await db.prisma.$queryRaw<{ holder: string }[]>`
    INSERT INTO "scheduler_lease" ("name", "holder", "expires_at") VALUES (${LEASE}, ${holder}, now() + ${ttlMs} * interval '1 millisecond')
    ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "expires_at" = EXCLUDED."expires_at"
    WHERE "scheduler_lease"."expires_at" < now() OR "scheduler_lease"."holder" = EXCLUDED."holder"
    RETURNING "holder"`;
  return rows.length === 1;
}

/** One round: the reminders due today (Oslo) are claimed and sent; returns how many were sent. */
export async function runReminderRound(db: Database, config: ApiConfig, logger: Logger, options: Required<SchedulerOptions>): Promise<number> {
  if (!(await takeLease(db, options.holder, Math.max(2 * options.intervalMs, 10_000)))) return 0;
  const today = osloDate(options.now());
  const due = await dueReminders(db.prisma, today, config.reminders.daysBefore);
  const baseUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  let sent = 0;
  for (const reminder of due) {
    const claimed = await db.prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO "reminder_sent" ("user_id", "item_type", "item_id", "kind", "due_date", "day")
      VALUES (${reminder.user.id}, ${reminder.itemType}, ${reminder.itemId}, ${reminder.kind}, ${reminder.dueDate}::date, ${today}::date)
      ON CONFLICT ("item_type", "item_id", "day") DO NOTHING RETURNING "id"`;
    if (!claimed.length) continue;
    const mail = composeReminder(reminder, baseUrl);
    try {
      await options.transport.sendMail({ from: config.reminders.smtp!.from, to: reminder.user.email, ...mail });
      sent++;
    } catch (error) {
      // Not sent: the claim goes, so the next round tries again.
      await db.prisma.reminderSent.delete({ where: { id: claimed[0]!.id } });
      logger.warn({ err: error, itemType: reminder.itemType, itemId: reminder.itemId }, 'reminder e-mail could not be sent');
    }
  }
  if (sent) logger.info({ sent, day: today }, 'reminders sent');
  return sent;
}

/** Runs a round at start and every interval; off (a no-op) when no SMTP host is configured. */
export function startReminderScheduler(db: Database, config: ApiConfig, logger: Logger, options: SchedulerOptions = {}): { stop(): Promise<void> } {
  const smtp = config.reminders.smtp;
  if (!smtp) return { stop: async () => {} };
  const resolved: Required<SchedulerOptions> = {
    now: options.now ?? (() => new Date()),
    intervalMs: options.intervalMs ?? config.reminders.intervalMs,
    holder: options.holder ?? randomUUID(),
    transport:
      options.transport ??
      nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: smtp.secure, ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}) }),
  };
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const round = () => {
    running = runReminderRound(db, config, logger, resolved).catch((error: unknown) => logger.warn({ err: error }, 'reminder round failed'));
  };
  round();
  const timer = setInterval(() => {
    if (!stopped) void running.then(round);
  }, resolved.intervalMs);
  timer.unref();
  logger.info({ intervalMs: resolved.intervalMs, daysBefore: config.reminders.daysBefore }, 'reminder scheduler started');
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      // Another process may take over at once.
      await db.prisma.schedulerLease.deleteMany({ where: { name: LEASE, holder: resolved.holder } }).catch(() => {});
    },
  };
}

import { type Database, openDatabase } from '@samarkiv/db';
import { openTestDatabase, PG_TEMPLATE_DB, testBackend, withDatabase } from '@samarkiv/db/testing';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { apiConfigFromEnv, type ApiConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { startServerProcess, type ServerProcess } from '../../testing/serverProcess.ts';
import { startSmtpSink } from '../../testing/smtpSink.ts';
import { startTestApi } from '../../testing/testApi.ts';
import { runReminderRound, startReminderScheduler } from './scheduler.ts';

let db: Database | undefined;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await sink?.close();
  await db?.close();
  db = undefined;
  sink = undefined;
});

const logger = createLogger('silent');
const PUBLIC_URL = 'https://samarkiv.example.no';

function configFor(port: number): ApiConfig {
  return apiConfigFromEnv({ SAMARKIV_SMTP_HOST: '127.0.0.1', SAMARKIV_SMTP_PORT: String(port), SAMARKIV_SMTP_FROM: 'Samarkiv <samarkiv@example.no>', SAMARKIV_PUBLIC_URL: PUBLIC_URL, SAMARKIV_REMINDER_DAYS_BEFORE: '7' });
}

/** A clock at noon Oslo time on the day. */
const on = (day: string) => () => new Date(`${day}T11:00:00Z`);

async function userId(prisma: Database['prisma'], username: string): Promise<number> {
  return (await prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
}

/** Only this test's items are due: the seed's dates are cleared first. */
async function prepareItems(prisma: Database['prisma']) {
  await prisma.measure.updateMany({ data: { deadline: null } });
  await prisma.risk.updateMany({ data: { nextReviewDate: null } });
  const area = await prisma.riskArea.findFirstOrThrow();
  const risk = await prisma.risk.create({ data: { reference: 'R-T1', title: 'Mangel på ressurser', areaId: area.id, inherentLikelihood: 3, inherentConsequence: 4, ownerId: await userId(prisma, 'arkivar'), nextReviewDate: new Date('2026-03-09') } });
  const koordinator = await userId(prisma, 'koordinator');
  const measure = (title: string, deadline: string, ownerId: number, status: 'PLANNED' | 'DONE' = 'PLANNED') => prisma.measure.create({ data: { riskId: risk.id, title, deadline: new Date(deadline), ownerId, status, completedAt: status === 'DONE' ? new Date() : null } });
  const dueSoon = await measure('Lag opplæringsplan', '2026-03-17', koordinator);
  await measure('Bestill kurs', '2026-03-18', koordinator);
  await measure('Ferdig tiltak', '2026-03-11', koordinator, 'DONE');
  await measure('Lesers tiltak', '2026-03-12', await userId(prisma, 'leser'));
  return { risk, dueSoon };
}

function options(day: string, holder = 'test') {
  return { now: on(day), intervalMs: 1000, holder, transport: transportTo(sink!.port) };
}

function transportTo(port: number) {
  // The real nodemailer SMTP transport, to the sink.
  const { smtp } = configFor(port).reminders;
  return { sendMail: (message: Parameters<import('./scheduler.ts').MailTransport['sendMail']>[0]) => sendWithNodemailer(smtp!, message) };
}

async function sendWithNodemailer(smtp: NonNullable<ApiConfig['reminders']['smtp']>, message: { from: string; to: string; subject: string; text: string }) {
  const nodemailer = (await import('nodemailer')).default;
  return nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true }).sendMail(message);
}

describe('e-mail reminders', () => {
  beforeEach(async () => {
    db = await openTestDatabase('seeded');
    sink = await startSmtpSink();
  });

  it('sends the owner a reminder days before a deadline and when a review is overdue, with a link into Samarkiv', async () => {
    const { risk } = await prepareItems(db!.prisma);
    expect(await runReminderRound(db!, configFor(sink!.port), logger, options('2026-03-10'))).toBe(3);
    const subjects = sink!.mails.map((m) => m.subject).sort();
    expect(subjects).toEqual([
      'Forfalt: risikoen R-T1 skulle vært gjennomgått 09.03.2026',
      'Påminnelse: tiltaket «Lag opplæringsplan» har frist 17.03.2026',
      'Påminnelse: tiltaket «Lesers tiltak» har frist 12.03.2026',
    ]);
    const mail = sink!.mails.find((m) => m.subject.includes('Lag opplæringsplan'))!;
    expect(mail.to).toBe('koordinator@example.org');
    expect(mail.from).toMatch(/^"?Samarkiv"? <samarkiv@example\.no>$/);
    expect(mail.text).toContain('Fristen er 17.03.2026.');
    expect(mail.text).toContain(`Åpne i Samarkiv: ${PUBLIC_URL}/risiko/${risk.id}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/min-konto`);
  });

  it('sends at most one per item and day, one of each kind per date, and a new one when the date is passed', async () => {
    const { dueSoon } = await prepareItems(db!.prisma);
    const config = configFor(sink!.port);
    expect(await runReminderRound(db!, config, logger, options('2026-03-10'))).toBe(3);
    expect(await runReminderRound(db!, config, logger, options('2026-03-10'))).toBe(0);
    // Next day: "Bestill kurs" (18.03) is seven days ahead now; the rest had theirs.
    expect(await runReminderRound(db!, config, logger, options('2026-03-11'))).toBe(1);
    expect(sink!.mails[3]!.subject).toBe('Påminnelse: tiltaket «Bestill kurs» har frist 18.03.2026');
    // "Lesers tiltak" falls due today (12.03): it had its due-soon reminder already.
    expect(await runReminderRound(db!, config, logger, options('2026-03-12'))).toBe(0);
    // The day after, it is overdue: one more.
    expect(await runReminderRound(db!, config, logger, options('2026-03-13'))).toBe(1);
    expect(sink!.mails[4]!.subject).toBe('Forfalt: fristen for tiltaket «Lesers tiltak» var 12.03.2026');
    // A moved deadline starts a new round for that measure.
    await db!.prisma.measure.update({ where: { id: dueSoon.id }, data: { deadline: new Date('2026-03-14') } });
    expect(await runReminderRound(db!, config, logger, options('2026-03-13'))).toBe(1);
  });

  it('sends nothing to a user who turned reminders off, and the choice is audited', async () => {
    await prepareItems(db!.prisma);
    const api = await startTestApi(db!);
    cleanups.push(() => api.close());
    const leser = await api.signIn('leser');
    const result = await leser.gql(`mutation SetReminderPreference($input: ReminderPreferenceInput!) { setReminderPreference(input: $input) { remindersEnabled } }`, { input: { enabled: false } });
    expect(result.data).toEqual({ setReminderPreference: { remindersEnabled: false } });
    expect((await leser.gql(`{ me { remindersEnabled } }`)).data).toEqual({ me: { remindersEnabled: false } });
    expect(await db!.prisma.auditEvent.findFirst({ where: { action: 'reminders-preference' }, select: { after: true } })).toEqual({ after: { remindersEnabled: false } });
    await runReminderRound(db!, configFor(sink!.port), logger, options('2026-03-10'));
    expect(sink!.mails.map((m) => m.to)).not.toContain('leser@example.org');
    expect(sink!.mails).toHaveLength(2);
  });

  it('lets only one of two schedulers send while the other holds the lease', async () => {
    await prepareItems(db!.prisma);
    const config = configFor(sink!.port);
    const [a, b] = await Promise.all([runReminderRound(db!, config, logger, options('2026-03-10', 'a')), runReminderRound(db!, config, logger, options('2026-03-10', 'b'))]);
    expect([a, b].sort()).toEqual([0, 3]);
    expect(sink!.mails).toHaveLength(3);
  });

  it('does not run without an SMTP host', async () => {
    const stopped = startReminderScheduler(db!, apiConfigFromEnv({}), logger);
    await stopped.stop();
    expect(await db!.prisma.schedulerLease.count()).toBe(0);
  });
});

describe.runIf(testBackend() === 'postgres')('reminders from two API processes', () => {
  it('sends each reminder once though both processes run the scheduler', async () => {
    // A database of its own that two processes can open (a PostgreSQL copy of the seeded template).
    const adminUrl = inject('postgresAdminUrl')!;
    const name = `samarkiv_reminders_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE_DB.seeded}"`);
    const url = withDatabase(adminUrl, name);
    cleanups.unshift(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    const own = await openDatabase({ kind: 'postgres', url });
    cleanups.push(() => own.close());
    sink = await startSmtpSink();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
    const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000);
    await prepareItems(own.prisma);
    await own.prisma.risk.updateMany({ where: { reference: 'R-T1' }, data: { nextReviewDate: inDays(-1) } });
    await own.prisma.measure.updateMany({ where: { title: { in: ['Lag opplæringsplan', 'Lesers tiltak'] } }, data: { deadline: inDays(2) } });
    await own.prisma.measure.updateMany({ where: { title: 'Bestill kurs' }, data: { deadline: inDays(30) } });
    const env = { DATABASE_URL: url, SAMARKIV_SEED: 'false', SAMARKIV_SMTP_HOST: '127.0.0.1', SAMARKIV_SMTP_PORT: String(sink.port), SAMARKIV_REMINDER_INTERVAL_SECONDS: '0.5', SAMARKIV_PUBLIC_URL: PUBLIC_URL };
    const servers: ServerProcess[] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    for (const server of servers) cleanups.push(() => server.stop());
    await Promise.all(servers.map((s) => s.waitFor(/Samarkiv is running/)));
    await Promise.all(servers.map((s) => s.waitFor(/reminder scheduler started/)));
    const deadline = Date.now() + 60_000;
    while (sink.mails.length < 3 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 200));
    // Several more rounds of both processes (0.5 s apart) must add nothing.
    await new Promise((done) => setTimeout(done, 4000));
    expect(sink.mails.map((m) => m.subject).sort()).toHaveLength(3);
    expect(await own.prisma.reminderSent.count()).toBe(3);
  });
});

export interface RemindersConfig {
  /** null: no SMTP host configured, so no reminders are sent (and the scheduler does not run). */
  smtp: { host: string; port: number; secure: boolean; user: string | null; password: string | null; from: string } | null;
  /** A measure's deadline or a risk's review this many days ahead (Europe/Oslo) gets its first reminder. */
  daysBefore: number;
  /** How often the scheduler looks for reminders due. */
  intervalMs: number;
}

export function remindersFromEnv(env: NodeJS.ProcessEnv, positive: (name: string, fallback: number) => number): RemindersConfig {
  const host = env.SAMARKIV_SMTP_HOST?.trim();
  return {
    smtp: host
      ? {
          host,
          port: positive('SAMARKIV_SMTP_PORT', 587),
          secure: env.SAMARKIV_SMTP_SECURE === 'true',
          user: env.SAMARKIV_SMTP_USER?.trim() || null,
          password: env.SAMARKIV_SMTP_PASSWORD || null,
          from: env.SAMARKIV_SMTP_FROM?.trim() || 'Samarkiv <samarkiv@localhost>',
        }
      : null,
    daysBefore: positive('SAMARKIV_REMINDER_DAYS_BEFORE', 7),
    intervalMs: positive('SAMARKIV_REMINDER_INTERVAL_SECONDS', 15 * 60) * 1000,
  };
}

import type { DueReminder } from './due.ts';

function norwegianDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The e-mail of one reminder, in plain bokmål, as plain text with the link into Samarkiv. */
export function composeReminder(reminder: DueReminder, baseUrl: string): { subject: string; text: string } {
  const date = norwegianDate(reminder.dueDate);
  const what = reminder.itemType === 'measure' ? `tiltaket «${reminder.title}» (risiko ${reminder.reference})` : `risikoen ${reminder.reference} «${reminder.title}»`;
  const subject =
    reminder.itemType === 'measure'
      ? reminder.kind === 'overdue'
        ? `Forfalt: fristen for tiltaket «${reminder.title}» var ${date}`
        : `Påminnelse: tiltaket «${reminder.title}» har frist ${date}`
      : reminder.kind === 'overdue'
        ? `Forfalt: risikoen ${reminder.reference} skulle vært gjennomgått ${date}`
        : `Påminnelse: risikoen ${reminder.reference} skal gjennomgås innen ${date}`;
  const line =
    reminder.kind === 'overdue'
      ? `Du er ansvarlig for ${what}. ${reminder.itemType === 'measure' ? 'Fristen' : 'Neste gjennomgang'} var ${date}, og det er ikke registrert som gjort.`
      : `Du er ansvarlig for ${what}. ${reminder.itemType === 'measure' ? 'Fristen' : 'Neste gjennomgang'} er ${date}.`;
  const text = [
    `Hei ${reminder.user.displayName},`,
    '',
    line,
    '',
    `Åpne i Samarkiv: ${baseUrl}/risiko/${reminder.riskId}`,
    '',
    `Du får denne e-posten fordi du står som ansvarlig i Samarkiv. Du kan skru av påminnelser på ${baseUrl}/min-konto.`,
  ].join('\n');
  return { subject, text };
}


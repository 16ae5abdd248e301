import { z } from 'zod';

// A TOTP code (six digits) or a one-time recovery code (ten letters and digits, hyphen optional).
export const secondFactorCode = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^(\d{6}|[A-Z2-7]{10})$/, { error: 'Skriv inn den sekssifrede koden fra appen eller en gjenopprettingskode.' }));

export const confirmTotpRules = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'Skriv inn den sekssifrede koden fra appen.' }),
});

export const reminderPreferenceRules = z.object({ enabled: z.boolean() });

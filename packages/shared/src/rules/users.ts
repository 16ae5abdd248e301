import { z } from 'zod';
import { ROLES } from '../codeLists.ts';
import { secondFactorCode } from './mfa.ts';

// Input rules shared by the API (which decides) and the web (which shows the same messages
// early). Messages are Norwegian: they reach the user as they are.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const password = z
  .string({ error: 'Skriv inn et passord.' })
  .min(PASSWORD_MIN_LENGTH, { error: `Passordet må ha minst ${PASSWORD_MIN_LENGTH} tegn.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Passordet kan ha høyst ${PASSWORD_MAX_LENGTH} tegn.` });

export const signInRules = z.object({
  username: z.string().trim().min(1, { error: 'Skriv inn brukernavn eller e-post.' }).max(200, { error: 'Brukernavnet er for langt.' }),
  password: z.string().min(1, { error: 'Skriv inn passordet.' }).max(PASSWORD_MAX_LENGTH, { error: 'Passordet er for langt.' }),
  /** The second factor, for an account that has one (asked for after the password is right). */
  code: secondFactorCode.nullish(),
});

export const changePasswordRules = z
  .object({
    currentPassword: z.string().min(1, { error: 'Skriv inn det nåværende passordet.' }).max(PASSWORD_MAX_LENGTH),
    newPassword: password,
  })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ['newPassword'], error: 'Det nye passordet må være forskjellig fra det gamle.' });

export const usernameRule = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { error: 'Brukernavnet må ha minst 2 tegn.' })
  .max(60, { error: 'Brukernavnet kan ha høyst 60 tegn.' })
  .regex(/^[a-z0-9._-]+$/, { error: 'Brukernavnet kan bare ha små bokstaver a–z, tall, punktum, bindestrek og understrek.' });

const displayName = z.string().trim().min(1, { error: 'Skriv inn navnet.' }).max(120, { error: 'Navnet kan ha høyst 120 tegn.' });
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, { error: 'E-postadressen er for lang.' })
  .email({ error: 'Skriv en gyldig e-postadresse.' })
  .nullish();

export const membershipRules = z
  .array(z.object({ municipalityId: z.coerce.number().int().positive({ error: 'Velg en kommune.' }), role: z.enum(ROLES, { error: 'Velg en rolle.' }) }))
  .max(50, { error: 'For mange medlemskap.' })
  .refine((list) => new Set(list.map((m) => m.municipalityId)).size === list.length, { error: 'En bruker kan ha bare én rolle per kommune.' });

export const createUserRules = z.object({
  username: usernameRule,
  displayName,
  email,
  password,
  memberships: membershipRules,
});

export const updateUserRules = z.object({
  displayName: displayName.optional(),
  email,
  version: z.number().int().positive(),
});

export { password as passwordRule };

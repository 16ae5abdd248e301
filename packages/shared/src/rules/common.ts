import { z } from 'zod';
import { isRealDate } from '../dates.ts';

// Building blocks of the input rules. Messages are Norwegian: they reach the user as they are.

/** A row id as GraphQL sends it (an ID string) or a number. */
export const idRule = (what = 'en verdi') =>
  z.coerce.number({ error: `Velg ${what}.` }).int({ error: `Velg ${what}.` }).positive({ error: `Velg ${what}.` }).max(2_147_483_647, { error: `Velg ${what}.` });

/** Required text, trimmed, within a length. */
export const textRule = (label: string, max: number, min = 1) =>
  z
    .string({ error: `Fyll inn ${label}.` })
    .trim()
    .min(min, { error: min <= 1 ? `Fyll inn ${label}.` : `${capitalise(label)} må ha minst ${min} tegn.` })
    .max(max, { error: `${capitalise(label)} kan ha høyst ${max} tegn.` })
    .refine(storable, { error: unstorable(label) });

/** Optional text: empty or only spaces becomes null. */
export const optionalTextRule = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${capitalise(label)} kan ha høyst ${max} tegn.` })
    .refine(storable, { error: unstorable(label) })
    .nullish()
    .transform((v) => (v ? v : null));

/** A calendar date as YYYY-MM-DD that exists (no 31 February). */
export const isoDateRule = (label: string) =>
  z
    .string({ error: `Fyll inn ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${capitalise(label)} må være en dato (ÅÅÅÅ-MM-DD).` })
    .refine((v) => isRealDate(v), { error: `${capitalise(label)} er ikke en gyldig dato.` });

/** The version an update was based on (optimistic concurrency). */
export const versionRule = z.number({ error: 'Versjonen mangler.' }).int().positive({ error: 'Versjonen mangler.' });

// PostgreSQL's text cannot hold U+0000 (the API refuses it in any GraphQL string too; this is
// for text that arrives by other ways, such as a CSV file).
const storable = (text: string) => !text.includes('\u0000');
const unstorable = (label: string) => `${capitalise(label)} inneholder et tegn som ikke kan lagres (nulltegnet U+0000).`;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export { isRealDate };

import { apiError, apiErrors, type ApiError } from './errors.ts';

/** A mutation's result as a value, so a form can branch on it instead of catching. */
export type MutationOutcome<T> = { ok: true; data: T } | { ok: false; error: ApiError; errors: ApiError[] };

export async function outcomeOf<T>(run: () => Promise<{ data?: T | null }>): Promise<MutationOutcome<T>> {
  try {
    const { data } = await run();
    if (data == null) return { ok: false, error: { code: 'UNKNOWN' }, errors: [{ code: 'UNKNOWN' }] };
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: apiError(error), errors: apiErrors(error) };
  }
}

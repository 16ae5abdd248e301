// Structural, so the web app needs no direct dependency on zod (it comes with @samarkiv/shared).
type SafeParseResult = { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

/**
 * The first message of each field a shared zod rule refused, keyed by the field's name (the
 * first part of the issue's path), so a form shows the same Norwegian text the API would.
 */
export function zodFieldErrors<F extends string>(
  result: SafeParseResult,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  if (result.success) return found;
  for (const issue of result.error.issues) {
    const name = issue.path.find((part): part is string => typeof part === 'string');
    if (name && (fields as readonly string[]).includes(name) && !found[name as F]) found[name as F] = issue.message;
  }
  return found;
}

/** Trimmed text, or null for nothing (how the API clears an optional text). */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

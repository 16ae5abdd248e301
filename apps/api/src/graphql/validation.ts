import type { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * Parses input with a shared zod rule. A rejection is VALIDATION_FAILED with the path of the
 * first failing field (prefixed with the argument name) and its Norwegian message; all issues
 * travel in `issues` so a form can mark every field at once.
 */
export function parseInput<T extends z.ZodType>(rules: T, input: unknown, argument = 'input'): z.infer<T> {
  const result = rules.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: [argument, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message }));
  const first = issues[0]!;
  throw new AppError('VALIDATION_FAILED', first.message, { path: first.path, issues });
}

import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { fieldErrorsOf, type ApiError } from '../../lib/errors.ts';
import { useFocusFirstInvalid } from './useFocusFirstInvalid.ts';

type Issue = { path: readonly PropertyKey[]; message: string };

/** The last string of an issue's path: `['date', 'end']` is the end field. */
const fieldOfPath = (path: readonly PropertyKey[]) => path.filter((p): p is string => typeof p === 'string').at(-1);

/**
 * What a form checked by the shared rules holds besides its values: messages at its fields, a
 * problem for the form as a whole (with a counter, so the same alert is announced again on a new
 * attempt), and focus moved to the first invalid field once the messages are on screen.
 */
export function useFieldForm<F extends string>(fields: readonly F[]) {
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const isField = (name: string | undefined): name is F => name !== undefined && (fields as readonly string[]).includes(name);

  /** The shared rules refused the input before any request: each first message at its field. */
  function showIssues(issues: readonly Issue[]) {
    const found: Partial<Record<F, string>> = {};
    for (const issue of issues) {
      const field = fieldOfPath(issue.path);
      if (isField(field)) found[field] ??= issue.message;
    }
    setErrors(found);
    focusFirstInvalid();
  }

  /** The server refused: its field errors at their fields, anything else for the whole form. */
  function showApiError(t: TFunction, error: ApiError) {
    const atFields = fieldErrorsOf(t, error, fields);
    if (Object.keys(atFields).length > 0) {
      setErrors(atFields);
      focusFirstInvalid();
      return;
    }
    setProblem(error);
    setAttempt((n) => n + 1);
  }

  return { formRef, errors, setErrors, problem, setProblem, attempt, showIssues, showApiError };
}

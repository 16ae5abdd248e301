import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Moves focus to the first invalid field of a form once React has rendered the error
 * messages, so a screen reader reads the field together with what is wrong with it.
 */
export function useFocusFirstInvalid(container: RefObject<HTMLElement | null>) {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request, container]);
  return useCallback(() => setRequest((value) => value + 1), []);
}

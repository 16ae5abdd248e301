import { useLayoutEffect, useRef } from 'react';

export const MATRIX_DATA_MARK = 'risk-matrix:data';
export const MATRIX_RENDER_MEASURE = 'risk-matrix:render';

/**
 * Measures how long the matrix takes from a result's arrival to its first paint, for the browser
 * journey (the 100 ms target is read from the `risk-matrix:render` measure, not asserted
 * here). The mark is set while rendering a result not seen before; the measure after the commit,
 * in the next animation frame, so layout and paint of the new cells are included.
 */
export function useMatrixRenderTiming(data: object | undefined) {
  const seen = useRef<object | undefined>(undefined);
  if (data && data !== seen.current) {
    seen.current = data;
    performance.mark(MATRIX_DATA_MARK);
  }
  useLayoutEffect(() => {
    if (!data || typeof requestAnimationFrame !== 'function') return;
    const frame = requestAnimationFrame(() => {
      try {
        performance.measure(MATRIX_RENDER_MEASURE, MATRIX_DATA_MARK);
      } catch {
        // No mark (cleared by someone else): nothing to measure.
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [data]);
}

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CURSOR_PARAM } from '../../../components/table/useCursorPaging.ts';

// The register's own parameters, beside the workspace's shared view (riskUrlState.ts):
// `forfalt` (the quick toggles, `gjennomgang` and/or `tiltak`, comma-separated) and `visning`
// (`tiltak` shows the measures instead of the risks).
const OVERDUE_PARAM = 'forfalt';
const VIEW_PARAM = 'visning';

export type RegisterView = 'risks' | 'measures';
export type RegisterOptions = {
  /** Only risks whose review date has passed. */
  reviewOverdue: boolean;
  /** Only risks with overdue measures; on the measures view, only overdue measures. */
  measuresOverdue: boolean;
  view: RegisterView;
};

export function readRegisterOptions(params: URLSearchParams): RegisterOptions {
  const overdue = (params.get(OVERDUE_PARAM) ?? '').split(',');
  return {
    reviewOverdue: overdue.includes('gjennomgang'),
    measuresOverdue: overdue.includes('tiltak'),
    view: params.get(VIEW_PARAM) === 'tiltak' ? 'measures' : 'risks',
  };
}

export function writeRegisterOptions(options: RegisterOptions, base: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  const overdue = [options.reviewOverdue && 'gjennomgang', options.measuresOverdue && 'tiltak'].filter(Boolean).join(',');
  if (overdue) params.set(OVERDUE_PARAM, overdue);
  else params.delete(OVERDUE_PARAM);
  if (options.view === 'measures') params.set(VIEW_PARAM, 'tiltak');
  else params.delete(VIEW_PARAM);
  return params;
}

/** The options of the current URL and a change that starts the list again at its first page. */
export function useRegisterOptions(): [RegisterOptions, (change: Partial<RegisterOptions>) => void] {
  const [params, setParams] = useSearchParams();
  const options = useMemo(() => readRegisterOptions(params), [params]);
  const update = useCallback(
    (change: Partial<RegisterOptions>) =>
      setParams((current) => {
        const next = writeRegisterOptions({ ...readRegisterOptions(current), ...change }, current);
        next.delete(CURSOR_PARAM);
        return next;
      }),
    [setParams],
  );
  return [options, update];
}

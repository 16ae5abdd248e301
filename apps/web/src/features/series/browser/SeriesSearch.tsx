import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form/fields.tsx';

/** How long typing must pause before the search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

type SeriesSearchProps = { value: string; onSearch(search: string): void };

/** The search box: results follow the typing (debounced), no button to press. */
export function SeriesSearch({ value, onSearch }: SeriesSearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL changed from elsewhere (back, "remove all filters"): show what applies. What this box
  // sent itself is left alone, so a round trip never overwrites what was typed meanwhile.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function change(next: string) {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      sent.current = next.trim();
      onSearch(next.trim());
    }, SEARCH_DEBOUNCE_MS);
  }

  return (
    <div role="search" className="series-search">
      <TextField
        label={t('seriesBrowser.search.label')}
        description={t('seriesBrowser.search.help')}
        type="search"
        value={text}
        maxLength={200}
        onChange={(event) => change(event.target.value)}
      />
    </div>
  );
}

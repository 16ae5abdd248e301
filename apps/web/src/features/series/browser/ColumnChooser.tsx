import { Button, Input, Label } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COLUMNS, FIXED_COLUMN, SERIES_COLUMNS, type SeriesColumn } from './seriesBrowserState.ts';

type ColumnChooserProps = { columns: SeriesColumn[]; onChange(columns: SeriesColumn[]): void };

/**
 * Which columns show, and in what order: a checkbox per column and up/down buttons (keyboard
 * operable; no dragging needed). Hidden columns follow the shown ones in their usual order.
 */
export function ColumnChooser({ columns, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  const idBase = useId();
  const hidden = SERIES_COLUMNS.filter((id) => !columns.includes(id));
  const name = (id: SeriesColumn) => t(`seriesBrowser.columns.${id}`);

  const move = (id: SeriesColumn, by: -1 | 1) => {
    const from = columns.indexOf(id);
    const to = from + by;
    if (to < 0 || to >= columns.length) return;
    const next = [...columns];
    [next[from], next[to]] = [next[to]!, next[from]!];
    onChange(next);
  };
  const toggle = (id: SeriesColumn, show: boolean) => onChange(show ? [...columns, id] : columns.filter((c) => c !== id));

  return (
    <details className="column-chooser">
      <summary>{t('seriesBrowser.columnChooser.summary', { shown: columns.length, total: SERIES_COLUMNS.length })}</summary>
      <div className="column-chooser__content">
        <ol className="column-chooser__list">
          {[...columns, ...hidden].map((id) => {
            const shown = columns.includes(id);
            const index = columns.indexOf(id);
            return (
              <li key={id}>
                <div className="ds-field" data-position="start">
                  <Input
                    type="checkbox"
                    id={`${idBase}-${id}`}
                    checked={shown}
                    disabled={id === FIXED_COLUMN}
                    onChange={(event) => toggle(id, event.target.checked)}
                  />
                  <Label htmlFor={`${idBase}-${id}`}>{name(id)}</Label>
                </div>
                {shown && (
                  <span className="column-chooser__moves">
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('seriesBrowser.columnChooser.up', { column: name(id) })}
                      aria-disabled={index === 0 || undefined}
                      onClick={() => move(id, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </Button>
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('seriesBrowser.columnChooser.down', { column: name(id) })}
                      aria-disabled={index === columns.length - 1 || undefined}
                      onClick={() => move(id, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </Button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => onChange(DEFAULT_COLUMNS)}>
          {t('seriesBrowser.columnChooser.reset')}
        </Button>
      </div>
    </details>
  );
}

import { useTranslation } from 'react-i18next';

/** An empty cell: a dash on screen, a word for screen readers (which would read "dash"). */
export function NoValue() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="ds-sr-only">{t('common.none')}</span>
    </>
  );
}
